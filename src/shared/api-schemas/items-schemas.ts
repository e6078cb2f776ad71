import { z } from 'zod';
import type { ItemsApi } from '../api';
import { dateText, itemFilterFields, itemId, optionalLine, optionalProse, pageFields, paths, sensitivity, sourceId, uploadId, type SchemaMap } from './fields';

export const itemsSchemas = {
  listItems: z
    .object({
      ...pageFields,
      ...itemFilterFields,
      sort: z.enum(['imported', 'taken', 'name', 'size']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
    })
    .strict()
    .optional(),
  getItem: z.object({ id: itemId }).strict(),
  updateItem: z
    .object({
      id: itemId,
      patch: z
        .object({
          title: optionalLine(500).optional(),
          description: optionalProse().optional(),
          sensitivity: sensitivity.optional(),
          acquisition: z
            .object({
              sourceId: z.union([z.null(), sourceId]).optional(),
              acquiredBy: optionalLine(300).optional(),
              method: optionalLine(300).optional(),
              date: dateText.optional(),
            })
            .strict()
            .optional(),
        })
        .strict(),
    })
    .strict(),
  importPaths: z.object({ paths }).strict(),
  importUploads: z.object({ uploadIds: z.array(uploadId).min(1).max(100_000) }).strict(),
} satisfies SchemaMap<ItemsApi>;
