import type { Database } from 'better-sqlite3';

/** One numbered step on `PRAGMA user_version`. `up` runs inside the migration transaction and never awaits. */
export interface Migration {
  version: number;
  name: string;
  /**
   * True when the step rebuilds tables the SQLite way (create the new table, copy, drop the old one, rename).
   * The runner then turns foreign keys off for the migration, outside its transaction (inside one, the pragma
   * does nothing), because with them on, dropping the old table cascades into its children and empties them.
   * It runs `PRAGMA foreign_key_check` before committing and rolls back on any violation.
   */
  rebuildsTables?: boolean;
  up(db: Database, context: MigrationContext): void;
}

/** What a step may need from outside the database; passed in so tests are deterministic. */
export interface MigrationContext {
  /** The time of the migration (for rows a step seeds). */
  now: Date;
}
