/**
 * One CSV row read into its normalised values (fixtures/persons/README.md), with a problem for every cell
 * that cannot be used. These values are what a person's `importRowJson` stores, and what a re-import compares:
 * a row whose values equal the stored ones changes nothing.
 *
 * - Each cell is trimmed of surrounding whitespace, then unguarded (formula-guard.ts); an empty cell is null.
 *   Nothing inside a value is changed: names, notes and places stay exactly as written.
 * - `other_names`: split on `;`, each part trimmed, empty parts dropped.
 * - `sex`: male, female, other or unknown (any case; مرد and زن too); anything else is reported and left out.
 * - `fate`: a fate term, by code or label in either language ("died in custody" → died-in-custody); an
 *   unknown fate is reported and left out.
 * - dates: kept as written when parseHistoricalDate reads them (through date-columns' parseDateText);
 *   otherwise reported with the parser's sentence and left out.
 * - places: "unknown", "نامعلوم" and a cell without a letter or digit mean no place.
 * - A row with neither name_fa nor name_latin is invalid (reported on name_fa) and is not imported.
 *
 * Only the columns the mapping reads have a key: a column the file does not have leaves the person's value
 * as it is.
 */
import type { CsvProblem, PersonsCsvColumn, Sex } from '../../shared/dto';
import { nameKey } from '../../shared/names/name-key';
import { parseDateText } from '../db/date-columns';
import type { VocabulariesService } from '../vocabularies/vocabularies-service';
import type { ResolvedMapping } from './column-mapping';
import { unguardCell } from './formula-guard';

/** The columns whose values a row gives (ref and global_id identify the person; they are not values). */
export const VALUE_COLUMNS = [
  'name_fa',
  'name_latin',
  'other_names',
  'father_name_fa',
  'father_name_latin',
  'sex',
  'birth_date',
  'birth_place',
  'arrest_date',
  'prison',
  'fate',
  'death_date',
  'death_place',
  'burial_place',
  'affiliation',
  'notes',
  'source',
] as const satisfies readonly PersonsCsvColumn[];
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

export const DATE_COLUMNS = ['birth_date', 'arrest_date', 'death_date'] as const;
export const PLACE_COLUMNS = ['birth_place', 'prison', 'death_place', 'burial_place'] as const;
export type PlaceColumn = (typeof PLACE_COLUMNS)[number];

/** The normalised values of a row, keyed by column, in VALUE_COLUMNS order; a column not in the file has no key. */
export type RowValues = Partial<Record<ValueColumn, string | string[] | null>>;

export interface ReadRow {
  row: number;
  ref: string | null;
  globalId: string | null;
  values: RowValues;
  /** The values as importRowJson stores them (keys in VALUE_COLUMNS order). */
  json: string;
  problems: CsvProblem[];
  /** False when the row cannot be imported at all (no name). */
  importable: boolean;
}

const SEXES: Record<string, Sex> = { male: 'male', female: 'female', other: 'other', unknown: 'unknown', مرد: 'male', زن: 'female', نامعلوم: 'unknown' };
const NO_PLACE = new Set(['unknown', 'نامعلوم']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cell's value: trimmed, unguarded, null when empty. */
export function cellValue(cell: string | undefined): string | null {
  const trimmed = (cell ?? '').trim();
  return trimmed === '' ? null : unguardCell(trimmed);
}

export function splitOtherNames(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function createRowReader(mapping: ResolvedMapping, vocabularies: VocabulariesService) {
  const fates = new Map<string, string | null>();
  const fateOf = (text: string): string | null => {
    if (!fates.has(text)) fates.set(text, vocabularies.find('fates', text)?.code ?? null);
    return fates.get(text)!;
  };

  return function readRow(row: number, cells: readonly string[]): ReadRow {
    const problems: CsvProblem[] = [];
    const values: RowValues = {};
    const cell = (column: PersonsCsvColumn): string | null => {
      const index = mapping.columns[column];
      return index === undefined ? null : cellValue(cells[index]);
    };
    for (const column of VALUE_COLUMNS) {
      if (mapping.columns[column] === undefined) continue;
      const text = cell(column);
      switch (column) {
        case 'other_names':
          values[column] = splitOtherNames(text);
          break;
        case 'sex': {
          const sex = text === null ? null : (SEXES[text.toLowerCase()] ?? null);
          if (text !== null && sex === null) problems.push({ row, column, reason: `"${text.slice(0, 60)}" is not a sex Vigil records (male, female, other, unknown, or empty); left out.` });
          values[column] = sex;
          break;
        }
        case 'fate': {
          const fate = text === null ? null : fateOf(text);
          if (text !== null && fate === null) {
            const known = vocabularies.all().fates.map((f) => f.code).join(', ');
            problems.push({ row, column, reason: `"${text.slice(0, 60)}" is not a fate of this catalogue (its fates: ${known}); left out.` });
          }
          values[column] = fate;
          break;
        }
        case 'birth_date':
        case 'arrest_date':
        case 'death_date': {
          if (text === null) {
            values[column] = null;
            break;
          }
          const parsed = parseDateText(text);
          if (!parsed.ok) problems.push({ row, column, reason: `${parsed.message} Left out.` });
          values[column] = parsed.ok ? text : null;
          break;
        }
        case 'birth_place':
        case 'prison':
        case 'death_place':
        case 'burial_place':
          // A cell of only punctuation ("?", "-") names no place either.
          values[column] = text === null || NO_PLACE.has(text.toLowerCase()) || nameKey(text) === '' ? null : text;
          break;
        default:
          values[column] = text;
      }
    }
    const importable = Boolean(values.name_fa || values.name_latin);
    if (!importable) problems.unshift({ row, column: 'name_fa', reason: 'The row has no name: fill in name_fa or name_latin. The row was not imported.' });
    const globalIndex = mapping.globalId;
    const globalText = globalIndex === null ? null : cellValue(cells[globalIndex]);
    return {
      row,
      ref: cell('ref'),
      // Anything but a UUID is not one of Vigil's global ids: it cannot match a person, so it is ignored.
      globalId: globalText && UUID.test(globalText) ? globalText.toLowerCase() : null,
      values,
      // Built in VALUE_COLUMNS order above, so equal values always give the same text.
      json: JSON.stringify(values),
      problems,
      importable,
    };
  };
}

export type RowReader = ReturnType<typeof createRowReader>;

/** Two rows' values are the same for every column `next` gives (absent in `base` counts as empty). */
export function sameValues(next: RowValues, base: RowValues): boolean {
  for (const column of Object.keys(next) as ValueColumn[]) {
    if (!sameValue(next[column], base[column])) return false;
  }
  return true;
}

export function sameValue(a: string | string[] | null | undefined, b: string | string[] | null | undefined): boolean {
  const left = a ?? (Array.isArray(b) ? [] : null);
  const right = b ?? (Array.isArray(a) ? [] : null);
  return JSON.stringify(left) === JSON.stringify(right);
}

/** The stored values of a person's last import, or null when there are none or they cannot be read. */
export function parseStoredValues(json: string | null): RowValues | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as RowValues) : null;
  } catch {
    return null;
  }
}

/** Values in VALUE_COLUMNS order, so equal values always serialise to the same JSON. */
export function orderedValues(values: RowValues): RowValues {
  const out: RowValues = {};
  for (const column of VALUE_COLUMNS) if (column in values) out[column] = values[column]!;
  return out;
}
