import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, firstLine, spawnCli } from '../helpers/cli';
import { useTempDirs } from '../helpers/temp-dir';

describe('vigil CLI', () => {
  const tempDir = useTempDirs();

  it('prints help and exits 0; a usage error exits 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['init', 'verify', 'web', '--catalogue']) expect(help.stdout).toContain(cmd);
    const bad = await cli(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'frobnicate'/);
    expect((await cli(['web', '--port', '99999'])).code).toBe(2);
  });

  it('init creates the catalogue given by --catalogue, then VIGIL_CATALOGUE, then the user-data default', async () => {
    const dir = join(tempDir(), 'flag');
    const init = await cli(['--catalogue', dir, 'init']);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toMatch(/^Created catalogue "flag" at .*flag \(schema 2, id [0-9a-f-]{36}\)\.\nNobody is saved as the actor yet/);
    expect((await cli(['--catalogue', dir, 'init'])).stdout).toMatch(/^Catalogue ready "flag"/);

    const envDir = join(tempDir(), 'from-env');
    expect((await cli(['init'], { env: { VIGIL_CATALOGUE: envDir } })).code).toBe(0);
    expect(existsSync(join(envDir, 'catalogue.sqlite'))).toBe(true);

    const home = tempDir('home');
    expect((await cli(['init'], { home })).code).toBe(0);
    expect(existsSync(join(home, '.config', 'Vigil', 'catalogue', 'catalogue.sqlite'))).toBe(true);
    expect(existsSync(join(home, '.config', 'Vigil', 'workstation.json'))).toBe(true);
  });

  it('verify exits 0 on an intact catalogue and 1 naming a tampered custody row', async () => {
    const dir = join(tempDir(), 'cat');
    await cli(['--catalogue', dir, 'init']);
    const okRun = await cli(['--catalogue', dir, 'verify', '--json']);
    expect(okRun.code).toBe(0);
    expect(JSON.parse(okRun.stdout)).toMatchObject({ ok: true });

    const db = new Database(join(dir, 'catalogue.sqlite'));
    db.exec("DROP TRIGGER custody_events_no_update; UPDATE custody_events SET actor = 'Forger' WHERE seq = 1;");
    db.close();
    const bad = await cli(['--catalogue', dir, 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('custody log row 1: its content no longer matches its hash');
    const badJson = await cli(['--catalogue', dir, 'verify', '--json']);
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout).ok).toBe(false);
  });

  it('verify lists stray vault entries as notes, with hostile names shown as text, and still exits 0', async () => {
    const dir = join(tempDir(), 'cat');
    await cli(['--catalogue', dir, 'init']);
    mkdirSync(join(dir, 'vault', 'ab'), { recursive: true });
    writeFileSync(join(dir, 'vault', 'ab', 'stray\n\u001b[31mred'), 'x');
    const run = await cli(['--catalogue', dir, 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ok    unrecorded vault files (1)\n');
    expect(run.stdout).toContain('note  vault/ab/stray\\n\\u001b[31mred: not something Vigil stores in the vault\n');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toMatch(/The catalogue is intact\.\n$/);
  });

  it('explains a missing renderer build instead of serving nothing', async () => {
    const run = await cli(['--catalogue', join(tempDir(), 'c'), 'web'], { rendererDir: tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/npm run build/);
  });

  it('web prints its URL first, holds the catalogue against other processes, and stops cleanly', async () => {
    const dir = join(tempDir(), 'cat');
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
    const home = tempDir('home');
    expect((await cli(['--catalogue', dir, 'init'], { home })).code).toBe(0);
    const child = spawnCli(['--catalogue', dir, 'web', '--port', '0'], { HOME: home, VIGIL_RENDERER_DIR: rendererDir });
    try {
      const url = await firstLine(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(303);
      const token = new URL(url).searchParams.get('token')!;
      const page = await fetch(new URL('/', url), { headers: { authorization: `Bearer ${token}` } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Vigil</title>');

      const second = await cli(['--catalogue', dir, 'init'], { home });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/already open in another Vigil window or command/);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect((await cli(['--catalogue', dir, 'init'], { home })).code).toBe(0);
  });
});
