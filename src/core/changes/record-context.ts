/**
 * What the record services share: the database, the custody log, the change runner, the clock, and the undo
 * registry each service adds its handlers to. Passed in by createCore, so tests can build services alone.
 */
import { CatalogueError } from '../../shared/errors';
import type { CustodyLog } from '../custody/custody-log';
import type { CustodyRow } from '../custody/custody-repository';
import type { Db } from '../db/open-database';
import type { RunChange } from './change-runner';

/** Takes back one custody event inside the undo's transaction (writing the events of the new change). */
export type Undoer = (event: CustodyRow, undoOf: string) => void;

export interface RecordContext {
  db: Db;
  custody: CustodyLog;
  runChange: RunChange;
  /** The time of a change, as UTC RFC 3339. */
  now: () => string;
  /** Handlers by `targetType:action`, filled by each service as it is created. */
  undoers: Map<string, Undoer>;
}

export function notFound(what: string): CatalogueError {
  return new CatalogueError('NOT_FOUND', `There is no ${what}.`);
}

/** Undo refuses to overwrite a record that changed again after the change being undone. */
export function changedSince(ref: string, what: string): CatalogueError {
  return new CatalogueError(
    'CONFLICT',
    `${ref} was changed again after this change (${what}), so undoing it would overwrite the later change. Nothing was undone.`,
  );
}

export const UNDONE_REASON = 'Undone';
