/**
 * The person forms' drafts (the New person dialog and the panel's fact editor) and what they send: text as
 * typed, blanks left out (new person) or cleared (edit), dates checked with the same parser the core uses so an
 * unreadable date is refused here, with the parser's sentence, before anything is sent.
 */
import { parseHistoricalDate } from '../../shared/dates/historical-date';
import type { NameInput, NameScript, NameType, PersonDetail, PersonFact, PersonInput, PersonPatch, Sensitivity, Sex } from '../../shared/dto';
import type { SourceId } from '../../shared/ids';
import { detectScript } from '../../shared/names/name-key';

export interface FactsDraft {
  roles: string[];
  sex: Sex | '';
  fatherNameFa: string;
  fatherNameLatin: string;
  birthDate: string;
  arrestDate: string;
  deathDate: string;
  fate: string;
  affiliation: string;
  biography: string;
  notes: string;
  sensitivity: Sensitivity;
}

export const dateFields = [
  { field: 'birthDate', label: 'Birth date' },
  { field: 'arrestDate', label: 'Arrest date' },
  { field: 'deathDate', label: 'Death date' },
] as const;
export type DateField = (typeof dateFields)[number]['field'];

export const sexOptions: Array<{ value: Sex | ''; label: string }> = [
  { value: '', label: 'Not recorded' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];

export const sensitivityOptions: Array<{ value: Sensitivity; label: string }> = [
  { value: 'public', label: 'Public' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'confidential', label: 'Confidential' },
];

export const scriptLabels: Record<NameScript, string> = { persian: 'Persian script', latin: 'Latin script', other: 'Other script' };
export const nameTypeLabels: Record<NameType, string> = { legal: 'Legal name', alias: 'Alias', variant: 'Variant (as found in a source)' };

/** A new person is a victim unless the archivist says otherwise; restricted, as the core defaults. */
export function emptyFacts(): FactsDraft {
  return {
    roles: ['victim'],
    sex: '',
    fatherNameFa: '',
    fatherNameLatin: '',
    birthDate: '',
    arrestDate: '',
    deathDate: '',
    fate: '',
    affiliation: '',
    biography: '',
    notes: '',
    sensitivity: 'restricted',
  };
}

export function factsOf(person: PersonDetail): FactsDraft {
  return {
    roles: [...person.roles],
    sex: person.sex ?? '',
    fatherNameFa: person.fatherNameFa ?? '',
    fatherNameLatin: person.fatherNameLatin ?? '',
    birthDate: person.birthDate?.original ?? '',
    arrestDate: person.arrestDate?.original ?? '',
    deathDate: person.deathDate?.original ?? '',
    fate: person.fate ?? '',
    affiliation: person.affiliation ?? '',
    biography: person.biography ?? '',
    notes: person.notes ?? '',
    sensitivity: person.sensitivity,
  };
}

/** The dates the parser refuses, with its sentence (which shows examples of what it reads). */
export function dateProblems(draft: FactsDraft): Array<{ field: DateField; label: string; message: string }> {
  const problems: Array<{ field: DateField; label: string; message: string }> = [];
  for (const { field, label } of dateFields) {
    const text = draft[field];
    if (!text.trim()) continue;
    const parsed = parseHistoricalDate(text);
    if (!parsed.ok) problems.push({ field, label, message: parsed.message });
  }
  return problems;
}

const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The facts of a new person: only what was filled in. Dates go as typed (the core keeps the original text). */
export function newPersonFacts(draft: FactsDraft): Omit<PersonInput, 'names'> {
  const input: Omit<PersonInput, 'names'> = { roles: [...draft.roles], sensitivity: draft.sensitivity };
  const text = {
    fatherNameFa: draft.fatherNameFa,
    fatherNameLatin: draft.fatherNameLatin,
    fate: draft.fate,
    affiliation: draft.affiliation,
    biography: draft.biography,
    notes: draft.notes,
  } as const;
  for (const [key, value] of Object.entries(text) as Array<[keyof typeof text, string]>) {
    const v = blankToNull(value);
    if (v !== null) input[key] = v;
  }
  if (draft.sex) input.sex = draft.sex;
  for (const { field } of dateFields) if (draft[field].trim()) input[field] = draft[field];
  return input;
}

/**
 * A change to an existing person: only the fields that differ from the record (a blank clears one), and the
 * sources cited for facts that changed source (null removes one). Null when nothing changed.
 */
export function factsPatch(
  person: PersonDetail,
  draft: FactsDraft,
  sources: Partial<Record<PersonFact, SourceId | null>>,
): PersonPatch | null {
  const before = factsOf(person);
  const patch: PersonPatch = {};
  const plain = ['fatherNameFa', 'fatherNameLatin', 'fate', 'affiliation', 'biography', 'notes'] as const;
  for (const key of plain) if (draft[key].trim() !== before[key].trim()) patch[key] = blankToNull(draft[key]);
  for (const { field } of dateFields) if (draft[field] !== before[field]) patch[field] = draft[field].trim() === '' ? null : draft[field];
  if (draft.sex !== before.sex) patch.sex = draft.sex === '' ? null : draft.sex;
  if (draft.sensitivity !== before.sensitivity) patch.sensitivity = draft.sensitivity;
  if ([...draft.roles].sort().join() !== [...before.roles].sort().join()) patch.roles = [...draft.roles];
  const changedSources = Object.entries(sources).filter(([fact, id]) => (person.factSources[fact as PersonFact]?.id ?? null) !== id);
  if (changedSources.length > 0) patch.factSources = Object.fromEntries(changedSources);
  return Object.keys(patch).length > 0 ? patch : null;
}

export interface NameDraft {
  key: number;
  name: string;
  /** 'auto': the script is detected from the letters (and the core detects it again). */
  script: NameScript | 'auto';
  type: NameType;
}

export function detectedScriptLabel(name: string): string | null {
  return name.trim() ? scriptLabels[detectScript(name)] : null;
}

/** The names typed, blank rows left out; the script only when the archivist chose one. */
export function namesInput(rows: readonly NameDraft[]): NameInput[] {
  return rows
    .filter((row) => row.name.trim() !== '')
    .map((row) => ({ name: row.name.trim(), type: row.type, ...(row.script === 'auto' ? {} : { script: row.script }) }));
}
