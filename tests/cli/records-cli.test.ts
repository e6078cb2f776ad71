/**
 * The command line for the records of issue 8: a catalogue is opened, never created by accident; every change
 * names an actor; `actor`, `tag`, `link` and `show` for persons and places.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/api/create-core';
import { cli } from '../helpers/cli';
import { png } from '../helpers/sample-files';
import { useTempDirs } from '../helpers/temp-dir';

describe('vigil records commands', () => {
  const tempDir = useTempDirs();

  it('fails on a mistyped catalogue path, says how to create one, and creates nothing', async () => {
    const parent = tempDir();
    const mistyped = join(parent, 'mistyped', 'path');
    for (const argv of [['list'], ['verify'], ['show', 'ITM-000001'], ['import', parent]]) {
      const run = await cli(['--catalogue', mistyped, ...argv]);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^vigil: There is no Vigil catalogue at .*mistyped\/path .*Nothing was created\. To make a new catalogue there, run: vigil --catalogue ".*mistyped\/path" init\n$/);
      expect(run.stdout).toBe('');
    }
    expect(readdirSync(parent)).toEqual([]);

    // An ordinary folder is not filled with catalogue files either.
    const documents = tempDir();
    writeFileSync(join(documents, 'notes.txt'), 'mine');
    expect((await cli(['--catalogue', documents, 'verify'])).code).toBe(1);
    const init = await cli(['--catalogue', documents, 'init']);
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/already holds other files and is not a Vigil catalogue/);
    expect(readdirSync(documents)).toEqual(['notes.txt']);
  });

  it('refuses a change without an actor and says how to set one; init and `actor set` save one, logged', async () => {
    const cat = join(tempDir(), 'cat');
    const src = tempDir();
    writeFileSync(join(src, 'a.png'), await png(1));
    expect((await cli(['--catalogue', cat, 'init'])).code).toBe(0);
    const refused = await cli(['--catalogue', cat, 'import', src]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nobody has said who is cataloguing yet\. Say who you are with --actor NAME --organisation ORG for this command, or save it for this catalogue with: vigil actor set NAME --organisation ORG/);
    expect((await cli(['--catalogue', cat, 'list'])).stdout).toBe('');
    expect((await cli(['--catalogue', cat, 'actor'])).code).toBe(1);

    // --actor acts for one command without saving.
    expect((await cli(['--catalogue', cat, '--actor', 'Script', '--organisation', 'Ops', 'import', src])).code).toBe(0);
    expect((await cli(['--catalogue', cat, 'actor'])).code).toBe(1);

    const set = await cli(['--catalogue', cat, 'actor', 'set', 'Maryam Rezaei', '--organisation', 'Archive of 1988']);
    expect(set).toMatchObject({ code: 0, stdout: 'Changes are now recorded as made by Maryam Rezaei (Archive of 1988).\n' });
    expect((await cli(['--catalogue', cat, 'actor'])).stdout).toBe('Maryam Rezaei (Archive of 1988)\n');
    expect((await cli(['--catalogue', cat, 'actor', 'set', 'X'])).code).toBe(2);

    const other = join(tempDir(), 'other');
    const init = await cli(['--catalogue', other, '--actor', 'Shirin', '--organisation', 'Archive', 'init']);
    expect(init.stdout).toMatch(/Changes are recorded as made by Shirin \(Archive\)\./);
    expect((await cli(['--catalogue', other, 'actor'])).stdout).toBe('Shirin (Archive)\n');
    expect((await cli(['--catalogue', join(tempDir(), 'third'), '--actor', 'Shirin', 'init'])).code).toBe(2);
  });

  it('tags, links and shows records, and list --json carries the tags and links', async () => {
    const cat = join(tempDir(), 'cat');
    const src = tempDir();
    writeFileSync(join(src, 'khavaran.png'), await png(7));
    expect((await cli(['--catalogue', cat, '--actor', 'Maryam', '--organisation', 'Archive', 'init'])).code).toBe(0);
    expect((await cli(['--catalogue', cat, 'import', src])).code).toBe(0);
    const core = await createCore({ catalogueDir: cat, actor: { name: 'Setup', organisation: 'Tests' } });
    const person = await core.api.createPerson({ names: [{ name: 'فریده اکبرپور' }, { name: 'Farideh Akbarpour' }], deathDate: 'Mordad 1367', fate: 'executed' });
    const place = await core.api.createPlace({ type: 'mass-grave', nameLatin: 'Khavaran', nameFa: 'خاوران' });
    await core.close();
    expect(person.record.ref).toBe('V-000001');
    expect(place.record.ref).toBe('PL-000001');

    const tag = await cli(['--catalogue', cat, 'tag', 'ITM-000001', 'Mass grave', 'Winter 1988']);
    expect(tag).toMatchObject({ code: 0, stdout: 'Tagged ITM-000001: Mass grave, Winter 1988.\n' });
    expect((await cli(['--catalogue', cat, 'tag', 'ITM-000001', 'mass grave'])).stdout).toMatch(/already had/);
    expect((await cli(['--catalogue', cat, 'tag', 'V-000001', 'Executed'])).code).toBe(0);
    expect((await cli(['--catalogue', cat, 'tag', 'PL-000001', 'x'])).code).toBe(2);

    const link = await cli(['--catalogue', cat, 'link', 'ITM-000001', 'V-000001', '--role', 'mentions']);
    expect(link).toMatchObject({ code: 0, stdout: 'Linked ITM-000001 → V-000001 Farideh Akbarpour (item-mentions-person, reported).\n' });
    expect((await cli(['--catalogue', cat, 'link', 'ITM-000001', 'V-000001', '--role', 'mentions'])).stdout).toMatch(/already linked/);
    expect((await cli(['--catalogue', cat, 'link', 'ITM-000001', 'PL-000001', '--certainty', 'confirmed'])).code).toBe(0);
    expect((await cli(['--catalogue', cat, 'link', 'ITM-000001', 'V-000001', '--role', 'shows'])).code).toBe(2);
    expect((await cli(['--catalogue', cat, 'link', 'ITM-000001', 'V-000099'])).code).toBe(1);

    const [line] = (await cli(['--catalogue', cat, 'list', '--json'])).stdout.trim().split('\n');
    const item = JSON.parse(line!);
    expect(item.tags.sort()).toEqual(['Mass grave', 'Winter 1988']);
    expect(item.links).toEqual([
      { ref: 'PL-000001', role: 'depicts' },
      { ref: 'V-000001', role: 'mentions' },
    ]);

    const shown = await cli(['--catalogue', cat, 'show', 'V-000001']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/name\s+فریده اکبرپور\s+\[persian, legal, preferred\]/);
    expect(shown.stdout).toMatch(/died\s+23 Jul – 22 Aug 1988 \(Mordad 1367\) — as recorded: "Mordad 1367"/);
    expect(shown.stdout).toMatch(/mentions\s+ITM-000001 khavaran\.png/);
    expect(shown.stdout).toMatch(/tags\s+Executed/);
    const json = JSON.parse((await cli(['--catalogue', cat, 'show', 'V-000001', '--json'])).stdout);
    expect(json.custody.map((e: { action: string }) => e.action)).toEqual(['record-created', 'tagged', 'linked']);
    expect((await cli(['--catalogue', cat, 'show', 'PL-000001'])).stdout).toMatch(/type\s+mass-grave/);
    expect(existsSync(join(cat, 'catalogue.sqlite'))).toBe(true);
  });
});
