/**
 * The only SQL over persons and their roles. Names are in person-names-repository.ts; the filters that lists,
 * the timeline and exports share are in person-filter.ts.
 */
import type { HistoricalDate } from '../../shared/dates/historical-date';
import type { PersonFilter, PersonSort, PersonStats, PersonSummary, PlaceCount, Sensitivity, Sex } from '../../shared/dto';
import { formatRef, type PersonId } from '../../shared/ids';
import { fromDateColumns, toDateColumns } from '../db/date-columns';
import type { Db } from '../db/open-database';
import { createStatementCache } from '../db/statement-cache';
import { nameKey } from '../../shared/names/name-key';
import { likeContains, personFilterSql } from './person-filter';

/** The columns of a person a change can write. Dates are structured; the repository splits them into columns. */
export interface PersonColumns {
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  sex: Sex | null;
  birthDate: HistoricalDate | null;
  arrestDate: HistoricalDate | null;
  fate: string | null;
  deathDate: HistoricalDate | null;
  affiliation: string | null;
  biography: string | null;
  notes: string | null;
  sensitivity: Sensitivity;
  externalRef: string | null;
  importRowJson: string | null;
}

export interface PersonRecord extends PersonColumns {
  id: PersonId;
  ref: string;
  globalId: string;
  mergedIntoId: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: string | null;
}

interface DbPerson {
  id: number;
  global_id: string;
  father_name_fa: string | null;
  father_name_latin: string | null;
  sex: Sex | null;
  birth_date: string | null;
  birth_earliest: string | null;
  birth_latest: string | null;
  arrest_date: string | null;
  arrest_earliest: string | null;
  arrest_latest: string | null;
  fate: string | null;
  death_date: string | null;
  death_earliest: string | null;
  death_latest: string | null;
  affiliation: string | null;
  biography: string | null;
  notes: string | null;
  sensitivity: Sensitivity;
  external_ref: string | null;
  import_row_json: string | null;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_reason: string | null;
}

function toRecord(r: DbPerson): PersonRecord {
  return {
    id: r.id as PersonId,
    ref: formatRef('person', r.id),
    globalId: r.global_id,
    fatherNameFa: r.father_name_fa,
    fatherNameLatin: r.father_name_latin,
    sex: r.sex,
    birthDate: fromDateColumns(r.birth_date, r.birth_earliest, r.birth_latest),
    arrestDate: fromDateColumns(r.arrest_date, r.arrest_earliest, r.arrest_latest),
    fate: r.fate,
    deathDate: fromDateColumns(r.death_date, r.death_earliest, r.death_latest),
    affiliation: r.affiliation,
    biography: r.biography,
    notes: r.notes,
    sensitivity: r.sensitivity,
    externalRef: r.external_ref,
    importRowJson: r.import_row_json,
    mergedIntoId: r.merged_into_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
    deletedReason: r.deleted_reason,
  };
}

/** Each writable field and the columns it is stored in (a date takes three). */
const COLUMNS: Record<keyof PersonColumns, string[]> = {
  fatherNameFa: ['father_name_fa'],
  fatherNameLatin: ['father_name_latin'],
  sex: ['sex'],
  birthDate: ['birth_date', 'birth_earliest', 'birth_latest'],
  arrestDate: ['arrest_date', 'arrest_earliest', 'arrest_latest'],
  fate: ['fate'],
  deathDate: ['death_date', 'death_earliest', 'death_latest'],
  affiliation: ['affiliation'],
  biography: ['biography'],
  notes: ['notes'],
  sensitivity: ['sensitivity'],
  externalRef: ['external_ref'],
  importRowJson: ['import_row_json'],
};
const DATE_FIELDS = new Set<keyof PersonColumns>(['birthDate', 'arrestDate', 'deathDate']);

/** The father's names folded for matching: both scripts in one key, as the list's text filter reads it. */
export function fatherNameKey(fa: string | null, latin: string | null): string | null {
  const key = [fa, latin].filter((n): n is string => !!n).map(nameKey).join(' ');
  return key || null;
}

/** The values of the given fields, keyed by column, for a prepared statement. */
function columnValues(fields: Partial<PersonColumns>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as Array<[keyof PersonColumns, unknown]>) {
    const columns = COLUMNS[key];
    if (value === undefined || !columns) continue;
    if (DATE_FIELDS.has(key)) {
      const d = toDateColumns(value as HistoricalDate | null);
      values[columns[0]!] = d.json;
      values[columns[1]!] = d.earliest;
      values[columns[2]!] = d.latest;
    } else {
      values[columns[0]!] = value;
    }
  }
  return values;
}

