import { z } from 'zod';
import type { HistoryApi, JobsApi, SearchApi } from '../api';
import { noArgs, type SchemaMap } from './fields';

export const jobsSchemas = {
  cancelJob: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  verify: noArgs,
} satisfies SchemaMap<JobsApi>;

export const historySchemas = {
  undo: z.object({ changeId: z.string().uuid() }).strict(),
} satisfies SchemaMap<HistoryApi>;

export const searchSchemas = {
  search: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).optional() }).strict(),
  listExhibitSets: noArgs,
} satisfies SchemaMap<SearchApi>;
