/** The only SQL over places. */
import type { PlaceFilter, PlaceSummary, Sensitivity } from '../../shared/dto';
import { formatRef, type PlaceId } from '../../shared/ids';
import { nameKey } from '../../shared/names/name-key';
import type { Db } from '../db/open-database';
import { createStatementCache } from '../db/statement-cache';
import { likeContains } from '../persons/person-filter';

export interface PlaceColumns {
  type: string;
  nameFa: string | null;
  nameLatin: string | null;
  parentId: PlaceId | null;
  lat: number | null;
  lon: number | null;
  coordinatesSensitivity: Sensitivity;
  sensitivity: Sensitivity;
  notes: string | null;
}

export interface PlaceRecord extends PlaceColumns {
  id: PlaceId;
  ref: string;
  globalId: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: string | null;
  /** The place this one was merged into (it is then deleted), or null. */
  mergedIntoId: PlaceId | null;
}

interface DbPlace {
  id: number;
  global_id: string;
  type: string;
  parent_id: number | null;
  name_fa: string | null;
  name_latin: string | null;
  lat: number | null;
  lon: number | null;
  coordinates_sensitivity: Sensitivity;
  sensitivity: Sensitivity;
  notes: string | null;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
}

const toRecord = (r: DbPlace): PlaceRecord => ({
  id: r.id as PlaceId,
  ref: formatRef('place', r.id),
  globalId: r.global_id,
  type: r.type,
  nameFa: r.name_fa,
  nameLatin: r.name_latin,
  parentId: r.parent_id as PlaceId | null,
  lat: r.lat,
  lon: r.lon,
  coordinatesSensitivity: r.coordinates_sensitivity,
  sensitivity: r.sensitivity,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  deletedReason: r.deleted_reason,
  mergedIntoId: r.merged_into_id as PlaceId | null,
});

const COLUMNS: Record<keyof PlaceColumns, string> = {
  type: 'type',
  nameFa: 'name_fa',
  nameLatin: 'name_latin',
  parentId: 'parent_id',
  lat: 'lat',
  lon: 'lon',
  coordinatesSensitivity: 'coordinates_sensitivity',
  sensitivity: 'sensitivity',
  notes: 'notes',
};

const SUMMARY = `SELECT pl.id, pl.global_id, pl.type, pl.name_fa, pl.name_latin, pl.parent_id,
  (SELECT coalesce(pp.name_latin, pp.name_fa) FROM places pp WHERE pp.id = pl.parent_id) AS parent_label,
  (SELECT count(DISTINCT l.person_id) FROM links l JOIN persons p ON p.id = l.person_id
    WHERE l.place_id = pl.id AND l.deleted_at IS NULL AND p.deleted_at IS NULL AND p.merged_into_id IS NULL) AS person_count,
  pl.deleted_at
  FROM places pl`;

interface DbSummary {
  id: number;
  global_id: string;
  type: string;
  name_fa: string | null;
  name_latin: string | null;
  parent_id: number | null;
  parent_label: string | null;
  person_count: number;
  deleted_at: string | null;
}

const toSummary = (r: DbSummary): PlaceSummary => ({
  id: r.id as PlaceId,
  ref: formatRef('place', r.id),
  globalId: r.global_id,
  type: r.type,
  nameFa: r.name_fa,
  nameLatin: r.name_latin,
  parentId: r.parent_id as PlaceId | null,
  parentLabel: r.parent_label,
  personCount: r.person_count,
  deleted: r.deleted_at !== null,
});

