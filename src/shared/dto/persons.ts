/** Persons: victims, witnesses, relatives, sources and alleged perpetrators, with their names in any script. */
import type { HistoricalDate } from '../dates/historical-date';
import type { PersonId, PersonNameId, SourceId } from '../ids';
import type { CustodyEvent, Sensitivity } from './catalogue';
import type { ItemSummary } from './items';
import type { LinkView } from './links';
import type { SourceBrief } from './sources';
import type { TagRef } from './tags';

export type Sex = 'female' | 'male' | 'other' | 'unknown';
export type NameScript = 'persian' | 'latin' | 'other';
/** legal: the name on record; alias: another name the person used; variant: a spelling as found in a source. */
export type NameType = 'legal' | 'alias' | 'variant';

export interface PersonName {
  id: PersonNameId;
  globalId: string;
  /** Verbatim, as written in the source (untrusted text). */
  name: string;
  script: NameScript;
  language: string | null;
  type: NameType;
  /** The name shown for the person in this script; one per script. */
  preferred: boolean;
  source: SourceBrief | null;
}

export interface NameInput {
  name: string;
  /** Detected from the letters when left out. */
  script?: NameScript;
  language?: string | null;
  type?: NameType;
  preferred?: boolean;
  sourceId?: SourceId | null;
}

export interface PersonSummary {
  id: PersonId;
  ref: string;
  globalId: string;
  /** Preferred name in Persian script, if recorded. */
  nameFa: string | null;
  /** Preferred name in Latin script, if recorded. */
  nameLatin: string | null;
  roles: string[];
  fate: string | null;
  deathDate: HistoricalDate | null;
  /** The place the person was (first) recorded as detained at. */
  prison: string | null;
  sensitivity: Sensitivity;
  deleted: boolean;
}

/** The facts of a person that a source can be cited for. */
export const personFacts = ['roles', 'fatherName', 'sex', 'birthDate', 'arrestDate', 'fate', 'deathDate', 'affiliation', 'biography'] as const;
export type PersonFact = (typeof personFacts)[number];

/** A linked item, for the person's gallery. */
export interface LinkedItem {
  link: LinkView;
  item: ItemSummary;
}

export interface PersonDetail extends PersonSummary {
  names: PersonName[];
  fatherNameFa: string | null;
  fatherNameLatin: string | null;
  sex: Sex | null;
  birthDate: HistoricalDate | null;
  arrestDate: HistoricalDate | null;
  affiliation: string | null;
  biography: string | null;
  notes: string | null;
  /** The reference in the list the person was imported from. */
  externalRef: string | null;
  /** The source cited for each fact, where one is. */
  factSources: Partial<Record<PersonFact, SourceBrief>>;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: string | null;
  /** Where the person was born, detained, killed or buried: links to places. */
  places: LinkView[];
  relatives: LinkView[];
  items: LinkedItem[];
  tags: TagRef[];
  custody: CustodyEvent[];
}

/** A new person: at least one name; dates as typed text (refused with an example when unreadable). */
export interface PersonInput {
  names: NameInput[];
  roles?: string[];
  fatherNameFa?: string | null;
  fatherNameLatin?: string | null;
  sex?: Sex | null;
  birthDate?: string | null;
  arrestDate?: string | null;
  fate?: string | null;
  deathDate?: string | null;
  affiliation?: string | null;
  biography?: string | null;
  notes?: string | null;
  sensitivity?: Sensitivity;
}

/** A change to a person's facts: a field left out is unchanged, null clears it. */
export interface PersonPatch extends Omit<PersonInput, 'names'> {
  factSources?: Partial<Record<PersonFact, SourceId | null>>;
}

export interface NamePatch {
  name?: string;
  script?: NameScript;
  language?: string | null;
  type?: NameType;
  preferred?: boolean;
  sourceId?: SourceId | null;
}

/** Which persons a list, a chart or an export is about. */
export interface PersonFilter {
  /** Part of any name or father's name, in either script. */
  text?: string;
  role?: string;
  fate?: string;
  /** Persons linked to this place (with `placeLink`, only by that link type). */
  placeId?: number;
  placeLink?: string;
  /** ISO days: persons whose known death interval overlaps this range. */
  deathFrom?: string;
  deathTo?: string;
  /** Show the deleted persons instead of the others. */
  deleted?: boolean;
}

export type PersonSort = 'ref' | 'name' | 'death';

/** The counts the timeline draws, for the persons a filter selects. */
export interface PersonStats {
  total: number;
  /** Death intervals as recorded, with how many persons share each; a day is an interval of one day. */
  deaths: Array<{ earliest: string; latest: string; count: number }>;
  /** Persons with no death date recorded. */
  undated: number;
  prisons: PlaceCount[];
  burialPlaces: PlaceCount[];
}

export interface PlaceCount {
  placeId: number;
  label: string;
  labelFa: string | null;
  count: number;
}

/** The CSV columns of fixtures/persons/README.md. */
export const personsCsvColumns = [
  'ref',
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
] as const;
export type PersonsCsvColumn = (typeof personsCsvColumns)[number];

/** For each column Vigil reads, the header of the file that holds it (null: not in this file). */
export type PersonsCsvMapping = Partial<Record<PersonsCsvColumn, string | null>>;

export interface PersonsCsvPreview {
  headers: string[];
  /** The first rows, as read (untrusted text). */
  rows: string[][];
  /** The mapping Vigil proposes: headers matched to columns by name. */
  mapping: PersonsCsvMapping;
  /** The data rows in the file. */
  rowCount: number;
}

export interface CsvProblem {
  /** The row's number in the file, the header being row 1 (as a spreadsheet numbers it). */
  row: number;
  column: string;
  reason: string;
}

/** The end of a CSV import (DESIGN.md §9 `persons import --json`). */
export interface PersonsImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  invalid: CsvProblem[];
  cancelled: boolean;
}

export interface PersonsExportSummary {
  rows: number;
  cancelled: boolean;
  /** In the browser: the export's id, fetched as a download (GET /download/<id>). */
  downloadId: string | null;
  /** From the desktop app or the command line: where the file was written. */
  path: string | null;
}

export type { PersonId };
