/**
 * Which header of a file holds which column Vigil reads. Vigil proposes a mapping from the header names
 * (case, spaces, underscores, hyphens and punctuation ignored; a few common synonyms, in English and
 * Persian); the archivist may send another. A mapping that names a header the file does not have is refused
 * before anything is read.
 *
 * `global_id` is not part of the mapping (it is not a column of the import format, only of Vigil's own
 * exports): a header named `global_id` is used to match persons when the file has one.
 */
import { personsCsvColumns, type PersonsCsvColumn, type PersonsCsvMapping } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';

/** A header reduced to what the matching compares: lower case, letters and digits only. */
export function compactHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200c\u200d\ufeff]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Further names for each column, beside the column's own name. Compared compacted (see compactHeader). */
const SYNONYMS: Record<PersonsCsvColumn, string[]> = {
  ref: ['reference', 'refno', 'referenceno', 'record', 'recordref', 'recordid', 'externalref', 'id', 'no', 'شماره'],
  name_fa: ['namepersian', 'persianname', 'namefarsi', 'farsiname', 'fullnamefa', 'fullnamepersian', 'nameinpersian', 'namepersianscript', 'نام', 'نامفارسی', 'نامکامل', 'نامونامخانوادگی'],
  name_latin: ['namelatin', 'latinname', 'nameen', 'nameenglish', 'englishname', 'name', 'fullname', 'nametransliterated', 'transliteratedname', 'nameinlatin', 'namelatinscript', 'nameromanised', 'nameromanized'],
  other_names: ['othernames', 'aliases', 'alias', 'variants', 'variantnames', 'alsoknownas', 'aka', 'otherspellings', 'spellings', 'نامهایدیگر'],
  father_name_fa: ['fathernamepersian', 'fathersnamefa', 'fathersnamepersian', 'fathernamefarsi', 'persianfathername', 'نامپدر'],
  father_name_latin: ['fathername', 'fathersname', 'father', 'fathernameen', 'fathernameenglish', 'fathersnamelatin', 'latinfathername'],
  sex: ['gender', 'جنسیت', 'جنس'],
  birth_date: ['dateofbirth', 'dob', 'born', 'birth', 'birthdate', 'birthyear', 'yearofbirth', 'تاریختولد', 'تولد'],
  birth_place: ['placeofbirth', 'birthplace', 'pob', 'محلتولد'],
  arrest_date: ['dateofarrest', 'arrested', 'arrestdate', 'arrest', 'تاریخبازداشت', 'تاریخدستگیری'],
  prison: ['placeofdetention', 'detainedat', 'detentionplace', 'detention', 'زندان', 'محلبازداشت'],
  fate: ['status', 'سرنوشت'],
  death_date: ['dateofdeath', 'dod', 'deathdate', 'executiondate', 'dateofexecution', 'executedon', 'died', 'تاریخاعدام', 'تاریخمرگ', 'تاریخفوت'],
  death_place: ['placeofdeath', 'deathplace', 'placeofexecution', 'executionplace', 'محلاعدام', 'محلفوت'],
  burial_place: ['placeofburial', 'burialplace', 'burial', 'grave', 'burialsite', 'محلدفن', 'مزار'],
  affiliation: ['politicalaffiliation', 'party', 'organisation', 'organization', 'گرایشسیاسی', 'وابستگی', 'سازمان'],
  notes: ['note', 'comments', 'comment', 'remarks', 'یادداشت', 'توضیحات'],
  source: ['sources', 'منبع'],
};

const GLOBAL_ID_HEADERS = new Set(['globalid', 'vigilglobalid']);

/** The mapping Vigil proposes: exact column names first, then synonyms; each header is used once. */
export function proposeMapping(headers: readonly string[]): PersonsCsvMapping {
  const compact = headers.map(compactHeader);
  const taken = new Set<number>();
  const mapping: PersonsCsvMapping = {};
  const claim = (column: PersonsCsvColumn, accepts: (h: string) => boolean) => {
    if (mapping[column]) return;
    const index = compact.findIndex((h, i) => !taken.has(i) && h !== '' && accepts(h));
    if (index < 0) return;
    taken.add(index);
    mapping[column] = headers[index]!;
  };
  for (const column of personsCsvColumns) claim(column, (h) => h === compactHeader(column));
  for (const column of personsCsvColumns) claim(column, (h) => SYNONYMS[column].includes(h));
  for (const column of personsCsvColumns) mapping[column] ??= null;
  return mapping;
}

/** For each column read, the index of its cell in a row; and the index of the `global_id` cell, if any. */
export interface ResolvedMapping {
  columns: Partial<Record<PersonsCsvColumn, number>>;
  globalId: number | null;
}

/** Checks a mapping against the file's headers and turns it into cell positions, or refuses it. */
export function resolveMapping(headers: readonly string[], mapping: PersonsCsvMapping): ResolvedMapping {
  const columns: Partial<Record<PersonsCsvColumn, number>> = {};
  const known = new Set<string>(personsCsvColumns);
  for (const [column, header] of Object.entries(mapping)) {
    if (!known.has(column)) {
      throw new CatalogueError('INVALID_ARGUMENT', `"${column.slice(0, 60)}" is not a column Vigil reads (its columns: ${personsCsvColumns.join(', ')}).`);
    }
    if (header === null || header === undefined) continue;
    const index = headers.indexOf(header);
    if (index < 0) {
      throw new CatalogueError(
        'INVALID_ARGUMENT',
        `The mapping gives "${header.slice(0, 80)}" for ${column}, but the file has no such column (its columns: ${headers.map((h) => `"${h.slice(0, 40)}"`).join(', ')}). Nothing was imported.`,
      );
    }
    if (headers.indexOf(header, index + 1) >= 0) {
      throw new CatalogueError('INVALID_ARGUMENT', `The file has two columns named "${header.slice(0, 80)}": rename one so Vigil knows which holds ${column}. Nothing was imported.`);
    }
    columns[column as PersonsCsvColumn] = index;
  }
  if (columns.name_fa === undefined && columns.name_latin === undefined) {
    throw new CatalogueError(
      'INVALID_ARGUMENT',
      'No column of this file is read as a name (name_fa or name_latin): name the column that holds names in the mapping, or rename its header. Nothing was imported.',
    );
  }
  const used = new Set(Object.values(columns));
  const globalIndex = headers.findIndex((h, i) => !used.has(i) && GLOBAL_ID_HEADERS.has(compactHeader(h)));
  return { columns, globalId: globalIndex >= 0 ? globalIndex : null };
}
