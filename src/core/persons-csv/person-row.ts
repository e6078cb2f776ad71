/**
 * A person as one row of the import format (fixtures/persons/README.md) plus `global_id`: what the export
 * writes, and what a re-import compares a row with when the person has no stored import row.
 *
 * - ref: the person's external reference, else their own reference code (V-000123).
 * - name_fa / name_latin: the name imported from that column if it is still there, else the preferred name in
 *   that script (not one imported from another column); other_names: every other name, oldest first, joined
 *   with "; " (a name that itself holds ";" comes back as two names; a name the file gave twice, once).
 * - dates: the text as originally written; fate: its code; notes: the person's notes.
 * - places: the first live link of the column's type. Its cell is the text the last import wrote there when that
 *   text still names the linked place (so a file round-trips as it was written), else the place's Latin name,
 *   else its Persian name.
 * - source: the last import's source while it is still one of the person's sources, else the source cited
 *   first for a fact, else the first source of a place link.
 * Values are not guarded here: the writer guards every cell (formula-guard.ts).
 */
import { personsCsvColumns } from '../../shared/dto';
import { formatRef } from '../../shared/ids';
import { nameKey } from '../../shared/names/name-key';
import { fromDateColumns } from '../db/date-columns';
import type { ExportName, ExportPerson, PersonsCsvRepository, PlaceLink } from './persons-csv-repository';
import { parseStoredValues, type PlaceColumn } from './row-values';

export const EXPORT_HEADERS = [...personsCsvColumns, 'global_id'] as const;

export const LINK_TYPE_OF: Record<PlaceColumn, string> = {
  birth_place: 'person-born-at',
  prison: 'person-detained-at',
  death_place: 'person-killed-at',
  burial_place: 'person-buried-at',
};

export interface PersonRowData {
  person: ExportPerson;
  names: ExportName[];
  links: PlaceLink[];
  factSourceTitles: string[];
}

/** Name keys of place names, remembered: a few dozen place names recur across thousands of persons. */
const placeKeys = new Map<string, string>();
function placeKey(name: string): string {
  let key = placeKeys.get(name);
  if (key === undefined) {
    key = nameKey(name);
    if (placeKeys.size >= 10_000) placeKeys.clear();
    placeKeys.set(name, key);
  }
  return key;
}

/** True when `text` is one of the place's names (compared by name key, in either script). */
export function namesPlace(text: string, place: { nameFa: string | null; nameLatin: string | null }): boolean {
  const key = placeKey(text);
  if (!key) return false;
  return (place.nameFa !== null && placeKey(place.nameFa) === key) || (place.nameLatin !== null && placeKey(place.nameLatin) === key);
}

const original = (json: string | null): string => fromDateColumns(json, null, null)?.original ?? '';

/** The person's cells in EXPORT_HEADERS order (unguarded). */
export function personCells(data: PersonRowData): string[] {
  const { person } = data;
  const stored = parseStoredValues(person.importRowJson) ?? {};
  const used = new Set<number>();
  const pick = (column: 'name_fa' | 'name_latin', script: string): string => {
    // A name imported from another column stays in that column.
    const free = (n: ExportName) => !used.has(n.id) && (n.importColumn === null || n.importColumn === column);
    const found =
      data.names.find((n) => n.importColumn === column && free(n)) ??
      data.names.find((n) => n.script === script && n.preferred && free(n)) ??
      data.names.find((n) => n.script === script && free(n));
    if (!found) return '';
    used.add(found.id);
    return found.name;
  };
  const nameFa = pick('name_fa', 'persian');
  const nameLatin = pick('name_latin', 'latin');
  const otherNames = data.names.filter((n) => !used.has(n.id)).map((n) => n.name);

  const place = (column: PlaceColumn): string => {
    const links = data.links.filter((l) => l.type === LINK_TYPE_OF[column]);
    const was = typeof stored[column] === 'string' ? (stored[column] as string) : null;
    const link = (was !== null ? links.find((l) => namesPlace(was, l)) : undefined) ?? links[0];
    if (!link) return '';
    return was !== null && namesPlace(was, link) ? was : (link.nameLatin ?? link.nameFa ?? '');
  };

  const sources = [...data.factSourceTitles, ...data.links.flatMap((l) => (l.sourceTitle ? [l.sourceTitle] : []))];
  const storedSource = typeof stored.source === 'string' ? stored.source : null;
  const source = storedSource !== null && sources.includes(storedSource) ? storedSource : (sources[0] ?? '');

  const cells: Record<(typeof EXPORT_HEADERS)[number], string> = {
    ref: person.externalRef ?? formatRef('person', person.id),
    name_fa: nameFa,
    name_latin: nameLatin,
    other_names: otherNames.join('; '),
    father_name_fa: person.fatherNameFa ?? '',
    father_name_latin: person.fatherNameLatin ?? '',
    sex: person.sex ?? '',
    birth_date: original(person.birthDate),
    birth_place: place('birth_place'),
    arrest_date: original(person.arrestDate),
    prison: place('prison'),
    fate: person.fate ?? '',
    death_date: original(person.deathDate),
    death_place: place('death_place'),
    burial_place: place('burial_place'),
    affiliation: person.affiliation ?? '',
    notes: person.notes ?? '',
    source,
    global_id: person.globalId,
  };
  return EXPORT_HEADERS.map((h) => cells[h]);
}

/** The rows of the given persons (in the order given), read with one query per kind of data. */
export function personRows(repo: PersonsCsvRepository, ids: readonly number[]): string[][] {
  const rows = personRowsById(repo, ids);
  return ids.flatMap((id) => {
    const cells = rows.get(id);
    return cells ? [cells] : [];
  });
}

/** The rows of the given persons by person id. */
export function personRowsById(repo: PersonsCsvRepository, ids: readonly number[]): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  if (ids.length === 0) return rows;
  const group = <T extends { personId: number }>(list: T[]) => {
    const byPerson = new Map<number, T[]>();
    for (const row of list) {
      const list = byPerson.get(row.personId);
      if (list) list.push(row);
      else byPerson.set(row.personId, [row]);
    }
    return byPerson;
  };
  const persons = new Map(repo.persons(ids).map((p) => [p.id, p]));
  const names = group(repo.names(ids));
  const links = group(repo.placeLinks(ids));
  const sources = group(repo.factSourceTitles(ids));
  for (const id of ids) {
    const person = persons.get(id);
    if (!person) continue;
    rows.set(
      id,
      personCells({
        person,
        names: names.get(id) ?? [],
        links: links.get(id) ?? [],
        factSourceTitles: (sources.get(id) ?? []).map((s) => s.title),
      }),
    );
  }
  return rows;
}
