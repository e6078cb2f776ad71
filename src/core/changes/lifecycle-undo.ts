/**
 * Undo for records that are created, soft-deleted and restored (persons, places, tags, links): creating is
 * taken back by hiding the record with the reason "Undone", deleting by restoring it, restoring by hiding it
 * again. Each is a new custody event that names the change it undoes.
 */
import { notFound, UNDONE_REASON, type RecordContext } from './record-context';

export interface Lifecycle {
  /** The record's local id for its global id, or null. */
  idOf(globalId: string): number | null;
  remove(id: number, reason: string, extra: Record<string, unknown>): void;
  restore(id: number, extra: Record<string, unknown>): void;
}

export function registerLifecycleUndo(ctx: RecordContext, targetType: string, lifecycle: Lifecycle): void {
  const find = (globalId: string | undefined) => {
    const id = globalId ? lifecycle.idOf(globalId) : null;
    if (id === null) throw notFound(`${targetType} with global id ${globalId ?? '?'}`);
    return id;
  };
  ctx.undoers.set(`${targetType}:record-created`, (event, undoOf) => lifecycle.remove(find(event.targetGlobalId), UNDONE_REASON, { undoOf }));
  ctx.undoers.set(`${targetType}:record-restored`, (event, undoOf) => lifecycle.remove(find(event.targetGlobalId), UNDONE_REASON, { undoOf }));
  ctx.undoers.set(`${targetType}:record-deleted`, (event, undoOf) => lifecycle.restore(find(event.targetGlobalId), { undoOf }));
}
