/**
 * Argument schemas for every CatalogueApi method: the dispatcher validates everything that crosses a transport
 * with these. Each part is checked against its interface with `satisfies` (a missing or an extra schema does
 * not compile: see tests/shared/api-schemas-types.ts), and the whole map against CatalogueApi, with no cast.
 */
import type { CatalogueApi } from '../api';
import type { SchemaMap } from './fields';
import { itemsSchemas } from './items-schemas';
import { historySchemas, jobsSchemas, searchSchemas } from './jobs-schemas';
import { linksSchemas } from './links-schemas';
import { personsSchemas } from './persons-schemas';
import { placesSchemas } from './places-schemas';
import { settingsSchemas } from './settings-schemas';
import { sourcesSchemas } from './sources-schemas';
import { tagsSchemas } from './tags-schemas';

export type { SchemaMap };

export const apiSchemas: SchemaMap<CatalogueApi> = {
  ...settingsSchemas,
  ...itemsSchemas,
  ...personsSchemas,
  ...placesSchemas,
  ...sourcesSchemas,
  ...tagsSchemas,
  ...linksSchemas,
  ...jobsSchemas,
  ...historySchemas,
  ...searchSchemas,
};
