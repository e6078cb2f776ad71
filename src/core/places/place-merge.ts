/**
 * Merging two places that are one (issue 8: "merge" is one of the edits logged with before and after): the
 * same prison entered as "Evin" and as "اوین". The kept place takes the other's links, the places inside it
 * and the names it lacks; the other is soft-deleted as merged into it. The work is written as one 'merged'
 * event on the kept place listing every record it touched, so undo can take exactly that back (a
 * 'merge-undone' event) and undoing the undo can do it again (a new 'merged' event).
 */
import { formatRef, type PlaceId } from '../../shared/ids';
import { changedSince, type RecordContext } from '../changes/record-context';
import type { LinkRecord, LinksRepository } from '../links/links-repository';
import type { PlaceColumns, PlaceRecord, PlacesRepository } from './places-repository';

type NameField = 'nameFa' | 'nameLatin';
const NAME_FIELDS: NameField[] = ['nameFa', 'nameLatin'];

/** What a merge did, as its custody event records it: enough to take it back and to do it again. */
export interface MergeDetails {
  /** The place merged into the event's target (the kept place). */
  merged: { id: number; ref: string; globalId: string };
  /** Live links of the merged place that now end at the kept place. */
  moved: Array<{ id: number; globalId: string }>;
  /**
   * Live links of the merged place that said what a live link of the kept place already says (same type, same
   * other end): soft-deleted instead of moved, so nothing is recorded twice. `duplicateOf` is the kept link.
   */
  duplicates: Array<{ id: number; globalId: string; duplicateOf: string }>;
  /** Names the kept place had no name for in a script, taken from the merged place. */
  namesFilled: Partial<Record<NameField, string>>;
  /**
   * Places that were inside the merged place, now inside `parentAfter`: the kept place, or (where that would
   * put a place inside itself: the kept place, or a place it is inside) the merged place's own parent.
   */
  children: Array<{ id: number; ref: string; globalId: string; parentBefore: number; parentAfter: number | null }>;
}

export const mergedReason = (kept: { ref: string }) => `Merged into ${kept.ref}`;

/** The record at the other end of a place link, for messages ("the link from V-000012"). */
function otherEnd(link: LinkRecord): string {
  if (link.personId !== null) return formatRef('person', link.personId);
  if (link.itemId !== null) return formatRef('item', link.itemId);
  return 'another record';
}

