import { z } from 'zod';
import type { SourcesApi } from '../api';
import { line, optionalProse, pageFields, sensitivity, sourceId, type SchemaMap } from './fields';

const kind = z.enum(['person', 'organisation', 'document', 'publication', 'testimony', 'other']);
const reliability = z.enum(['high', 'medium', 'low', 'unknown']);
const sourceFields = {
  kind: kind.optional(),
  reliability: reliability.optional(),
  description: optionalProse().optional(),
  sensitivity: sensitivity.optional(),
};

export const sourcesSchemas = {
  listSources: z.object({ ...pageFields, text: z.string().max(300).optional() }).strict().optional(),
  createSource: z.object({ title: line(500), ...sourceFields }).strict(),
  updateSource: z.object({ id: sourceId, patch: z.object({ title: line(500).optional(), ...sourceFields }).strict() }).strict(),
} satisfies SchemaMap<SourcesApi>;
