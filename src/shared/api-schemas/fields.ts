/**
 * The building blocks of the argument schemas: ids with their brands, text people type, dates, codes,
 * selections. Everything that crosses a transport is untrusted until one of these has read it.
 */
import { z } from 'zod';
import { MAX_PAGE } from '../api';
import type { ItemId, LinkId, PersonId, PersonNameId, PlaceId, SourceId, TagId } from '../ids';

/** Every method's schema, keyed like its part of the contract; `satisfies` makes a missing or extra one a compile error. */
export type SchemaMap<Api> = {
  [M in keyof Api]: Api[M] extends (args: infer A) => unknown ? z.ZodType<A> : never;
};

export const noArgs = z.object({}).strict().optional();

const rowId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
/** A branded id: checked as a number, typed as the record's own id so an item id cannot stand for a person's. */
export const itemId = rowId.transform((n) => n as ItemId);
export const personId = rowId.transform((n) => n as PersonId);
export const placeId = rowId.transform((n) => n as PlaceId);
export const sourceId = rowId.transform((n) => n as SourceId);
export const tagId = rowId.transform((n) => n as TagId);
export const linkId = rowId.transform((n) => n as LinkId);
export const personNameId = rowId.transform((n) => n as PersonNameId);

export const pageFields = {
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
};

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const LINE_BREAK = /[\n\r\t]/;

/** One line a person types (a name, a title): trimmed, not blank, no control characters. */
export const line = (max = 500) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'must not contain control characters or line breaks');

/** Free text (a description, notes): line breaks and tabs allowed, other control characters not. */
export const prose = (max = 20_000) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

/** A field that can be cleared: null (or blank text) means "no value". */
export const optionalLine = (max = 500) =>
  z.union([z.null(), z.string().trim().max(0).transform(() => null), line(max)]);
export const optionalProse = (max = 20_000) =>
  z.union([z.null(), z.string().trim().max(0).transform(() => null), prose(max).transform((s) => s.trim())]);

/** A date as typed; the core reads it with the historical date parser and refuses it with an example if it cannot. */
export const dateText = z.union([z.null(), z.string().max(100)]);

/** A vocabulary code (role, fate, place type, link type, certainty, tag vocabulary). */
export const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\s]+$/, 'must be a term code without spaces');

export const sensitivity = z.enum(['public', 'restricted', 'confidential']);

const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');
export const paths = z.array(filePath).min(1).max(10_000);
export const uploadId = z.string().uuid();
export const fileSource = z.union([z.object({ uploadId }).strict(), z.object({ path: filePath }).strict()]);

export const itemFilterFields = {
  kind: z.enum(['photo', 'document', 'other']).optional(),
  tag: z.string().trim().min(1).max(200).optional(),
  takenFrom: isoDay.optional(),
  takenTo: isoDay.optional(),
};

export const itemSelection = z.union([
  z.object({ ids: z.array(itemId).min(1).max(200_000) }).strict(),
  z.object({ filter: z.object(itemFilterFields).strict(), except: z.array(itemId).max(200_000).optional() }).strict(),
]);

export const reason = line(1000);
