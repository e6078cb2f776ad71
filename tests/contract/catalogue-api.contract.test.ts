/**
 * The contract suite: the same cases against the CatalogueApi in-process (through the dispatcher, as the
 * Electron IPC path does) and over HTTP through the web host, so both transports behave identically.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { png } from '../helpers/sample-files';
import { startWebHost, type WebHost } from '../../src/host/web-host';
import type { CatalogueApi } from '../../src/shared/api';
import { createApiFromInvoke } from '../../src/shared/client';
import type { VigilEvent } from '../../src/shared/dto';
import { CatalogueError } from '../../src/shared/errors';
import type { ItemId } from '../../src/shared/ids';
import { createHttpClient } from '../../src/shared/http-client';
import { useCores } from '../helpers/open-core';

describe.each([{ name: 'in-process' }, { name: 'http' }])('CatalogueApi contract ($name)', ({ name }) => {
  const { openCore, tempDir } = useCores();
  const hosts: WebHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
  });

  async function connect(): Promise<{ api: CatalogueApi; events: VigilEvent[] }> {
    const core = await openCore();
    const events: VigilEvent[] = [];
    if (name === 'in-process') {
      core.onEvent((e) => events.push(e));
      return { api: createApiFromInvoke(core.dispatch), events };
    }
    const rendererDir = join(tempDir('renderer'), 'r');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ core, rendererDir });
    hosts.push(host);
    const client = createHttpClient({ baseUrl: `http://127.0.0.1:${host.port}`, token: host.token });
    core.onEvent((e) => events.push(e));
    return { api: client.api, events };
  }

  async function rejection(promise: Promise<unknown>): Promise<CatalogueError> {
    try {
      await promise;
    } catch (error) {
      return error as CatalogueError;
    }
    throw new Error('expected a rejection');
  }

  it('reports the status of a new catalogue', async () => {
    const { api } = await connect();
    const status = await api.getStatus();
    expect(status).toMatchObject({ name: 'catalogue', schemaVersion: 2, actor: null });
    // The seeded vocabularies' tags (fate, act types, place types) are there from the start.
    expect(status.counts).toEqual({ items: 0, persons: 0, places: 0, sources: 0, tags: expect.any(Number), exhibitSets: 0 });
    expect(status.counts.tags).toBeGreaterThan(20);
  });

  it('saves the actor verbatim (Persian included) and announces the change', async () => {
    const { api, events } = await connect();
    const actor = { name: 'مریم <b>Test</b>', organisation: 'Archive "1988"' };
    expect(await api.setActor(actor)).toEqual(actor);
    expect((await api.getStatus()).actor).toEqual(actor);
    expect(events).toContainEqual({ type: 'catalogue-changed', what: ['settings'] });
  });

  it('turns invalid arguments into INVALID_ARGUMENT errors with a readable message', async () => {
    const { api } = await connect();
    const error = await rejection(api.setActor({ name: '   ', organisation: 'x' }));
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/setActor: name/);
    expect((await rejection(api.listItems({ limit: 0 }))).code).toBe('INVALID_ARGUMENT');
    expect((await rejection(api.search({ query: 'a', limit: -1 }))).code).toBe('INVALID_ARGUMENT');
  });

  it('lists empty pages for every record type and finds nothing yet', async () => {
    const { api } = await connect();
    expect(await api.listItems()).toEqual({ rows: [], total: 0, offset: 0 });
    expect(await api.listPersons({ offset: 0, limit: 10 })).toEqual({ rows: [], total: 0, offset: 0 });
    expect(await api.listPlaces()).toEqual({ rows: [], total: 0, offset: 0 });
    expect(await api.listExhibitSets()).toEqual([]);
    expect(await api.search({ query: 'Evin' })).toEqual([]);
  });

  it('verifies a fresh catalogue as intact, as a job whose summary is the report', async () => {
    const { api, events } = await connect();
    const { jobId } = await api.verify();
    const done = await vi.waitFor(() => {
      const event = events.find((e) => e.type === 'job-progress' && e.jobId === jobId && e.state === 'done');
      expect(event).toBeDefined();
      return event as Extract<VigilEvent, { type: 'job-progress'; kind: 'verify' }>;
    });
    expect(done.kind).toBe('verify');
    expect(done.summary!.ok).toBe(true);
    expect(done.summary!.checks.map((c) => c.name)).toEqual(['database integrity', 'database references', 'vault files (0)', 'unrecorded vault files (0)', 'custody log chain']);
    expect(done).toMatchObject({ done: 3, total: 3 });
  });

  it('imports a folder as a job, announces progress, and reads the item back', async () => {
    const { api, events } = await connect();
    const src = tempDir('src');
    writeFileSync(join(src, 'evin.png'), await png(5));
    const { jobId } = await api.importPaths({ paths: [src] });
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'job-progress', jobId, state: 'done' })), { timeout: 10_000 });
    const page = await api.listItems({ kind: 'photo', sort: 'name', order: 'desc' });
    expect(page.total).toBe(1);
    const item = await api.getItem({ id: page.rows[0]!.id });
    expect(item).toMatchObject({ ref: 'ITM-000001', originalName: 'evin.png', mime: 'image/png', kind: 'photo' });
    expect(item.custody.map((c) => c.action)).toEqual(['acquired', 'hash-computed', 'metadata-extracted']);
    expect((await api.listItems({ kind: 'document' })).total).toBe(0);
    expect((await rejection(api.getItem({ id: 99 as ItemId }))).code).toBe('NOT_FOUND');
    expect(await api.cancelJob({ jobId: 'no-such-job' })).toEqual({ cancelled: false });
    expect((await rejection(api.importUploads({ uploadIds: ['not-a-uuid'] }))).code).toBe('INVALID_ARGUMENT');
  });
});
