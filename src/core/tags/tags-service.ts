/**
 * Tags: the vocabularies' terms and free tags, and tagging one record or a whole selection. Each tag added to
 * or removed from a record is a custody event on that record that names the tag, so a record's history shows
 * its tags coming and going, and undo takes them back one by one.
 */
import { randomUUID } from 'node:crypto';
import type { ItemSelection, TaggingResult } from '../../shared/api';
import type { Changed, TagDto, TagInput, TagSpec } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import { formatRef, type PersonId, type TagId } from '../../shared/ids';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { registerLifecycleUndo } from '../changes/lifecycle-undo';
import { changedSince, notFound, type RecordContext } from '../changes/record-context';
import type { CustodyRow } from '../custody/custody-repository';
import type { ItemsRepository } from '../items/items-repository';
import type { PersonsRepository } from '../persons/persons-repository';
import type { VocabulariesService } from '../vocabularies/vocabularies-service';
import type { TagColumns, TagRecord, TagsRepository } from './tags-repository';

const tagSnapshot = (tag: TagRecord) => ({ globalId: tag.globalId, vocabulary: tag.vocabulary, labelEn: tag.labelEn, labelFa: tag.labelFa });
const editable = (tag: TagRecord): Record<string, unknown> => ({ vocabulary: tag.vocabulary, parentId: tag.parentId, labelEn: tag.labelEn, labelFa: tag.labelFa });
const dto = (tag: TagRecord): TagDto => {
  const { deletedAt: _deleted, ...rest } = tag;
  return rest;
};

/** Who is being tagged: items or persons, by local id, with how to reach their global id and reference. */
interface Target {
  type: 'item' | 'person';
  ids: number[];
  globalIds: Map<number, string>;
  add(id: number, tagId: number): boolean;
  remove(id: number, tagId: number): boolean;
}

