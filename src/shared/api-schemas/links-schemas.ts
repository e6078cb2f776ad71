import { z } from 'zod';
import type { LinksApi } from '../api';
import { code, itemId, itemSelection, linkId, optionalLine, optionalProse, personId, placeId, reason, sourceId, type SchemaMap } from './fields';

const linkFields = {
  certainty: code.optional(),
  sourceId: z.union([z.null(), sourceId]).optional(),
  note: optionalProse(5000).optional(),
  relationship: optionalLine(100).optional(),
};

export const linksSchemas = {
  createLink: z
    .object({
      type: code,
      itemId: itemId.optional(),
      personId: personId.optional(),
      placeId: placeId.optional(),
      relatedItemId: itemId.optional(),
      relatedPersonId: personId.optional(),
      ...linkFields,
    })
    .strict(),
  updateLink: z.object({ id: linkId, patch: z.object(linkFields).strict() }).strict(),
  deleteLink: z.object({ id: linkId, reason }).strict(),
  linkItems: z
    .object({
      selection: itemSelection,
      type: code,
      personId: personId.optional(),
      placeId: placeId.optional(),
      certainty: code.optional(),
      sourceId: z.union([z.null(), sourceId]).optional(),
    })
    .strict(),
} satisfies SchemaMap<LinksApi>;
