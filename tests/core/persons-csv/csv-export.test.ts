import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PersonId } from '../../../src/shared/dto';
import { useCores } from '../../helpers/open-core';
import { allPersons, comparable, custodyEvents, HEADER, row, writeCsv } from './persons-csv-helpers';

describe('persons CSV export', () => {
  const { openCore, tempDir } = useCores();

  it('writes UTF-8 with a byte-order mark and CRLF, the import columns plus global_id, ref = external ref or V-number', async () => {
    const dir = tempDir();
    const core = await openCore({ catalogueDir: join(dir, 'cat') });
    await core.importPersonsCsv(writeCsv(dir, 'in.csv', [HEADER, row({ ref: 'LIST-7', name_fa: 'علی رضایی', name_latin: 'Ali Rezaei', other_names: 'Aly; Ali R.', prison: 'Evin', death_date: 'Mordad 1367', fate: 'died in custody', source: 'Roster' })]));
    await core.api.createPerson({ names: [{ name: 'Maryam' }], notes: 'Entered by hand' });
    const out = join(dir, 'out.csv');
    expect(await core.exportPersons(out)).toMatchObject({ rows: 2, cancelled: false, path: out });
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(`${HEADER},global_id`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    const [ali, maryam] = await allPersons(core);
    expect(rows[0]).toEqual({
      ref: 'LIST-7',
      name_fa: 'علی رضایی',
      name_latin: 'Ali Rezaei',
      other_names: 'Aly; Ali R.',
      father_name_fa: '',
      father_name_latin: '',
      sex: '',
      birth_date: '',
      birth_place: '',
      arrest_date: '',
      prison: 'Evin',
      fate: 'died-in-custody',
      death_date: 'Mordad 1367',
      death_place: '',
      burial_place: '',
      affiliation: '',
      notes: '',
      source: 'Roster',
      global_id: ali!.globalId,
    });
    expect(rows[1]).toMatchObject({ ref: maryam!.ref, name_latin: 'Maryam', notes: 'Entered by hand', global_id: maryam!.globalId });
    // Only the file: no temporary file is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['cat', 'in.csv', 'out.csv']);
    await core.close();
    const exported = custodyEvents(join(dir, 'cat')).filter((e) => e.action === 'exported');
    expect(exported).toEqual([{ action: 'exported', targetType: 'catalogue', details: { format: 'persons-csv', rows: 2, filter: {}, file: 'out.csv' } }]);
  });

  it('exports the persons a filter selects', async () => {
    const dir = tempDir();
    const core = await openCore();
    await core.importPersonsCsv(writeCsv(dir, 'in.csv', [HEADER, row({ ref: 'A', name_latin: 'A', fate: 'executed' }), row({ ref: 'B', name_latin: 'B', fate: 'disappeared' }), row({ ref: 'C', name_latin: 'C', fate: 'executed' })]));
    const out = join(dir, 'executed.csv');
    expect((await core.exportPersons(out, { filter: { fate: 'executed' } })).rows).toBe(2);
    expect((parse(readFileSync(out), { columns: true, bom: true }) as Array<{ ref: string }>).map((r) => r.ref)).toEqual(['A', 'C']);
  });

  it('guards cells a spreadsheet would run, and a re-import reads every value back verbatim', async () => {
    const dir = tempDir();
    const core = await openCore();
    const hostile = {
      names: [{ name: "=cmd|' /C calc'!A0" }, { name: '@SUM(1)' }, { name: '+1' }, { name: '<script>alert(1)</script>' }],
      fatherNameLatin: '-1',
      affiliation: "'=x",
      notes: '\t=1 tab first',
      biography: null,
    };
    const created = (await core.api.createPerson(hostile)).record;
    await core.api.updatePerson({ id: created.id, patch: { fatherNameFa: '\r+1 carriage return first' } });
    // And the same values arriving in a file: a cell `'=x` written elsewhere reads as =x (one apostrophe off).
    await core.importPersonsCsv(
      writeCsv(dir, 'hostile.csv', [HEADER, row({ ref: 'H', name_latin: '=HYPERLINK("http://example.invalid")', other_names: '-2; @x', notes: "'=x", affiliation: '+98 21' })]),
    );
    const out = join(dir, 'out.csv');
    await core.exportPersons(out);
    const cells = parse(readFileSync(out), { bom: true }) as string[][];
    const [header, first, second] = cells;
    const at = (r: string[], column: string) => r[header!.indexOf(column)]!;
    expect(at(first!, 'name_latin')).toBe("'=cmd|' /C calc'!A0");
    expect(at(first!, 'other_names')).toBe("'@SUM(1); +1; <script>alert(1)</script>");
    expect(at(first!, 'father_name_latin')).toBe("'-1");
    expect(at(first!, 'father_name_fa')).toBe("'\r+1 carriage return first");
    expect(at(first!, 'affiliation')).toBe("''=x");
    expect(at(first!, 'notes')).toBe("'\t=1 tab first");
    expect(at(second!, 'name_latin')).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(at(second!, 'notes')).toBe("'=x");
    expect(at(second!, 'affiliation')).toBe("'+98 21");
    for (const r of cells.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const fresh = await openCore();
    expect(await fresh.importPersonsCsv(out)).toMatchObject({ created: 2, invalid: [] });
    const [a, b] = await allPersons(fresh);
    const [origA, origB] = await allPersons(core);
    expect(comparable(a!)).toEqual({ ...comparable(origA!), externalRef: origA!.ref });
    expect(comparable(b!)).toEqual(comparable(origB!));
    expect(a!.notes).toBe('\t=1 tab first');
    expect(a!.affiliation).toBe("'=x");
    expect(b!.notes).toBe('=x');
    // And back into the catalogue it came from: nothing to change.
    expect(await core.importPersonsCsv(out)).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: [] });
  });

  it('re-imports into the same catalogue unchanged, also for persons made or edited in Vigil, and keeps the file verbatim as imported', async () => {
    const dir = tempDir();
    const core = await openCore();
    const source = [
      HEADER,
      row({ ref: 'A', name_fa: 'علی', name_latin: 'Ali', other_names: 'Aly;Ali R', prison: 'evin', burial_place: 'Khavaran', sex: 'Male', fate: 'Executed', source: 'Roster' }),
      row({ ref: 'B', name_latin: 'Hamid', prison: 'Evin', birth_place: 'رشت' }),
    ];
    await core.importPersonsCsv(writeCsv(dir, 'in.csv', source));
    const [ali] = await allPersons(core);
    await core.api.updatePerson({ id: ali!.id, patch: { notes: 'Checked with the family' } });
    await core.api.createPerson({ names: [{ name: 'Maryam' }, { name: 'مریم' }], fate: 'disappeared', deathDate: '1988-08?' });
    const out = join(dir, 'out.csv');
    await core.exportPersons(out);
    const rows = parse(readFileSync(out), { columns: true, bom: true }) as Array<Record<string, string>>;
    // The cells as the file had them (the place as written, once it names the linked place); the values normalised.
    expect(rows[0]).toMatchObject({ prison: 'evin', other_names: 'Aly; Ali R', sex: 'male', fate: 'executed', notes: 'Checked with the family' });
    expect(await core.importPersonsCsv(out)).toEqual({ created: 0, updated: 0, unchanged: 3, invalid: [], cancelled: false });
    expect(await core.importPersonsCsv(writeCsv(dir, 'in2.csv', source))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await core.api.getPerson({ id: ali!.id as PersonId })).notes).toBe('Checked with the family');
  });

  it('an export edited in a spreadsheet applies its changes as edits; the source list it came from still sees only its own changes', async () => {
    const dir = tempDir();
    const core = await openCore();
    const list = [HEADER, row({ ref: 'A', name_latin: 'Ali', death_date: 'Mordad 1367', prison: 'Evin' }), row({ ref: 'B', name_latin: 'Hamid' })];
    await core.importPersonsCsv(writeCsv(dir, 'list.csv', list));
    const out = join(dir, 'out.csv');
    await core.exportPersons(out);
    const edited = readFileSync(out, 'utf8').replace('Mordad 1367', '1367/05/12').replace(',Evin,', ',Gohardasht,');
    writeCsv(dir, 'edited.csv', [edited.trimEnd()]);
    expect(await core.importPersonsCsv(join(dir, 'edited.csv'))).toMatchObject({ created: 0, updated: 1, unchanged: 1, invalid: [] });
    const [ali] = await allPersons(core);
    expect(ali!.deathDate?.original).toBe('1367/05/12');
    expect(ali!.places.map((l) => l.to.label)).toEqual(['Gohardasht']);
    // The list itself has not changed since it was imported: the edits stay.
    expect(await core.importPersonsCsv(writeCsv(dir, 'list-again.csv', list))).toMatchObject({ updated: 0, unchanged: 2 });
    expect((await allPersons(core))[0]!.deathDate?.original).toBe('1367/05/12');
  });

  it('a cancelled export leaves no file', async () => {
    const dir = tempDir();
    const core = await openCore();
    const lines = [HEADER];
    for (let i = 0; i < 2500; i++) lines.push(row({ ref: `P${i}`, name_latin: `Person ${i}` }));
    await core.importPersonsCsv(writeCsv(dir, 'in.csv', lines));
    const stop = new AbortController();
    const out = join(dir, 'out.csv');
    const summary = await core.exportPersons(out, { signal: stop.signal, onProgress: (p) => (p.done >= 1000 ? stop.abort() : undefined) });
    expect(summary.cancelled).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['in.csv']);
  }, 60_000);

  it('refuses a folder that does not exist, writing nothing', async () => {
    const core = await openCore();
    await expect(core.exportPersons(join(tempDir(), 'missing', 'out.csv'))).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/folder does not exist/) });
  });
});
