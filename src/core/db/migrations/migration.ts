import type { Database } from 'better-sqlite3';

/** One numbered step on `PRAGMA user_version`. `up` runs inside the migration transaction and never awaits. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
