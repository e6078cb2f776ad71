/**
 * Merging two places that are one (issue 8: "merge" among the edits logged with before and after): the same
 * prison imported as "Evin" and as "اوین". Links move to the kept place (never twice), places inside it move,
 * missing names are filled, the other is deleted as merged; one change with its events in both histories, undone
 * exactly and redone, refused when something changed since; a CSV file naming the merged place links to the kept one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/core/api/core-types';
import type { ItemId, PlaceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { custodyLog, databaseOf, dispatchRefusal, eventsOf, importItems, recordEvents, refusal } from '../../helpers/records';
import { row, writeCsv, HEADER } from '../persons-csv/persons-csv-helpers';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

/** Everything a merge touches, as stored (times of change left out, except deletion times). */
function stored(core: Core) {
  const db = databaseOf(core);
  return {
    places: db.prepare('SELECT id, name_fa, name_latin, parent_id, deleted_at, deleted_reason, merged_into_id FROM places ORDER BY id').all(),
    links: db.prepare('SELECT id, type, person_id, item_id, place_id, deleted_at, deleted_reason FROM links ORDER BY id').all(),
  };
}

async function verified(core: Core): Promise<void> {
  const report = await core.verify();
  expect(report.checks.find((c) => c.name === 'custody log chain')).toMatchObject({ ok: true, problems: [] });
}

