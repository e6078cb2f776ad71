/** Catalogue settings as key/value rows (catalogue id, the archivist's name and organisation). */
import type { Db } from '../db/open-database';

export function createSettingsRepository(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const set = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(key: string): string | null {
      return (get.get(key) as string | undefined) ?? null;
    },
    set(key: string, value: string): void {
      set.run(key, value);
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
