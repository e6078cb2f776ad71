import { z } from 'zod';
import type { SettingsApi } from '../api';
import { line, noArgs, type SchemaMap } from './fields';

export const settingsSchemas = {
  getStatus: noArgs,
  setActor: z.object({ name: line(200), organisation: line(200) }).strict(),
  getVocabularies: noArgs,
} satisfies SchemaMap<SettingsApi>;