/** The preferred name in a script: the one marked preferred, else the first recorded. */
const preferredName = (script: 'persian' | 'latin') => `(
  SELECT name FROM person_names n WHERE n.person_id = p.id AND n.script = '${script}'
  ORDER BY n.is_preferred DESC, n.id LIMIT 1)`;

/** The first place a person was recorded as detained at. */
const PRISON = `(SELECT coalesce(pl.name_latin, pl.name_fa) FROM links l JOIN places pl ON pl.id = l.place_id
  WHERE l.person_id = p.id AND l.type = 'person-detained-at' AND l.deleted_at IS NULL ORDER BY l.id LIMIT 1)`;

const SUMMARY_COLUMNS = `p.id, p.global_id, ${preferredName('persian')} AS name_fa, ${preferredName('latin')} AS name_latin,
  (SELECT group_concat(role, ' ') FROM (SELECT role FROM person_roles r WHERE r.person_id = p.id ORDER BY role)) AS roles,
  p.fate, p.death_date, p.death_earliest, p.death_latest, ${PRISON} AS prison, p.sensitivity, p.deleted_at`;

interface DbSummary {
  id: number;
  global_id: string;
  name_fa: string | null;
  name_latin: string | null;
  roles: string | null;
  fate: string | null;
  death_date: string | null;
  death_earliest: string | null;
  death_latest: string | null;
  prison: string | null;
  sensitivity: Sensitivity;
  deleted_at: string | null;
}

function toSummary(r: DbSummary): PersonSummary {
  return {
    id: r.id as PersonId,
    ref: formatRef('person', r.id),
    globalId: r.global_id,
    nameFa: r.name_fa,
    nameLatin: r.name_latin,
    roles: r.roles ? r.roles.split(' ') : [],
    fate: r.fate,
    deathDate: fromDateColumns(r.death_date, r.death_earliest, r.death_latest),
    prison: r.prison,
    sensitivity: r.sensitivity,
    deleted: r.deleted_at !== null,
  };
}

/** Sort orders are chosen from this fixed table, never from the caller's string. */
const SORTS: Record<PersonSort, (order: string) => string> = {
  ref: (o) => `p.id ${o}`,
  name: (o) => `coalesce(${preferredName('latin')}, ${preferredName('persian')}) COLLATE NOCASE ${o}, p.id ${o}`,
  death: (o) => `p.death_earliest IS NULL, p.death_earliest ${o}, p.death_latest ${o}, p.id ${o}`,
};

