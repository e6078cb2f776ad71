import { createContext } from 'react';
import type { Changed } from '../../shared/dto';

export interface RecentChange {
  changeId: string;
  /** What the change did, in a few words ("Tagged 3 items"), shown beside Undo. */
  label: string;
}

export interface Changes {
  /**
   * Runs a change through the contract. A change that altered something is remembered for undo and
   * announced with an Undo button (the label may be worked out from the answer: "Tagged 1,234 items"); one refused because nobody has said who is cataloguing asks first, then
   * runs again once they have. Other failures are thrown for the caller to show where the user acted.
   */
  run<T>(label: string | ((record: T) => string), change: () => Promise<Changed<T>>): Promise<Changed<T>>;
  /** Undoes a change (by default the most recent one still undoable); the undo is itself a new change. */
  undo(changeId?: string): Promise<void>;
  /** This session's changes, newest first. */
  recent: RecentChange[];
}

export const ChangesContext = createContext<Changes | null>(null);
