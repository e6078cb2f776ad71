/**
 * Schema 2: the records become safe to build on (issue 8). Shipped migrations are never edited.
 *
 * - Every record (item, person, name, place, source, tag, link, citation, exhibit set, exhibit) gets a random
 *   global id (a UUID) beside its local number, so it keeps its identity in every catalogue it travels to.
 * - Open vocabularies (roles, fates, place types, link types, certainty, tag vocabularies) become tables: adding
 *   a term is a row, never a table rebuild. Records refer to them by code with ON UPDATE CASCADE.
 * - One fact, one home: where a person was born, detained, killed or buried is a link to a place (with
 *   certainty and source); the place columns on persons go, their values become links.
 * - Names, dates and links gain what the archivist's work needs (father's name in both scripts, notes, the
 *   CSV row a record was last imported from, which import column a name came from, a link's update time).
 *
 * Most tables are rebuilt (create new, copy, drop old, rename), so this step runs with foreign keys off and
 * the runner checks every reference before it commits (see migrate.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';
import * as seed from './002-vocabulary-seed';

/** A random (version 4) UUID in SQL, for the rows that exist before this step. */
const UUID_SQL = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const GLOBAL_ID = `global_id TEXT NOT NULL UNIQUE CHECK (length(global_id) = 36)`;
const SENSITIVITY = (column: string, fallback: string) =>
  `${column} TEXT NOT NULL DEFAULT '${fallback}' CHECK (${column} IN ('public', 'restricted', 'confidential'))`;
/** A vocabulary code: short, and free of spaces so it reads well in CSV files and on the command line. */
const CODE = `code TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64 AND code NOT GLOB '*[ 	]*')`;
const TERM_COLUMNS = `label_en TEXT NOT NULL, label_fa TEXT NOT NULL, standard_term TEXT, sort INTEGER NOT NULL DEFAULT 0`;

const vocabularies = /* sql */ `
CREATE TABLE vocab_roles (${CODE}, ${TERM_COLUMNS}) STRICT;
CREATE TABLE vocab_fates (${CODE}, ${TERM_COLUMNS}) STRICT;
CREATE TABLE vocab_certainty (${CODE}, ${TERM_COLUMNS}) STRICT;
CREATE TABLE vocab_place_types (${CODE}, ${TERM_COLUMNS},
  graves INTEGER NOT NULL DEFAULT 0 CHECK (graves IN (0, 1))) STRICT;
-- The shape says which two kinds of record a type joins; links refer to (code, shape) so the CHECK on links
-- can require exactly the columns of its shape while the types themselves stay rows.
CREATE TABLE vocab_link_types (${CODE}, ${TERM_COLUMNS},
  inverse_label_en TEXT NOT NULL, inverse_label_fa TEXT NOT NULL,
  shape TEXT NOT NULL CHECK (shape IN ('item-person', 'item-place', 'person-place', 'person-person', 'item-item')),
  UNIQUE (code, shape)) STRICT;
CREATE TABLE tag_vocabularies (${CODE}, ${TERM_COLUMNS}) STRICT;
`;

