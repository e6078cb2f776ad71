/**
 * Hostile input to the record methods, through the dispatcher (the path both transports take, arguments
 * validated): control characters, over-long strings, unknown fields and ids that are not ids are refused by
 * the schemas; markup, bidi marks and quotes in names and notes are data, stored and returned verbatim.
 */
import { describe, expect, it } from 'vitest';
import type { Changed, Page, PersonDetail, PersonSummary, PlaceDetail } from '../../../src/shared/dto';
import { useCores } from '../../helpers/open-core';
import { dispatchOk, dispatchRefusal } from '../../helpers/records';

describe('record arguments from outside', () => {
  const { openCore } = useCores();

  it('stores markup, quotes and bidi marks in names and notes verbatim: they are data', async () => {
    const core = await openCore();
    const markup = '<script>alert("x")</script> <img src=x onerror=alert(1)>';
    const bidi = 'Ali \u202eiemizaR\u202c'; // a right-to-left override, as pasted
    const persian = 'علی\u200f رحیمی'; // a right-to-left mark inside a Persian name
    const quotes = `O'Brien "Sean" \\ %_ ; DROP TABLE persons; --`;
    const { record } = await dispatchOk<Changed<PersonDetail>>(core, 'createPerson', {
      names: [{ name: markup }, { name: bidi }, { name: persian }, { name: quotes }],
      biography: `${markup}\nLine two\tafter a tab.`,
      notes: '<b>bold</b> &amp; <!-- comment -->',
      fatherNameLatin: '"><svg onload=alert(1)>',
    });
    const read = await dispatchOk<PersonDetail>(core, 'getPerson', { id: record.id });
    expect(read.names.map((n) => n.name).sort()).toEqual([markup, bidi, persian, quotes].sort());
    expect(read.biography).toBe(`${markup}\nLine two\tafter a tab.`);
    expect(read.notes).toBe('<b>bold</b> &amp; <!-- comment -->');
    expect(read.fatherNameLatin).toBe('"><svg onload=alert(1)>');
    // The custody event records them as they were given.
    expect(read.custody[0]!.details.after).toMatchObject({ biography: `${markup}\nLine two\tafter a tab.` });
    // Searching with quotes and wildcards finds the name that holds them, and only it.
    const found = await dispatchOk<Page<PersonSummary>>(core, 'listPersons', { filter: { text: "O'Brien" } });
    expect(found.total).toBe(1);
    expect((await dispatchOk<Page<PersonSummary>>(core, 'listPersons', { filter: { text: "' OR 1=1 --" } })).total).toBe(0);

    const place = await dispatchOk<Changed<PlaceDetail>>(core, 'createPlace', { type: 'prison', nameLatin: '<i>Evin</i>', notes: markup });
    expect(place.record).toMatchObject({ nameLatin: '<i>Evin</i>', notes: markup });
    expect((await core.verify()).ok).toBe(true);
  });

  it('refuses control characters where a line is expected, and all but line breaks and tabs in prose', async () => {
    const core = await openCore();
    for (const name of ['Ali\u0000Rahimi', 'Ali\u0007', 'Ali\nRahimi', 'Ali\rRahimi', 'Ali\tRahimi', '\u001b[31mRed', 'Ali\u007f']) {
      const error = await dispatchRefusal(core, 'createPerson', { names: [{ name }] });
      expect(error.code, JSON.stringify(name)).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('names.0.name');
    }
    expect((await dispatchRefusal(core, 'createPerson', { names: [{ name: 'Ali' }], biography: 'a\u0000b' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'createPlace', { type: 'city', nameLatin: 'Teh\u0008ran' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'createTag', { labelEn: 'tag\nwith break' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'createSource', { title: '\u0000' })).code).toBe('INVALID_ARGUMENT');
    const person = await dispatchOk<Changed<PersonDetail>>(core, 'createPerson', { names: [{ name: 'Ali' }] });
    expect((await dispatchRefusal(core, 'deletePerson', { id: person.record.id, reason: 'first line\nsecond line' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchOk<Page<PersonSummary>>(core, 'listPersons', {})).total).toBe(1);
  });

  it('refuses over-long strings, and takes the longest allowed', async () => {
    const core = await openCore();
    expect((await dispatchRefusal(core, 'createPerson', { names: [{ name: 'x'.repeat(301) }] })).code).toBe('INVALID_ARGUMENT');
    const longest = await dispatchOk<Changed<PersonDetail>>(core, 'createPerson', { names: [{ name: 'ن'.repeat(300) }] });
    expect(longest.record.names[0]!.name).toHaveLength(300);
    const id = longest.record.id;
    expect((await dispatchRefusal(core, 'updatePerson', { id, patch: { biography: 'b'.repeat(20_001) } })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'updatePerson', { id, patch: { deathDate: '1'.repeat(101) } })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'listPersons', { filter: { text: 'a'.repeat(301) } })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'createTag', { labelEn: 't'.repeat(201) })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'createPerson', { names: Array.from({ length: 51 }, (_, i) => ({ name: `Name ${i}` })) })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'updatePerson', { id, patch: { roles: ['r'.repeat(65)] } })).code).toBe('INVALID_ARGUMENT');
    // A date of allowed length that is not a date is refused by the core, with an example.
    const notADate = await dispatchRefusal(core, 'updatePerson', { id, patch: { deathDate: '9'.repeat(100) } });
    expect(notADate).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(notADate.message).toContain('Mordad 1367');
  });

  it('refuses codes with spaces, and names the terms for a code with markup', async () => {
    const core = await openCore();
    expect((await dispatchRefusal(core, 'createPerson', { names: [{ name: 'A' }], roles: ['victim; DROP TABLE persons'] })).code).toBe('INVALID_ARGUMENT');
    const markup = await dispatchRefusal(core, 'createPerson', { names: [{ name: 'A' }], roles: ['<b>victim</b>'] });
    expect(markup.code).toBe('INVALID_ARGUMENT');
    expect(markup.message).toContain('is not a role');
    expect((await dispatchRefusal(core, 'createLink', { type: 'item depicts person', itemId: 1, personId: 1 })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'listPersons', { sort: 'name; DROP TABLE persons' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'listPersons', { filter: { deathFrom: '1988-08' } })).code).toBe('INVALID_ARGUMENT');
  });

  it('refuses fields the contract does not have and ids that are not ids', async () => {
    const core = await openCore();
    const person = await dispatchOk<Changed<PersonDetail>>(core, 'createPerson', { names: [{ name: 'Ali' }] });
    const id = person.record.id;
    for (const [method, args] of [
      ['createPerson', { names: [{ name: 'A' }], deletedAt: '2020-01-01' }],
      ['createPerson', { names: [{ name: 'A', globalId: '11111111-1111-4111-8111-111111111111' }] }],
      ['createPerson', JSON.parse('{"names":[{"name":"A"}],"__proto__":{"polluted":true}}')],
      ['updatePerson', { id, patch: { ref: 'V-000009' } }],
      ['updatePerson', { id, patch: { factSources: { favouriteColour: null } } }],
      ['getPerson', { id: -1 }],
      ['getPerson', { id: 1.5 }],
      ['getPerson', { id: '1' }],
      ['getPerson', { id: 2 ** 53 }],
      ['tagItems', { selection: { ids: [] }, add: [{ label: 'x' }] }],
      ['tagItems', { selection: { ids: [1], filter: {} }, add: [{ label: 'x' }] }],
      ['createLink', { type: 'item-depicts-person', itemId: 1, personId: null }],
      ['createPlace', { type: 'prison', nameLatin: 'Evin', lat: Number.NaN, lon: 0 }],
      ['createPlace', { type: 'prison', nameLatin: 'Evin', lat: '35.8', lon: '51.4' }],
    ] as const) {
      const error = await dispatchRefusal(core, method, args);
      expect(error.code, `${method} ${JSON.stringify(args)}`).toBe('INVALID_ARGUMENT');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await dispatchOk<Page<PersonSummary>>(core, 'listPersons', {})).total).toBe(1);
  });

  it('keeps text with unpaired surrogates without failing, and the custody log still verifies', async () => {
    const core = await openCore();
    const result = await core.dispatch('createPerson', { names: [{ name: 'Ali \ud800 Rahimi' }] });
    expect(result.ok).toBe(true);
    expect((await core.verify()).ok).toBe(true);
  });
});
