/**
 * Links between records, typed, each with certainty and source. A link is a record of its own (with a global
 * id); its custody events name both ends, so it shows in the history of each.
 */
import { randomUUID } from 'node:crypto';
import type { ItemSelection } from '../../shared/api';
import type { Changed, LinkInput, LinkPatch, LinkView } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import { formatRef, type LinkId, type PersonId, type PlaceId, type SourceId } from '../../shared/ids';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { changedSince, notFound, UNDONE_REASON, type RecordContext } from '../changes/record-context';
import type { ItemsRepository } from '../items/items-repository';
import type { PersonsRepository } from '../persons/persons-repository';
import type { PlacesRepository } from '../places/places-repository';
import type { SourcesRepository } from '../sources/sources-repository';
import type { VocabulariesService } from '../vocabularies/vocabularies-service';
import type { LinkColumns, LinkRecord, LinksRepository } from './links-repository';

const editable = (link: LinkRecord): Record<string, unknown> => ({
  certainty: link.certainty,
  sourceId: link.sourceId,
  note: link.note,
  relationship: link.relationship,
});

/** The ends a link of each shape must name, and the ones it must not. */
const ENDS: Record<LinkColumns['shape'], Array<keyof LinkInput>> = {
  'item-person': ['itemId', 'personId'],
  'item-place': ['itemId', 'placeId'],
  'person-place': ['personId', 'placeId'],
  'person-person': ['personId', 'relatedPersonId'],
  'item-item': ['itemId', 'relatedItemId'],
};
const ALL_ENDS: Array<keyof LinkInput> = ['itemId', 'personId', 'placeId', 'relatedItemId', 'relatedPersonId'];

