/** Sources: create, change, list; and finding one by title for a CSV file's `source` column. */
import { randomUUID } from 'node:crypto';
import type { Changed, Page, SourceInput, SourceSummary } from '../../shared/dto';
import type { SourceId } from '../../shared/ids';
import { fieldDiff, undoEdit } from '../changes/field-diff';
import { changedSince, notFound, UNDONE_REASON, type RecordContext } from '../changes/record-context';
import type { CustodyRow } from '../custody/custody-repository';
import type { SourceColumns, SourcesRepository } from './sources-repository';

function columnsOf(source: SourceSummary): SourceColumns {
  return { title: source.title, kind: source.kind, reliability: source.reliability, description: source.description, sensitivity: source.sensitivity };
}

export function createSourcesService(ctx: RecordContext, repo: SourcesRepository) {
  const require = (id: number): SourceSummary => {
    const source = repo.get(id);
    if (!source) throw notFound(`source ${id}`);
    return source;
  };

  function create(input: SourceInput): SourceSummary {
    const columns: SourceColumns = {
      title: input.title,
      kind: input.kind ?? 'other',
      reliability: input.reliability ?? 'unknown',
      description: input.description ?? null,
      sensitivity: input.sensitivity ?? 'restricted',
    };
    const globalId = randomUUID();
    const id = repo.insert({ ...columns, globalId, at: ctx.now() });
    const source = require(id);
    ctx.custody.append({ action: 'record-created', targetType: 'source', targetRef: source.ref, targetGlobalId: globalId, details: { after: columns } });
    return source;
  }

  function update(id: SourceId, patch: Partial<SourceInput>, extra: Record<string, unknown> = {}): SourceSummary {
    const current = require(id);
    const diff = fieldDiff({ ...columnsOf(current) }, { ...patch });
    if (!diff) return current;
    repo.update(id, { ...columnsOf(current), ...(diff.after as Partial<SourceColumns>) }, ctx.now());
    ctx.custody.append({ action: 'record-edited', targetType: 'source', targetRef: current.ref, targetGlobalId: current.globalId, details: { ...diff, ...extra } });
    return require(id);
  }

  ctx.undoers.set('source:record-edited', (event, undoOf) => {
    const id = idOf(event.targetGlobalId);
    undoEdit(event.targetRef ?? '', { ...columnsOf(require(id)) }, event.details, (before) => update(id, before, { undoOf }), changedSince);
  });
  // A source made by mistake is hidden, never erased: citations of it keep their history. Undoing that shows it
  // again. Either is refused when the source is no longer as the change left it.
  const setHidden = (event: CustodyRow, undoOf: string, hide: boolean) => {
    const id = idOf(event.targetGlobalId);
    const source = require(id);
    if (repo.isDeleted(id) === hide) throw changedSince(source.ref, hide ? 'it was hidden since' : 'it was shown again since');
    repo.setDeleted(id, hide ? ctx.now() : null, hide ? UNDONE_REASON : null, ctx.now());
    ctx.custody.append({
      action: hide ? 'record-deleted' : 'record-restored',
      targetType: 'source',
      targetRef: source.ref,
      targetGlobalId: source.globalId,
      details: { ...(hide ? { reason: UNDONE_REASON } : {}), undoOf },
    });
  };
  ctx.undoers.set('source:record-created', (event, undoOf) => setHidden(event, undoOf, true));
  ctx.undoers.set('source:record-restored', (event, undoOf) => setHidden(event, undoOf, true));
  ctx.undoers.set('source:record-deleted', (event, undoOf) => setHidden(event, undoOf, false));

  function idOf(globalId: string | undefined): SourceId {
    const found = globalId ? repo.byGlobalIdId(globalId) : null;
    if (!found) throw notFound(`source with global id ${globalId ?? '?'}`);
    return found;
  }

  return {
    list(text: string, offset: number, limit: number): Page<SourceSummary> {
      return repo.page(text, offset, limit);
    },
    get: require,
    create: (input: SourceInput): Changed<SourceSummary> => ctx.runChange(['sources'], () => create(input)),
    update: (id: SourceId, patch: Partial<SourceInput>): Changed<SourceSummary> => ctx.runChange(['sources'], () => update(id, patch)),
    /** Inside a change: the live source with this exact title, or a new one (a CSV file's `source` column). */
    findOrCreate(title: string): SourceSummary {
      return repo.byTitle(title) ?? create({ title, kind: 'document' });
    },
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
