/**
 * Opens the catalogue's SQLite database with the settings DESIGN.md §3 requires. The schema version is read
 * through a read-only connection first, so a database from a newer Vigil is refused without a single write
 * (not even switching it to WAL).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CatalogueError } from '../../shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 native binding built for the running runtime (the Electron build); default: Node's. */
  nativeBinding?: string;
}

function connect(file: string, options: OpenOptions, readonly: boolean): Db {
  try {
    return new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new CatalogueError('IO', `The catalogue database could not be opened: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** The schema version of an existing database file, read without changing it; 0 when there is no file. */
export function readSchemaVersion(file: string, options: OpenOptions = {}): number {
  if (!existsSync(file)) return 0;
  const db = connect(file, options, true);
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new CatalogueError(
      'IO',
      `The file catalogue.sqlite is not a readable Vigil database (${(error as Error).message}). It has not been changed.`,
      { cause: error },
    );
  } finally {
    db.close();
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = connect(file, options, false);
  try {
    // Exclusive locking: a second process cannot write even if it ignored catalogue.lock.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // Take the lock now, so a conflict surfaces here and not in the middle of the first change.
    db.exec('BEGIN IMMEDIATE; COMMIT;');
    return db;
  } catch (error) {
    db.close();
    const busy = (error as { code?: string }).code?.startsWith('SQLITE_BUSY');
    throw new CatalogueError(
      busy ? 'CONFLICT' : 'IO',
      busy
        ? 'The catalogue database is in use by another program. Close it there first and try again.'
        : `The catalogue database could not be prepared: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
