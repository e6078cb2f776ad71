/**
 * Persons through the CatalogueApi (issue 8 §1–§2, DESIGN.md §4–§6): names in both scripts kept verbatim,
 * roles and fates from the vocabularies, dates as typed with their intervals, soft delete and restore, names
 * added, edited and removed, the facts' sources, the list's filters and sorts, and the timeline's counts.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/core/api/core-types';
import type { PersonDetail, PersonInput } from '../../../src/shared/dto';
import type { PersonId, PersonNameId, PlaceId, SourceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { custodyLog, dispatchRefusal, eventsOf, recordEvents, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

const ZWNJ = '\u200c';

async function person(core: Core, input: PersonInput): Promise<PersonDetail> {
  return (await core.api.createPerson(input)).record;
}

describe('persons service', () => {
  const { openCore } = useCores();

  describe('creating', () => {
    it('keeps names in both scripts verbatim, detects their script and prefers the first of each script', async () => {
      const core = await openCore();
      const persian = `محمد${ZWNJ}علی رضایی`;
      const { changeId, record } = await core.api.createPerson({
        names: [
          { name: 'Mohammad-Ali Rezaei' },
          { name: persian },
          { name: 'Mohamad Ali Rezayi', type: 'variant' },
          { name: 'محمدعلي رضائي', type: 'variant' },
        ],
      });
      expect(record.ref).toBe('V-000001');
      expect(record.globalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(record.roles).toEqual(['victim']);
      // Persian first in the panel, then Latin; the preferred one first within each script.
      expect(record.names.map((n) => [n.name, n.script, n.type, n.preferred])).toEqual([
        [persian, 'persian', 'legal', true],
        ['محمدعلي رضائي', 'persian', 'variant', false],
        ['Mohammad-Ali Rezaei', 'latin', 'legal', true],
        ['Mohamad Ali Rezayi', 'latin', 'variant', false],
      ]);
      // The ZWNJ is part of the name as written: stored and shown byte for byte.
      expect(record.nameFa).toBe(persian);
      expect(record.nameFa!.includes(ZWNJ)).toBe(true);
      expect(record.nameLatin).toBe('Mohammad-Ali Rezaei');
      const read = await core.api.getPerson({ id: record.id });
      expect(read.names.map((n) => n.name)).toEqual(record.names.map((n) => n.name));

      // One event, naming the person's global id, in the change the call returned.
      const events = eventsOf(core, changeId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'record-created', targetType: 'person', targetRef: 'V-000001', targetGlobalId: record.globalId });
      expect((events[0]!.details.names as Array<{ name: string }>).map((n) => n.name)).toContain(persian);
      expect(record.custody.map((e) => e.changeId)).toEqual([changeId]);
    });

    it('takes a name marked preferred over the first of its script, and keeps one preferred name per script', async () => {
      const core = await openCore();
      const marked = await person(core, { names: [{ name: 'Zahra Ahmadi' }, { name: 'Zahra Ahmadī', preferred: true }, { name: 'زهرا احمدی' }] });
      expect(marked.names.filter((n) => n.preferred).map((n) => n.name)).toEqual(['زهرا احمدی', 'Zahra Ahmadī']);
      expect(marked.nameLatin).toBe('Zahra Ahmadī');

      const twice = await person(core, { names: [{ name: 'A. Rahimi', preferred: true }, { name: 'Ali Rahimi', preferred: true }] });
      expect(twice.names.filter((n) => n.preferred)).toHaveLength(1);

      // A script given by hand wins over the detected one.
      const other = await person(core, { names: [{ name: 'Ali', script: 'other', language: 'ku' }] });
      expect(other.names[0]).toMatchObject({ script: 'other', language: 'ku', preferred: true });
    });

    it('takes roles and fates from the vocabularies and refuses an unknown one with a sentence naming the terms', async () => {
      const core = await openCore();
      const witness = await person(core, { names: [{ name: 'Parvin Rahimi' }], roles: ['witness', 'relative', 'witness'], fate: 'survived' });
      expect(witness.roles).toEqual(['relative', 'witness']);
      expect(witness.fate).toBe('survived');

      const before = custodyLog(core).length;
      const role = await refusal(core.api.createPerson({ names: [{ name: 'Someone' }], roles: ['martyr'] }));
      expect(role.code).toBe('INVALID_ARGUMENT');
      expect(role.message).toContain('"martyr" is not a role');
      for (const term of ['victim', 'witness', 'relative', 'source', 'alleged-perpetrator']) expect(role.message).toContain(term);
      const fate = await refusal(core.api.createPerson({ names: [{ name: 'Someone' }], fate: 'killed' }));
      expect(fate.code).toBe('INVALID_ARGUMENT');
      expect(fate.message).toContain('executed');
      expect((await core.api.listPersons()).total).toBe(1);
      expect(custodyLog(core)).toHaveLength(before);
    });

    it.each([
      ['Mordad 1367', 'solar-hijri', '1988-07-23', '1988-08-22'],
      ['۶ مرداد ۱۳۶۷', 'solar-hijri', '1988-07-28', '1988-07-28'],
      ['1367/06/01', 'solar-hijri', '1988-08-23', '1988-08-23'],
      ['۱۳۶۷/۰۶/۰۱', 'solar-hijri', '1988-08-23', '1988-08-23'],
      ['1988-07~/1988-09~', 'gregorian', '1988-07-01', '1988-09-30'],
      ['1988-08?', 'gregorian', '1988-08-01', '1988-08-31'],
      ['1988-08-23', 'gregorian', '1988-08-23', '1988-08-23'],
      ['1988', 'gregorian', '1988-01-01', '1988-12-31'],
    ])('stores the death date %s with its text, calendar and interval', async (text, calendar, earliest, latest) => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Test Person' }], deathDate: text, birthDate: text, arrestDate: text });
      const read = await core.api.getPerson({ id: created.id });
      for (const date of [read.deathDate, read.birthDate, read.arrestDate]) {
        expect(date).toMatchObject({ original: text, calendar, earliest, latest });
      }
      // The list shows the same date, and the custody event records the text as typed.
      expect((await core.api.listPersons()).rows[0]!.deathDate).toMatchObject({ original: text, earliest, latest });
      expect(read.custody[0]!.details.after).toMatchObject({ deathDate: text });
    });

    it('refuses an unreadable date with a message that shows an example, and writes nothing', async () => {
      const core = await openCore();
      const before = custodyLog(core).length;
      const events = recordEvents(core);
      const error = await refusal(core.api.createPerson({ names: [{ name: 'Ali Rahimi' }], deathDate: 'summer after the war' }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('Death date');
      expect(error.message).toContain('summer after the war');
      expect(error.message).toContain('Mordad 1367');
      expect((await core.api.listPersons()).total).toBe(0);
      expect((await core.api.getStatus()).counts.persons).toBe(0);
      expect(custodyLog(core)).toHaveLength(before);
      expect(events.changes()).toEqual([]);

      // The same on an edit: the person is left as it was.
      const created = await person(core, { names: [{ name: 'Ali Rahimi' }], deathDate: '1988' });
      const again = await refusal(core.api.updatePerson({ id: created.id, patch: { deathDate: '31/31/1988', notes: 'x' } }));
      expect(again.code).toBe('INVALID_ARGUMENT');
      expect(again.message).toMatch(/1988-08-23|Mordad 1367/);
      const read = await core.api.getPerson({ id: created.id });
      expect(read.deathDate!.original).toBe('1988');
      expect(read.notes).toBeNull();
    });

    it('refuses a person without a name', async () => {
      const core = await openCore();
      expect((await refusal(core.api.createPerson({ names: [] }))).code).toBe('INVALID_ARGUMENT');
      expect((await dispatchRefusal(core, 'createPerson', { names: [] })).code).toBe('INVALID_ARGUMENT');
      expect((await dispatchRefusal(core, 'createPerson', { names: [{ name: '   ' }] })).code).toBe('INVALID_ARGUMENT');
    });
  });

  describe('changing', () => {
    it('logs the before and after of only the fields that changed, and nothing when nothing changed', async () => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Kazem Karimi' }], fate: 'executed', sex: 'male', roles: ['victim'] });
      const events = recordEvents(core);
      const { changeId, record } = await core.api.updatePerson({
        id: created.id,
        patch: { fate: 'executed', sex: 'male', roles: ['victim', 'witness'], deathDate: 'Mordad 1367', notes: 'Named in a letter from Gohardasht.' },
      });
      expect(record.roles).toEqual(['victim', 'witness']);
      expect(record.deathDate).toMatchObject({ earliest: '1988-07-23', latest: '1988-08-22' });
      const [event, ...more] = eventsOf(core, changeId);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ action: 'record-edited', targetGlobalId: created.globalId, targetRef: created.ref });
      expect(event!.details).toEqual({
        before: { roles: ['victim'], deathDate: null, notes: null },
        after: { roles: ['victim', 'witness'], deathDate: 'Mordad 1367', notes: 'Named in a letter from Gohardasht.' },
      });
      expect(events.changes()).toHaveLength(1);

      // The same values again: no change, no event, no announcement.
      const logLength = custodyLog(core).length;
      const same = await core.api.updatePerson({ id: created.id, patch: { fate: 'executed', deathDate: 'Mordad 1367', roles: ['witness', 'victim'] } });
      expect(same.changeId).toBeNull();
      expect(custodyLog(core)).toHaveLength(logLength);
      expect(events.changes()).toHaveLength(1);

      // Clearing a field is a change to null.
      const cleared = await core.api.updatePerson({ id: created.id, patch: { deathDate: null, sex: null } });
      expect(eventsOf(core, cleared.changeId)[0]!.details).toEqual({ before: { sex: 'male', deathDate: 'Mordad 1367' }, after: { sex: null, deathDate: null } });
      expect(cleared.record.deathDate).toBeNull();
    });

    it('treats a blank date as no date, so clearing an empty date changes nothing and an edit stays undoable', async () => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Kazem Karimi' }] });
      const blank = await core.api.updatePerson({ id: created.id, patch: { deathDate: '   ', birthDate: '' } });
      expect(blank.changeId).toBeNull();

      const dated = await core.api.updatePerson({ id: created.id, patch: { deathDate: 'Mordad 1367' } });
      const cleared = await core.api.updatePerson({ id: created.id, patch: { deathDate: '' } });
      expect(cleared.record.deathDate).toBeNull();
      expect(eventsOf(core, cleared.changeId)[0]!.details).toEqual({ before: { deathDate: 'Mordad 1367' }, after: { deathDate: null } });
      await core.api.undo({ changeId: cleared.changeId! });
      expect((await core.api.getPerson({ id: created.id })).deathDate!.original).toBe('Mordad 1367');
      await core.api.undo({ changeId: dated.changeId! });
      expect((await core.api.getPerson({ id: created.id })).deathDate).toBeNull();
    });

    it('refuses a change to a person that does not exist', async () => {
      const core = await openCore();
      expect((await refusal(core.api.updatePerson({ id: 99 as PersonId, patch: { notes: 'x' } }))).code).toBe('NOT_FOUND');
      expect((await refusal(core.api.getPerson({ id: 99 as PersonId }))).code).toBe('NOT_FOUND');
    });
  });

  describe('soft delete', () => {
    it('needs a reason, hides the person from lists (the deleted filter shows them) and restore brings them back', async () => {
      const core = await openCore();
      const kept = await person(core, { names: [{ name: 'Parvin Rahimi' }] });
      const gone = await person(core, { names: [{ name: 'Duplicate Entry' }] });

      expect((await dispatchRefusal(core, 'deletePerson', { id: gone.id })).code).toBe('INVALID_ARGUMENT');
      expect((await dispatchRefusal(core, 'deletePerson', { id: gone.id, reason: '   ' })).code).toBe('INVALID_ARGUMENT');
      expect((await core.api.getPerson({ id: gone.id })).deletedAt).toBeNull();

      const deleted = await core.api.deletePerson({ id: gone.id, reason: 'Entered twice; see V-000001.' });
      expect(deleted.record).toMatchObject({ deleted: true, deletedReason: 'Entered twice; see V-000001.', deletedAt: '2026-11-27T10:00:00.000Z' });
      expect(eventsOf(core, deleted.changeId)).toMatchObject([
        { action: 'record-deleted', targetGlobalId: gone.globalId, details: { reason: 'Entered twice; see V-000001.' } },
      ]);
      expect((await core.api.listPersons()).rows.map((r) => r.ref)).toEqual([kept.ref]);
      expect((await core.api.listPersons({ filter: { deleted: true } })).rows.map((r) => r.ref)).toEqual([gone.ref]);
      expect((await core.api.personStats()).total).toBe(1);
      // Still readable, and never erased: its history is whole.
      expect((await core.api.getPerson({ id: gone.id })).custody.map((e) => e.action)).toEqual(['record-created', 'record-deleted']);

      // A deleted person is restored before being changed; deleting twice changes nothing.
      expect((await refusal(core.api.updatePerson({ id: gone.id, patch: { notes: 'x' } }))).code).toBe('CONFLICT');
      expect((await core.api.deletePerson({ id: gone.id, reason: 'again' })).changeId).toBeNull();

      const restored = await core.api.restorePerson({ id: gone.id });
      expect(restored.record).toMatchObject({ deleted: false, deletedAt: null, deletedReason: null });
      expect(eventsOf(core, restored.changeId)).toMatchObject([{ action: 'record-restored', targetGlobalId: gone.globalId }]);
      expect((await core.api.listPersons()).total).toBe(2);
      expect((await core.api.restorePerson({ id: gone.id })).changeId).toBeNull();
    });
  });

  describe('names', () => {
    it('adds, edits and removes names, each logged on the name and found in the person’s history; the last name stays', async () => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Ali Rahimi' }] });
      const [first] = created.names;

      const added = await core.api.addPersonName({ personId: created.id, name: { name: 'علی رحیمی' } });
      const persianName = added.record.names.find((n) => n.script === 'persian')!;
      expect(persianName).toMatchObject({ name: 'علی رحیمی', preferred: true, type: 'legal' });
      expect(added.record.nameFa).toBe('علی رحیمی');
      const variant = await core.api.addPersonName({ personId: created.id, name: { name: 'Aly Rahimy', type: 'variant' } });
      const aly = variant.record.names.find((n) => n.name === 'Aly Rahimy')!;
      expect(aly.preferred).toBe(false);
      expect(variant.record.nameLatin).toBe('Ali Rahimi');
      expect(eventsOf(core, variant.changeId)).toMatchObject([
        { action: 'name-added', targetType: 'person-name', targetGlobalId: aly.globalId, details: { person: created.globalId } },
      ]);

      // Marking another name preferred takes the mark from the one before (one per script).
      const preferred = await core.api.updatePersonName({ id: aly.id, patch: { preferred: true } });
      expect(preferred.record.nameLatin).toBe('Aly Rahimy');
      expect(preferred.record.names.filter((n) => n.script === 'latin' && n.preferred).map((n) => n.name)).toEqual(['Aly Rahimy']);
      const edited = await core.api.updatePersonName({ id: aly.id, patch: { name: 'Aly Rahimi' } });
      expect(eventsOf(core, edited.changeId)[0]!.details).toMatchObject({ before: { name: 'Aly Rahimy' }, after: { name: 'Aly Rahimi' } });
      expect((await core.api.updatePersonName({ id: aly.id, patch: { name: 'Aly Rahimi' } })).changeId).toBeNull();

      const removed = await core.api.removePersonName({ id: first!.id });
      expect(removed.record.names.map((n) => n.name)).toEqual(['علی رحیمی', 'Aly Rahimi']);
      expect(eventsOf(core, removed.changeId)).toMatchObject([{ action: 'name-removed', targetGlobalId: first!.globalId }]);
      await core.api.removePersonName({ id: aly.id });
      const last = await refusal(core.api.removePersonName({ id: persianName.id }));
      expect(last.code).toBe('CONFLICT');
      expect(last.message).toMatch(/at least one name/);
      expect((await core.api.getPerson({ id: created.id })).names.map((n) => n.name)).toEqual(['علی رحیمی']);

      const history = (await core.api.getPerson({ id: created.id })).custody.map((e) => e.action);
      expect(history).toEqual(['record-created', 'name-added', 'name-added', 'name-edited', 'name-edited', 'name-removed', 'name-removed']);
      expect((await refusal(core.api.removePersonName({ id: 999 as PersonNameId }))).code).toBe('NOT_FOUND');
    });

    it('re-detects the script of an edited name unless one is given', async () => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Ali Rahimi' }, { name: 'Rahimi' }] });
      const second = created.names[1]!;
      const edited = await core.api.updatePersonName({ id: second.id, patch: { name: 'علی رحیمی' } });
      expect(edited.record.names.find((n) => n.id === second.id)).toMatchObject({ script: 'persian' });
      expect(edited.record.nameFa).toBe('علی رحیمی');
    });

    it('refuses names for a deleted person until it is restored', async () => {
      const core = await openCore();
      const created = await person(core, { names: [{ name: 'Ali Rahimi' }, { name: 'A. Rahimi' }] });
      await core.api.deletePerson({ id: created.id, reason: 'Test' });
      expect((await refusal(core.api.addPersonName({ personId: created.id, name: { name: 'X' } }))).code).toBe('CONFLICT');
      expect((await refusal(core.api.updatePersonName({ id: created.names[1]!.id, patch: { name: 'Y' } }))).code).toBe('CONFLICT');
      expect((await refusal(core.api.removePersonName({ id: created.names[1]!.id }))).code).toBe('CONFLICT');
    });
  });

  describe('sources of facts', () => {
    it('cites a source per fact, shows it in the panel, logs it, and clears it with null', async () => {
      const core = await openCore();
      const letter = (await core.api.createSource({ title: 'Letter from the family', kind: 'document', reliability: 'high' })).record;
      const report = (await core.api.createSource({ title: 'Amnesty report 1990', kind: 'publication', reliability: 'medium' })).record;
      const created = await person(core, { names: [{ name: 'Kazem Karimi' }], fate: 'executed', deathDate: 'Mordad 1367' });

      const cited = await core.api.updatePerson({ id: created.id, patch: { factSources: { deathDate: letter.id, fate: report.id } } });
      expect(cited.record.factSources).toEqual({
        deathDate: { id: letter.id, ref: letter.ref, title: 'Letter from the family', reliability: 'high' },
        fate: { id: report.id, ref: report.ref, title: 'Amnesty report 1990', reliability: 'medium' },
      });
      expect(eventsOf(core, cited.changeId)[0]!.details).toEqual({
        before: { factSources: {} },
        after: { factSources: { deathDate: letter.id, fate: report.id } },
      });

      // Citing the same again is no change, whatever order the facts were cited in.
      await core.api.updatePerson({ id: created.id, patch: { factSources: { birthDate: letter.id } } });
      expect((await core.api.updatePerson({ id: created.id, patch: { factSources: { deathDate: letter.id } } })).changeId).toBeNull();
      expect((await core.api.updatePerson({ id: created.id, patch: { factSources: { fate: report.id, birthDate: letter.id } } })).changeId).toBeNull();

      const swapped = await core.api.updatePerson({ id: created.id, patch: { factSources: { deathDate: report.id, fate: null } } });
      expect(Object.keys(swapped.record.factSources).sort()).toEqual(['birthDate', 'deathDate']);
      expect(swapped.record.factSources.deathDate!.id).toBe(report.id);
      // ...and that change can be undone, to the sources as they were.
      await core.api.undo({ changeId: swapped.changeId! });
      const back = await core.api.getPerson({ id: created.id });
      expect(back.factSources.deathDate!.id).toBe(letter.id);
      expect(back.factSources.fate!.id).toBe(report.id);

      const missing = await refusal(core.api.updatePerson({ id: created.id, patch: { factSources: { sex: 77 as SourceId }, notes: 'x' } }));
      expect(missing.code).toBe('NOT_FOUND');
      expect((await core.api.getPerson({ id: created.id })).notes).toBeNull();
    });
  });

  describe('the list', () => {
    async function catalogueOfFour(core: Core) {
      const evin = (await core.api.createPlace({ type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin' })).record;
      const gohardasht = (await core.api.createPlace({ type: 'prison', nameLatin: 'Gohardasht' })).record;
      const khavaran = (await core.api.createPlace({ type: 'cemetery', nameFa: 'خاوران', nameLatin: 'Khavaran' })).record;
      const rezaei = await person(core, {
        names: [{ name: 'محمد رضایی' }, { name: 'Mohammad Rezaei' }],
        fatherNameLatin: 'Hossein',
        fatherNameFa: 'حسین',
        fate: 'executed',
        deathDate: 'Mordad 1367',
      });
      const karimi = await person(core, { names: [{ name: 'کاظم کریمی' }, { name: 'Kazem Karimi' }], fate: 'executed', deathDate: '1367/06/15' });
      const ahmadi = await person(core, { names: [{ name: 'Zahra Ahmadi' }], roles: ['witness'] });
      const akbari = await person(core, { names: [{ name: 'علی اکبری' }], fate: 'disappeared', deathDate: '1988-07~/1988-09~' });
      const link = (type: string, personId: PersonId, placeId: PlaceId) => core.api.createLink({ type, personId, placeId });
      await link('person-detained-at', rezaei.id, evin.id);
      await link('person-buried-at', rezaei.id, khavaran.id);
      await link('person-detained-at', karimi.id, gohardasht.id);
      await link('person-buried-at', akbari.id, khavaran.id);
      return { evin, gohardasht, khavaran, rezaei, karimi, ahmadi, akbari };
    }

    const refs = async (core: Core, args: Parameters<Core['api']['listPersons']>[0]) => (await core.api.listPersons(args)).rows.map((r) => r.ref);

    it('filters by text in either script, forgiving Arabic letter forms typed for Persian ones', async () => {
      const core = await openCore();
      const p = await catalogueOfFour(core);
      expect(await refs(core, { filter: { text: 'rezaei' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { text: 'MOHAMMAD REZAEI' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { text: 'رضايي' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { text: 'كاظم كريمي' } })).toEqual([p.karimi.ref]);
      expect(await refs(core, { filter: { text: 'کاظم‌کریمی' } })).toEqual([p.karimi.ref]);
      expect(await refs(core, { filter: { text: 'Hossein' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { text: 'حسین' } })).toEqual([p.rezaei.ref]);
      // A father's name is matched on its folded form too: Arabic yeh typed for the Persian one.
      expect(await refs(core, { filter: { text: 'حسين' } })).toEqual([p.rezaei.ref]);
      expect((await core.api.search({ query: 'حسين' })).map((h) => h.ref)).toEqual([p.rezaei.ref]);
      await core.api.updatePerson({ id: p.rezaei.id, patch: { fatherNameFa: 'يوسف' } });
      expect(await refs(core, { filter: { text: 'یوسف' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { text: 'حسين' } })).toEqual([]);
      expect(await refs(core, { filter: { text: '%' } })).toEqual([]);
      expect(await refs(core, { filter: { text: 'nobody' } })).toEqual([]);
    });

    it('filters by role, fate, place (and how it is linked) and death dates that overlap the range', async () => {
      const core = await openCore();
      const p = await catalogueOfFour(core);
      expect(await refs(core, { filter: { role: 'witness' } })).toEqual([p.ahmadi.ref]);
      expect(await refs(core, { filter: { fate: 'executed' } })).toEqual([p.rezaei.ref, p.karimi.ref]);
      expect(await refs(core, { filter: { placeId: p.khavaran.id } })).toEqual([p.rezaei.ref, p.akbari.ref]);
      expect(await refs(core, { filter: { placeId: p.evin.id, placeLink: 'person-detained-at' } })).toEqual([p.rezaei.ref]);
      expect(await refs(core, { filter: { placeId: p.evin.id, placeLink: 'person-buried-at' } })).toEqual([]);
      // Rezaei died within Mordad 1367 (1988-07-23..08-22), Karimi on 1988-09-06, Akbari some time in 1988-07..09.
      expect(await refs(core, { filter: { deathFrom: '1988-08-25', deathTo: '1988-08-31' } })).toEqual([p.akbari.ref]);
      expect(await refs(core, { filter: { deathFrom: '1988-08-22', deathTo: '1988-08-22' } })).toEqual([p.rezaei.ref, p.akbari.ref]);
      expect(await refs(core, { filter: { deathFrom: '1988-09-01' } })).toEqual([p.karimi.ref, p.akbari.ref]);
      expect(await refs(core, { filter: { deathTo: '1988-07-22' } })).toEqual([p.akbari.ref]);
      expect(await refs(core, { filter: { fate: 'executed', deathFrom: '1988-09-06', deathTo: '1988-09-06' } })).toEqual([p.karimi.ref]);
      // The prison column is the place the person was detained at.
      expect((await core.api.listPersons({ filter: { text: 'rezaei' } })).rows[0]!.prison).toBe('Evin');
    });

    it('sorts by reference, name and death date (undated last either way), and pages', async () => {
      const core = await openCore();
      const p = await catalogueOfFour(core);
      expect(await refs(core, { sort: 'ref', order: 'desc' })).toEqual([p.akbari.ref, p.ahmadi.ref, p.karimi.ref, p.rezaei.ref]);
      expect(await refs(core, { sort: 'name' })).toEqual([p.karimi.ref, p.rezaei.ref, p.ahmadi.ref, p.akbari.ref]);
      expect(await refs(core, { sort: 'death' })).toEqual([p.akbari.ref, p.rezaei.ref, p.karimi.ref, p.ahmadi.ref]);
      expect(await refs(core, { sort: 'death', order: 'desc' })).toEqual([p.karimi.ref, p.rezaei.ref, p.akbari.ref, p.ahmadi.ref]);
      const page = await core.api.listPersons({ sort: 'ref', offset: 1, limit: 2 });
      expect(page).toMatchObject({ total: 4, offset: 1 });
      expect(page.rows.map((r) => r.ref)).toEqual([p.karimi.ref, p.ahmadi.ref]);
    });

    it('counts deaths by interval, the undated, and persons by prison and burial place for the timeline', async () => {
      const core = await openCore();
      const p = await catalogueOfFour(core);
      await person(core, { names: [{ name: 'Second Mordad' }], deathDate: 'mordad 1367' });
      const stats = await core.api.personStats();
      expect(stats.total).toBe(5);
      expect(stats.undated).toBe(1);
      expect(stats.deaths).toEqual([
        { earliest: '1988-07-01', latest: '1988-09-30', count: 1 },
        { earliest: '1988-07-23', latest: '1988-08-22', count: 2 },
        { earliest: '1988-09-06', latest: '1988-09-06', count: 1 },
      ]);
      expect(stats.prisons).toEqual([
        { placeId: p.evin.id, label: 'Evin', labelFa: 'زندان اوین', count: 1 },
        { placeId: p.gohardasht.id, label: 'Gohardasht', labelFa: null, count: 1 },
      ]);
      expect(stats.burialPlaces).toEqual([{ placeId: p.khavaran.id, label: 'Khavaran', labelFa: 'خاوران', count: 2 }]);

      // The same filter as the list.
      const executed = await core.api.personStats({ filter: { fate: 'executed' } });
      expect(executed).toMatchObject({ total: 2, undated: 0 });
      expect(executed.burialPlaces).toEqual([{ placeId: p.khavaran.id, label: 'Khavaran', labelFa: 'خاوران', count: 1 }]);
      // A deleted person leaves the counts; a deleted link too.
      await core.api.deletePerson({ id: p.akbari.id, reason: 'Test' });
      expect((await core.api.personStats()).burialPlaces[0]!.count).toBe(1);
    });
  });
});
