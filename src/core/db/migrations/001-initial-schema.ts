/**
 * Schema v1: the records of DESIGN.md §4. Shipped migrations are never edited; a change is a new file.
 *
 * Conventions: STRICT tables, snake_case, AUTOINCREMENT ids (reference codes such as ITM-000123 are derived
 * from ids and must never be reused), explicit ON DELETE on every foreign key, soft delete with a reason.
 * A historical date is stored as three columns: `<x>_date` (JSON: original text, calendar, EDTF) and the
 * computed `<x>_earliest` / `<x>_latest` ISO days used for filtering and sorting.
 */
import type { Migration } from './migration';

const sql = /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'other'
    CHECK (kind IN ('person', 'organisation', 'document', 'publication', 'testimony', 'other')),
  reliability TEXT NOT NULL DEFAULT 'unknown' CHECK (reliability IN ('high', 'medium', 'low', 'unknown')),
  description TEXT,
  sensitivity TEXT NOT NULL DEFAULT 'restricted' CHECK (sensitivity IN ('public', 'restricted', 'confidential')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;

CREATE TABLE places (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL CHECK (type IN ('prison', 'city', 'cemetery', 'mass-grave', 'region', 'other')),
  parent_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  name_fa TEXT,
  name_latin TEXT,
  lat REAL CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90)),
  lon REAL CHECK (lon IS NULL OR (lon BETWEEN -180 AND 180)),
  -- Grave coordinates are strictly confidential by default (DESIGN.md §4); the service sets the default per type.
  coordinates_sensitivity TEXT NOT NULL DEFAULT 'confidential'
    CHECK (coordinates_sensitivity IN ('public', 'restricted', 'confidential')),
  sensitivity TEXT NOT NULL DEFAULT 'restricted' CHECK (sensitivity IN ('public', 'restricted', 'confidential')),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT,
  CHECK (name_fa IS NOT NULL OR name_latin IS NOT NULL)
) STRICT;
CREATE INDEX places_parent ON places(parent_id);

CREATE TABLE items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  sensitivity TEXT NOT NULL DEFAULT 'restricted' CHECK (sensitivity IN ('public', 'restricted', 'confidential')),
  acquisition_source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  acquired_by TEXT,
  acquisition_method TEXT,
  acquired_on TEXT,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;
CREATE INDEX items_taken_at ON items(taken_at);
CREATE INDEX items_original_name ON items(original_name);
CREATE INDEX items_kind ON items(kind);

-- Every time a file was found: the first import and each duplicate seen later (name, path, timestamps as found).
CREATE TABLE item_occurrences (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  original_name TEXT NOT NULL,
  source_path TEXT,
  modified_at TEXT,
  created_at TEXT,
  seen_at TEXT NOT NULL
) STRICT;
CREATE INDEX item_occurrences_item ON item_occurrences(item_id);

CREATE TABLE persons (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  roles_json TEXT NOT NULL DEFAULT '["victim"]',
  father_name TEXT,
  sex TEXT CHECK (sex IS NULL OR sex IN ('female', 'male', 'other', 'unknown')),
  birth_date TEXT,
  birth_earliest TEXT,
  birth_latest TEXT,
  birth_place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  arrest_date TEXT,
  arrest_earliest TEXT,
  arrest_latest TEXT,
  prison_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  fate TEXT,
  death_date TEXT,
  death_earliest TEXT,
  death_latest TEXT,
  death_place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  burial_place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
  affiliation TEXT,
  biography TEXT,
  sensitivity TEXT NOT NULL DEFAULT 'restricted' CHECK (sensitivity IN ('public', 'restricted', 'confidential')),
  external_ref TEXT,
  merged_into_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT
) STRICT;
CREATE INDEX persons_death_earliest ON persons(death_earliest);
CREATE UNIQUE INDEX persons_external_ref ON persons(external_ref) WHERE external_ref IS NOT NULL;

