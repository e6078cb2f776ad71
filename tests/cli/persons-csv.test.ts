import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { useTempDirs } from '../helpers/temp-dir';
import { HEADER, row } from '../core/persons-csv/persons-csv-helpers';

describe('vigil persons import / export', () => {
  const tempDir = useTempDirs();

  async function catalogue(actor = true): Promise<string> {
    const cat = join(tempDir(), 'cat');
    const args = actor ? ['--catalogue', cat, '--actor', 'Maryam', '--organisation', 'Archive', 'init'] : ['--catalogue', cat, 'init'];
    expect((await cli(args)).code).toBe(0);
    return cat;
  }

  function csv(lines: string[]): string {
    const path = join(tempDir('csv'), 'persons.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
    return path;
  }

  it('imports with exactly the JSON summary of DESIGN §9, exit 0, and again with everything unchanged', async () => {
    const cat = await catalogue();
    const file = csv([HEADER, row({ ref: 'A', name_fa: 'علی رضایی', name_latin: 'Ali Rezaei', prison: 'Evin', death_date: 'Mordad 1367' }), row({ ref: 'B', name_latin: 'Hamid' })]);
    const run = await cli(['--catalogue', cat, 'persons', 'import', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"created":2,"updated":0,"unchanged":0,"invalid":[]}\n');
    const again = await cli(['--catalogue', cat, 'persons', 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ created: 0, updated: 0, unchanged: 2, invalid: [] });
    const show = await cli(['--catalogue', cat, 'show', 'V-000001']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/name\s+علی رضایی\s+\[persian, legal, preferred\]/);
    expect(show.stdout).toMatch(/detained-at\s+Evin/);
    expect(show.stdout).toMatch(/died\s+.*as recorded: "Mordad 1367"/);
  });

  it('lists invalid rows as {row, column, reason} and exits 1', async () => {
    const cat = await catalogue();
    const file = csv([HEADER, row({ ref: 'A', name_latin: 'Ali' }), row({ ref: 'B', notes: 'no name' }), row({ ref: 'C', name_latin: 'Hamid', death_date: 'soon' })]);
    const run = await cli(['--catalogue', cat, 'persons', 'import', file, '--json']);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(Object.keys(summary)).toEqual(['created', 'updated', 'unchanged', 'invalid']);
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      invalid: [
        { row: 3, column: 'name_fa', reason: expect.any(String) },
        { row: 4, column: 'death_date', reason: expect.stringContaining('soon') },
      ],
    });
    const text = await cli(['--catalogue', cat, 'persons', 'import', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/row 3, name_fa: The row has no name/);
  });

  it('refuses a file that is not CSV in one sentence, and writes nothing', async () => {
    const cat = await catalogue();
    const file = join(tempDir(), 'photo.csv');
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    const run = await cli(['--catalogue', cat, 'persons', 'import', file, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^vigil: photo\.csv is not a UTF-8 text file.*Nothing was imported\.\n$/);
    expect((await cli(['--catalogue', cat, 'show', 'V-000001'])).code).toBe(1);
  });

  it('exports to a file, and refuses to replace one without --force', async () => {
    const cat = await catalogue();
    await cli(['--catalogue', cat, 'persons', 'import', csv([HEADER, row({ ref: 'A', name_latin: '=cmd|\' /C calc\'!A0', prison: 'Evin' })])]);
    const out = join(tempDir(), 'out.csv');
    const run = await cli(['--catalogue', cat, 'persons', 'export', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exported 1 person\(s\)/);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(`\ufeff${HEADER},global_id\r\n`)).toBe(true);
    expect(text).toContain(`A,,'=cmd|' /C calc'!A0,`);

    const again = await cli(['--catalogue', cat, 'persons', 'export', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
    writeFileSync(out, 'kept');
    expect((await cli(['--catalogue', cat, 'persons', 'export', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect((await cli(['--catalogue', cat, 'persons', 'export', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
    // The export imports back with nothing to change.
    expect(JSON.parse((await cli(['--catalogue', cat, 'persons', 'import', out, '--json'])).stdout)).toEqual({ created: 0, updated: 0, unchanged: 1, invalid: [] });
  });

  it('refuses to import or export without an actor, saying how to set one, and writes nothing', async () => {
    const cat = await catalogue(false);
    const file = csv([HEADER, row({ ref: 'A', name_latin: 'Ali' })]);
    const run = await cli(['--catalogue', cat, 'persons', 'import', file, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Nothing was changed.*--actor NAME --organisation ORG.*vigil actor set/);
    expect((await cli(['--catalogue', cat, 'show', 'V-000001'])).code).toBe(1);
    const out = join(tempDir(), 'out.csv');
    const exported = await cli(['--catalogue', cat, 'persons', 'export', out]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toMatch(/--actor NAME/);
    // With --actor for this one command, it works.
    expect((await cli(['--catalogue', cat, '--actor', 'Script', 'persons', 'import', file, '--json'])).code).toBe(0);
  });
});
