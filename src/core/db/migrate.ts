/**
 * Brings a database up to the code's schema: a backup first (for a database that holds anything), then every
 * pending step and the new user_version in one transaction, so a failure leaves the old schema intact.
 * A database newer than the code is refused before it is opened for writing (see createCore).
 *
 * Steps that rebuild tables run with foreign keys off (set before the transaction begins, where the pragma
 * takes effect) and are checked with `PRAGMA foreign_key_check` before the commit: a rebuild that left a row
 * pointing nowhere is rolled back rather than committed.
 */
import { join } from 'node:path';
import { CatalogueError } from '../../shared/errors';
import type { Db } from './open-database';
import { LATEST_SCHEMA_VERSION, migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export interface MigrationOutcome {
  from: number;
  to: number;
  backup: string | null;
}

export function newerSchemaError(found: number, known = LATEST_SCHEMA_VERSION): CatalogueError {
  return new CatalogueError(
    'CONFLICT',
    `This catalogue was written by a newer version of Vigil (schema ${found}; this version knows up to ${known}). ` +
      'It has not been changed. Open it with the newer Vigil.',
  );
}

/** A file-name-safe UTC stamp, e.g. 20261127T120000Z. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/** Throws, naming the first few rows, when any row refers to a row that does not exist. */
function assertForeignKeys(db: Db, step: Migration): void {
  const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
  if (violations.length === 0) return;
  const named = violations
    .slice(0, 5)
    .map((v) => `${v.rowid === null ? `a row of ${v.table}` : `${v.table} row ${v.rowid}`} refers to a missing ${v.parent} row`)
    .join('; ');
  throw new CatalogueError(
    'INTERNAL',
    `Updating the catalogue to schema ${step.version} (${step.name}) would leave ${violations.length} broken reference(s): ${named}. Nothing was changed.`,
  );
}

export function migrate(
  db: Db,
  options: { backupsDir: string; now: Date; migrations?: readonly Migration[] },
): MigrationOutcome {
  const steps = options.migrations ?? allMigrations;
  const latest = steps.length ? steps[steps.length - 1]!.version : 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw newerSchemaError(from, latest);
  if (from === latest) return { from, to: from, backup: null };

  let backup: string | null = null;
  const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n > 0;
  if (hasTables) {
    backup = join(options.backupsDir, `catalogue-v${from}-before-migration-${stamp(options.now)}.sqlite`);
    try {
      db.prepare('VACUUM INTO ?').run(backup);
    } catch (error) {
      throw new CatalogueError(
        'IO',
        `Vigil needs to update this catalogue but could not back it up first (${(error as Error).message}). Nothing was changed.`,
        { cause: error },
      );
    }
  }

  const pending = steps.filter((m) => m.version > from);
  const rebuilds = pending.some((m) => m.rebuildsTables);
  const foreignKeysWereOn = (db.pragma('foreign_keys', { simple: true }) as number) === 1;
  // Must be set outside the transaction: inside one, SQLite ignores it.
  if (rebuilds && foreignKeysWereOn) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of pending) {
        step.up(db, { now: options.now });
        // With foreign keys off nothing stopped a step from leaving a dangling reference: check each step.
        if (rebuilds) assertForeignKeys(db, step);
        db.pragma(`user_version = ${step.version}`);
      }
    })();
  } finally {
    if (rebuilds && foreignKeysWereOn) db.pragma('foreign_keys = ON');
  }
  return { from, to: latest, backup };
}