const newTables = /* sql */ `
CREATE TABLE new_sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other'
    CHECK (kind IN ('person', 'organisation', 'document', 'publication', 'testimony', 'other')),
  reliability TEXT NOT NULL DEFAULT 'unknown' CHECK (reliability IN ('high', 'medium', 'low', 'unknown')),
  description TEXT,
  ${SENSITIVITY('sensitivity', 'restricted')},
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;
INSERT INTO new_sources SELECT id, ${UUID_SQL}, title, kind, reliability, description, sensitivity, created_at, updated_at,
  deleted_at, deleted_reason FROM sources;

CREATE TABLE new_places (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  type TEXT NOT NULL REFERENCES vocab_place_types(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  parent_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  name_fa TEXT,
  name_latin TEXT,
  lat REAL CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90)),
  lon REAL CHECK (lon IS NULL OR (lon BETWEEN -180 AND 180)),
  -- Grave coordinates are strictly confidential by default (DESIGN.md §4); the service sets the default per type.
  ${SENSITIVITY('coordinates_sensitivity', 'confidential')},
  ${SENSITIVITY('sensitivity', 'restricted')},
  notes TEXT,
  -- A place merged into another (the same prison under two names) is soft-deleted and points to the one kept,
  -- so its names still lead there (a CSV file naming it links to the kept place).
  merged_into_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT,
  CHECK (name_fa IS NOT NULL OR name_latin IS NOT NULL),
  CHECK ((lat IS NULL) = (lon IS NULL))
) STRICT;
INSERT INTO new_places SELECT id, ${UUID_SQL}, type, parent_id, name_fa, name_latin,
  CASE WHEN lon IS NULL THEN NULL ELSE lat END, CASE WHEN lat IS NULL THEN NULL ELSE lon END,
  coordinates_sensitivity, sensitivity, notes, NULL, created_at, updated_at, deleted_at, deleted_reason FROM places;

CREATE TABLE new_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'document', 'other')),
  original_name TEXT NOT NULL,
  original_modified_at TEXT,
  original_created_at TEXT,
  title TEXT,
  description TEXT,
  metadata_json TEXT,
  metadata_warnings_json TEXT NOT NULL DEFAULT '[]',
  sensitive_fields_json TEXT NOT NULL DEFAULT '[]',
  preview_state TEXT NOT NULL DEFAULT 'pending' CHECK (preview_state IN ('pending', 'ready', 'failed', 'none')),
  preview_note TEXT,
  taken_at TEXT,
  gps_lat REAL,
  gps_lon REAL,
  gps_alt REAL,
  make TEXT,
  model TEXT,
  serial TEXT,
  lens TEXT,
  software TEXT,
  orientation INTEGER,
  width INTEGER,
  height INTEGER,
  caption TEXT,
  keywords_json TEXT,
  creator TEXT,
  copyright TEXT,
  page_count INTEGER,
  document_title TEXT,
  document_author TEXT,
  document_producer TEXT,
  document_text TEXT,
  ${SENSITIVITY('sensitivity', 'restricted')},
  acquisition_source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  acquired_by TEXT,
  acquisition_method TEXT,
  -- A historical date: JSON (original text, calendar, EDTF) and its earliest and latest days.
  acquired_date TEXT,
  acquired_earliest TEXT,
  acquired_latest TEXT,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;
INSERT INTO new_items SELECT id, ${UUID_SQL}, sha256, size, mime, kind, original_name, original_modified_at,
  original_created_at, title, description, metadata_json, metadata_warnings_json, sensitive_fields_json, preview_state,
  preview_note, taken_at, gps_lat, gps_lon, gps_alt, make, model, serial, lens, software, orientation, width, height,
  caption, keywords_json, creator, copyright, page_count, document_title, document_author, document_producer,
  document_text, sensitivity, acquisition_source_id, acquired_by, acquisition_method,
  CASE WHEN acquired_on IS NULL THEN NULL
    ELSE json_object('original', acquired_on, 'calendar', 'gregorian', 'edtf', acquired_on) END,
  CASE WHEN acquired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(acquired_on, 1, 10) END,
  CASE WHEN acquired_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(acquired_on, 1, 10) END,
  imported_at, updated_at, deleted_at, deleted_reason FROM items;

-- A v1 fate was free text: a value that is not yet a term becomes one, so no person loses theirs.
INSERT OR IGNORE INTO vocab_fates (code, label_en, label_fa, sort)
  SELECT DISTINCT replace(lower(trim(fate)), ' ', '-'), trim(fate), trim(fate), 100 FROM persons
  WHERE fate IS NOT NULL AND trim(fate) <> '';

CREATE TABLE new_persons (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  father_name_fa TEXT,
  father_name_latin TEXT,
  -- The father's names folded for matching (name-key.ts), as person_names.search_key is for names.
  father_name_key TEXT,
  sex TEXT CHECK (sex IS NULL OR sex IN ('female', 'male', 'other', 'unknown')),
  birth_date TEXT,
  birth_earliest TEXT,
  birth_latest TEXT,
  arrest_date TEXT,
  arrest_earliest TEXT,
  arrest_latest TEXT,
  fate TEXT REFERENCES vocab_fates(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  death_date TEXT,
  death_earliest TEXT,
  death_latest TEXT,
  affiliation TEXT,
  biography TEXT,
  notes TEXT,
  ${SENSITIVITY('sensitivity', 'restricted')},
  -- The record's reference in the list it was imported from, and that row's values as last imported: a
  -- re-import changes only what the file changed, never what an archivist edited here since.
  external_ref TEXT,
  import_row_json TEXT,
  merged_into_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;
-- A father's name in v1 had one column: it goes to the Persian or the Latin one by the script it is written in.
INSERT INTO new_persons SELECT id, ${UUID_SQL},
  CASE WHEN father_name GLOB '*[ء-ۿ]*' THEN father_name END,
  CASE WHEN father_name GLOB '*[ء-ۿ]*' THEN NULL ELSE father_name END,
  NULL,
  sex, birth_date, birth_earliest, birth_latest, arrest_date, arrest_earliest, arrest_latest,
  CASE WHEN fate IS NULL OR trim(fate) = '' THEN NULL ELSE replace(lower(trim(fate)), ' ', '-') END,
  death_date, death_earliest, death_latest, affiliation, biography, NULL, sensitivity, external_ref, NULL,
  merged_into_id, created_at, updated_at, deleted_at, deleted_reason FROM persons;

CREATE TABLE person_roles (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  role TEXT NOT NULL REFERENCES vocab_roles(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  PRIMARY KEY (person_id, role)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO vocab_roles (code, label_en, label_fa, sort)
  SELECT DISTINCT r.value, r.value, r.value, 100 FROM persons p, json_each(CASE WHEN json_valid(p.roles_json) THEN p.roles_json ELSE '[]' END) r
  WHERE r.type = 'text' AND trim(r.value) <> '' AND r.value NOT GLOB '*[ 	]*';
INSERT OR IGNORE INTO person_roles (person_id, role)
  SELECT p.id, r.value FROM persons p, json_each(CASE WHEN json_valid(p.roles_json) THEN p.roles_json ELSE '[]' END) r
  WHERE r.type = 'text' AND r.value IN (SELECT code FROM vocab_roles);

CREATE TABLE new_person_names (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  -- Verbatim, as written in the source: never normalised. search_key and skeleton are derived from it.
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  script TEXT NOT NULL CHECK (script IN ('persian', 'latin', 'other')),
  language TEXT,
  name_type TEXT NOT NULL DEFAULT 'legal' CHECK (name_type IN ('legal', 'alias', 'variant')),
  is_preferred INTEGER NOT NULL DEFAULT 0 CHECK (is_preferred IN (0, 1)),
  search_key TEXT,
  skeleton TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  -- The CSV column the name was imported from (name_fa, name_latin, other_names); null when entered by hand.
  import_column TEXT
) STRICT;
INSERT INTO new_person_names SELECT id, ${UUID_SQL}, person_id, name, script, language, name_type, is_preferred,
  search_key, skeleton, source_id, NULL FROM person_names;
-- Only one preferred name per script: the one lists and exhibits show.
UPDATE new_person_names SET is_preferred = 0 WHERE is_preferred = 1 AND id <> (
  SELECT min(n.id) FROM new_person_names n WHERE n.person_id = new_person_names.person_id
    AND n.script = new_person_names.script AND n.is_preferred = 1);

INSERT OR IGNORE INTO tag_vocabularies (code, label_en, label_fa, sort)
  SELECT DISTINCT vocabulary, vocabulary, vocabulary, 100 FROM tags;
CREATE TABLE new_tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  vocabulary TEXT NOT NULL DEFAULT 'free' REFERENCES tag_vocabularies(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  -- Seeded terms keep a code, so two catalogues' copies of the same seeded term can be recognised as one.
  code TEXT,
  parent_id INTEGER REFERENCES tags(id) ON DELETE SET NULL,
  label_en TEXT,
  label_fa TEXT,
  standard_term TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT,
  CHECK (label_en IS NOT NULL OR label_fa IS NOT NULL)
) STRICT;
INSERT INTO new_tags SELECT id, ${UUID_SQL}, vocabulary, NULL, parent_id, label_en, label_fa, NULL, created_at,
  created_at, NULL, NULL FROM tags;

CREATE TABLE new_links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  type TEXT NOT NULL,
  shape TEXT NOT NULL CHECK (shape IN ('item-person', 'item-place', 'person-place', 'person-person', 'item-item')),
  item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE,
  place_id INTEGER REFERENCES places(id) ON DELETE CASCADE,
  related_item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
  related_person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE,
  -- For person-relative-of: how the second person is related to the first (mother, brother, ...).
  relationship TEXT,
  certainty TEXT NOT NULL DEFAULT 'reported' REFERENCES vocab_certainty(code) ON UPDATE CASCADE ON DELETE RESTRICT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT,
  FOREIGN KEY (type, shape) REFERENCES vocab_link_types(code, shape) ON UPDATE CASCADE ON DELETE RESTRICT,
  CHECK (CASE shape
    WHEN 'item-person' THEN item_id IS NOT NULL AND person_id IS NOT NULL AND place_id IS NULL
      AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN 'item-place' THEN item_id IS NOT NULL AND place_id IS NOT NULL AND person_id IS NULL
      AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN 'person-place' THEN person_id IS NOT NULL AND place_id IS NOT NULL AND item_id IS NULL
      AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN 'person-person' THEN person_id IS NOT NULL AND related_person_id IS NOT NULL AND item_id IS NULL
      AND place_id IS NULL AND related_item_id IS NULL AND person_id <> related_person_id
    ELSE item_id IS NOT NULL AND related_item_id IS NOT NULL AND person_id IS NULL
      AND place_id IS NULL AND related_person_id IS NULL AND item_id <> related_item_id
  END)
) STRICT;
-- v1's testimony-about-person is the about-person link of the records issue.
INSERT INTO new_links SELECT l.id, ${UUID_SQL}, t.code, t.shape, l.item_id, l.person_id, l.place_id, l.related_item_id,
  l.related_person_id, l.relationship, l.certainty, l.source_id, l.note, l.created_at, l.created_at, l.deleted_at,
  l.deleted_reason
  FROM links l JOIN vocab_link_types t ON t.code = CASE l.type WHEN 'testimony-about-person' THEN 'item-about-person' ELSE l.type END;
-- The place columns of v1 persons become links (one fact, one home).
INSERT INTO new_links (global_id, type, shape, person_id, place_id, certainty, created_at, updated_at)
  SELECT ${UUID_SQL}, c.type, 'person-place', p.id, c.place_id, 'reported', p.created_at, p.updated_at
  FROM persons p JOIN (
    SELECT id, 'person-born-at' AS type, birth_place_id AS place_id FROM persons WHERE birth_place_id IS NOT NULL
    UNION ALL SELECT id, 'person-detained-at', prison_id FROM persons WHERE prison_id IS NOT NULL
    UNION ALL SELECT id, 'person-killed-at', death_place_id FROM persons WHERE death_place_id IS NOT NULL
    UNION ALL SELECT id, 'person-buried-at', burial_place_id FROM persons WHERE burial_place_id IS NOT NULL
  ) c ON c.id = p.id
  ORDER BY p.id, c.type;

CREATE TABLE new_citations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  record_type TEXT NOT NULL CHECK (record_type IN ('item', 'person', 'place', 'link')),
  record_id INTEGER NOT NULL,
  field TEXT,
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO new_citations SELECT id, ${UUID_SQL}, source_id, record_type, record_id, field, note, created_at FROM citations;

CREATE TABLE new_exhibit_sets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  name TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 1 AND 16 AND prefix NOT GLOB '*[^A-Z0-9]*'),
  matter TEXT,
  description TEXT,
  next_number INTEGER NOT NULL DEFAULT 1 CHECK (next_number >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO new_exhibit_sets SELECT id, ${UUID_SQL}, name, prefix, matter, description, next_number, created_at, updated_at
  FROM exhibit_sets;

-- Exhibit numbers are stable once assigned: exhibits are never deleted with their set or item (RESTRICT).
CREATE TABLE new_exhibits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${GLOBAL_ID},
  set_id INTEGER NOT NULL REFERENCES exhibit_sets(id) ON DELETE RESTRICT,
  number INTEGER NOT NULL CHECK (number >= 1),
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE RESTRICT,
  position INTEGER NOT NULL,
  title TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_reason TEXT,
  UNIQUE (set_id, number),
  UNIQUE (set_id, item_id)
) STRICT;
INSERT INTO new_exhibits SELECT id, ${UUID_SQL}, set_id, number, item_id, position, title, note, created_at, withdrawn_at,
  withdrawn_reason FROM exhibits;
`;

