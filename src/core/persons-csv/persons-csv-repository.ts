/**
 * The SQL the CSV import and export need beyond the record repositories: bulk reads, so neither runs a query
 * per person for what one query per batch can read. Every statement is prepared once; ids are bound as one
 * JSON array.
 */
import type { Db } from '../db/open-database';

/** What matching a row to a person needs, for every person. */
export interface PersonKey {
  id: number;
  globalId: string;
  externalRef: string | null;
  mergedIntoId: number | null;
  deleted: boolean;
}

export interface ExportPerson {
  id: number;
  globalId: string;
  externalRef: string | null;
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  sex: string | null;
  /** The date columns' JSON (original text, calendar, EDTF). */
  birthDate: string | null;
  arrestDate: string | null;
  deathDate: string | null;
  fate: string | null;
  affiliation: string | null;
  notes: string | null;
  importRowJson: string | null;
}

export interface ExportName {
  personId: number;
  id: number;
  name: string;
  script: string;
  preferred: boolean;
  importColumn: string | null;
}

export interface PlaceLink {
  personId: number;
  id: number;
  type: string;
  placeId: number;
  nameFa: string | null;
  nameLatin: string | null;
  sourceTitle: string | null;
}

/** The link types of the CSV's place columns. */
export const PLACE_LINK_TYPES = ['person-born-at', 'person-detained-at', 'person-killed-at', 'person-buried-at'] as const;

const IDS = 'SELECT value FROM json_each(?)';

export function createPersonsCsvRepository(db: Db) {
  const keys = db.prepare('SELECT id, global_id, external_ref, merged_into_id, deleted_at IS NOT NULL AS deleted FROM persons');
  const importRowJson = db.prepare('SELECT import_row_json FROM persons WHERE id = ?').pluck();
  const persons = db.prepare(`
    SELECT id, global_id, external_ref, father_name_fa, father_name_latin, sex, birth_date, arrest_date, death_date, fate,
      affiliation, notes, import_row_json
    FROM persons WHERE id IN (${IDS}) ORDER BY id`);
  const names = db.prepare(`
    SELECT person_id, id, name, script, is_preferred, import_column FROM person_names
    WHERE person_id IN (${IDS}) ORDER BY person_id, id`);
  // `+l.type`: the links of these persons come from links_person; without the `+`, SQLite reads every link of
  // the four types through links_unique instead.
  const placeLinks = db.prepare(`
    SELECT l.person_id, l.id, l.type, l.place_id, pl.name_fa, pl.name_latin, s.title AS source_title
    FROM links l JOIN places pl ON pl.id = l.place_id LEFT JOIN sources s ON s.id = l.source_id AND s.deleted_at IS NULL
    WHERE l.person_id IN (${IDS}) AND l.shape = 'person-place' AND l.deleted_at IS NULL AND pl.deleted_at IS NULL
      AND +l.type IN (${PLACE_LINK_TYPES.map((t) => `'${t}'`).join(', ')})
    ORDER BY l.person_id, l.id`);
  const factSources = db.prepare(`
    SELECT c.record_id AS person_id, s.title FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE c.record_type = 'person' AND c.record_id IN (${IDS}) AND s.deleted_at IS NULL
    ORDER BY c.record_id, c.id`);

  const json = (ids: readonly number[]) => JSON.stringify(ids);

  return {
    /** Every person's ids and references, for matching rows to persons without a query per row. */
    keys(): PersonKey[] {
      return (keys.all() as Array<{ id: number; global_id: string; external_ref: string | null; merged_into_id: number | null; deleted: number }>).map((r) => ({
        id: r.id,
        globalId: r.global_id,
        externalRef: r.external_ref,
        mergedIntoId: r.merged_into_id,
        deleted: r.deleted === 1,
      }));
    },
    importRowJson(id: number): string | null {
      return (importRowJson.get(id) as string | null | undefined) ?? null;
    },
    persons(ids: readonly number[]): ExportPerson[] {
      return (persons.all(json(ids)) as Array<Record<string, string | number | null>>).map((r) => ({
        id: r.id as number,
        globalId: r.global_id as string,
        externalRef: r.external_ref as string | null,
        fatherNameFa: r.father_name_fa as string | null,
        fatherNameLatin: r.father_name_latin as string | null,
        sex: r.sex as string | null,
        birthDate: r.birth_date as string | null,
        arrestDate: r.arrest_date as string | null,
        deathDate: r.death_date as string | null,
        fate: r.fate as string | null,
        affiliation: r.affiliation as string | null,
        notes: r.notes as string | null,
        importRowJson: r.import_row_json as string | null,
      }));
    },
    names(ids: readonly number[]): ExportName[] {
      return (names.all(json(ids)) as Array<{ person_id: number; id: number; name: string; script: string; is_preferred: number; import_column: string | null }>).map((r) => ({
        personId: r.person_id,
        id: r.id,
        name: r.name,
        script: r.script,
        preferred: r.is_preferred === 1,
        importColumn: r.import_column,
      }));
    },
    /** The live links of the given persons to live places, of the four place columns' types, oldest first. */
    placeLinks(ids: readonly number[]): PlaceLink[] {
      return (
        placeLinks.all(json(ids)) as Array<{ person_id: number; id: number; type: string; place_id: number; name_fa: string | null; name_latin: string | null; source_title: string | null }>
      ).map((r) => ({
        personId: r.person_id,
        id: r.id,
        type: r.type,
        placeId: r.place_id,
        nameFa: r.name_fa,
        nameLatin: r.name_latin,
        sourceTitle: r.source_title,
      }));
    },
    /** The title of the sources cited for the given persons' facts, oldest citation first. */
    factSourceTitles(ids: readonly number[]): Array<{ personId: number; title: string }> {
      return (factSources.all(json(ids)) as Array<{ person_id: number; title: string }>).map((r) => ({ personId: r.person_id, title: r.title }));
    },
  };
}

export type PersonsCsvRepository = ReturnType<typeof createPersonsCsvRepository>;