export function createLinksService(
  ctx: RecordContext,
  deps: {
    links: LinksRepository;
    items: ItemsRepository;
    persons: PersonsRepository;
    places: PlacesRepository;
    sources: SourcesRepository;
    vocabularies: VocabulariesService;
  },
) {
  const { links } = deps;
  const require = (id: number): LinkRecord => {
    const link = links.get(id);
    if (!link) throw notFound(`link ${id}`);
    return link;
  };

  /**
   * The reference and global id of a record a link points to. A new (or restored) link needs a live end and
   * refuses a missing or deleted one; an existing link can still be edited or removed after an end was deleted.
   */
  function endOf(kind: 'item' | 'person' | 'place', id: number, live: boolean): { ref: string; globalId: string } {
    const ref = formatRef(kind, id);
    if (kind === 'item') {
      const globalId = !live || deps.items.fileInfo(id) ? deps.items.globalIds([id]).get(id) : undefined;
      if (!globalId) throw notFound(`item ${ref}`);
      return { ref, globalId };
    }
    const record = kind === 'person' ? deps.persons.get(id) : deps.places.get(id);
    if (!record) throw notFound(`${kind} ${ref}`);
    if (live && record.deletedAt) throw new CatalogueError('CONFLICT', `${ref} is deleted: restore it before linking to it.`);
    return { ref, globalId: record.globalId };
  }

  function ends(link: Pick<LinkColumns, 'shape' | 'itemId' | 'personId' | 'placeId' | 'relatedItemId' | 'relatedPersonId'>, live = true) {
    switch (link.shape) {
      case 'item-person':
        return [endOf('item', link.itemId!, live), endOf('person', link.personId!, live)] as const;
      case 'item-place':
        return [endOf('item', link.itemId!, live), endOf('place', link.placeId!, live)] as const;
      case 'person-place':
        return [endOf('person', link.personId!, live), endOf('place', link.placeId!, live)] as const;
      case 'person-person':
        return [endOf('person', link.personId!, live), endOf('person', link.relatedPersonId!, live)] as const;
      case 'item-item':
        return [endOf('item', link.itemId!, live), endOf('item', link.relatedItemId!, live)] as const;
    }
  }

  function snapshot(link: LinkColumns, from: { ref: string; globalId: string }, to: { ref: string; globalId: string }) {
    return {
      type: link.type,
      from,
      to,
      certainty: link.certainty,
      sourceId: link.sourceId,
      relationship: link.relationship,
      note: link.note,
    };
  }

  function checkSource(sourceId: SourceId | null | undefined): void {
    if (sourceId !== null && sourceId !== undefined && !deps.sources.get(sourceId)) throw notFound(`source ${formatRef('source', sourceId)}`);
  }

  /** Inside a change: makes the link, or returns the live one that already says the same. */
  function create(input: LinkInput, extra: Record<string, unknown> = {}): { link: LinkRecord; created: boolean } {
    const type = deps.vocabularies.linkType(input.type);
    for (const end of ALL_ENDS) {
      const needed = ENDS[type.shape].includes(end);
      if (needed && input[end] === undefined) throw new CatalogueError('INVALID_ARGUMENT', `A "${type.code}" link needs ${end}.`);
      if (!needed && input[end] !== undefined) throw new CatalogueError('INVALID_ARGUMENT', `A "${type.code}" link does not take ${end}.`);
    }
    if (type.shape === 'person-person' && input.personId === input.relatedPersonId) throw new CatalogueError('INVALID_ARGUMENT', 'A person cannot be linked to themselves.');
    if (type.shape === 'item-item' && input.itemId === input.relatedItemId) throw new CatalogueError('INVALID_ARGUMENT', 'An item cannot be linked to itself.');
    const certainty = deps.vocabularies.require('certainty', input.certainty ?? 'reported').code;
    checkSource(input.sourceId);
    const columns: LinkColumns = {
      type: type.code,
      shape: type.shape,
      itemId: input.itemId ?? null,
      personId: input.personId ?? null,
      placeId: input.placeId ?? null,
      relatedItemId: input.relatedItemId ?? null,
      relatedPersonId: input.relatedPersonId ?? null,
      relationship: input.relationship ?? null,
      certainty,
      sourceId: input.sourceId ?? null,
      note: input.note ?? null,
    };
    const [from, to] = ends(columns);
    const existing = links.findLive(columns);
    if (existing) return { link: existing, created: false };
    const globalId = randomUUID();
    const id = links.insert({ ...columns, globalId, at: ctx.now() });
    ctx.custody.append({
      action: 'linked',
      targetType: 'link',
      targetGlobalId: globalId,
      mentions: [from.globalId, to.globalId],
      details: { link: snapshot(columns, from, to), ...extra },
    });
    return { link: require(id), created: true };
  }

  function update(id: LinkId, patch: LinkPatch, extra: Record<string, unknown> = {}): LinkRecord {
    const current = require(id);
    if (patch.certainty !== undefined) deps.vocabularies.require('certainty', patch.certainty);
    checkSource(patch.sourceId);
    const diff = fieldDiff(editable(current), { ...patch });
    if (!diff) return current;
    const next = { ...editable(current), ...diff.after } as Pick<LinkColumns, 'certainty' | 'sourceId' | 'note' | 'relationship'>;
    links.update(id, next, ctx.now());
    const [from, to] = ends(current, false);
    ctx.custody.append({ action: 'link-edited', targetType: 'link', targetGlobalId: current.globalId, mentions: [from.globalId, to.globalId], details: { ...diff, ...extra } });
    return require(id);
  }

  function remove(id: number, reason: string, extra: Record<string, unknown> = {}): LinkRecord {
    const link = require(id);
    if (link.deletedAt) return link;
    links.setDeleted(id, ctx.now(), reason, ctx.now());
    const [from, to] = ends(link, false);
    ctx.custody.append({ action: 'unlinked', targetType: 'link', targetGlobalId: link.globalId, mentions: [from.globalId, to.globalId], details: { reason, link: snapshot(link, from, to), ...extra } });
    return require(id);
  }

  function restore(id: number, extra: Record<string, unknown> = {}): LinkRecord {
    const link = require(id);
    if (!link.deletedAt) return link;
    if (links.findLive(link)) throw new CatalogueError('CONFLICT', 'The same link has been made again since, so there is nothing to restore.');
    const [from, to] = ends(link);
    links.setDeleted(id, null, null, ctx.now());
    ctx.custody.append({ action: 'relinked', targetType: 'link', targetGlobalId: link.globalId, mentions: [from.globalId, to.globalId], details: { link: snapshot(link, from, to), ...extra } });
    return require(id);
  }

  const idOf = (globalId: string) => links.byGlobalId(globalId)?.id ?? null;
  /** The link an event is about; with `leftDeleted`, it must still be deleted (or live) as the event left it. */
  const find = (globalId: string | undefined, leftDeleted?: boolean) => {
    const id = globalId ? idOf(globalId) : null;
    if (id === null) throw notFound('link');
    if (leftDeleted !== undefined && (require(id).deletedAt !== null) !== leftDeleted) {
      throw changedSince('The link', leftDeleted ? 'it was made again since' : 'it was removed since');
    }
    return id;
  };
  ctx.undoers.set('link:linked', (event, undoOf) => remove(find(event.targetGlobalId, false), UNDONE_REASON, { undoOf }));
  ctx.undoers.set('link:relinked', (event, undoOf) => remove(find(event.targetGlobalId, false), UNDONE_REASON, { undoOf }));
  ctx.undoers.set('link:unlinked', (event, undoOf) => restore(find(event.targetGlobalId, true), { undoOf }));
  ctx.undoers.set('link:link-edited', (event, undoOf) => {
    const link = require(find(event.targetGlobalId));
    undoEdit('The link', editable(link), event.details, (before) => update(link.id, before as LinkPatch, { undoOf }), changedSince);
  });

  const view = (id: number): LinkView => links.view(id)!;
  const areas = ['links', 'items', 'persons', 'places'] as const;

  return {
    create: (input: LinkInput): Changed<LinkView> => ctx.runChange([...areas], () => view(create(input).link.id)),
    update: (id: LinkId, patch: LinkPatch): Changed<LinkView> => ctx.runChange([...areas], () => view(update(id, patch).id)),
    remove: (id: LinkId, reason: string): Changed<LinkView> => ctx.runChange([...areas], () => view(remove(id, reason).id)),
    linkItems(args: { selection: ItemSelection; type: string; personId?: PersonId; placeId?: PlaceId; certainty?: string; sourceId?: SourceId | null }): Changed<{ linked: number }> {
      return ctx.runChange([...areas], () => {
        const type = deps.vocabularies.linkType(args.type);
        if (type.shape !== 'item-person' && type.shape !== 'item-place') {
          throw new CatalogueError('INVALID_ARGUMENT', `Items can be linked to a person or a place, not with "${type.code}".`);
        }
        let linked = 0;
        for (const itemId of deps.items.selectionIds(args.selection)) {
          const { created } = create({
            type: type.code,
            itemId,
            ...(type.shape === 'item-person' ? { personId: args.personId } : { placeId: args.placeId }),
            ...(args.certainty ? { certainty: args.certainty } : {}),
            sourceId: args.sourceId ?? null,
          });
          if (created) linked += 1;
        }
        return { linked };
      });
    },
    /** Inside a change (a CSV row): the link, made unless it exists. */
    ensure: (input: LinkInput, extra: Record<string, unknown> = {}) => create(input, extra),
    removeInChange: remove,
    forItem: (id: number) => links.forItem(id),
    forPerson: (id: number) => links.forPerson(id),
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