export function createPersonsRepository(db: Db) {
  const cached = createStatementCache(db);
  const byId = db.prepare('SELECT * FROM persons WHERE id = ?');
  const byGlobalId = db.prepare('SELECT * FROM persons WHERE global_id = ?');
  const byExternalRef = db.prepare('SELECT * FROM persons WHERE external_ref = ?');
  const summaryById = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM persons p WHERE p.id = ?`);
  const roles = db.prepare('SELECT role FROM person_roles WHERE person_id = ? ORDER BY role').pluck();
  const clearRoles = db.prepare('DELETE FROM person_roles WHERE person_id = ?');
  const addRole = db.prepare('INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?, ?)');
  const setDeleted = db.prepare('UPDATE persons SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE persons SET updated_at = ? WHERE id = ?');
  const setFatherKey = db.prepare('UPDATE persons SET father_name_key = ? WHERE id = ?');
  const search = db.prepare(`
    SELECT p.id, coalesce(${preferredName('latin')}, ${preferredName('persian')}) AS label FROM persons p
    WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL AND (
      (@key IS NOT NULL AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id AND n.search_key LIKE @key ESCAPE '\\'))
      OR (@key IS NOT NULL AND p.father_name_key LIKE @key ESCAPE '\\')
      OR p.father_name_fa LIKE @raw ESCAPE '\\' OR p.father_name_latin LIKE @raw ESCAPE '\\')
    ORDER BY p.id LIMIT @limit`);

  function filtered(filter: PersonFilter, sort: PersonSort, order: 'asc' | 'desc') {
    const { where, params } = personFilterSql(filter);
    const orderBy = SORTS[sort](order === 'desc' ? 'DESC' : 'ASC');
    const statements = {
      rows: cached(`SELECT ${SUMMARY_COLUMNS} FROM persons p WHERE ${where} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`),
      count: cached(`SELECT count(*) FROM persons p WHERE ${where}`).pluck(),
    };
    return { statements, params };
  }

  function placeCounts(where: string, params: Record<string, unknown>, type: string): PlaceCount[] {
    const rows = cached(
        `SELECT pl.id AS placeId, coalesce(pl.name_latin, pl.name_fa) AS label, pl.name_fa AS labelFa, count(DISTINCT p.id) AS count
         FROM persons p JOIN links l ON l.person_id = p.id AND l.type = @linkType AND l.deleted_at IS NULL
         JOIN places pl ON pl.id = l.place_id
         WHERE ${where} GROUP BY pl.id ORDER BY count DESC, label`,
      ).all({ ...params, linkType: type }) as PlaceCount[];
    return rows;
  }

  return {
    /** The search box's person matches (the search issue replaces this with fuzzy matching on name keys). */
    searchLike(query: string, limit: number): Array<{ id: number; label: string }> {
      const key = nameKey(query);
      // A query of only marks or spaces has no key: it matches no name (rather than every name).
      return search.all({ key: key ? likeContains(key) : null, raw: likeContains(query), limit }) as Array<{ id: number; label: string }>;
    },
    insert(fields: PersonColumns & { globalId: string; createdAt: string }): PersonId {
      const values = {
        ...columnValues(fields),
        father_name_key: fatherNameKey(fields.fatherNameFa, fields.fatherNameLatin),
        global_id: fields.globalId,
        created_at: fields.createdAt,
        updated_at: fields.createdAt,
      };
      const columns = Object.keys(values);
      const stmt = cached(`INSERT INTO persons (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      return Number(stmt.run(values).lastInsertRowid) as PersonId;
    },
    /** Writes the given fields (and the update time); fields left out are untouched. */
    update(id: PersonId, fields: Partial<PersonColumns>, updatedAt: string): void {
      const values = columnValues(fields);
      const columns = Object.keys(values);
      if (columns.length === 0) return;
      cached(`UPDATE persons SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({
        ...values,
        updated_at: updatedAt,
        id,
      });
      if (fields.fatherNameFa !== undefined || fields.fatherNameLatin !== undefined) {
        const row = byId.get(id) as DbPerson;
        setFatherKey.run(fatherNameKey(row.father_name_fa, row.father_name_latin), id);
      }
    },
    touch(id: PersonId, updatedAt: string): void {
      touch.run(updatedAt, id);
    },
    get(id: number): PersonRecord | null {
      const row = byId.get(id) as DbPerson | undefined;
      return row ? toRecord(row) : null;
    },
    byGlobalId(globalId: string): PersonRecord | null {
      const row = byGlobalId.get(globalId) as DbPerson | undefined;
      return row ? toRecord(row) : null;
    },
    byExternalRef(ref: string): PersonRecord | null {
      const row = byExternalRef.get(ref) as DbPerson | undefined;
      return row ? toRecord(row) : null;
    },
    summary(id: number): PersonSummary | null {
      const row = summaryById.get(id) as DbSummary | undefined;
      return row ? toSummary(row) : null;
    },
    roles(id: number): string[] {
      return roles.all(id) as string[];
    },
    /** Roles of a person who has none yet (a new record): no delete first. */
    addRoles(id: number, list: readonly string[]): void {
      for (const role of list) addRole.run(id, role);
    },
    setRoles(id: number, list: readonly string[]): void {
      clearRoles.run(id);
      for (const role of list) addRole.run(id, role);
    },
    setDeleted(id: number, at: string | null, reason: string | null, updatedAt: string): void {
      setDeleted.run(at, reason, updatedAt, id);
    },
    page(args: { filter: PersonFilter; sort: PersonSort; order: 'asc' | 'desc'; offset: number; limit: number }) {
      const { statements, params } = filtered(args.filter, args.sort, args.order);
      const rows = (statements.rows.all({ ...params, limit: args.limit, offset: args.offset }) as DbSummary[]).map(toSummary);
      return { rows, total: statements.count.get(params) as number, offset: args.offset };
    },
    /** The ids a filter selects, in reference order (exports, batch work). */
    ids(filter: PersonFilter): PersonId[] {
      const { where, params } = personFilterSql(filter);
      return cached(`SELECT p.id FROM persons p WHERE ${where} ORDER BY p.id`).pluck().all(params) as PersonId[];
    },
    stats(filter: PersonFilter): PersonStats {
      const { where, params } = personFilterSql(filter);
      const total = cached(`SELECT count(*) FROM persons p WHERE ${where}`).pluck().get(params) as number;
      const deaths = cached(
          `SELECT p.death_earliest AS earliest, p.death_latest AS latest, count(*) AS count FROM persons p
           WHERE ${where} AND p.death_earliest IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      ).all(params) as PersonStats['deaths'];
      const dated = deaths.reduce((n, d) => n + d.count, 0);
      return {
        total,
        deaths,
        undated: total - dated,
        prisons: placeCounts(where, params, 'person-detained-at'),
        burialPlaces: placeCounts(where, params, 'person-buried-at'),
      };
    },
  };
}

export type PersonsRepository = ReturnType<typeof createPersonsRepository>;
