/**
 * Undo (issue 8): a change is taken back by a new change, never by deleting rows. The events of the change are
 * undone newest first, each by its record's own service (the undo registry), in one transaction: if any part
 * cannot be undone (the record changed again since), nothing is.
 */
import type { Changed } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { RecordContext } from '../changes/record-context';
import type { CustodyRepository } from '../custody/custody-repository';

export function createUndoService(ctx: RecordContext, custody: CustodyRepository) {
  return {
    undo(changeId: string): Changed<{ undone: number }> {
      return ctx.runChange(['items', 'persons', 'places', 'sources', 'tags', 'links'], () => {
        const events = custody.forChange(changeId);
        if (events.length === 0) throw new CatalogueError('NOT_FOUND', 'There is no such change to undo.');
        for (const event of [...events].reverse()) {
          const undoer = ctx.undoers.get(`${event.targetType ?? ''}:${event.action}`);
          if (!undoer) throw new CatalogueError('CONFLICT', `A "${event.action}" cannot be undone.`);
          undoer(event, changeId);
        }
        return { undone: events.length };
      });
    },
  };
}