export function createPlacesRepository(db: Db) {
  const cached = createStatementCache(db);
  const byId = db.prepare('SELECT * FROM places WHERE id = ?');
  const byGlobalId = db.prepare('SELECT * FROM places WHERE global_id = ?');
  const summaryById = db.prepare(`${SUMMARY} WHERE pl.id = ?`);
  const children = db.prepare(`${SUMMARY} WHERE pl.parent_id = ? AND pl.deleted_at IS NULL ORDER BY coalesce(pl.name_latin, pl.name_fa)`);
  const setDeleted = db.prepare('UPDATE places SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?');
  const setMergedInto = db.prepare('UPDATE places SET merged_into_id = ? WHERE id = ?');
  const touch = db.prepare('UPDATE places SET updated_at = ? WHERE id = ?');
  // Deleted children too: one restored later should not come back inside a place that was merged away.
  const childIds = db.prepare('SELECT id FROM places WHERE parent_id = ? ORDER BY id').pluck();
  const insert = db.prepare(`
    INSERT INTO places (global_id, type, parent_id, name_fa, name_latin, lat, lon, coordinates_sensitivity, sensitivity, notes,
      created_at, updated_at)
    VALUES (@globalId, @type, @parentId, @nameFa, @nameLatin, @lat, @lon, @coordinatesSensitivity, @sensitivity, @notes, @at, @at)`);
  const indexedNames = db.prepare(`SELECT id, name_fa, name_latin, merged_into_id, deleted_at IS NOT NULL AS deleted FROM places
    WHERE deleted_at IS NULL OR merged_into_id IS NOT NULL ORDER BY id`);
  const search = db.prepare(`
    SELECT id, coalesce(name_latin, name_fa) AS label FROM places
    WHERE deleted_at IS NULL AND (name_fa LIKE @pattern ESCAPE '\\' OR name_latin LIKE @pattern ESCAPE '\\')
    ORDER BY id LIMIT @limit`);

  return {
    insert(fields: PlaceColumns & { globalId: string; at: string }): PlaceId {
      return Number(insert.run(fields).lastInsertRowid) as PlaceId;
    },
    update(id: PlaceId, fields: Partial<PlaceColumns>, updatedAt: string): void {
      const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as Array<[keyof PlaceColumns, unknown]>;
      if (entries.length === 0) return;
      const sets = entries.map(([k]) => `${COLUMNS[k]} = @${k}`).join(', ');
      cached(`UPDATE places SET ${sets}, updated_at = @updatedAt WHERE id = @id`).run({ ...Object.fromEntries(entries), updatedAt, id });
    },
    get(id: number): PlaceRecord | null {
      const row = byId.get(id) as DbPlace | undefined;
      return row ? toRecord(row) : null;
    },
    byGlobalId(globalId: string): PlaceRecord | null {
      const row = byGlobalId.get(globalId) as DbPlace | undefined;
      return row ? toRecord(row) : null;
    },
    summary(id: number): PlaceSummary | null {
      const row = summaryById.get(id) as DbSummary | undefined;
      return row ? toSummary(row) : null;
    },
    children(id: number): PlaceSummary[] {
      return (children.all(id) as DbSummary[]).map(toSummary);
    },
    setDeleted(id: number, at: string | null, reason: string | null, updatedAt: string): void {
      setDeleted.run(at, reason, updatedAt, id);
    },
    setMergedInto(id: number, mergedIntoId: number | null): void {
      setMergedInto.run(mergedIntoId, id);
    },
    touch(id: number, updatedAt: string): void {
      touch.run(updatedAt, id);
    },
    /** Every place directly inside this one, deleted ones included. */
    childIds(id: number): PlaceId[] {
      return childIds.all(id) as PlaceId[];
    },
    page(filter: PlaceFilter, offset: number, limit: number) {
      const where = [filter.deleted ? 'pl.deleted_at IS NOT NULL' : 'pl.deleted_at IS NULL'];
      const params: Record<string, unknown> = {};
      if (filter.type) {
        where.push('pl.type = @type');
        params.type = filter.type;
      }
      if (filter.text?.trim()) {
        where.push("(pl.name_fa LIKE @text ESCAPE '\\' OR pl.name_latin LIKE @text ESCAPE '\\')");
        params.text = likeContains(filter.text.trim());
      }
      const clause = where.join(' AND ');
      const rows = cached(`${SUMMARY} WHERE ${clause} ORDER BY coalesce(pl.name_latin, pl.name_fa) COLLATE NOCASE, pl.id LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit, offset }) as DbSummary[];
      const total = cached(`SELECT count(*) FROM places pl WHERE ${clause}`).pluck().get(params) as number;
      return { rows: rows.map(toSummary), total, offset };
    },
    /**
     * Every live place's names by search key, for matching names typed in a CSV file to places; then the names of
     * places merged into a live place, pointing to that place (a live place's own name comes first).
     */
    nameIndex(): Map<string, PlaceId> {
      const index = new Map<string, PlaceId>();
      const rows = indexedNames.all() as Array<{ id: number; name_fa: string | null; name_latin: string | null; merged_into_id: number | null; deleted: number }>;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const add = (row: (typeof rows)[number], to: number) => {
        for (const name of [row.name_fa, row.name_latin]) {
          const key = name ? nameKey(name) : '';
          if (key && !index.has(key)) index.set(key, to as PlaceId);
        }
      };
      for (const row of rows) if (!row.deleted) add(row, row.id);
      for (const row of rows) {
        if (!row.deleted) continue;
        // Follow the merges (a place merged into one that was merged in turn) to the live place at the end.
        let at = row.merged_into_id === null ? undefined : byId.get(row.merged_into_id);
        for (let steps = 0; at?.deleted && steps < 100; steps += 1) at = at.merged_into_id === null ? undefined : byId.get(at.merged_into_id);
        if (at && !at.deleted) add(row, at.id);
      }
      return index;
    },
    searchLike(query: string, limit: number): Array<{ id: number; label: string }> {
      return search.all({ pattern: likeContains(query), limit }) as Array<{ id: number; label: string }>;
    },
  };
}

export type PlacesRepository = ReturnType<typeof createPlacesRepository>;
