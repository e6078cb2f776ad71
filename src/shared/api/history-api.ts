/** Undo: a change is undone by a new change that restores what it replaced; the log only ever grows. */
import type { Changed } from '../dto';
import type { EveryMethodListed } from './common';

export interface HistoryApi {
  /**
   * Undoes every event of one change (newest first). Refused, with nothing changed, when a record has been
   * changed again since: undoing would overwrite the later change.
   */
  undo(args: { changeId: string }): Promise<Changed<{ undone: number }>>;
}

export const historyMethods = ['undo'] as const satisfies readonly (keyof HistoryApi)[];
const _history: EveryMethodListed<HistoryApi, typeof historyMethods> = true;
void _history;
