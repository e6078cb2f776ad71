import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/core/db/migrate';
import { migrations } from '../../../../src/core/db/migrations';
import { useTempDirs } from '../../../helpers/temp-dir';
import { fillV1 } from './v1-rows';

const now = new Date('2026-11-27T10:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function v1Database(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { backupsDir: '/nonexistent', now, migrations: migrations.slice(0, 1) });
  fillV1(db);
  return db;
}

describe('migration 002 (global ids, vocabularies, facts as links)', () => {
  const tempDir = useTempDirs();

  it('gives every record a distinct random global id, old rows included', () => {
    const db = v1Database();
    migrate(db, { backupsDir: tempDir(), now });
    for (const table of ['items', 'persons', 'person_names', 'places', 'sources', 'tags', 'links', 'citations', 'exhibit_sets', 'exhibits']) {
      const ids = db.prepare(`SELECT global_id FROM ${table}`).pluck().all() as string[];
      expect(ids.length, table).toBeGreaterThan(0);
      for (const id of ids) expect(id, table).toMatch(UUID);
      expect(new Set(ids).size, table).toBe(ids.length);
    }
    db.close();
  });

  it("moves a person's place columns into links, keeps their roles, fate and father's name", () => {
    const db = v1Database();
    migrate(db, { backupsDir: tempDir(), now });
    const links = db.prepare('SELECT type, shape, item_id, person_id, place_id, related_person_id, certainty FROM links ORDER BY id').all();
    expect(links).toEqual([
      { type: 'item-depicts-person', shape: 'item-person', item_id: 1, person_id: 1, place_id: null, related_person_id: null, certainty: 'confirmed' },
      { type: 'item-about-person', shape: 'item-person', item_id: 2, person_id: 1, place_id: null, related_person_id: null, certainty: 'reported' },
      { type: 'person-relative-of', shape: 'person-person', item_id: null, person_id: 1, place_id: null, related_person_id: 2, certainty: 'reported' },
      { type: 'person-born-at', shape: 'person-place', item_id: null, person_id: 1, place_id: 1, related_person_id: null, certainty: 'reported' },
      { type: 'person-buried-at', shape: 'person-place', item_id: null, person_id: 1, place_id: 3, related_person_id: null, certainty: 'reported' },
      { type: 'person-detained-at', shape: 'person-place', item_id: null, person_id: 1, place_id: 2, related_person_id: null, certainty: 'reported' },
      { type: 'person-killed-at', shape: 'person-place', item_id: null, person_id: 1, place_id: 2, related_person_id: null, certainty: 'reported' },
    ]);
    const columns = db.prepare("SELECT name FROM pragma_table_info('persons')").pluck().all();
    for (const gone of ['prison_id', 'birth_place_id', 'death_place_id', 'burial_place_id', 'roles_json']) expect(columns).not.toContain(gone);
    expect(db.prepare('SELECT person_id, role FROM person_roles ORDER BY 1, 2').all()).toEqual([
      { person_id: 1, role: 'victim' },
      { person_id: 1, role: 'witness' },
      { person_id: 2, role: 'relative' },
    ]);
    expect(db.prepare('SELECT fate, father_name_fa, father_name_latin FROM persons ORDER BY id').all()).toEqual([
      { fate: 'died-in-custody', father_name_fa: 'حسن', father_name_latin: null },
      { fate: 'executed', father_name_fa: null, father_name_latin: 'Hassan' },
    ]);
    // Two names marked preferred in one script: the first one stays preferred.
    expect(db.prepare("SELECT name FROM person_names WHERE person_id = 1 AND is_preferred = 1 ORDER BY id").pluck().all()).toEqual(['محمد رضایی', 'Mohammad Rezaei']);
    db.close();
  });

  it('turns vocabularies into tables, so a new term is a row that records can use at once', () => {
    const db = v1Database();
    migrate(db, { backupsDir: tempDir(), now });
    // A v1 tag vocabulary that was never seeded survives as a term of its own.
    expect(db.prepare('SELECT code FROM tag_vocabularies ORDER BY sort, code').pluck().all()).toEqual(['free', 'fate', 'act-type', 'place-type', 'archive-series']);
    expect(db.prepare("SELECT count(*) FROM tags WHERE vocabulary = 'act-type' AND standard_term = 'Torture'").pluck().get()).toBe(2);
    const t = '2026-01-01T00:00:00Z';
    expect(() => db.prepare("INSERT INTO places (global_id, type, name_latin, created_at, updated_at) VALUES (?, 'bunker', 'X', ?, ?)").run(crypto.randomUUID(), t, t)).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO vocab_place_types (code, label_en, label_fa) VALUES ('bunker', 'Bunker', 'پناهگاه')").run();
    db.prepare("INSERT INTO places (global_id, type, name_latin, created_at, updated_at) VALUES (?, 'bunker', 'X', ?, ?)").run(crypto.randomUUID(), t, t);
    // A link must have the columns of its type's shape, whatever the type.
    expect(() =>
      db.prepare("INSERT INTO links (global_id, type, shape, item_id, place_id, created_at, updated_at) VALUES (?, 'item-depicts-person', 'item-place', 1, 1, ?, ?)").run(crypto.randomUUID(), t, t),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO links (global_id, type, shape, item_id, created_at, updated_at) VALUES (?, 'item-depicts-person', 'item-person', 1, ?, ?)").run(crypto.randomUUID(), t, t),
    ).toThrow(/CHECK/);
    // The same live link cannot be recorded twice.
    expect(() =>
      db.prepare("INSERT INTO links (global_id, type, shape, item_id, person_id, created_at, updated_at) VALUES (?, 'item-depicts-person', 'item-person', 1, 1, ?, ?)").run(crypto.randomUUID(), t, t),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps the custody log append-only and its rows untouched', () => {
    const db = v1Database();
    const before = db.prepare('SELECT * FROM custody_events').all();
    migrate(db, { backupsDir: tempDir(), now });
    expect(db.prepare('SELECT * FROM custody_events').all()).toEqual(before.map((row) => ({ ...(row as object), target_global_id: null, change_id: null })));
    expect(() => db.prepare("UPDATE custody_events SET actor = 'x'").run()).toThrow(/append-only/);
    db.close();
  });
});
