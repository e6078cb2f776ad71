/** Every migration, in order. Append new steps; never edit or reorder shipped ones. */
import { migration001 } from './001-initial-schema';
import { migration002 } from './002-records';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [migration001, migration002];
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
