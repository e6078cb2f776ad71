import { z } from 'zod';
import type { TagsApi } from '../api';
import { code, itemSelection, line, noArgs, optionalLine, personId, reason, tagId, type SchemaMap } from './fields';

const tagFields = {
  vocabulary: code.optional(),
  parentId: z.union([z.null(), tagId]).optional(),
  labelEn: optionalLine(200).optional(),
  labelFa: optionalLine(200).optional(),
};
const tagSpec = z.union([z.object({ id: tagId }).strict(), z.object({ label: line(200), vocabulary: code.optional() }).strict()]);
const changes = {
  add: z.array(tagSpec).max(100).optional(),
  remove: z.array(tagId).max(100).optional(),
};

export const tagsSchemas = {
  listTags: noArgs,
  createTag: z.object(tagFields).strict(),
  updateTag: z.object({ id: tagId, patch: z.object(tagFields).strict() }).strict(),
  deleteTag: z.object({ id: tagId, reason }).strict(),
  tagItems: z.object({ selection: itemSelection, ...changes }).strict(),
  tagPersons: z.object({ ids: z.array(personId).min(1).max(100_000), ...changes }).strict(),
} satisfies SchemaMap<TagsApi>;