const swap = ['sources', 'places', 'items', 'persons', 'person_names', 'tags', 'links', 'citations', 'exhibit_sets', 'exhibits']
  .map((table) => `DROP TABLE ${table}; ALTER TABLE new_${table} RENAME TO ${table};`)
  .join('\n');

const indexes = /* sql */ `
CREATE INDEX places_parent ON places(parent_id);
CREATE INDEX places_type ON places(type);
CREATE INDEX items_taken_at ON items(taken_at);
CREATE INDEX items_original_name ON items(original_name);
CREATE INDEX items_kind ON items(kind);
CREATE INDEX persons_death_earliest ON persons(death_earliest);
CREATE INDEX persons_fate ON persons(fate);
CREATE UNIQUE INDEX persons_external_ref ON persons(external_ref) WHERE external_ref IS NOT NULL;
CREATE INDEX person_roles_role ON person_roles(role);
CREATE INDEX person_names_person ON person_names(person_id);
CREATE INDEX person_names_skeleton ON person_names(skeleton) WHERE skeleton IS NOT NULL;
CREATE UNIQUE INDEX person_names_preferred ON person_names(person_id, script) WHERE is_preferred = 1;
CREATE UNIQUE INDEX tags_label ON tags(vocabulary, coalesce(parent_id, 0), coalesce(label_en, ''), coalesce(label_fa, ''));
CREATE UNIQUE INDEX tags_code ON tags(vocabulary, code) WHERE code IS NOT NULL;
-- Each link sets two of these five columns: partial indexes keep the other three out of the index.
CREATE INDEX links_item ON links(item_id) WHERE item_id IS NOT NULL;
CREATE INDEX links_person ON links(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX links_place ON links(place_id) WHERE place_id IS NOT NULL;
CREATE INDEX links_related_person ON links(related_person_id) WHERE related_person_id IS NOT NULL;
CREATE INDEX links_related_item ON links(related_item_id) WHERE related_item_id IS NOT NULL;
-- The same live link is recorded once; a deleted one can be made again.
CREATE UNIQUE INDEX links_unique ON links(type, coalesce(item_id, 0), coalesce(person_id, 0), coalesce(place_id, 0),
  coalesce(related_item_id, 0), coalesce(related_person_id, 0)) WHERE deleted_at IS NULL;
CREATE INDEX citations_record ON citations(record_type, record_id);
-- Custody events name the record's global id, and group the events of one change (one undo step).
ALTER TABLE custody_events ADD COLUMN target_global_id TEXT;
ALTER TABLE custody_events ADD COLUMN change_id TEXT;
CREATE INDEX custody_events_global ON custody_events(target_global_id);
CREATE INDEX custody_events_change ON custody_events(change_id) WHERE change_id IS NOT NULL;
-- Which records each event is about (its target and, for a link or a tag, both ends), so a record's history is
-- one indexed lookup. Derived from the events; not part of the hash chain.
CREATE TABLE custody_event_records (
  seq INTEGER NOT NULL REFERENCES custody_events(seq) ON DELETE RESTRICT,
  global_id TEXT NOT NULL,
  PRIMARY KEY (global_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO custody_event_records (seq, global_id)
  SELECT e.seq, i.global_id FROM custody_events e JOIN items i ON e.target_type = 'item' AND e.target_ref = 'ITM-' || printf('%06d', i.id);
`;

