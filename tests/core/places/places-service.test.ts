/**
 * Places through the CatalogueApi (issue 8 §3, DESIGN.md §4): types from the vocabulary, grave coordinates
 * strictly confidential by default, a hierarchy without loops, coordinates given in pairs, soft delete and
 * restore, and the panel's children and linked persons.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PlaceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { custodyLog, dispatchRefusal, eventsOf, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

describe('places service', () => {
  const { openCore } = useCores();

  it('takes its type from the vocabulary, and refuses an unknown one naming the terms', async () => {
    const core = await openCore();
    const { changeId, record } = await core.api.createPlace({ type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin Prison' });
    expect(record).toMatchObject({ ref: 'PL-000001', type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin Prison', deleted: false });
    expect(eventsOf(core, changeId)).toMatchObject([{ action: 'record-created', targetType: 'place', targetGlobalId: record.globalId }]);

    const error = await refusal(core.api.createPlace({ type: 'gulag', nameLatin: 'Somewhere' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"gulag" is not a place type');
    for (const term of ['prison', 'cemetery', 'mass-grave']) expect(error.message).toContain(term);
    expect((await core.api.listPlaces()).total).toBe(1);
    const needsName = await refusal(core.api.createPlace({ type: 'city' }));
    expect(needsName.code).toBe('INVALID_ARGUMENT');
  });

  it('makes grave coordinates confidential by default and a prison’s restricted, unless told otherwise', async () => {
    const core = await openCore();
    const vocab = await core.api.getVocabularies();
    const graveTypes = vocab.placeTypes.filter((t) => t.graves).map((t) => t.code);
    expect(graveTypes).toEqual(expect.arrayContaining(['cemetery', 'mass-grave', 'burial-site', 'execution-site']));
    expect(graveTypes).not.toContain('prison');
    for (const type of graveTypes) {
      const place = (await core.api.createPlace({ type, nameLatin: `Site ${type}`, lat: 35.58, lon: 51.49 })).record;
      expect(place.coordinatesSensitivity).toBe('confidential');
    }
    const prison = (await core.api.createPlace({ type: 'prison', nameLatin: 'Gohardasht', lat: 35.83, lon: 50.95 })).record;
    expect(prison.coordinatesSensitivity).toBe('restricted');
    expect(prison.sensitivity).toBe('restricted');
    const chosen = (await core.api.createPlace({ type: 'mass-grave', nameLatin: 'Khavaran', coordinatesSensitivity: 'public' })).record;
    expect(chosen.coordinatesSensitivity).toBe('public');
    // The coordinates come back as given.
    expect(await core.api.getPlace({ id: prison.id })).toMatchObject({ lat: 35.83, lon: 50.95 });
  });

  it('refuses a latitude without a longitude (and the other way), on create and on edit', async () => {
    const core = await openCore();
    expect((await refusal(core.api.createPlace({ type: 'cemetery', nameLatin: 'Khavaran', lat: 35.58 }))).message).toMatch(/latitude and longitude/);
    expect((await refusal(core.api.createPlace({ type: 'cemetery', nameLatin: 'Khavaran', lon: 51.49 }))).code).toBe('INVALID_ARGUMENT');
    expect((await core.api.listPlaces()).total).toBe(0);
    const place = (await core.api.createPlace({ type: 'cemetery', nameLatin: 'Khavaran', lat: 35.58, lon: 51.49 })).record;
    expect((await refusal(core.api.updatePlace({ id: place.id, patch: { lon: null } }))).code).toBe('INVALID_ARGUMENT');
    expect(await core.api.getPlace({ id: place.id })).toMatchObject({ lat: 35.58, lon: 51.49 });
    // Both cleared together is fine; out-of-range values never reach the service.
    expect((await core.api.updatePlace({ id: place.id, patch: { lat: null, lon: null } })).record).toMatchObject({ lat: null, lon: null });
    expect((await dispatchRefusal(core, 'createPlace', { type: 'city', nameLatin: 'X', lat: 91, lon: 0 })).code).toBe('INVALID_ARGUMENT');
  });

  it('keeps a hierarchy: children in the parent’s panel, and no place inside itself or its own places', async () => {
    const core = await openCore();
    const tehran = (await core.api.createPlace({ type: 'city', nameFa: 'تهران', nameLatin: 'Tehran' })).record;
    const evin = (await core.api.createPlace({ type: 'prison', nameLatin: 'Evin', parentId: tehran.id })).record;
    const ward = (await core.api.createPlace({ type: 'detention-centre', nameLatin: 'Ward 209', parentId: evin.id })).record;
    expect(evin).toMatchObject({ parentId: tehran.id, parentLabel: 'Tehran' });
    expect((await core.api.getPlace({ id: tehran.id })).children.map((c) => c.ref)).toEqual([evin.ref]);
    expect((await core.api.getPlace({ id: evin.id })).children.map((c) => c.ref)).toEqual([ward.ref]);

    for (const parentId of [tehran.id, evin.id, ward.id]) {
      const loop = await refusal(core.api.updatePlace({ id: tehran.id, patch: { parentId } }));
      expect(loop.code).toBe('INVALID_ARGUMENT');
      expect(loop.message).toMatch(/inside itself/);
    }
    expect((await core.api.getPlace({ id: tehran.id })).parentId).toBeNull();
    expect((await refusal(core.api.createPlace({ type: 'city', nameLatin: 'X', parentId: 999 as PlaceId }))).code).toBe('NOT_FOUND');

    // Moving a place logs its old and new parent.
    const karaj = (await core.api.createPlace({ type: 'city', nameLatin: 'Karaj' })).record;
    const moved = await core.api.updatePlace({ id: ward.id, patch: { parentId: karaj.id } });
    expect(eventsOf(core, moved.changeId)[0]!.details).toEqual({ before: { parentId: evin.id }, after: { parentId: karaj.id } });
    expect((await core.api.getPlace({ id: evin.id })).children).toEqual([]);
  });

  it('soft-deletes with a reason and restores; the list hides the deleted ones unless asked', async () => {
    const core = await openCore();
    const place = (await core.api.createPlace({ type: 'city', nameLatin: 'Mashhad' })).record;
    expect((await dispatchRefusal(core, 'deletePlace', { id: place.id, reason: '' })).code).toBe('INVALID_ARGUMENT');
    const deleted = await core.api.deletePlace({ id: place.id, reason: 'Entered by mistake' });
    expect(deleted.record).toMatchObject({ deleted: true, deletedReason: 'Entered by mistake' });
    expect((await core.api.listPlaces()).total).toBe(0);
    expect((await core.api.listPlaces({ filter: { deleted: true } })).rows.map((r) => r.ref)).toEqual([place.ref]);
    expect((await core.api.deletePlace({ id: place.id, reason: 'again' })).changeId).toBeNull();
    const restored = await core.api.restorePlace({ id: place.id });
    expect(restored.record.deleted).toBe(false);
    expect((await core.api.listPlaces()).total).toBe(1);
    expect(restored.record.custody.map((e) => e.action)).toEqual(['record-created', 'record-deleted', 'record-restored']);
    expect(custodyLog(core).filter((e) => e.targetGlobalId === place.globalId)).toHaveLength(3);
  });

  it('shows the persons linked to the place in its panel and counts them in the list', async () => {
    const core = await openCore();
    const khavaran = (await core.api.createPlace({ type: 'cemetery', nameFa: 'خاوران', nameLatin: 'Khavaran' })).record;
    const a = (await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] })).record;
    const b = (await core.api.createPerson({ names: [{ name: 'زهرا احمدی' }] })).record;
    await core.api.createLink({ type: 'person-buried-at', personId: a.id, placeId: khavaran.id });
    await core.api.createLink({ type: 'person-buried-at', personId: b.id, placeId: khavaran.id, certainty: 'suspected' });
    await core.api.createLink({ type: 'person-killed-at', personId: b.id, placeId: khavaran.id });
    const detail = await core.api.getPlace({ id: khavaran.id });
    expect(detail.personCount).toBe(2);
    expect(detail.links.map((l) => [l.type, l.from.ref, l.to.ref, l.certainty])).toEqual([
      ['person-buried-at', a.ref, khavaran.ref, 'reported'],
      ['person-buried-at', b.ref, khavaran.ref, 'suspected'],
      ['person-killed-at', b.ref, khavaran.ref, 'reported'],
    ]);
    expect(detail.links[1]!.from).toMatchObject({ label: 'زهرا احمدی', labelFa: 'زهرا احمدی' });
    expect((await core.api.listPlaces({ filter: { text: 'خاور' } })).rows[0]).toMatchObject({ ref: khavaran.ref, personCount: 2 });
    // A deleted person is no longer counted, as the persons list filtered by the place no longer shows them.
    await core.api.deletePerson({ id: b.id, reason: 'Duplicate' });
    expect((await core.api.listPersons({ filter: { placeId: khavaran.id } })).total).toBe(1);
    expect((await core.api.getPlace({ id: khavaran.id })).personCount).toBe(1);
  });

  it('makes coordinates confidential when a place turns out to hold graves, unless the edit says otherwise', async () => {
    const core = await openCore();
    const site = (await core.api.createPlace({ type: 'other', nameLatin: 'Field near Khavaran', lat: 35.58, lon: 51.49 })).record;
    expect(site.coordinatesSensitivity).toBe('restricted');
    const graves = await core.api.updatePlace({ id: site.id, patch: { type: 'mass-grave' } });
    expect(graves.record.coordinatesSensitivity).toBe('confidential');
    expect(eventsOf(core, graves.changeId)[0]!.details).toEqual({
      before: { type: 'other', coordinatesSensitivity: 'restricted' },
      after: { type: 'mass-grave', coordinatesSensitivity: 'confidential' },
    });
    const chosen = (await core.api.createPlace({ type: 'other', nameLatin: 'Another field' })).record;
    const told = await core.api.updatePlace({ id: chosen.id, patch: { type: 'cemetery', coordinatesSensitivity: 'public' } });
    expect(told.record.coordinatesSensitivity).toBe('public');
    // Back to a type without graves: the coordinates stay as protected as they are.
    expect((await core.api.updatePlace({ id: site.id, patch: { type: 'city' } })).record.coordinatesSensitivity).toBe('confidential');
  });

  it('logs only the fields an edit changes, and nothing for an edit that changes nothing', async () => {
    const core = await openCore();
    const place = (await core.api.createPlace({ type: 'prison', nameLatin: 'Evin' })).record;
    const edited = await core.api.updatePlace({ id: place.id, patch: { nameLatin: 'Evin', nameFa: 'اوین', notes: 'Main prison of Tehran.' } });
    expect(eventsOf(core, edited.changeId)[0]!.details).toEqual({
      before: { nameFa: null, notes: null },
      after: { nameFa: 'اوین', notes: 'Main prison of Tehran.' },
    });
    expect((await core.api.updatePlace({ id: place.id, patch: { nameFa: 'اوین' } })).changeId).toBeNull();
    expect((await refusal(core.api.updatePlace({ id: place.id, patch: { nameFa: null, nameLatin: null } }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(core.api.updatePlace({ id: place.id, patch: { type: 'castle' } }))).code).toBe('INVALID_ARGUMENT');
  });
});
