/** What the record-service tests share: items to tag and link, the whole custody log, events, refusals. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import type { Core } from '../../src/core/api/core-types';
import type { VigilEvent } from '../../src/shared/dto';
import { CatalogueError, type ErrorInfo } from '../../src/shared/errors';
import type { ItemId } from '../../src/shared/ids';
import { png } from './sample-files';

/** Imports `count` distinct small PNGs from a new folder and returns their ids, oldest first. */
export async function importItems(core: Core, folder: string, count: number): Promise<ItemId[]> {
  for (let i = 0; i < count; i += 1) writeFileSync(join(folder, `photo-${String(i).padStart(3, '0')}.png`), await png(i + 1));
  const summary = await core.importPaths([folder]);
  expect(summary.failed).toEqual([]);
  expect(summary.imported).toBe(count);
  const page = await core.api.listItems({ sort: 'name', order: 'asc', limit: 1000 });
  return page.rows.map((r) => r.id);
}

/**
 * The catalogue holds its database with an exclusive lock, so no second connection can read the custody log
 * while it is open. A test file that reads the log wraps `openDatabase` to keep each connection, by file:
 *
 *   vi.mock('../../../src/core/db/open-database', async (original) =>
 *     (await import('../../helpers/records')).observeDatabases(await original()));
 */
const databases = new Map<string, Database>();
export function observeDatabases<M extends { openDatabase: (file: string, ...rest: never[]) => Database }>(module: M): M {
  return {
    ...module,
    openDatabase: (file: string, ...rest: never[]) => {
      const db = module.openDatabase(file, ...rest);
      databases.set(file, db);
      return db;
    },
  };
}

/** The open catalogue's own connection (observed files only): for reading what the API does not show. */
export function databaseOf(core: Core): Database {
  const db = databases.get(join(core.catalogueDir, 'catalogue.sqlite'));
  if (!db || !db.open) throw new Error('This test file does not observe the catalogue database (see observeDatabases).');
  return db;
}

export interface LogRow {
  seq: number;
  action: string;
  targetType: string | null;
  targetRef: string | null;
  targetGlobalId: string | null;
  changeId: string | null;
  actor: string;
  details: Record<string, unknown>;
}

/** The whole custody log as stored. */
export function custodyLog(core: Core): LogRow[] {
  const rows = databaseOf(core)
      .prepare('SELECT seq, action, target_type, target_ref, target_global_id, change_id, actor, details_json FROM custody_events ORDER BY seq')
    .all() as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    seq: r.seq as number,
    action: r.action as string,
    targetType: r.target_type as string | null,
    targetRef: r.target_ref as string | null,
    targetGlobalId: r.target_global_id as string | null,
    changeId: r.change_id as string | null,
    actor: r.actor as string,
    details: JSON.parse(r.details_json as string) as Record<string, unknown>,
  }));
}

/** One row count of the catalogue's own tables, for "nothing was written" checks. */
export function rowCount(core: Core, table: string): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  return databaseOf(core).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** The events of one change, in order. */
export function eventsOf(core: Core, changeId: string | null): LogRow[] {
  expect(changeId).toMatch(/^[0-9a-f-]{36}$/);
  return custodyLog(core).filter((r) => r.changeId === changeId);
}

/** Collects what the core announces, from now on. */
export function recordEvents(core: Core): { changes: () => Array<Extract<VigilEvent, { type: 'catalogue-changed' }>> } {
  const seen: VigilEvent[] = [];
  core.onEvent((event) => seen.push(event));
  return { changes: () => seen.filter((e): e is Extract<VigilEvent, { type: 'catalogue-changed' }> => e.type === 'catalogue-changed') };
}

/** The CatalogueError a call is refused with (fails the test when it is not refused). */
export async function refusal(promise: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).toInfo();
  }
  throw new Error('expected the call to be refused');
}

/** The error a call through the dispatcher (arguments validated) answers with. */
export async function dispatchRefusal(core: Core, method: string, args: unknown): Promise<ErrorInfo> {
  const result = await core.dispatch(method, args);
  if (result.ok) throw new Error(`expected ${method} to be refused, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** A change answer's record, through the dispatcher; fails the test on an error. */
export async function dispatchOk<T = unknown>(core: Core, method: string, args: unknown): Promise<T> {
  const result = await core.dispatch(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