function seedVocabularies(db: Database): void {
  const insertTerm = (table: string) =>
    db.prepare(`INSERT INTO ${table} (code, label_en, label_fa, standard_term, sort) VALUES (?, ?, ?, ?, ?)`);
  const terms: Array<[string, seed.SeedTerm[]]> = [
    ['vocab_roles', seed.roles],
    ['vocab_fates', seed.fates],
    ['vocab_certainty', seed.certainty],
    ['tag_vocabularies', seed.tagVocabularies],
  ];
  for (const [table, list] of terms) {
    const insert = insertTerm(table);
    list.forEach((t, i) => insert.run(t.code, t.en, t.fa, t.standard ?? null, (i + 1) * 10));
  }
  const placeType = db.prepare('INSERT INTO vocab_place_types (code, label_en, label_fa, standard_term, sort, graves) VALUES (?, ?, ?, ?, ?, ?)');
  seed.placeTypes.forEach((t, i) => placeType.run(t.code, t.en, t.fa, t.standard ?? null, (i + 1) * 10, t.graves ? 1 : 0));
  const linkType = db.prepare(`INSERT INTO vocab_link_types (code, label_en, label_fa, inverse_label_en, inverse_label_fa, shape,
    standard_term, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  seed.linkTypes.forEach((t, i) => linkType.run(t.code, t.en, t.fa, t.inverseEn, t.inverseFa, t.shape, t.standard ?? null, (i + 1) * 10));
}

function seedTags(db: Database, now: string): void {
  const insert = db.prepare(`INSERT INTO tags (global_id, vocabulary, code, parent_id, label_en, label_fa, standard_term, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`);
  const add = (vocabulary: string, tag: seed.SeedTag, parentId: number | null) => {
    const result = insert.run(randomUUID(), vocabulary, tag.code, parentId, tag.en, tag.fa, tag.standard ?? null, now, now);
    // A catalogue that already had a tag with this label keeps it; its children hang under the existing one.
    const id =
      result.changes > 0
        ? Number(result.lastInsertRowid)
        : (db.prepare('SELECT id FROM tags WHERE vocabulary = ? AND coalesce(parent_id, 0) = ? AND label_en = ?').pluck().get(vocabulary, parentId ?? 0, tag.en) as number | undefined) ?? null;
    for (const child of tag.children ?? []) add(vocabulary, child, id);
  };
  for (const [vocabulary, tags] of Object.entries(seed.seedTags)) for (const tag of tags) add(vocabulary, tag, null);
}

export const migration002: Migration = {
  version: 2,
  name: 'global ids, vocabularies as tables, facts as links',
  rebuildsTables: true,
  up(db, { now }) {
    db.exec(vocabularies);
    seedVocabularies(db);
    db.exec(newTables);
    db.exec(swap);
    db.exec(indexes);
    // The seeded tags' time is the migration's: a fixed stamp would claim they existed before the catalogue.
    seedTags(db, now.toISOString());
  },
};