export function createPlaceMerge(
  ctx: RecordContext,
  deps: {
    places: PlacesRepository;
    links: LinksRepository;
    /** Throws when `parentId` would put the place inside itself. */
    checkParent(id: number, parentId: number | null): void;
  },
) {
  const { places, links } = deps;

  /** True when `ancestor` is `id` or contains it, at any depth. */
  function contains(ancestor: number, id: number): boolean {
    for (let at: number | null = id, steps = 0; at !== null && steps <= 1000; steps += 1) {
      if (at === ancestor) return true;
      at = places.get(at)?.parentId ?? null;
    }
    return false;
  }

  /** What merging `merged` into `kept` will do, worked out from the records as they are now. */
  function plan(kept: PlaceRecord, merged: PlaceRecord): MergeDetails {
    const details: MergeDetails = {
      merged: { id: merged.id, ref: merged.ref, globalId: merged.globalId },
      moved: [],
      duplicates: [],
      namesFilled: {},
      children: [],
    };
    for (const link of links.liveForPlace(merged.id)) {
      const twin = links.findLive({ ...link, placeId: kept.id });
      if (twin) details.duplicates.push({ id: link.id, globalId: link.globalId, duplicateOf: twin.globalId });
      else details.moved.push({ id: link.id, globalId: link.globalId });
    }
    for (const field of NAME_FIELDS) {
      const name = merged[field];
      if (!kept[field] && name) details.namesFilled[field] = name;
    }
    for (const childId of places.childIds(merged.id)) {
      const child = places.get(childId)!;
      const parentAfter = contains(child.id, kept.id) ? merged.parentId : kept.id;
      details.children.push({ id: child.id, ref: child.ref, globalId: child.globalId, parentBefore: merged.id, parentAfter });
    }
    return details;
  }

  const linkOf = (kept: PlaceRecord, globalId: string): LinkRecord => {
    const link = links.byGlobalId(globalId);
    if (!link) throw changedSince(kept.ref, 'a link of the merge no longer exists');
    return link;
  };
  const placeOf = (kept: PlaceRecord, globalId: string): PlaceRecord => {
    const place = places.byGlobalId(globalId);
    if (!place) throw changedSince(kept.ref, 'a place of the merge no longer exists');
    return place;
  };

  /**
   * Does the merge (`forward`) or takes it back (`back`), refusing if any record it touches is no longer as the
   * other direction left it, and appends the event that says so ('merged' or 'merge-undone'). Inside a change.
   * The merged place's own deletion (or restoring) is a separate event of the same change.
   */
  function apply(kept: PlaceRecord, merged: PlaceRecord, details: MergeDetails, direction: 'forward' | 'back', extra: Record<string, unknown> = {}): void {
    const forward = direction === 'forward';
    const [from, to] = forward ? [merged, kept] : [kept, merged];
    const at = ctx.now();
    const reason = mergedReason(kept);
    if (kept.deletedAt) throw changedSince(kept.ref, 'it was deleted since');
    if (merged.deletedAt) throw changedSince(merged.ref, 'it was deleted since');

    // Check everything first: an undo that cannot be done whole does nothing, and says why.
    const moved = details.moved.map((m) => {
      const link = linkOf(kept, m.globalId);
      if (link.deletedAt || link.placeId !== from.id) throw changedSince(kept.ref, `the link from ${otherEnd(link)} was removed or moved since`);
      if (links.findLive({ ...link, placeId: to.id })) throw changedSince(kept.ref, `${to.ref} has the same link from ${otherEnd(link)} again`);
      return link;
    });
    const duplicates = details.duplicates.map((d) => {
      const link = linkOf(kept, d.globalId);
      if ((link.deletedAt === null) !== forward || link.placeId !== merged.id) throw changedSince(kept.ref, `the duplicate link from ${otherEnd(link)} was changed since`);
      if (!forward && links.findLive(link)) throw changedSince(kept.ref, `${merged.ref} has the same link from ${otherEnd(link)} again`);
      return link;
    });
    const children = details.children.map((c) => {
      const child = placeOf(kept, c.globalId);
      const [before, after] = forward ? [c.parentBefore, c.parentAfter] : [c.parentAfter, c.parentBefore];
      if (child.parentId !== before) throw changedSince(kept.ref, `${child.ref} was moved to another place since`);
      deps.checkParent(child.id, after);
      return { child, after };
    });
    const names: Partial<PlaceColumns> = {};
    for (const field of NAME_FIELDS) {
      const name = details.namesFilled[field];
      if (name === undefined) continue;
      if (kept[field] !== (forward ? null : name)) throw changedSince(kept.ref, `its ${field === 'nameFa' ? 'Persian' : 'Latin'} name was changed since`);
      names[field] = forward ? name : null;
    }
    const renamed = { ...kept, ...names };
    if (!renamed.nameFa && !renamed.nameLatin) throw changedSince(kept.ref, 'its names were changed since');

    for (const link of moved) links.setPlace(link.id, to.id, at);
    for (const link of duplicates) links.setDeleted(link.id, forward ? at : null, forward ? reason : null, at);
    for (const { child, after } of children) places.update(child.id, { parentId: after as PlaceId | null }, at);
    places.update(kept.id, names, at);
    places.touch(kept.id, at);
    places.touch(merged.id, at);
    ctx.custody.append({
      action: forward ? 'merged' : 'merge-undone',
      targetType: 'place',
      targetRef: kept.ref,
      targetGlobalId: kept.globalId,
      mentions: [merged.globalId, ...details.moved.map((m) => m.globalId), ...details.duplicates.map((d) => d.globalId), ...details.children.map((c) => c.globalId)],
      details: { ...details, ...extra },
    });
  }

  return { plan, apply };
}

export type PlaceMerge = ReturnType<typeof createPlaceMerge>;
