import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/core/db/migrate';
import { migrations } from '../../../src/core/db/migrations';
import type { Migration } from '../../../src/core/db/migrations/migration';
import { useTempDirs } from '../../helpers/temp-dir';
import { fillV1 } from './migrations/v1-rows';

const LATEST = migrations[migrations.length - 1]!.version;
const NEXT = LATEST + 1;

/** Fills a database at a given version with rows in every table. Each new migration needs the step before's. */
const fillers: Record<number, (db: Database.Database) => void> = { 1: fillV1 };

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

const now = new Date('2026-11-27T10:00:00Z');

describe('migrate', () => {
  const tempDir = useTempDirs();

  it('001 creates every v1 record table on an empty database, without a backup', () => {
    const dir = tempDir();
    const db = new Database(':memory:');
    const outcome = migrate(db, { backupsDir: dir, now, migrations: migrations.slice(0, 1) });
    expect(outcome).toEqual({ from: 0, to: 1, backup: null });
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual([
      'citations', 'custody_events', 'exhibit_sets', 'exhibits', 'item_occurrences', 'item_tags', 'items', 'links',
      'person_names', 'person_tags', 'persons', 'places', 'settings', 'sources', 'tags',
    ]);
    db.close();
  });

  it('001 enforces the record rules: typed links, stable exhibit numbers, an append-only custody log', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, { backupsDir: tempDir(), now, migrations: migrations.slice(0, 1) });
    const t = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO items (sha256, size, mime, kind, original_name, imported_at, updated_at) VALUES (?, 1, 'image/jpeg', 'photo', 'a.jpg', ?, ?)").run('a'.repeat(64), t, t);
    db.prepare('INSERT INTO persons (created_at, updated_at) VALUES (?, ?)').run(t, t);
    // A person-to-item link must name an item and a person, nothing else.
    expect(() => db.prepare("INSERT INTO links (type, item_id, created_at) VALUES ('item-depicts-person', 1, ?)").run(t)).toThrow(/CHECK/);
    db.prepare("INSERT INTO links (type, item_id, person_id, created_at) VALUES ('item-depicts-person', 1, 1, ?)").run(t);
    expect(() => db.prepare("INSERT INTO links (type, item_id, person_id, certainty, created_at) VALUES ('item-depicts-person', 1, 1, 'certain', ?)").run(t)).toThrow(/CHECK/);
    // Exhibits hold on to their item: deleting the item is refused.
    db.prepare("INSERT INTO exhibit_sets (name, prefix, created_at, updated_at) VALUES ('Case', 'IR88', ?, ?)").run(t, t);
    expect(() => db.prepare("INSERT INTO exhibit_sets (name, prefix, created_at, updated_at) VALUES ('Bad', 'ir-88', ?, ?)").run(t, t)).toThrow(/CHECK/);
    db.prepare('INSERT INTO exhibits (set_id, number, item_id, position, created_at) VALUES (1, 42, 1, 1, ?)').run(t);
    expect(() => db.prepare('DELETE FROM items WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    // The custody log refuses edits and deletions.
    db.prepare("INSERT INTO custody_events (seq, at, time_zone, actor, workstation_id, catalogue_id, action, tool, tool_version, details_json, prev_hash, hash) VALUES (1, ?, 'UTC', 'a', 'w', 'c', 'x', 'Vigil', '0', '{}', 'p', 'h')").run(t);
    expect(() => db.prepare("UPDATE custody_events SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM custody_events').run()).toThrow(/append-only/);
    db.close();
  });

  it('backs up a database holding rows, then migrates it in one step keeping the rows', () => {
    const dir = tempDir();
    const file = join(dir, 'catalogue.sqlite');
    const db = new Database(file);
    migrate(db, { backupsDir: dir, now });
    db.prepare("INSERT INTO settings (key, value) VALUES ('catalogue.id', 'abc')").run();
    const next: Migration = { version: NEXT, name: 'add note', up: (d) => d.exec('ALTER TABLE settings ADD COLUMN note TEXT') };

    const outcome = migrate(db, { backupsDir: dir, now, migrations: [...migrations, next] });
    expect(outcome.from).toBe(LATEST);
    expect(outcome.to).toBe(NEXT);
    expect(outcome.backup).toBe(join(dir, `catalogue-v${LATEST}-before-migration-20261127T100000Z.sqlite`));
    expect(db.prepare('SELECT key, value, note FROM settings').all()).toEqual([{ key: 'catalogue.id', value: 'abc', note: null }]);
    db.close();

    const backup = new Database(outcome.backup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(backup.prepare('SELECT value FROM settings').pluck().get()).toBe('abc');
    backup.close();
  });

  it('leaves the old schema and its rows intact when a step fails half-way', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'catalogue.sqlite'));
    migrate(db, { backupsDir: dir, now });
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    const broken: Migration = {
      version: NEXT,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, { backupsDir: dir, now, migrations: [...migrations, broken] })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('v');
    db.close();
  });

  it('refuses a database newer than the code', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    expect(() => migrate(db, { backupsDir: tempDir(), now })).toThrow(/newer version of Vigil \(schema 7/);
    db.close();
  });

  it('does nothing, and makes no backup, when the database is current', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'c.sqlite'));
    migrate(db, { backupsDir: dir, now });
    expect(migrate(db, { backupsDir: dir, now })).toEqual({ from: LATEST, to: LATEST, backup: null });
    expect(existsSync(join(dir, `catalogue-v${LATEST}-before-migration-20261127T100000Z.sqlite`))).toBe(false);
    db.close();
  });

  describe.each(migrations.filter((m) => m.version > 1).map((m) => ({ step: m })))('step $step.version ($step.name)', ({ step }) => {
    it('keeps every row of every table of the step before', () => {
      const fill = fillers[step.version - 1];
      expect(fill, `tests/core/db/migrate.test.ts needs a filler for schema ${step.version - 1}`).toBeDefined();
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, { backupsDir: tempDir(), now, migrations: migrations.filter((m) => m.version < step.version) });
      fill!(db);
      const before = rowCounts(db);
      for (const [table, n] of Object.entries(before)) expect(n, `the filler leaves ${table} empty`).toBeGreaterThan(0);
      migrate(db, { backupsDir: tempDir(), now, migrations: migrations.filter((m) => m.version <= step.version) });
      const after = rowCounts(db);
      for (const [table, n] of Object.entries(before)) {
        if (table in after) expect(after[table], table).toBeGreaterThanOrEqual(n);
      }
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    });
  });

  describe('a step that rebuilds a table', () => {
    /** Rebuilds items the SQLite way to widen its kind CHECK: the change that emptied item_tags before. */
    const widenKinds = (rebuildsTables: boolean): Migration => ({
      version: NEXT,
      name: 'widen item kinds',
      rebuildsTables,
      up(d) {
        const columns = (d.prepare("SELECT name FROM pragma_table_info('items')").pluck().all() as string[]).join(', ');
        const create = (d.prepare("SELECT sql FROM sqlite_schema WHERE name = 'items'").pluck().get() as string)
          .replace(/^CREATE TABLE "?items"?/, 'CREATE TABLE new_items')
          .replace("kind IN ('photo', 'document', 'other')", "kind IN ('photo', 'document', 'audio', 'other')");
        d.exec(`${create}; INSERT INTO new_items (${columns}) SELECT ${columns} FROM items; DROP TABLE items; ALTER TABLE new_items RENAME TO items;`);
      },
    });

    function current(): Database.Database {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, { backupsDir: tempDir(), now, migrations: migrations.slice(0, 1) });
      fillV1(db);
      migrate(db, { backupsDir: tempDir(), now });
      return db;
    }

    it('keeps the child rows when it declares the rebuild (foreign keys off, outside the transaction)', () => {
      const db = current();
      const tagged = db.prepare('SELECT * FROM item_tags ORDER BY 1, 2').all();
      expect(tagged.length).toBe(3);
      migrate(db, { backupsDir: tempDir(), now, migrations: [...migrations, widenKinds(true)] });
      expect(db.prepare('SELECT * FROM item_tags ORDER BY 1, 2').all()).toEqual(tagged);
      expect(db.prepare('SELECT count(*) FROM exhibits').pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM links WHERE item_id IS NOT NULL").pluck().get()).toBe(2);
      db.prepare("UPDATE items SET kind = 'audio' WHERE id = 1").run();
      // Foreign keys are on again afterwards.
      expect(() => db.prepare('INSERT INTO item_tags (item_id, tag_id) VALUES (99, 1)').run()).toThrow(/FOREIGN KEY/);
      db.close();
    });

    it('would empty the child tables without it: the trap the declaration avoids', () => {
      const db = current();
      // With foreign keys on, dropping the old table cascades; exhibits (ON DELETE RESTRICT) stops the whole step.
      db.prepare('DELETE FROM exhibits').run();
      migrate(db, { backupsDir: tempDir(), now, migrations: [...migrations, widenKinds(false)] });
      expect(db.prepare('SELECT count(*) FROM item_tags').pluck().get()).toBe(0);
      db.close();
    });

    it('is rolled back, naming the broken reference, when it leaves a row pointing nowhere', () => {
      const db = current();
      const dangling: Migration = {
        version: NEXT,
        name: 'loses a tag',
        rebuildsTables: true,
        up: (d) => d.exec('DELETE FROM tags WHERE id = 2'),
      };
      expect(() => migrate(db, { backupsDir: tempDir(), now, migrations: [...migrations, dangling] })).toThrow(/a row of item_tags refers to a missing tags row/);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(db.prepare('SELECT count(*) FROM tags WHERE id = 2').pluck().get()).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.close();
    });
  });
});
