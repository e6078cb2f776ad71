/** Items as people see them: the full record (tags, links, acquisition, history) and the fields they edit. */
import type { Changed, ItemDetail, ItemPatch } from '../../shared/dto';
import { formatRef, type ItemId } from '../../shared/ids';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { changedSince, notFound, type RecordContext } from '../changes/record-context';
import type { CustodyHistory } from '../custody/custody-history';
import { readDate } from '../db/date-columns';
import type { LinksRepository } from '../links/links-repository';
import type { SourcesRepository } from '../sources/sources-repository';
import type { TagsRepository } from '../tags/tags-repository';
import type { ItemEditable, ItemsRepository } from './items-repository';

/** An item's editable fields as a change records them: the acquisition date as the text typed. */
function state(editable: ItemEditable): Record<string, unknown> {
  return {
    title: editable.title,
    description: editable.description,
    sensitivity: editable.sensitivity,
    acquisitionSourceId: editable.acquisitionSourceId,
    acquiredBy: editable.acquiredBy,
    acquisitionMethod: editable.acquisitionMethod,
    acquiredDate: editable.acquiredDate?.original ?? null,
  };
}

/** The patch of the contract, in the flat shape the state uses. */
function flatten(patch: ItemPatch): Record<string, unknown> {
  return {
    title: patch.title,
    description: patch.description,
    sensitivity: patch.sensitivity,
    acquisitionSourceId: patch.acquisition?.sourceId,
    acquiredBy: patch.acquisition?.acquiredBy,
    acquisitionMethod: patch.acquisition?.method,
    // A blank date is no date: recorded (and compared) as null.
    acquiredDate: typeof patch.acquisition?.date === 'string' && patch.acquisition.date.trim() === '' ? null : patch.acquisition?.date,
  };
}

export function createItemsService(
  ctx: RecordContext,
  deps: { items: ItemsRepository; tags: TagsRepository; links: LinksRepository; sources: SourcesRepository; history: CustodyHistory },
) {
  const { items } = deps;

  function record(id: number) {
    const found = items.detail(id);
    if (!found) throw notFound(`item ${formatRef('item', id)}`);
    return found;
  }

  function detail(id: number): ItemDetail {
    const { editable, ...item } = record(id);
    return {
      ...item,
      acquisition: {
        source: deps.sources.brief(editable.acquisitionSourceId),
        acquiredBy: editable.acquiredBy,
        method: editable.acquisitionMethod,
        date: editable.acquiredDate,
      },
      tags: deps.tags.forItem(id),
      links: deps.links.forItem(id),
      custody: deps.history.forRecord(item.globalId),
    };
  }

  function update(id: ItemId, flat: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
    const { editable, ref, globalId } = record(id);
    const diff = fieldDiff(state(editable), flat);
    if (!diff) return;
    const next = { ...state(editable), ...diff.after };
    if (next.acquisitionSourceId !== null && !deps.sources.get(next.acquisitionSourceId as number)) {
      throw notFound(`source ${formatRef('source', next.acquisitionSourceId as number)}`);
    }
    items.updateEditable(
      id,
      {
        title: next.title as string | null,
        description: next.description as string | null,
        sensitivity: next.sensitivity as ItemEditable['sensitivity'],
        acquisitionSourceId: next.acquisitionSourceId as ItemEditable['acquisitionSourceId'],
        acquiredBy: next.acquiredBy as string | null,
        acquisitionMethod: next.acquisitionMethod as string | null,
        // Read only when it changed: a date stored as it came (from an older catalogue) stays as it was.
        acquiredDate: 'acquiredDate' in diff.after ? readDate(next.acquiredDate as string | null, 'Acquisition date') : editable.acquiredDate,
      },
      ctx.now(),
    );
    ctx.custody.append({ action: 'record-edited', targetType: 'item', targetRef: ref, targetGlobalId: globalId, details: { ...diff, ...extra } });
  }

  ctx.undoers.set('item:record-edited', (event, undoOf) => {
    const id = items.idByGlobalId(event.targetGlobalId ?? '');
    if (id === null) throw notFound(`item ${event.targetRef ?? ''}`);
    undoEdit(event.targetRef ?? '', state(record(id).editable), event.details, (before) => update(id, before, { undoOf }), changedSince);
  });

  return {
    detail,
    update(id: ItemId, patch: ItemPatch): Changed<ItemDetail> {
      return ctx.runChange(['items'], () => {
        update(id, flatten(patch));
        return detail(id);
      });
    },
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
