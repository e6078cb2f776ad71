/**
 * Rows for every table of schema 1, as a v1 catalogue could hold them, for the migration tests: each later
 * step must carry all of them over. Written with plain SQL against the v1 schema (not the current code).
 */
import type Database from 'better-sqlite3';

const t = '2026-01-01T00:00:00Z';

export function fillV1(db: Database.Database): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO settings (key, value) VALUES ('catalogue.id', 'cat-1'), ('actor.name', 'Maryam')");
  run("INSERT INTO sources (title, kind, reliability, created_at, updated_at) VALUES ('Prison roster', 'document', 'high', ?, ?)", t, t);
  run("INSERT INTO places (type, name_fa, name_latin, created_at, updated_at) VALUES ('city', 'تهران', 'Tehran', ?, ?)", t, t);
  run("INSERT INTO places (type, parent_id, name_fa, name_latin, lat, lon, created_at, updated_at) VALUES ('prison', 1, 'زندان اوین', 'Evin Prison', 35.79, 51.39, ?, ?)", t, t);
  run("INSERT INTO places (type, name_latin, created_at, updated_at) VALUES ('mass-grave', 'Khavaran', ?, ?)", t, t);
  for (const [sha, name] of [['a', 'one.jpg'], ['b', 'two.pdf']] as const) {
    run(
      `INSERT INTO items (sha256, size, mime, kind, original_name, title, acquisition_source_id, acquired_on, imported_at, updated_at)
       VALUES (?, 10, 'image/jpeg', 'photo', ?, 'A title', 1, '1999-05-01', ?, ?)`,
      sha.repeat(64), name, t, t,
    );
    run("INSERT INTO item_occurrences (item_id, original_name, seen_at) VALUES (last_insert_rowid(), ?, ?)", name, t);
  }
  run(
    `INSERT INTO persons (roles_json, father_name, sex, birth_place_id, prison_id, fate, death_date, death_earliest, death_latest,
       death_place_id, burial_place_id, external_ref, created_at, updated_at)
     VALUES ('["victim","witness"]', 'حسن', 'male', 1, 2, 'Died in custody', '{"original":"Mordad 1367"}', '1988-07-23', '1988-08-22', 2, 3, 'R-1', ?, ?)`,
    t, t,
  );
  run("INSERT INTO persons (roles_json, father_name, fate, created_at, updated_at) VALUES ('[\"relative\"]', 'Hassan', 'executed', ?, ?)", t, t);
  run("INSERT INTO person_names (person_id, name, script, is_preferred) VALUES (1, 'محمد رضایی', 'persian', 1)");
  run("INSERT INTO person_names (person_id, name, script, is_preferred) VALUES (1, 'Mohammad Rezaei', 'latin', 1)");
  run("INSERT INTO person_names (person_id, name, script, is_preferred) VALUES (1, 'Mohamad Rezayi', 'latin', 1)");
  run("INSERT INTO person_names (person_id, name, script) VALUES (2, 'Zahra Rezaei', 'latin')");
  run("INSERT INTO tags (vocabulary, label_en, created_at) VALUES ('free', 'Letters', ?)", t);
  run("INSERT INTO tags (vocabulary, parent_id, label_en, label_fa, created_at) VALUES ('archive-series', 1, 'Family letters', 'نامه‌های خانوادگی', ?)", t);
  run('INSERT INTO item_tags (item_id, tag_id) VALUES (1, 1), (1, 2), (2, 1)');
  run('INSERT INTO person_tags (person_id, tag_id) VALUES (1, 1)');
  run("INSERT INTO links (type, item_id, person_id, certainty, source_id, created_at) VALUES ('item-depicts-person', 1, 1, 'confirmed', 1, ?)", t);
  run("INSERT INTO links (type, item_id, person_id, created_at) VALUES ('testimony-about-person', 2, 1, ?)", t);
  run("INSERT INTO links (type, person_id, related_person_id, relationship, created_at) VALUES ('person-relative-of', 1, 2, 'mother', ?)", t);
  run("INSERT INTO citations (source_id, record_type, record_id, field, created_at) VALUES (1, 'person', 1, 'death_date', ?)", t);
  run("INSERT INTO exhibit_sets (name, prefix, created_at, updated_at) VALUES ('Case', 'IR88', ?, ?)", t, t);
  run('INSERT INTO exhibits (set_id, number, item_id, position, created_at) VALUES (1, 1, 1, 1, ?)', t);
  run(
    `INSERT INTO custody_events (seq, at, time_zone, actor, workstation_id, catalogue_id, action, target_type, target_ref, tool,
       tool_version, details_json, prev_hash, hash) VALUES (1, ?, 'UTC', 'Maryam', 'w', 'cat-1', 'acquired', 'item', 'ITM-000001', 'Vigil', '0', '{}', ?, ?)`,
    t, '0'.repeat(64), 'h'.repeat(64),
  );
}
