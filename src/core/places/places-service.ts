/**
 * Places: create, change, soft-delete and restore, merge two that are one; the place panel; matching a place
 * name from a CSV file.
 */
import { randomUUID } from 'node:crypto';
import type { Changed, Page, PlaceDetail, PlaceFilter, PlaceInput, PlacePatch, PlaceSummary } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { PlaceId } from '../../shared/ids';
import { detectScript, nameKey } from '../../shared/names/name-key';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { registerLifecycleUndo } from '../changes/lifecycle-undo';
import { changedSince, notFound, UNDONE_REASON, type RecordContext } from '../changes/record-context';
import type { CustodyHistory } from '../custody/custody-history';
import type { LinksRepository } from '../links/links-repository';
import type { TagsRepository } from '../tags/tags-repository';
import type { VocabulariesService } from '../vocabularies/vocabularies-service';
import { createPlaceMerge, mergedReason, type MergeDetails } from './place-merge';
import type { PlaceColumns, PlaceRecord, PlacesRepository } from './places-repository';

const EDITABLE: Array<keyof PlaceColumns> = ['type', 'nameFa', 'nameLatin', 'parentId', 'lat', 'lon', 'coordinatesSensitivity', 'sensitivity', 'notes'];

function editable(place: PlaceRecord): Record<string, unknown> {
  return Object.fromEntries(EDITABLE.map((k) => [k, place[k]]));
}

