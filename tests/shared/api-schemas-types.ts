/**
 * Compile-time checks, run by `npm run typecheck` (this file has no runtime tests): the schema map of a part
 * of the contract must name every method of that part and nothing else, and each schema must produce the
 * method's argument type. Each `@ts-expect-error` below fails the typecheck if the line stops being an error.
 */
import { z } from 'zod';
import type { EveryMethodListed, SettingsApi } from '../../src/shared/api';
import { settingsMethods } from '../../src/shared/api/settings-api';
import { noArgs, type SchemaMap } from '../../src/shared/api-schemas/fields';
import { settingsSchemas } from '../../src/shared/api-schemas/settings-schemas';

// A method without a schema does not compile.
// @ts-expect-error setActor and getVocabularies have no schema
export const missing = { getStatus: noArgs } satisfies SchemaMap<SettingsApi>;

// A schema for a method the part does not have does not compile.
export const extra = {
  ...settingsSchemas,
  // @ts-expect-error there is no such method
  noSuchMethod: noArgs,
} satisfies SchemaMap<SettingsApi>;

// A schema that produces the wrong argument type does not compile.
export const wrongShape = {
  ...settingsSchemas,
  // @ts-expect-error setActor takes a name and an organisation
  setActor: z.object({ name: z.string() }),
} satisfies SchemaMap<SettingsApi>;

// A method list that leaves a method out does not compile.
// @ts-expect-error getVocabularies is not listed
export const incomplete: EveryMethodListed<SettingsApi, ['getStatus', 'setActor']> = true;
export const complete: EveryMethodListed<SettingsApi, typeof settingsMethods> = true;
