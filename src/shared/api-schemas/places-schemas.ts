import { z } from 'zod';
import type { PlacesApi } from '../api';
import { code, optionalLine, optionalProse, pageFields, placeId, reason, sensitivity, type SchemaMap } from './fields';

const latitude = z.union([z.null(), z.number().min(-90).max(90)]);
const longitude = z.union([z.null(), z.number().min(-180).max(180)]);

const placeFields = {
  nameFa: optionalLine(300).optional(),
  nameLatin: optionalLine(300).optional(),
  parentId: z.union([z.null(), placeId]).optional(),
  lat: latitude.optional(),
  lon: longitude.optional(),
  coordinatesSensitivity: sensitivity.optional(),
  sensitivity: sensitivity.optional(),
  notes: optionalProse().optional(),
};

export const placesSchemas = {
  listPlaces: z
    .object({
      ...pageFields,
      filter: z.object({ text: z.string().max(300).optional(), type: code.optional(), deleted: z.boolean().optional() }).strict().optional(),
    })
    .strict()
    .optional(),
  getPlace: z.object({ id: placeId }).strict(),
  createPlace: z.object({ type: code, ...placeFields }).strict(),
  updatePlace: z.object({ id: placeId, patch: z.object({ type: code.optional(), ...placeFields }).strict() }).strict(),
  deletePlace: z.object({ id: placeId, reason }).strict(),
  restorePlace: z.object({ id: placeId }).strict(),
  mergePlaces: z.object({ keepId: placeId, mergeId: placeId }).strict(),
} satisfies SchemaMap<PlacesApi>;

