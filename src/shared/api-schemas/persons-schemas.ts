import { z } from 'zod';
import type { PersonsApi } from '../api';
import { personFacts, personsCsvColumns } from '../dto';
import {
  code,
  dateText,
  fileSource,
  isoDay,
  line,
  optionalLine,
  optionalProse,
  pageFields,
  personId,
  personNameId,
  reason,
  sensitivity,
  sourceId,
  type SchemaMap,
} from './fields';

const script = z.enum(['persian', 'latin', 'other']);
const nameType = z.enum(['legal', 'alias', 'variant']);
const sex = z.enum(['female', 'male', 'other', 'unknown']);

/** A person's name is kept verbatim as the source wrote it, so only control characters and line breaks are refused. */
const nameInput = z
  .object({
    name: line(300),
    script: script.optional(),
    language: optionalLine(20).optional(),
    type: nameType.optional(),
    preferred: z.boolean().optional(),
    sourceId: z.union([z.null(), sourceId]).optional(),
  })
  .strict();

const factFields = {
  roles: z.array(code).max(20).optional(),
  fatherNameFa: optionalLine(300).optional(),
  fatherNameLatin: optionalLine(300).optional(),
  sex: z.union([z.null(), sex]).optional(),
  birthDate: dateText.optional(),
  arrestDate: dateText.optional(),
  fate: z.union([z.null(), code]).optional(),
  deathDate: dateText.optional(),
  affiliation: optionalLine(300).optional(),
  biography: optionalProse().optional(),
  notes: optionalProse().optional(),
  sensitivity: sensitivity.optional(),
};

export const personFilter = z
  .object({
    text: z.string().max(300).optional(),
    role: code.optional(),
    fate: code.optional(),
    placeId: z.number().int().min(1).optional(),
    placeLink: code.optional(),
    deathFrom: isoDay.optional(),
    deathTo: isoDay.optional(),
    deleted: z.boolean().optional(),
  })
  .strict();

const mapping = z
  .object(Object.fromEntries(personsCsvColumns.map((c) => [c, z.union([z.null(), z.string().max(200)]).optional()])))
  .strict();

export const personsSchemas = {
  listPersons: z
    .object({
      ...pageFields,
      filter: personFilter.optional(),
      sort: z.enum(['ref', 'name', 'death']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
    })
    .strict()
    .optional(),
  getPerson: z.object({ id: personId }).strict(),
  createPerson: z.object({ names: z.array(nameInput).min(1, 'a person needs at least one name').max(50), ...factFields }).strict(),
  updatePerson: z
    .object({
      id: personId,
      patch: z
        .object({
          ...factFields,
          factSources: z
            .object(Object.fromEntries(personFacts.map((f) => [f, z.union([z.null(), sourceId]).optional()])))
            .strict()
            .optional(),
        })
        .strict(),
    })
    .strict(),
  deletePerson: z.object({ id: personId, reason }).strict(),
  restorePerson: z.object({ id: personId }).strict(),
  addPersonName: z.object({ personId, name: nameInput }).strict(),
  updatePersonName: z
    .object({
      id: personNameId,
      patch: z
        .object({
          name: line(300).optional(),
          script: script.optional(),
          language: optionalLine(20).optional(),
          type: nameType.optional(),
          preferred: z.boolean().optional(),
          sourceId: z.union([z.null(), sourceId]).optional(),
        })
        .strict(),
    })
    .strict(),
  removePersonName: z.object({ id: personNameId }).strict(),
  personStats: z.object({ filter: personFilter.optional() }).strict().optional(),
  previewPersonsCsv: z.object({ file: fileSource }).strict(),
  importPersonsCsv: z.object({ file: fileSource, mapping: mapping.optional() }).strict(),
  exportPersons: z
    .object({ filter: personFilter.optional(), path: z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL').optional() })
    .strict()
    .optional(),
} satisfies SchemaMap<PersonsApi>;
