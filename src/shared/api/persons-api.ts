/** Persons: victims and the people around them, their names, and the CSV lists they arrive in. */
import type {
  Changed,
  NameInput,
  NamePatch,
  Page,
  PersonDetail,
  PersonFilter,
  PersonInput,
  PersonPatch,
  PersonSort,
  PersonStats,
  PersonsCsvMapping,
  PersonsCsvPreview,
  PersonSummary,
} from '../dto';
import type { PersonId, PersonNameId } from '../ids';
import type { EveryMethodListed, FileSource, JobRef, PageArgs } from './common';

export interface PersonListArgs extends PageArgs {
  filter?: PersonFilter;
  sort?: PersonSort;
  order?: 'asc' | 'desc';
}

export interface PersonsApi {
  listPersons(args?: PersonListArgs): Promise<Page<PersonSummary>>;
  getPerson(args: { id: PersonId }): Promise<PersonDetail>;
  createPerson(args: PersonInput): Promise<Changed<PersonDetail>>;
  updatePerson(args: { id: PersonId; patch: PersonPatch }): Promise<Changed<PersonDetail>>;
  /** A soft delete: the person is hidden, never erased, and can be restored. */
  deletePerson(args: { id: PersonId; reason: string }): Promise<Changed<PersonDetail>>;
  restorePerson(args: { id: PersonId }): Promise<Changed<PersonDetail>>;
  addPersonName(args: { personId: PersonId; name: NameInput }): Promise<Changed<PersonDetail>>;
  updatePersonName(args: { id: PersonNameId; patch: NamePatch }): Promise<Changed<PersonDetail>>;
  /** A person keeps at least one name: removing the last one is refused. */
  removePersonName(args: { id: PersonNameId }): Promise<Changed<PersonDetail>>;
  /** What the timeline draws for the persons the filter selects. */
  personStats(args?: { filter?: PersonFilter }): Promise<PersonStats>;
  /** Reads a CSV file's header and first rows, and proposes which header holds which column. */
  previewPersonsCsv(args: { file: FileSource }): Promise<PersonsCsvPreview>;
  /** Starts importing persons from a CSV file (fixtures/persons/README.md); a job. */
  importPersonsCsv(args: { file: FileSource; mapping?: PersonsCsvMapping }): Promise<JobRef>;
  /** Starts writing the persons a filter selects as CSV: to a path (desktop, CLI) or as a download (browser). */
  exportPersons(args?: { filter?: PersonFilter; path?: string }): Promise<JobRef>;
}

export const personsMethods = [
  'listPersons',
  'getPerson',
  'createPerson',
  'updatePerson',
  'deletePerson',
  'restorePerson',
  'addPersonName',
  'updatePersonName',
  'removePersonName',
  'personStats',
  'previewPersonsCsv',
  'importPersonsCsv',
  'exportPersons',
] as const satisfies readonly (keyof PersonsApi)[];
const _persons: EveryMethodListed<PersonsApi, typeof personsMethods> = true;
void _persons;