export function createPlacesService(
  ctx: RecordContext,
  deps: { places: PlacesRepository; links: LinksRepository; tags: TagsRepository; vocabularies: VocabulariesService; history: CustodyHistory },
) {
  const { places } = deps;
  const require = (id: number): PlaceRecord => {
    const place = places.get(id);
    if (!place) throw notFound(`place ${id}`);
    return place;
  };

  function checkParent(id: number | null, parentId: number | null | undefined): void {
    if (parentId === null || parentId === undefined) return;
    // Walk up from the new parent: reaching the place itself would make a loop.
    for (let at: number | null = parentId, steps = 0; at !== null; steps += 1) {
      if (at === id) throw new CatalogueError('INVALID_ARGUMENT', 'A place cannot be inside itself or inside one of its own places.');
      const parent = places.get(at);
      if (!parent) throw notFound(`place ${at}`);
      if (steps > 1000) break;
      at = parent.parentId;
    }
  }

  function create(input: PlaceInput): PlaceRecord {
    const type = deps.vocabularies.placeType(input.type);
    const nameFa = input.nameFa ?? null;
    const nameLatin = input.nameLatin ?? null;
    if (!nameFa && !nameLatin) throw new CatalogueError('INVALID_ARGUMENT', 'A place needs a name in Persian script or in Latin script.');
    checkParent(null, input.parentId);
    const columns: PlaceColumns = {
      type: type.code,
      nameFa,
      nameLatin,
      parentId: input.parentId ?? null,
      lat: input.lat ?? null,
      lon: input.lon ?? null,
      // Grave coordinates are strictly confidential unless someone decides otherwise (DESIGN.md §4).
      coordinatesSensitivity: input.coordinatesSensitivity ?? (type.graves ? 'confidential' : 'restricted'),
      sensitivity: input.sensitivity ?? 'restricted',
      notes: input.notes ?? null,
    };
    if ((columns.lat === null) !== (columns.lon === null)) throw new CatalogueError('INVALID_ARGUMENT', 'Give both latitude and longitude, or neither.');
    const globalId = randomUUID();
    const id = places.insert({ ...columns, globalId, at: ctx.now() });
    const place = require(id);
    ctx.custody.append({ action: 'record-created', targetType: 'place', targetRef: place.ref, targetGlobalId: globalId, details: { after: columns } });
    return place;
  }

  function update(id: PlaceId, patch: PlacePatch, extra: Record<string, unknown> = {}): PlaceRecord {
    const current = require(id);
    const wanted: PlacePatch = { ...patch };
    if (patch.type !== undefined) {
      const type = deps.vocabularies.placeType(patch.type);
      // A place found to hold graves gets the graves' default: its coordinates strictly confidential, unless this
      // edit says how sensitive they are (undo says so too, with the value it restores).
      if (type.graves && patch.coordinatesSensitivity === undefined && !extra.undoOf) wanted.coordinatesSensitivity = 'confidential';
    }
    if (patch.parentId !== undefined) checkParent(id, patch.parentId);
    const diff = fieldDiff(editable(current), { ...wanted });
    if (!diff) return current;
    const next = { ...current, ...(diff.after as Partial<PlaceColumns>) };
    if (!next.nameFa && !next.nameLatin) throw new CatalogueError('INVALID_ARGUMENT', 'A place needs a name in Persian script or in Latin script.');
    if ((next.lat === null) !== (next.lon === null)) throw new CatalogueError('INVALID_ARGUMENT', 'Give both latitude and longitude, or neither.');
    places.update(id, diff.after as Partial<PlaceColumns>, ctx.now());
    ctx.custody.append({ action: 'record-edited', targetType: 'place', targetRef: current.ref, targetGlobalId: current.globalId, details: { ...diff, ...extra } });
    return require(id);
  }

  function remove(id: number, reason: string, extra: Record<string, unknown> = {}): PlaceRecord {
    const place = require(id);
    if (place.deletedAt) return place;
    places.setDeleted(id, ctx.now(), reason, ctx.now());
    ctx.custody.append({ action: 'record-deleted', targetType: 'place', targetRef: place.ref, targetGlobalId: place.globalId, details: { reason, ...extra } });
    return require(id);
  }

  /** A place merged into another is restored as a place of its own again; the event says which it was merged into. */
  function restore(id: number, extra: Record<string, unknown> = {}): PlaceRecord {
    const place = require(id);
    if (!place.deletedAt) return place;
    const mergedInto = place.mergedIntoId === null ? null : places.get(place.mergedIntoId);
    places.setDeleted(id, null, null, ctx.now());
    if (place.mergedIntoId !== null) places.setMergedInto(id, null);
    ctx.custody.append({
      action: 'record-restored',
      targetType: 'place',
      targetRef: place.ref,
      targetGlobalId: place.globalId,
      details: { ...(mergedInto ? { unmergedFrom: { ref: mergedInto.ref, globalId: mergedInto.globalId } } : {}), ...extra },
    });
    return require(id);
  }

  const merging = createPlaceMerge(ctx, { places, links: deps.links, checkParent });

  /** Inside a change: merges `mergeId` into `keepId` (see place-merge.ts), then deletes it as merged. */
  function merge(keepId: number, mergeId: number): PlaceRecord {
    if (keepId === mergeId) throw new CatalogueError('INVALID_ARGUMENT', 'A place cannot be merged with itself: choose the other place.');
    const kept = require(keepId);
    const merged = require(mergeId);
    for (const place of [kept, merged]) {
      if (place.deletedAt) throw new CatalogueError('CONFLICT', `${place.ref} is deleted: restore it before merging it.`);
    }
    merging.apply(kept, merged, merging.plan(kept, merged), 'forward');
    deleteAsMerged(merged.id, kept, {});
    return require(keepId);
  }

  function deleteAsMerged(id: number, kept: PlaceRecord, extra: Record<string, unknown>): void {
    remove(id, mergedReason(kept), { mergedInto: { ref: kept.ref, globalId: kept.globalId }, ...extra });
    places.setMergedInto(id, kept.id);
  }

  const idOf = (globalId: string) => places.byGlobalId(globalId)?.id ?? null;
  registerLifecycleUndo(ctx, 'place', { idOf, isDeleted: (id) => require(id).deletedAt !== null, remove, restore });
  // Undoing the restore of a place that had been merged (an undone merge, undone in turn) deletes it as merged again.
  const undoRestore = ctx.undoers.get('place:record-restored')!;
  ctx.undoers.set('place:record-restored', (event, undoOf) => {
    const from = event.details.unmergedFrom as { ref: string; globalId: string } | undefined;
    if (!from) return undoRestore(event, undoOf);
    const place = places.byGlobalId(event.targetGlobalId ?? '');
    if (!place) throw notFound(`place ${event.targetRef ?? ''}`);
    if (place.deletedAt) throw changedSince(place.ref, 'it was deleted since');
    const kept = places.byGlobalId(from.globalId);
    if (!kept || kept.deletedAt) return void remove(place.id, UNDONE_REASON, { undoOf });
    deleteAsMerged(place.id, kept, { undoOf });
  });
  /** The merge's own record, whichever event carries it. */
  const mergeOf = (event: { targetGlobalId?: string; targetRef: string | null; details: Record<string, unknown> }) => {
    const { merged, moved, duplicates, namesFilled, children } = event.details as unknown as MergeDetails;
    const kept = places.byGlobalId(event.targetGlobalId ?? '');
    if (!kept) throw notFound(`place ${event.targetRef ?? ''}`);
    const other = places.byGlobalId(merged.globalId);
    if (!other) throw notFound(`place ${merged.ref}`);
    return { kept, other, details: { merged, moved, duplicates, namesFilled, children } };
  };
  // A merge's events run newest first on undo: the merged place's deletion is undone (it is restored) before the
  // links, names and places inside go back to it.
  ctx.undoers.set('place:merged', (event, undoOf) => {
    const { kept, other, details } = mergeOf(event);
    merging.apply(kept, other, details, 'back', { undoOf });
  });
  ctx.undoers.set('place:merge-undone', (event, undoOf) => {
    const { kept, other, details } = mergeOf(event);
    merging.apply(kept, other, details, 'forward', { undoOf });
  });
  ctx.undoers.set('place:record-edited', (event, undoOf) => {
    const place = places.byGlobalId(event.targetGlobalId ?? '');
    if (!place) throw notFound(`place ${event.targetRef ?? ''}`);
    undoEdit(place.ref, editable(place), event.details, (before) => update(place.id, before as PlacePatch, { undoOf }), changedSince);
  });

  function detail(id: number): PlaceDetail {
    const place = require(id);
    const summary = places.summary(id)!;
    return {
      ...summary,
      lat: place.lat,
      lon: place.lon,
      coordinatesSensitivity: place.coordinatesSensitivity,
      sensitivity: place.sensitivity,
      notes: place.notes,
      createdAt: place.createdAt,
      updatedAt: place.updatedAt,
      deletedAt: place.deletedAt,
      deletedReason: place.deletedReason,
      mergedIntoId: place.mergedIntoId,
      children: places.children(id),
      links: deps.links.forPlace(id),
      tags: [],
      custody: deps.history.forRecord(place.globalId),
    };
  }

  return {
    list(filter: PlaceFilter, offset: number, limit: number): Page<PlaceSummary> {
      return places.page(filter, offset, limit);
    },
    detail,
    create: (input: PlaceInput): Changed<PlaceDetail> => ctx.runChange(['places'], () => detail(create(input).id)),
    update: (id: PlaceId, patch: PlacePatch): Changed<PlaceDetail> => ctx.runChange(['places'], () => detail(update(id, patch).id)),
    remove: (id: PlaceId, reason: string): Changed<PlaceDetail> => ctx.runChange(['places', 'persons'], () => detail(remove(id, reason).id)),
    restore: (id: PlaceId): Changed<PlaceDetail> => ctx.runChange(['places', 'persons'], () => detail(restore(id).id)),
    /** Merges `mergeId` into `keepId` as one change; answers with the kept place. */
    merge: (keepId: PlaceId, mergeId: PlaceId): Changed<PlaceDetail> =>
      ctx.runChange(['places', 'persons', 'links', 'items'], () => detail(merge(keepId, mergeId).id)),
    /**
     * A place name as written in a CSV file, matched to a live place by its search key (in either script), or
     * made as a new place of the given type. Call inside a change; `index` is the caller's
     * places.nameIndex(), kept up to date here.
     */
    findOrCreateByName(name: string, type: string, index: Map<string, PlaceId>): PlaceId {
      const key = nameKey(name);
      const found = index.get(key);
      if (found !== undefined) return found;
      const persian = detectScript(name) === 'persian';
      const place = create({ type, nameFa: persian ? name : null, nameLatin: persian ? null : name });
      index.set(key, place.id);
      return place.id;
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