describe('merging places', () => {
  const { openCore, tempDir } = useCores();

  /** Evin in Latin script and اوین in Persian script, with persons, a photo and a ward inside the second. */
  async function twoEvins(core: Core) {
    const [photo] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    const tehran = (await core.api.createPlace({ type: 'city', nameFa: 'تهران', nameLatin: 'Tehran' })).record;
    const evin = (await core.api.createPlace({ type: 'prison', nameLatin: 'Evin', parentId: tehran.id })).record;
    const evinFa = (await core.api.createPlace({ type: 'prison', nameFa: 'اوین' })).record;
    const ward = (await core.api.createPlace({ type: 'detention-centre', nameLatin: 'Ward 209', parentId: evinFa.id })).record;
    const ali = (await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] })).record;
    const zahra = (await core.api.createPerson({ names: [{ name: 'زهرا احمدی' }] })).record;
    const kazem = (await core.api.createPerson({ names: [{ name: 'Kazem Karimi' }] })).record;
    const link = async (personId: typeof ali.id, placeId: PlaceId, type = 'person-detained-at') =>
      (await core.api.createLink({ type, personId, placeId })).record;
    const aliEvin = await link(ali.id, evin.id);
    const zahraFa = await link(zahra.id, evinFa.id);
    const kazemEvin = await link(kazem.id, evin.id);
    const kazemFa = await link(kazem.id, evinFa.id); // the same fact under the other name: a duplicate
    const kazemKilled = await link(kazem.id, evinFa.id, 'person-killed-at');
    const photoFa = (await core.api.createLink({ type: 'item-depicts-place', itemId: photo, placeId: evinFa.id })).record;
    return { photo, tehran, evin, evinFa, ward, ali, zahra, kazem, aliEvin, zahraFa, kazemEvin, kazemFa, kazemKilled, photoFa };
  }

  it('moves the links, deletes duplicates instead of repeating them, fills names, moves the places inside and hides the merged place', async () => {
    const core = await openCore({ previews: false });
    const c = await twoEvins(core);
    const before = await core.api.personStats();
    expect(before.prisons.map((p) => [p.label, p.count])).toEqual([
      ['Evin', 2],
      ['اوین', 2],
    ]);

    const announced = recordEvents(core);
    const { changeId, record } = await core.api.mergePlaces({ keepId: c.evin.id, mergeId: c.evinFa.id });
    expect(announced.changes()).toHaveLength(1);
    expect(record).toMatchObject({ id: c.evin.id, nameLatin: 'Evin', nameFa: 'اوین', parentId: c.tehran.id, personCount: 3, deleted: false });
    expect(record.children.map((p) => p.ref)).toEqual([c.ward.ref]);
    expect(record.links.map((l) => [l.type, l.from.ref]).sort()).toEqual(
      [
        ['item-depicts-place', `ITM-${String(c.photo).padStart(6, '0')}`],
        ['person-detained-at', c.ali.ref],
        ['person-detained-at', c.kazem.ref],
        ['person-detained-at', c.zahra.ref],
        ['person-killed-at', c.kazem.ref],
      ].sort(),
    );
    // Kazem's detention is recorded once, by the link the kept place had; the other is soft-deleted, not erased.
    const links = stored(core).links as Array<{ id: number; place_id: number; deleted_at: string | null; deleted_reason: string | null }>;
    expect(links.find((l) => l.id === c.kazemFa.id)).toMatchObject({ place_id: c.evinFa.id, deleted_reason: `Merged into ${c.evin.ref}` });
    expect(links.find((l) => l.id === c.kazemFa.id)!.deleted_at).not.toBeNull();
    for (const moved of [c.zahraFa, c.kazemKilled, c.photoFa]) expect(links.find((l) => l.id === moved.id)).toMatchObject({ place_id: c.evin.id, deleted_at: null });
    expect((await core.api.getPerson({ id: c.zahra.id })).places.map((l) => l.to.label)).toEqual(['Evin']);

    const merged = await core.api.getPlace({ id: c.evinFa.id });
    expect(merged).toMatchObject({ deleted: true, deletedReason: `Merged into ${c.evin.ref}`, links: [], children: [] });
    expect((await core.api.getPlace({ id: c.ward.id })).parentId).toBe(c.evin.id);
    expect((await core.api.listPlaces()).rows.map((p) => p.ref)).not.toContain(c.evinFa.ref);

    // The timeline counts the prison once.
    expect((await core.api.personStats()).prisons).toEqual([{ placeId: c.evin.id, label: 'Evin', labelFa: 'اوین', count: 3 }]);
    expect((await core.api.listPersons({ filter: { placeId: c.evin.id } })).total).toBe(3);

    // One change: the merge on the kept place, naming every record it touched, and the merged place's deletion.
    const events = eventsOf(core, changeId);
    expect(events.map((e) => [e.action, e.targetRef])).toEqual([
      ['merged', c.evin.ref],
      ['record-deleted', c.evinFa.ref],
    ]);
    expect(events[0]!.details).toEqual({
      merged: { id: c.evinFa.id, ref: c.evinFa.ref, globalId: c.evinFa.globalId },
      moved: [c.zahraFa, c.kazemKilled, c.photoFa].map((l) => ({ id: l.id, globalId: l.globalId })),
      duplicates: [{ id: c.kazemFa.id, globalId: c.kazemFa.globalId, duplicateOf: c.kazemEvin.globalId }],
      namesFilled: { nameFa: 'اوین' },
      children: [{ id: c.ward.id, ref: c.ward.ref, globalId: c.ward.globalId, parentBefore: c.evinFa.id, parentAfter: c.evin.id }],
    });
    expect(events[1]!.details).toEqual({ reason: `Merged into ${c.evin.ref}`, mergedInto: { ref: c.evin.ref, globalId: c.evin.globalId } });
    // In both places' histories (and the ward's and the links'), under the one change id.
    expect(record.custody.filter((e) => e.changeId === changeId).map((e) => e.action)).toEqual(['merged']);
    expect(merged.custody.filter((e) => e.changeId === changeId).map((e) => e.action)).toEqual(['merged', 'record-deleted']);
    expect((await core.api.getPlace({ id: c.ward.id })).custody.at(-1)).toMatchObject({ action: 'merged', changeId });
    await verified(core);
  });

  it('undoes the merge exactly, in one change; undoing the undo merges again', async () => {
    const core = await openCore({ previews: false });
    const c = await twoEvins(core);
    const before = stored(core);
    const statsBefore = await core.api.personStats();
    const merge = await core.api.mergePlaces({ keepId: c.evin.id, mergeId: c.evinFa.id });
    const afterMerge = stored(core);
    expect(afterMerge).not.toEqual(before);

    const logLength = custodyLog(core).length;
    const undone = await core.api.undo({ changeId: merge.changeId! });
    expect(undone.record.undone).toBe(2);
    const undoEvents = custodyLog(core).slice(logLength);
    // Newest first: the merged place is restored, then the links, names and ward go back to it.
    expect(undoEvents.map((e) => [e.action, e.targetRef, e.changeId, e.details.undoOf])).toEqual([
      ['record-restored', c.evinFa.ref, undone.changeId, merge.changeId],
      ['merge-undone', c.evin.ref, undone.changeId, merge.changeId],
    ]);
    expect(stored(core)).toEqual(before);
    expect(await core.api.personStats()).toEqual(statsBefore);
    expect((await core.api.getPlace({ id: c.evin.id })).nameFa).toBeNull();
    expect((await core.api.getPlace({ id: c.ward.id })).parentId).toBe(c.evinFa.id);

    const redone = await core.api.undo({ changeId: undone.changeId! });
    expect(eventsOf(core, redone.changeId).map((e) => e.action)).toEqual(['merged', 'record-deleted']);
    expect(stored(core)).toEqual(afterMerge);
    expect((await core.api.getPlace({ id: c.evinFa.id })).deletedReason).toBe(`Merged into ${c.evin.ref}`);

    // And the redone merge is undone like the first.
    await core.api.undo({ changeId: redone.changeId! });
    expect(stored(core)).toEqual(before);
    await verified(core);
  });

  it('refuses to undo a merge, changing nothing, once something it did was changed again', async () => {
    const core = await openCore({ previews: false });
    const c = await twoEvins(core);
    const merge = await core.api.mergePlaces({ keepId: c.evin.id, mergeId: c.evinFa.id });

    // The name the merge filled was changed since.
    const renamed = await core.api.updatePlace({ id: c.evin.id, patch: { nameFa: 'زندان اوین' } });
    let state = stored(core);
    let logLength = custodyLog(core).length;
    const error = await refusal(core.api.undo({ changeId: merge.changeId! }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(c.evin.ref);
    expect(error.message).toMatch(/Persian name/);
    expect(stored(core)).toEqual(state);
    expect(custodyLog(core)).toHaveLength(logLength);
    await core.api.undo({ changeId: renamed.changeId! });

    // A moved link was removed since.
    const removed = await core.api.deleteLink({ id: c.zahraFa.id, reason: 'Wrong person' });
    state = stored(core);
    logLength = custodyLog(core).length;
    const linkError = await refusal(core.api.undo({ changeId: merge.changeId! }));
    expect(linkError.message).toContain(c.zahra.ref);
    expect(stored(core)).toEqual(state);
    expect(custodyLog(core)).toHaveLength(logLength);
    await core.api.undo({ changeId: removed.changeId! });

    // The merged place was restored by hand since: its deletion is no longer the merge's to undo.
    await core.api.restorePlace({ id: c.evinFa.id });
    expect((await refusal(core.api.undo({ changeId: merge.changeId! }))).code).toBe('CONFLICT');
    await verified(core);
  });

  it('refuses a place merged with itself, a deleted or missing place, and arguments that are not place ids', async () => {
    const core = await openCore({ previews: false });
    const evin = (await core.api.createPlace({ type: 'prison', nameLatin: 'Evin' })).record;
    const gone = (await core.api.createPlace({ type: 'prison', nameFa: 'اوین' })).record;
    await core.api.deletePlace({ id: gone.id, reason: 'Entered by mistake' });
    const logLength = custodyLog(core).length;

    const self = await refusal(core.api.mergePlaces({ keepId: evin.id, mergeId: evin.id }));
    expect(self).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(self.message).toMatch(/itself/);
    for (const args of [
      { keepId: evin.id, mergeId: gone.id },
      { keepId: gone.id, mergeId: evin.id },
    ]) {
      const deleted = await refusal(core.api.mergePlaces(args));
      expect(deleted.code).toBe('CONFLICT');
      expect(deleted.message).toContain(`${gone.ref} is deleted`);
    }
    expect((await refusal(core.api.mergePlaces({ keepId: evin.id, mergeId: 999 as PlaceId }))).code).toBe('NOT_FOUND');
    expect((await dispatchRefusal(core, 'mergePlaces', { keepId: evin.id })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'mergePlaces', { keepId: evin.id, mergeId: 'PL-000002' })).code).toBe('INVALID_ARGUMENT');
    expect(custodyLog(core)).toHaveLength(logLength);
    expect((await core.api.getPlace({ id: gone.id })).deletedReason).toBe('Entered by mistake');
  });

  it('never puts a place inside itself: merging a place into one inside it moves that one up instead', async () => {
    const core = await openCore({ previews: false });
    const iran = (await core.api.createPlace({ type: 'other', nameLatin: 'Iran' })).record;
    const tehran = (await core.api.createPlace({ type: 'city', nameLatin: 'Tehran', parentId: iran.id })).record;
    const evin = (await core.api.createPlace({ type: 'prison', nameLatin: 'Evin', parentId: tehran.id })).record;
    const gate = (await core.api.createPlace({ type: 'other', nameLatin: 'Gate', parentId: tehran.id })).record;
    // "Tehran" was entered where the prison was meant: merged into Evin, which was inside it.
    const merge = await core.api.mergePlaces({ keepId: evin.id, mergeId: tehran.id });
    expect(merge.record.parentId).toBe(iran.id);
    expect((await core.api.getPlace({ id: gate.id })).parentId).toBe(evin.id);
    await core.api.undo({ changeId: merge.changeId! });
    expect((await core.api.getPlace({ id: evin.id })).parentId).toBe(tehran.id);
    expect((await core.api.getPlace({ id: gate.id })).parentId).toBe(tehran.id);
  });

  it('links a CSV row naming the merged place to the kept one, even by a name the kept place does not carry', async () => {
    const core = await openCore({ previews: false });
    const dir = tempDir('csv');
    // The fixture's case: the same prison in each script, as two places.
    const first = writeCsv(dir, 'first.csv', [HEADER, row({ name_latin: 'Ali Rahimi', prison: 'Evin' }), row({ name_fa: 'زهرا احمدی', prison: 'اوین' })]);
    expect((await core.importPersonsCsv(first)).created).toBe(2);
    const places = (await core.api.listPlaces()).rows;
    const evin = places.find((p) => p.nameLatin === 'Evin')!;
    const evinFa = places.find((p) => p.nameFa === 'اوین')!;
    await core.api.mergePlaces({ keepId: evin.id, mergeId: evinFa.id });

    // A kept place that already has a Persian name, and a third spelling merged into it.
    const gohardasht = (await core.api.createPlace({ type: 'prison', nameFa: 'زندان گوهردشت', nameLatin: 'Gohardasht' })).record;
    const short = (await core.api.createPlace({ type: 'prison', nameFa: 'گوهردشت' })).record;
    const rajaiShahr = (await core.api.createPlace({ type: 'prison', nameLatin: 'Rajai Shahr' })).record;
    await core.api.mergePlaces({ keepId: rajaiShahr.id, mergeId: short.id });
    // Merged again in turn: names follow the merges to the live place at the end.
    await core.api.mergePlaces({ keepId: gohardasht.id, mergeId: rajaiShahr.id });
    expect((await core.api.getPlace({ id: gohardasht.id })).nameFa).toBe('زندان گوهردشت');
    const placesBefore = (await core.api.listPlaces()).total;

    const second = writeCsv(dir, 'second.csv', [
      HEADER,
      row({ name_latin: 'Kazem Karimi', prison: 'اوین' }),
      row({ name_latin: 'Reza Tavakoli', prison: 'گوهردشت' }),
      row({ name_latin: 'Mina Sadeghi', prison: 'Rajai Shahr' }),
    ]);
    expect((await core.importPersonsCsv(second)).created).toBe(3);
    expect((await core.api.listPlaces()).total).toBe(placesBefore);
    expect((await core.api.listPersons({ filter: { placeId: evin.id } })).rows.map((p) => p.nameLatin ?? p.nameFa).sort()).toEqual(
      ['Ali Rahimi', 'Kazem Karimi', 'زهرا احمدی'].sort(),
    );
    expect((await core.api.listPersons({ filter: { placeId: gohardasht.id } })).total).toBe(2);
    expect((await core.api.personStats()).prisons.map((p) => [p.label, p.count])).toEqual([
      ['Evin', 3],
      ['Gohardasht', 2],
    ]);
  });
});
