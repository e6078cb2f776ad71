import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_SIZE } from '../../../src/core/persons-csv/csv-import';
import type { PersonId } from '../../../src/shared/dto';
import type { PlaceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { allPersons, custodyEvents, HEADER, row, writeCsv } from './persons-csv-helpers';

describe('persons CSV import', () => {
  const { openCore, tempDir } = useCores();

  it('reads a BOM, CRLF and quoted commas, quotes and line breaks; a row without a name is reported by its row number and the rest imports', async () => {
    const core = await openCore();
    const dir = tempDir();
    const path = writeCsv(
      dir,
      'list.csv',
      [
        HEADER,
        row({ ref: 'R1', name_latin: 'Rezaei, Ali', notes: 'He said "no"\r\nthen\nnothing', prison: 'Evin' }),
        row({ ref: 'R2', notes: 'nameless, on two\r\nlines' }),
        row({ ref: 'R3', name_fa: 'فریده اکبرپور', notes: '' }),
      ],
      { bom: true, eol: '\r\n' },
    );
    const summary = await core.importPersonsCsv(path);
    expect(summary).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      // R2 starts on line 4 of the file but is row 3 in a spreadsheet: R1's notes hold two line breaks.
      invalid: [{ row: 3, column: 'name_fa', reason: expect.stringMatching(/no name/) }],
      cancelled: false,
    });
    const [ali, farideh] = await allPersons(core);
    expect(ali!.names.map((n) => n.name)).toEqual(['Rezaei, Ali']);
    expect(ali!.notes).toBe('He said "no"\r\nthen\nnothing');
    expect(ali!.externalRef).toBe('R1');
    expect(ali!.roles).toEqual(['victim']);
    expect(farideh!.names).toMatchObject([{ name: 'فریده اکبرپور', script: 'persian', type: 'legal', preferred: true }]);
  });

  it('keeps names verbatim, splits other_names on ";", and reads sex, fate and the facts', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'p.csv', [
      HEADER,
      row({
        ref: 'R1',
        name_fa: 'محمّد رضايي',
        name_latin: 'Mohammad  Rezaei',
        other_names: ' Muhammad Rezai ;; محمد رضائی ; ',
        father_name_fa: 'حسین',
        father_name_latin: 'Hossein',
        sex: 'Male',
        fate: 'died in custody',
        affiliation: 'PMOI',
        source: 'Relatives list',
      }),
      row({ ref: 'R2', name_latin: 'Hamid', sex: 'sometimes', fate: 'vanished' }),
    ]);
    const summary = await core.importPersonsCsv(path);
    expect(summary.invalid).toEqual([
      { row: 3, column: 'sex', reason: expect.stringMatching(/"sometimes" is not a sex/) },
      { row: 3, column: 'fate', reason: expect.stringMatching(/"vanished" is not a fate.*executed/) },
    ]);
    const [mohammad, hamid] = await allPersons(core);
    expect(mohammad!.names.map((n) => [n.name, n.script, n.type, n.preferred])).toEqual([
      ['محمّد رضايي', 'persian', 'legal', true],
      ['محمد رضائی', 'persian', 'variant', false],
      ['Mohammad  Rezaei', 'latin', 'legal', true],
      ['Muhammad Rezai', 'latin', 'variant', false],
    ]);
    expect(mohammad).toMatchObject({ fatherNameFa: 'حسین', fatherNameLatin: 'Hossein', sex: 'male', fate: 'died-in-custody', affiliation: 'PMOI' });
    expect(Object.keys(mohammad!.factSources).sort()).toEqual(['affiliation', 'fate', 'fatherName', 'sex']);
    expect(mohammad!.factSources.fate?.title).toBe('Relatives list');
    expect(hamid).toMatchObject({ sex: null, fate: null });
  });

  it('reads each date format of the fixture README as stated; an unreadable date is reported and left out', async () => {
    const core = await openCore();
    const dates: Array<[string, string, string]> = [
      ['1988-08-23', '1988-08-23', '1988-08-23'],
      ['1988-08?', '1988-08-01', '1988-08-31'],
      ['1988-07~/1988-09~', '1988-07-01', '1988-09-30'],
      ['1367/06/01', '1988-08-23', '1988-08-23'],
      ['۱۳۶۷/۰۶/۰۱', '1988-08-23', '1988-08-23'],
      ['Mordad 1367', '1988-07-23', '1988-08-22'],
      ['۶ مرداد ۱۳۶۷', '1988-07-28', '1988-07-28'],
      ['1988', '1988-01-01', '1988-12-31'],
    ];
    const path = writeCsv(tempDir(), 'dates.csv', [
      HEADER,
      ...dates.map(([text], i) => row({ ref: `D${i}`, name_latin: `Person ${i}`, death_date: text, birth_date: '1960', arrest_date: '1981' })),
      row({ ref: 'BAD', name_latin: 'Bad date', death_date: 'the summer of the massacre' }),
    ]);
    const summary = await core.importPersonsCsv(path);
    expect(summary.created).toBe(dates.length + 1);
    expect(summary.invalid).toEqual([{ row: dates.length + 2, column: 'death_date', reason: expect.stringMatching(/the summer of the massacre.*Left out\.$/s) }]);
    const persons = await allPersons(core);
    dates.forEach(([text, earliest, latest], i) => {
      expect(persons[i]!.deathDate).toMatchObject({ original: text, earliest, latest });
      expect(persons[i]!.birthDate).toMatchObject({ original: '1960', earliest: '1960-01-01', latest: '1960-12-31' });
    });
    expect(persons[dates.length]!.deathDate).toBeNull();
  });

  it('matches places by name key in either script, creates them with their type, and treats "unknown" as no place', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'places.csv', [
      HEADER,
      row({ ref: 'A', name_latin: 'A', prison: 'Evin', burial_place: 'mass grave, Tehran', birth_place: 'Rasht' }),
      row({ ref: 'B', name_latin: 'B', prison: 'Evin ', burial_place: 'خاوران' }),
      row({ ref: 'C', name_latin: 'C', prison: 'evin', burial_place: 'unknown', death_place: 'نامعلوم' }),
      row({ ref: 'D', name_latin: 'D', prison: 'گوهردشت', burial_place: 'گور جمعی رشت' }),
    ]);
    expect((await core.importPersonsCsv(path)).invalid).toEqual([]);
    const places = (await core.api.listPlaces({ limit: 100 })).rows;
    const byName = Object.fromEntries(places.map((p) => [p.nameLatin ?? p.nameFa, p]));
    expect(Object.keys(byName).sort()).toEqual(['Evin', 'Rasht', 'mass grave, Tehran', 'خاوران', 'گوهردشت', 'گور جمعی رشت'].sort());
    expect(byName.Evin).toMatchObject({ type: 'prison', personCount: 3, nameFa: null });
    expect(byName['گوهردشت']).toMatchObject({ type: 'prison', personCount: 1, nameLatin: null });
    expect(byName['mass grave, Tehran']!.type).toBe('mass-grave');
    expect(byName['گور جمعی رشت']!.type).toBe('mass-grave');
    expect(byName['خاوران']!.type).toBe('burial-site');
    expect(byName.Rasht!.type).toBe('city');
    const [a, , c] = await allPersons(core);
    expect(a!.places.map((l) => [l.type, l.to.label, l.certainty, l.source])).toEqual([
      ['person-born-at', 'Rasht', 'reported', null],
      ['person-buried-at', 'mass grave, Tehran', 'reported', null],
      ['person-detained-at', 'Evin', 'reported', null],
    ]);
    expect(c!.places.map((l) => l.type)).toEqual(['person-detained-at']);
  });

  it('re-importing the same file changes nothing and writes no custody event', async () => {
    const dir = tempDir();
    const catalogueDir = join(dir, 'cat');
    const path = writeCsv(dir, 'p.csv', [HEADER, row({ ref: 'A', name_latin: 'Ali', prison: 'Evin', death_date: 'Mordad 1367', source: 'List' }), row({ name_latin: 'No ref' })]);
    let core = await openCore({ catalogueDir });
    expect(await core.importPersonsCsv(path)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    await core.close();
    const before = custodyEvents(catalogueDir).length;
    core = await openCore({ catalogueDir, create: false });
    const changed: unknown[] = [];
    core.onEvent((e) => changed.push(e));
    // A row without a ref cannot be recognised again: it is a new person each time.
    expect(await core.importPersonsCsv(path)).toMatchObject({ created: 1, updated: 0, unchanged: 1, invalid: [] });
    await core.close();
    const after = custodyEvents(catalogueDir);
    expect(after.slice(before).map((e) => e.action)).toEqual(['record-created']);
    expect(changed).toHaveLength(1);
  });

  it('a changed row changes only what changed; edits made in Vigil to other fields stay; removed names and places go', async () => {
    const core = await openCore();
    const dir = tempDir();
    const first = {
      ref: 'A',
      name_latin: 'Ali Rezaei',
      other_names: 'Aly Rezai; Ali Rezayi',
      prison: 'Evin',
      fate: 'executed',
      death_date: 'Mordad 1367',
      affiliation: 'PMOI',
      source: 'Prison roster',
    };
    const v1 = writeCsv(dir, 'v1.csv', [HEADER, row(first), row({ ref: 'B', name_latin: 'Hamid' })]);
    await core.importPersonsCsv(v1);
    const [ali] = await allPersons(core);
    // The archivist corrects the affiliation and adds a name of their own.
    await core.api.updatePerson({ id: ali!.id, patch: { affiliation: 'Fadaiyan (minority)' } });
    await core.api.addPersonName({ personId: ali!.id, name: { name: 'علی رضایی' } });

    const v2 = writeCsv(dir, 'v2.csv', [
      HEADER,
      row({ ...first, other_names: 'Aly Rezai', prison: 'Gohardasht', death_date: '1367/05/12', fate: 'disappeared' }),
      row({ ref: 'B', name_latin: 'Hamid' }),
    ]);
    expect(await core.importPersonsCsv(v2)).toEqual({ created: 0, updated: 1, unchanged: 1, invalid: [], cancelled: false });

    const after = await core.api.getPerson({ id: ali!.id });
    expect(after.names.map((n) => n.name).sort()).toEqual(['Ali Rezaei', 'Aly Rezai', 'علی رضایی'].sort());
    expect(after.affiliation).toBe('Fadaiyan (minority)');
    expect(after.fate).toBe('disappeared');
    expect(after.deathDate?.original).toBe('1367/05/12');
    expect(after.places.map((l) => [l.type, l.to.label])).toEqual([['person-detained-at', 'Gohardasht']]);

    const edit = after.custody.find((e) => e.action === 'record-edited' && e.details.via === 'csv-import');
    expect(edit?.details).toMatchObject({
      before: { fate: 'executed', deathDate: 'Mordad 1367' },
      after: { fate: 'disappeared', deathDate: '1367/05/12' },
      via: 'csv-import',
      file: 'v2.csv',
      row: 2,
    });
    expect(Object.keys(edit!.details.after as object)).not.toContain('affiliation');
    expect(after.custody.some((e) => e.action === 'name-removed' && e.details.file === 'v2.csv')).toBe(true);
    expect(after.custody.some((e) => e.action === 'unlinked' && e.details.row === 2)).toBe(true);

    // The same file again: nothing more to do.
    expect(await core.importPersonsCsv(v2)).toMatchObject({ updated: 0, unchanged: 2 });
  });

  it('reports a second row with the same ref and imports the first', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'dup.csv', [HEADER, row({ ref: 'A', name_latin: 'One' }), row({ ref: 'B', name_latin: 'Two' }), row({ ref: 'A', name_latin: 'Three' })]);
    expect(await core.importPersonsCsv(path)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      invalid: [{ row: 4, column: 'ref', reason: expect.stringMatching(/Row 2 has the same ref "A"/) }],
      cancelled: false,
    });
  });

  it('reports a row with more cells than the header and imports the rest', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'shifted.csv', ['ref,name_latin,prison', 'A,Ali,Evin', 'B,Rezaei, Hamid,Evin', 'C,Maryam,Evin,,']);
    const summary = await core.importPersonsCsv(path);
    expect(summary.created).toBe(2);
    expect(summary.invalid).toEqual([{ row: 3, column: '(whole row)', reason: expect.stringMatching(/4 cells but the header names 3/) }]);
  });

  it('uses the mapping it is given, and refuses one that names a missing header before writing anything', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'own.csv', ['Record,Full name,Jail', 'X1,Ali Rezaei,Evin']);
    await expect(core.importPersonsCsv(path, { mapping: { ref: 'Record', name_latin: 'Full Name' } })).rejects.toThrow(/"Full Name" for name_latin, but the file has no such column/);
    expect((await core.api.listPersons({})).total).toBe(0);
    expect(await core.importPersonsCsv(path, { mapping: { ref: 'Record', name_latin: 'Full name', prison: 'Jail' } })).toMatchObject({ created: 1 });
    const [ali] = await allPersons(core);
    expect(ali).toMatchObject({ externalRef: 'X1', nameLatin: 'Ali Rezaei', prison: 'Evin' });
  });

  it('refuses a file that is not CSV and writes nothing', async () => {
    const dir = tempDir();
    const catalogueDir = join(dir, 'cat');
    let core = await openCore({ catalogueDir });
    await core.close();
    const events = custodyEvents(catalogueDir).length;
    core = await openCore({ catalogueDir, create: false });
    const jpeg = join(dir, 'photo.csv');
    writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]));
    await expect(core.importPersonsCsv(jpeg)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/not a UTF-8 text file/) });
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('ref,name_latin\nA,Jos\xe9\n', 'latin1'));
    await expect(core.importPersonsCsv(latin1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const broken = writeCsv(dir, 'broken.csv', [HEADER, row({ ref: 'A', name_latin: 'Ali' }), 'B,"Hamid,,,,']);
    await expect(core.importPersonsCsv(broken)).rejects.toThrow(/not valid CSV.*never closed.*Nothing was imported/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(core.importPersonsCsv(empty)).rejects.toThrow(/empty/);
    expect((await core.api.listPersons({})).total).toBe(0);
    await core.close();
    expect(custodyEvents(catalogueDir)).toHaveLength(events);
  });

  it('a row that cannot be applied is reported and leaves nothing behind, while the rest of its batch imports', async () => {
    const core = await openCore();
    const dir = tempDir();
    await core.importPersonsCsv(writeCsv(dir, 'v1.csv', [HEADER, row({ ref: 'A', name_latin: 'Ali' }), row({ ref: 'B', name_latin: 'Hamid' })]));
    const [ali] = await allPersons(core);
    await core.api.deletePerson({ id: ali!.id as PersonId, reason: 'Duplicate of another record' });
    const summary = await core.importPersonsCsv(
      writeCsv(dir, 'v2.csv', [HEADER, row({ ref: 'A', name_latin: 'Ali', prison: 'Evin' }), row({ ref: 'B', name_latin: 'Hamid', prison: 'Evin' }), row({ ref: 'C', name_latin: 'New', prison: 'Qezel Hesar' })]),
    );
    expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 0, invalid: [{ row: 2, column: 'ref', reason: expect.stringMatching(/deleted/) }] });
    expect((await core.api.getPerson({ id: ali!.id })).places).toEqual([]);
  });

  it('cancelling stops between batches: whole persons only, and the catalogue verifies', async () => {
    const core = await openCore();
    const total = BATCH_SIZE * 2 + 200;
    const lines = [HEADER];
    for (let i = 0; i < total; i++) lines.push(row({ ref: `P${i}`, name_latin: `Person ${i}`, other_names: `Variant ${i}`, prison: i % 2 ? 'Evin' : 'اوین', death_date: 'Mordad 1367', source: 'List' }));
    const path = writeCsv(tempDir(), 'many.csv', lines);
    const stop = new AbortController();
    const seen: number[] = [];
    const summary = await core.importPersonsCsv(path, {
      signal: stop.signal,
      onProgress: (p) => {
        seen.push(p.done);
        expect(p.total).toBe(total);
        if (p.done > 0) stop.abort();
      },
    });
    expect(summary).toMatchObject({ created: BATCH_SIZE, cancelled: true, invalid: [] });
    expect(seen).toEqual([0, BATCH_SIZE]);
    const persons = await allPersons(core);
    expect(persons).toHaveLength(BATCH_SIZE);
    for (const p of persons) {
      expect(p.names).toHaveLength(2);
      expect(p.places).toHaveLength(1);
      expect(p.deathDate?.original).toBe('Mordad 1367');
    }
    expect((await core.verify()).ok).toBe(true);
    // The rest arrives with the next import; what was imported is recognised.
    expect(await core.importPersonsCsv(path)).toMatchObject({ created: total - BATCH_SIZE, unchanged: BATCH_SIZE, cancelled: false });
  }, 60_000);

  it('shows a preview: headers, the first five rows as read, the row count and the proposed mapping', async () => {
    const core = await openCore();
    const lines = [HEADER.replace('name_fa', 'Name (Persian)')];
    for (let i = 0; i < 7; i++) lines.push(row({ ref: `P${i}`, name_latin: i === 0 ? '=cmd|\' /C calc\'!A0' : `Person ${i}` }));
    const preview = await core.previewPersonsCsv(writeCsv(tempDir(), 'p.csv', lines));
    expect(preview.headers[1]).toBe('Name (Persian)');
    expect(preview.rowCount).toBe(7);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]![2]).toBe("=cmd|' /C calc'!A0");
    expect(preview.mapping).toMatchObject({ ref: 'ref', name_fa: 'Name (Persian)', name_latin: 'name_latin', source: 'source' });
  });

  it('is refused without an actor, before anything is read', async () => {
    const core = await openCore({ actor: undefined });
    const path = writeCsv(tempDir(), 'p.csv', [HEADER, row({ ref: 'A', name_latin: 'Ali' })]);
    await expect(core.importPersonsCsv(path)).rejects.toMatchObject({ code: 'ACTOR_REQUIRED' });
    expect(readFileSync(path, 'utf8')).toContain('Ali');
  });
});

