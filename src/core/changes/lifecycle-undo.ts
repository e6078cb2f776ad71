/**
 * Undo for records that are created, soft-deleted and restored (persons, places, tags, links): creating is
 * taken back by hiding the record with the reason "Undone", deleting by restoring it, restoring by hiding it
 * again. Each is a new custody event that names the change it undoes. A record that is no longer as the change
 * left it (deleted or restored again since, or the change already undone) is refused, not silently passed over.
 */
import type { CustodyRow } from '../custody/custody-repository';
import { changedSince, notFound, UNDONE_REASON, type RecordContext } from './record-context';

export interface Lifecycle {
  /** The record's local id for its global id, or null. */
  idOf(globalId: string): number | null;
  /** True when the record is soft-deleted now. */
  isDeleted(id: number): boolean;
  remove(id: number, reason: string, extra: Record<string, unknown>): void;
  restore(id: number, extra: Record<string, unknown>): void;
}

export function registerLifecycleUndo(ctx: RecordContext, targetType: string, lifecycle: Lifecycle): void {
  /** The record the event is about, which must still be deleted (or live) as the event left it. */
  const find = (event: CustodyRow, leftDeleted: boolean) => {
    const globalId = event.targetGlobalId;
    const id = globalId ? lifecycle.idOf(globalId) : null;
    if (id === null) throw notFound(`${targetType} with global id ${globalId ?? '?'}`);
    if (lifecycle.isDeleted(id) !== leftDeleted) {
      throw changedSince(event.targetRef ?? `The ${targetType}`, leftDeleted ? 'it was restored since' : 'it was deleted since');
    }
    return id;
  };
  ctx.undoers.set(`${targetType}:record-created`, (event, undoOf) => lifecycle.remove(find(event, false), UNDONE_REASON, { undoOf }));
  ctx.undoers.set(`${targetType}:record-restored`, (event, undoOf) => lifecycle.remove(find(event, false), UNDONE_REASON, { undoOf }));
  ctx.undoers.set(`${targetType}:record-deleted`, (event, undoOf) => lifecycle.restore(find(event, true), { undoOf }));
}
