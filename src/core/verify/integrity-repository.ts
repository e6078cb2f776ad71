/** SQLite's own integrity checks, for `verify`. */
import type { Db } from '../db/open-database';

export function createIntegrityRepository(db: Db) {
  const integrity = db.prepare('PRAGMA integrity_check').pluck();
  const foreignKeys = db.prepare('PRAGMA foreign_key_check');
  return {
    /** Empty when SQLite finds nothing wrong; otherwise its messages. */
    integrityProblems(): string[] {
      const rows = integrity.all() as string[];
      return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
    },
    foreignKeyProblems(): string[] {
      return (foreignKeys.all() as Array<{ table: string; rowid: number; parent: string }>).map(
        (r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`,
      );
    },
  };
}