describe('what one imported row records', () => {
  const { openCore, tempDir } = useCores();

  it('writes one custody event per new person naming every record the row made, cites the row source for the facts it gives, and shows in the place history', async () => {
    const core = await openCore();
    const path = writeCsv(tempDir(), 'roster.csv', [
      HEADER,
      row({ ref: 'R1', name_fa: 'فریده اکبرپور', name_latin: 'Farideh Akbarpour', death_date: 'Mordad 1367', fate: 'executed', prison: 'Evin', burial_place: 'Khavaran', source: 'Prison roster' }),
    ]);
    expect((await core.importPersonsCsv(path)).created).toBe(1);
    const [person] = await allPersons(core);
    expect(person!.custody).toHaveLength(1);
    const [event] = person!.custody;
    expect(event).toMatchObject({ action: 'record-created', targetType: 'person', targetRef: person!.ref, targetGlobalId: person!.globalId });
    expect(event!.details).toMatchObject({ via: 'csv-import', file: 'roster.csv', row: 2, externalRef: 'R1' });
    const details = event!.details as { names: Array<{ globalId: string }>; links: Array<{ globalId: string; type: string; placeGlobalId: string }> };
    expect(details.names.map((n) => n.globalId).sort()).toEqual(person!.names.map((n) => n.globalId).sort());
    expect(details.links.map((l) => l.globalId).sort()).toEqual(person!.places.map((l) => l.globalId).sort());
    expect(details.links.map((l) => l.type).sort()).toEqual(['person-buried-at', 'person-detained-at']);

    // The row's source stands behind each fact the row gave, and behind its place links.
    expect(person!.factSources).toMatchObject({ deathDate: { title: 'Prison roster' }, fate: { title: 'Prison roster' } });
    expect(person!.factSources.birthDate).toBeUndefined();
    expect(person!.factSources.roles).toBeUndefined();
    expect(person!.places.every((l) => l.source?.title === 'Prison roster')).toBe(true);

    // The same event is in the history of each place the row linked, and the chain still verifies.
    const evin = person!.places.find((l) => l.type === 'person-detained-at')!.to;
    const place = await core.api.getPlace({ id: evin.id as PlaceId });
    expect(place.custody.map((e) => e.seq)).toContain(event!.seq);
    expect((await core.verify()).ok).toBe(true);
  });
});