export function createTagsService(
  ctx: RecordContext,
  deps: { tags: TagsRepository; items: ItemsRepository; persons: PersonsRepository; vocabularies: VocabulariesService },
) {
  const { tags } = deps;
  const require = (id: number): TagRecord => {
    const tag = tags.get(id);
    if (!tag) throw notFound(`tag ${id}`);
    return tag;
  };
  const requireLive = (id: number): TagRecord => {
    const tag = require(id);
    if (tag.deletedAt) throw new CatalogueError('CONFLICT', `The tag "${tag.labelEn ?? tag.labelFa}" was deleted; restore it or choose another.`);
    return tag;
  };

  function checkColumns(columns: TagColumns, id: number | null): void {
    deps.vocabularies.require('tagVocabularies', columns.vocabulary);
    if (!columns.labelEn && !columns.labelFa) throw new CatalogueError('INVALID_ARGUMENT', 'A tag needs a label in English or in Persian.');
    for (let at = columns.parentId as number | null, steps = 0; at !== null && steps < 1000; steps += 1) {
      if (at === id) throw new CatalogueError('INVALID_ARGUMENT', 'A tag cannot be placed under itself or under one of its own narrower tags.');
      const parent = require(at);
      if (parent.vocabulary !== columns.vocabulary) throw new CatalogueError('INVALID_ARGUMENT', 'A tag and its broader tag must be in the same vocabulary.');
      at = parent.parentId;
    }
  }

  /** Refuses a label another live tag already has at the same place (vocabulary and broader term). */
  function checkLabels(columns: TagColumns, id: number | null): void {
    for (const label of [columns.labelEn, columns.labelFa]) {
      const clash = label ? tags.labelTaken(label, columns, id) : null;
      if (clash) throw new CatalogueError('CONFLICT', `There is already a tag "${clash.labelEn ?? clash.labelFa}" there.`);
    }
  }

  function create(input: TagInput): TagRecord {
    const columns: TagColumns = {
      vocabulary: input.vocabulary ?? 'free',
      parentId: input.parentId ?? null,
      labelEn: input.labelEn ?? null,
      labelFa: input.labelFa ?? null,
    };
    checkColumns(columns, null);
    checkLabels(columns, null);
    // The same tag made again after it was deleted is that tag restored (its identity and history kept).
    const twin = tags.deletedTwin(columns);
    if (twin) return restore(twin.id);
    const globalId = randomUUID();
    const id = tags.insert({ ...columns, globalId, at: ctx.now() });
    const tag = require(id);
    ctx.custody.append({ action: 'record-created', targetType: 'tag', targetRef: null, targetGlobalId: globalId, details: { after: columns } });
    return tag;
  }

  function update(id: TagId, patch: TagInput, extra: Record<string, unknown> = {}): TagRecord {
    const current = require(id);
    const diff = fieldDiff(editable(current), { ...patch });
    if (!diff) return current;
    const next: TagColumns = { ...(editable(current) as unknown as TagColumns), ...(diff.after as Partial<TagColumns>) };
    checkColumns(next, id);
    checkLabels(next, id);
    if (tags.deletedTwin(next, id)) {
      throw new CatalogueError('CONFLICT', `A deleted tag "${next.labelEn ?? next.labelFa}" is already there: undo its deletion instead.`);
    }
    tags.update(id, next, ctx.now());
    ctx.custody.append({ action: 'record-edited', targetType: 'tag', targetGlobalId: current.globalId, details: { ...diff, ...extra } });
    return require(id);
  }

  function remove(id: number, reason: string, extra: Record<string, unknown> = {}): TagRecord {
    const tag = require(id);
    if (tag.deletedAt) return tag;
    tags.setDeleted(id, ctx.now(), reason, ctx.now());
    ctx.custody.append({ action: 'record-deleted', targetType: 'tag', targetGlobalId: tag.globalId, details: { reason, tag: tagSnapshot(tag), ...extra } });
    return require(id);
  }

  function restore(id: number, extra: Record<string, unknown> = {}): TagRecord {
    const tag = require(id);
    if (!tag.deletedAt) return tag;
    tags.setDeleted(id, null, null, ctx.now());
    ctx.custody.append({ action: 'record-restored', targetType: 'tag', targetGlobalId: tag.globalId, details: { ...extra } });
    return require(id);
  }

  /** Existing tags by id; labels matched in either language, or made as free tags. */
  function resolve(specs: readonly TagSpec[]): TagRecord[] {
    const out = new Map<number, TagRecord>();
    for (const spec of specs) {
      let tag: TagRecord;
      if ('id' in spec) tag = requireLive(spec.id);
      else {
        const vocabulary = spec.vocabulary ?? null;
        tag = tags.byLabel(spec.label, vocabulary) ?? create({ vocabulary: vocabulary ?? 'free', labelEn: spec.label.trim() });
      }
      out.set(tag.id, tag);
    }
    return [...out.values()];
  }

  function event(target: { type: string; id: number; globalId: string }, action: 'tagged' | 'untagged', tag: TagRecord, extra: Record<string, unknown>) {
    ctx.custody.append({
      action,
      targetType: target.type,
      targetRef: formatRef(target.type === 'item' ? 'item' : 'person', target.id),
      targetGlobalId: target.globalId,
      mentions: [tag.globalId],
      details: { tag: tagSnapshot(tag), ...extra },
    });
  }

  function apply(target: Target, add: TagRecord[], removeIds: readonly number[], extra: Record<string, unknown> = {}): TaggingResult {
    const removeTags = removeIds.map(require);
    let changed = 0;
    for (const id of target.ids) {
      const globalId = target.globalIds.get(id);
      if (!globalId) continue;
      let touched = false;
      for (const tag of add) {
        if (target.add(id, tag.id)) {
          event({ type: target.type, id, globalId }, 'tagged', tag, extra);
          touched = true;
        }
      }
      for (const tag of removeTags) {
        if (target.remove(id, tag.id)) {
          event({ type: target.type, id, globalId }, 'untagged', tag, extra);
          touched = true;
        }
      }
      if (touched) changed += 1;
    }
    return { changed, tags: add.map((t) => dto(require(t.id))) };
  }

  const itemTarget = (ids: number[]): Target => ({
    type: 'item',
    ids,
    globalIds: deps.items.globalIds(ids),
    add: tags.tagItem,
    remove: tags.untagItem,
  });
  const personTarget = (ids: number[]): Target => {
    const globalIds = new Map<number, string>();
    for (const id of ids) {
      const person = deps.persons.get(id);
      if (!person) throw notFound(`person ${formatRef('person', id)}`);
      globalIds.set(id, person.globalId);
    }
    return { type: 'person', ids, globalIds, add: tags.tagPerson, remove: tags.untagPerson };
  };

  /** Undoing a tagging: the same tag taken off (or put back on) the same record. */
  function undoTagging(event: CustodyRow, undoOf: string, put: boolean): void {
    const tagGlobalId = (event.details.tag as { globalId?: string } | undefined)?.globalId ?? '';
    const tag = tags.byGlobalId(tagGlobalId);
    if (!tag) throw notFound(`tag with global id ${tagGlobalId}`);
    const type = event.targetType === 'person' ? 'person' : 'item';
    const id = type === 'item' ? deps.items.idByGlobalId(event.targetGlobalId ?? '') : (deps.persons.byGlobalId(event.targetGlobalId ?? '')?.id ?? null);
    if (id === null) throw notFound(`${type} ${event.targetRef ?? ''}`);
    const target = type === 'item' ? itemTarget([id]) : personTarget([id]);
    // The record no longer as the change left it (the tag taken off or put back since): refused, not skipped.
    if (apply(target, put ? [tag] : [], put ? [] : [tag.id], { undoOf }).changed === 0) {
      throw changedSince(event.targetRef ?? `The ${type}`, put ? 'the tag was put back since' : 'the tag was taken off since');
    }
  }
  for (const type of ['item', 'person']) {
    ctx.undoers.set(`${type}:tagged`, (event, undoOf) => undoTagging(event, undoOf, false));
    ctx.undoers.set(`${type}:untagged`, (event, undoOf) => undoTagging(event, undoOf, true));
  }
  registerLifecycleUndo(ctx, 'tag', { idOf: (g) => tags.byGlobalId(g)?.id ?? null, isDeleted: (id) => require(id).deletedAt !== null, remove, restore });
  ctx.undoers.set('tag:record-edited', (event, undoOf) => {
    const tag = tags.byGlobalId(event.targetGlobalId ?? '');
    if (!tag) throw notFound('tag');
    undoEdit(tag.labelEn ?? tag.labelFa ?? 'The tag', editable(tag), event.details, (before) => update(tag.id, before as TagInput, { undoOf }), changedSince);
  });

  return {
    list: (): TagDto[] => tags.list(),
    create: (input: TagInput): Changed<TagDto> => ctx.runChange(['tags'], () => dto(create(input))),
    update: (id: TagId, patch: TagInput): Changed<TagDto> => ctx.runChange(['tags'], () => dto(update(id, patch))),
    remove: (id: TagId, reason: string): Changed<TagDto> => ctx.runChange(['tags', 'items'], () => dto(remove(id, reason))),
    tagItems(selection: ItemSelection, add: readonly TagSpec[], removeIds: readonly TagId[]): Changed<TaggingResult> {
      return ctx.runChange(['tags', 'items'], () => apply(itemTarget(deps.items.selectionIds(selection)), resolve(add), removeIds));
    },
    tagPersons(ids: readonly PersonId[], add: readonly TagSpec[], removeIds: readonly TagId[]): Changed<TaggingResult> {
      return ctx.runChange(['tags', 'persons'], () => apply(personTarget([...new Set(ids)]), resolve(add), removeIds));
    },
  };
}

export type TagsService = ReturnType<typeof createTagsService>;
