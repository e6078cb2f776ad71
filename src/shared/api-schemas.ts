/**
 * Argument schemas for every CatalogueApi method: the dispatcher validates everything that crosses a
 * transport with these. The mapped type makes a missing or an extra method a compile error.
 */
import { z } from 'zod';
import { MAX_PAGE, type ApiArgs, type ApiMethod } from './api';

const noArgs = z.object({}).strict().optional();
const pageArgs = z
  .object({
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_PAGE).optional(),
  })
  .strict()
  .optional();

const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');

/** Trimmed, not blank, no control characters other than ordinary spaces. */
const personText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const apiSchemas: { [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = {
  getStatus: noArgs,
  setActor: z.object({ name: personText(200), organisation: personText(200) }).strict(),
  listItems: z
    .object({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).optional(),
      sort: z.enum(['imported', 'taken', 'name', 'size']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      kind: z.enum(['photo', 'document', 'other']).optional(),
      tag: z.string().trim().min(1).max(200).optional(),
      takenFrom: isoDay.optional(),
      takenTo: isoDay.optional(),
    })
    .strict()
    .optional(),
  getItem: z.object({ id: id }).strict(),
  importPaths: z.object({ paths: z.array(z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL')).min(1).max(10_000) }).strict(),
  importUploads: z.object({ uploadIds: z.array(z.string().uuid()).min(1).max(100_000) }).strict(),
  cancelJob: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  listPersons: pageArgs,
  listPlaces: pageArgs,
  listExhibitSets: noArgs,
  search: z
    .object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() })
    .strict(),
  verify: noArgs,
} as { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };
