import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/api/create-core';
import { LATEST_SCHEMA_VERSION } from '../../../src/core/db/migrations';
import { CatalogueError } from '../../../src/shared/errors';
import { useCores } from '../../helpers/open-core';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).code;
  }
  throw new Error('expected the promise to be rejected');
}

describe('createCore', () => {
  const { openCore, tempDir } = useCores();

  it('creates the catalogue folder layout and a WAL database at the latest schema', async () => {
    const dir = join(tempDir(), 'new catalogue ایران');
    const core = await openCore({ catalogueDir: dir });
    for (const sub of ['vault', 'derived', 'backups']) expect(existsSync(join(dir, sub))).toBe(true);
    expect(existsSync(join(dir, 'catalogue.lock'))).toBe(true);
    const status = await core.api.getStatus();
    expect(status.name).toBe('new catalogue ایران');
    expect(status.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(status.catalogueId).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.counts).toEqual({ items: 0, persons: 0, places: 0, sources: 0, tags: 29, exhibitSets: 0 });
    await core.close();
    expect(existsSync(join(dir, 'catalogue.lock'))).toBe(false);

    const db = new Database(join(dir, 'catalogue.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
    db.close();
  });

  it('keeps the catalogue id across openings and logs the creation once', async () => {
    const dir = join(tempDir(), 'cat');
    const first = await openCore({ catalogueDir: dir });
    const id = (await first.api.getStatus()).catalogueId;
    await first.close();
    const second = await openCore({ catalogueDir: dir });
    expect((await second.api.getStatus()).catalogueId).toBe(id);
    await second.close();
    const db = new Database(join(dir, 'catalogue.sqlite'), { readonly: true });
    const actions = db.prepare('SELECT action FROM custody_events').pluck().all();
    db.close();
    expect(actions).toEqual(['catalogue-created']);
  });

  it('refuses a second opener with a clear CONFLICT, and opens again once closed', async () => {
    const dir = join(tempDir(), 'cat');
    const first = await openCore({ catalogueDir: dir });
    await expect(createCore({ catalogueDir: dir })).rejects.toThrow(/already open in another Vigil/);
    expect(await codeOf(createCore({ catalogueDir: dir }))).toBe('CONFLICT');
    await first.close();
    const again = await openCore({ catalogueDir: dir });
    expect((await again.api.getStatus()).name).toBe('cat');
  });

  it('refuses a database written by a newer Vigil and leaves it byte for byte untouched', async () => {
    const dir = join(tempDir(), 'cat');
    await (await openCore({ catalogueDir: dir })).close();
    const file = join(dir, 'catalogue.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);

    await expect(createCore({ catalogueDir: dir })).rejects.toThrow(/newer version of Vigil .*has not been changed/s);
    expect(await codeOf(createCore({ catalogueDir: dir }))).toBe('CONFLICT');
    expect(sha256(file)).toBe(before);
    expect(existsSync(join(dir, 'catalogue.lock'))).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a catalogue.sqlite that is not a database, without changing it', async () => {
    const dir = tempDir();
    const file = join(dir, 'catalogue.sqlite');
    writeFileSync(file, 'this is not sqlite, just some bytes that look nothing like a database header');
    const before = sha256(file);
    expect(await codeOf(createCore({ catalogueDir: dir }))).toBe('IO');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a catalogue path that is a file', async () => {
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, 'x');
    expect(await codeOf(createCore({ catalogueDir: file }))).toBe('INVALID_ARGUMENT');
  });

  it('records who acts: the saved actor, or the --actor override without saving it', async () => {
    const dir = join(tempDir(), 'cat');
    const core = await openCore({ catalogueDir: dir, actor: undefined });
    await core.api.setActor({ name: 'Shirin Ebadi-Test', organisation: 'Test Archive' });
    expect((await core.api.getStatus()).actor).toEqual({ name: 'Shirin Ebadi-Test', organisation: 'Test Archive' });
    await core.close();

    const overridden = await openCore({ catalogueDir: dir, actor: { name: 'Script Runner', organisation: 'Ops' } });
    await overridden.api.setActor({ name: 'Someone Else', organisation: 'Test Archive' });
    await overridden.close();

    const db = new Database(join(dir, 'catalogue.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT action, actor, time_zone, workstation_id, tool_version FROM custody_events ORDER BY seq').all();
    db.close();
    expect(rows).toEqual([
      { action: 'catalogue-created', actor: 'Vigil (automatic step)', time_zone: 'Asia/Tehran', workstation_id: '00000000-0000-4000-8000-000000000001', tool_version: '0.0.0-test' },
      { action: 'settings-changed', actor: 'Shirin Ebadi-Test', time_zone: 'Asia/Tehran', workstation_id: '00000000-0000-4000-8000-000000000001', tool_version: '0.0.0-test' },
      { action: 'settings-changed', actor: 'Script Runner', time_zone: 'Asia/Tehran', workstation_id: '00000000-0000-4000-8000-000000000001', tool_version: '0.0.0-test' },
    ]);
  });

  it('emits catalogue-changed when settings change, and stops after unsubscribe', async () => {
    const core = await openCore();
    const seen: unknown[] = [];
    const off = core.onEvent((e) => seen.push(e));
    await core.api.setActor({ name: 'A', organisation: 'B' });
    off();
    await core.api.setActor({ name: 'C', organisation: 'D' });
    expect(seen).toEqual([{ type: 'catalogue-changed', what: ['settings'] }]);
  });

  it('opens only a catalogue: a mistyped path fails with a sentence and nothing is created there', async () => {
    const missing = join(tempDir(), 'mistyped', 'path');
    await expect(createCore({ catalogueDir: missing })).rejects.toThrow(/There is no Vigil catalogue at .*mistyped.*Nothing was created/);
    expect(await codeOf(createCore({ catalogueDir: missing }))).toBe('NOT_FOUND');
    expect(existsSync(join(tempDir(), 'mistyped'))).toBe(false);
    expect(existsSync(missing)).toBe(false);

    // An ordinary folder is left exactly as it was, whether asked to open it or to create a catalogue in it.
    const ordinary = tempDir('documents');
    writeFileSync(join(ordinary, 'letter.txt'), 'private');
    expect(await codeOf(createCore({ catalogueDir: ordinary }))).toBe('NOT_FOUND');
    expect(await codeOf(createCore({ catalogueDir: ordinary, create: true }))).toBe('CONFLICT');
    expect(readdirSync(ordinary)).toEqual(['letter.txt']);
  });

  it('refuses every change while nobody is named as the actor, and changes nothing', async () => {
    const core = await openCore({ actor: undefined });
    const before = await core.api.listPersons();
    const refusal = await codeOf(core.api.createPerson({ names: [{ name: 'Zahra Rezaei' }] }));
    expect(refusal).toBe('ACTOR_REQUIRED');
    // Through the dispatcher too (the path both transports take), before the method runs.
    expect(await core.dispatch('createPlace', { type: 'prison', nameLatin: 'Evin' })).toMatchObject({ ok: false, error: { code: 'ACTOR_REQUIRED' } });
    expect(await core.dispatch('importPaths', { paths: [tempDir()] })).toMatchObject({ ok: false, error: { code: 'ACTOR_REQUIRED' } });
    await expect(core.importPaths([tempDir()])).rejects.toMatchObject({ code: 'ACTOR_REQUIRED' });
    expect(await core.api.listPersons()).toEqual(before);
    expect((await core.api.listPlaces()).total).toBe(0);
    // Reading needs no actor; naming one lets the change through.
    await core.api.setActor({ name: 'Maryam', organisation: 'Archive' });
    expect((await core.api.createPerson({ names: [{ name: 'Zahra Rezaei' }] })).record.custody.at(-1)).toMatchObject({ actor: 'Maryam', actorOrganisation: 'Archive' });
  });

  it('resolves media only for items that exist', async () => {
    const core = await openCore();
    expect(() => core.resolveMedia(1, 'original')).toThrow(CatalogueError);
    expect(() => core.resolveMedia(-1, 'thumb')).toThrow(/no item/);
  });
});