-- Names are stored verbatim; search_key and skeleton are derived and recomputed when the rules change.
CREATE TABLE person_names (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  script TEXT NOT NULL CHECK (script IN ('persian', 'latin', 'other')),
  language TEXT,
  name_type TEXT NOT NULL DEFAULT 'legal' CHECK (name_type IN ('legal', 'alias', 'variant')),
  is_preferred INTEGER NOT NULL DEFAULT 0 CHECK (is_preferred IN (0, 1)),
  search_key TEXT,
  skeleton TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX person_names_person ON person_names(person_id);
CREATE INDEX person_names_skeleton ON person_names(skeleton);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  vocabulary TEXT NOT NULL DEFAULT 'free',
  parent_id INTEGER REFERENCES tags(id) ON DELETE SET NULL,
  label_en TEXT,
  label_fa TEXT,
  created_at TEXT NOT NULL,
  CHECK (label_en IS NOT NULL OR label_fa IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX tags_label ON tags(vocabulary, coalesce(parent_id, 0), coalesce(label_en, ''), coalesce(label_fa, ''));

CREATE TABLE item_tags (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_tags_tag ON item_tags(tag_id);

CREATE TABLE person_tags (
  person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (person_id, tag_id)
) STRICT, WITHOUT ROWID;

-- Typed links with certainty and source. Exactly the columns a type needs are set (CHECK below).
CREATE TABLE links (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL CHECK (type IN (
    'item-depicts-person', 'item-mentions-person', 'testimony-about-person', 'item-depicts-place',
    'person-detained-at', 'person-killed-at', 'person-buried-at', 'person-relative-of',
    'item-duplicate-of', 'item-derived-from')),
  item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
  person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE,
  place_id INTEGER REFERENCES places(id) ON DELETE CASCADE,
  related_item_id INTEGER REFERENCES items(id) ON DELETE CASCADE,
  related_person_id INTEGER REFERENCES persons(id) ON DELETE CASCADE,
  relationship TEXT,
  certainty TEXT NOT NULL DEFAULT 'reported' CHECK (certainty IN ('confirmed', 'reported', 'suspected', 'disputed')),
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_reason TEXT,
  CHECK (CASE
    WHEN type IN ('item-depicts-person', 'item-mentions-person', 'testimony-about-person')
      THEN item_id IS NOT NULL AND person_id IS NOT NULL AND place_id IS NULL
        AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN type = 'item-depicts-place'
      THEN item_id IS NOT NULL AND place_id IS NOT NULL AND person_id IS NULL
        AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN type IN ('person-detained-at', 'person-killed-at', 'person-buried-at')
      THEN person_id IS NOT NULL AND place_id IS NOT NULL AND item_id IS NULL
        AND related_item_id IS NULL AND related_person_id IS NULL
    WHEN type = 'person-relative-of'
      THEN person_id IS NOT NULL AND related_person_id IS NOT NULL AND item_id IS NULL
        AND place_id IS NULL AND related_item_id IS NULL
    ELSE item_id IS NOT NULL AND related_item_id IS NOT NULL AND person_id IS NULL
        AND place_id IS NULL AND related_person_id IS NULL
  END)
) STRICT;
CREATE INDEX links_item ON links(item_id);
CREATE INDEX links_person ON links(person_id);
CREATE INDEX links_place ON links(place_id);
CREATE INDEX links_related_person ON links(related_person_id);

-- A source cited by any record or field (records: item, person, place, link).
CREATE TABLE citations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  record_type TEXT NOT NULL CHECK (record_type IN ('item', 'person', 'place', 'link')),
  record_id INTEGER NOT NULL,
  field TEXT,
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX citations_record ON citations(record_type, record_id);

CREATE TABLE exhibit_sets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL UNIQUE CHECK (length(prefix) BETWEEN 1 AND 16 AND prefix NOT GLOB '*[^A-Z0-9]*'),
  matter TEXT,
  description TEXT,
  next_number INTEGER NOT NULL DEFAULT 1 CHECK (next_number >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Exhibit numbers are stable once assigned: exhibits are never deleted with their set or item (RESTRICT).
CREATE TABLE exhibits (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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

-- The custody log (DESIGN.md §7): append-only and hash-chained. The triggers stop accidental edits through
-- Vigil; deliberate tampering from outside is caught by verifying the chain.
CREATE TABLE custody_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_organisation TEXT,
  workstation_id TEXT NOT NULL,
  catalogue_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT,
  target_ref TEXT,
  sha256_before TEXT,
  sha256_after TEXT,
  tool TEXT NOT NULL,
  tool_version TEXT NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX custody_events_target ON custody_events(target_type, target_ref);
CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN SELECT RAISE(ABORT, 'The custody log is append-only: its rows cannot be changed.'); END;
CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN SELECT RAISE(ABORT, 'The custody log is append-only: its rows cannot be deleted.'); END;
`;

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(sql);
  },
};
