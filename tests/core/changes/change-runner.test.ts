/**
 * What every change through the CatalogueApi shares (issue 8, "Every change has a named actor" and "Every
 * edit"): no change without a named actor, and nothing written when refused; one change id for the custody
 * events of one call, each naming its record's global id; one 'catalogue-changed' per change and none when
 * nothing changed.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ApiMethod } from '../../../src/shared/api';
import type { ItemId, LinkId, PersonId, PersonNameId, PlaceId, SourceId, TagId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { custodyLog, dispatchRefusal, eventsOf, importItems, recordEvents, refusal, rowCount } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

const TABLES = ['persons', 'person_names', 'person_roles', 'places', 'sources', 'tags', 'item_tags', 'person_tags', 'links', 'citations', 'custody_events'];

describe('every change', () => {
  const { openCore, tempDir } = useCores();

  it('is refused without a named actor (ACTOR_REQUIRED), through the API and the dispatcher, and writes nothing', async () => {
    const catalogueDir = join(tempDir('vigil-cat'), 'catalogue');
    const setup = await openCore({ catalogueDir, previews: false });
    const ids = await importItems(setup, tempDir('photos'), 2);
    const item = ids[0]! as ItemId;
    const person = (await setup.api.createPerson({ names: [{ name: 'Ali Rahimi' }, { name: 'علی رحیمی' }] })).record;
    const place = (await setup.api.createPlace({ type: 'prison', nameLatin: 'Evin' })).record;
    const source = (await setup.api.createSource({ title: 'Letter' })).record;
    const tag = (await setup.api.createTag({ labelEn: 'Review' })).record;
    const link = (await setup.api.createLink({ type: 'item-depicts-person', itemId: item, personId: person.id })).record;
    const twin = (await setup.api.createPlace({ type: 'prison', nameFa: 'اوین' })).record;
    const deleted = (await setup.api.createPlace({ type: 'city', nameLatin: 'Gone' })).record;
    await setup.api.deletePlace({ id: deleted.id, reason: 'Test' });
    const edit = await setup.api.updatePerson({ id: person.id, patch: { notes: 'Before' } });
    await setup.close();

    // The test actor was only an override for that session: nobody is named in the catalogue itself.
    const core = await openCore({ catalogueDir, actor: undefined, previews: false });
    expect((await core.api.getStatus()).actor).toBeNull();
    const logBefore = custodyLog(core);
    const counts = () => Object.fromEntries(TABLES.map((t) => [t, rowCount(core, t)]));
    const countsBefore = counts();
    const events = recordEvents(core);

    const calls: Array<[ApiMethod, Record<string, unknown>]> = [
      ['createPerson', { names: [{ name: 'Zahra Ahmadi' }] }],
      ['updatePerson', { id: person.id, patch: { notes: 'After' } }],
      ['deletePerson', { id: person.id, reason: 'Test' }],
      ['addPersonName', { personId: person.id, name: { name: 'A. Rahimi' } }],
      ['updatePersonName', { id: person.names[0]!.id as PersonNameId, patch: { name: 'Aly Rahimi' } }],
      ['removePersonName', { id: person.names[1]!.id as PersonNameId }],
      ['createPlace', { type: 'cemetery', nameLatin: 'Khavaran' }],
      ['updatePlace', { id: place.id as PlaceId, patch: { nameFa: 'اوین' } }],
      ['deletePlace', { id: place.id as PlaceId, reason: 'Test' }],
      ['restorePlace', { id: deleted.id as PlaceId }],
      ['mergePlaces', { keepId: place.id as PlaceId, mergeId: twin.id as PlaceId }],
      ['createSource', { title: 'Another letter' }],
      ['updateSource', { id: source.id as SourceId, patch: { reliability: 'high' } }],
      ['createTag', { labelEn: 'New tag' }],
      ['updateTag', { id: tag.id as TagId, patch: { labelFa: 'بازبینی' } }],
      ['deleteTag', { id: tag.id as TagId, reason: 'Test' }],
      ['tagItems', { selection: { filter: {} }, add: [{ label: 'Made on the fly' }] }],
      ['tagPersons', { ids: [person.id as PersonId], add: [{ id: tag.id as TagId }] }],
      ['createLink', { type: 'person-detained-at', personId: person.id, placeId: place.id }],
      ['updateLink', { id: link.id as LinkId, patch: { certainty: 'confirmed' } }],
      ['deleteLink', { id: link.id as LinkId, reason: 'Test' }],
      ['linkItems', { selection: { ids }, type: 'item-mentions-person', personId: person.id }],
      ['updateItem', { id: item, patch: { title: 'A title' } }],
      ['undo', { changeId: edit.changeId }],
    ];
    for (const [method, args] of calls) {
      const direct = await refusal((core.api[method] as (a: unknown) => Promise<unknown>).call(core.api, args));
      expect(direct.code, method).toBe('ACTOR_REQUIRED');
      expect(direct.message).toMatch(/who is cataloguing/);
      expect((await dispatchRefusal(core, method, args)).code, method).toBe('ACTOR_REQUIRED');
    }
    expect(custodyLog(core)).toEqual(logBefore);
    expect(counts()).toEqual(countsBefore);
    expect(events.changes()).toEqual([]);
    expect((await core.api.getItem({ id: item })).title).toBeNull();
    expect((await core.api.getPerson({ id: person.id })).notes).toBe('Before');

    // Once someone is named, the same call goes through under that name.
    await core.api.setActor({ name: 'Maryam Sadeghi', organisation: 'Justice for Iran' });
    const done = await core.api.updatePerson({ id: person.id, patch: { notes: 'After' } });
    expect(eventsOf(core, done.changeId)).toMatchObject([{ actor: 'Maryam Sadeghi', targetGlobalId: person.globalId }]);
  });

  it('writes the events of one call under one change id, each naming its record, and a new id for each call', async () => {
    const core = await openCore({ previews: false });
    const ids = await importItems(core, tempDir('photos'), 3);
    const { changeId, record } = await core.api.tagItems({ selection: { ids }, add: [{ label: 'Gohardasht' }, { label: 'Evin' }] });
    const events = eventsOf(core, changeId);
    expect(events.map((e) => e.action)).toEqual(['record-created', 'record-created', 'tagged', 'tagged', 'tagged', 'tagged', 'tagged', 'tagged']);
    expect(events.slice(0, 2).map((e) => e.targetGlobalId)).toEqual(record.tags.map((t) => t.globalId));
    const items = await Promise.all(ids.map((id) => core.api.getItem({ id })));
    expect(new Set(events.slice(2).map((e) => e.targetGlobalId))).toEqual(new Set(items.map((i) => i.globalId)));
    // Every record's history holds the change's event about it, under the same change id.
    for (const item of items) expect(item.custody.filter((e) => e.changeId === changeId)).toHaveLength(2);

    const changeIds = new Set<string | null>([changeId]);
    const person = await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] });
    changeIds.add(person.changeId);
    changeIds.add((await core.api.updatePerson({ id: person.record.id, patch: { notes: 'x' } })).changeId);
    changeIds.add((await core.api.createLink({ type: 'item-depicts-person', itemId: ids[0]!, personId: person.record.id })).changeId);
    expect(changeIds.size).toBe(4);
    expect([...changeIds].every((id) => typeof id === 'string')).toBe(true);
  });

  it('announces each change once, after it is written, and nothing when a call changed nothing or failed', async () => {
    const core = await openCore({ previews: false });
    const ids = await importItems(core, tempDir('photos'), 2);
    const seen: Array<{ what: string[]; persons: number }> = [];
    // A listener reads the catalogue when told: the change must already be there.
    core.onEvent((event) => {
      if (event.type === 'catalogue-changed') void core.api.getStatus().then((s) => seen.push({ what: event.what, persons: s.counts.persons }));
    });
    const events = recordEvents(core);
    const person = await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] });
    expect(events.changes()).toEqual([{ type: 'catalogue-changed', what: ['persons', 'places'] }]);
    await core.api.updatePerson({ id: person.record.id, patch: { notes: null } });
    await core.api.tagItems({ selection: { ids }, add: [] });
    await core.api.linkItems({ selection: { filter: { kind: 'document' } }, type: 'item-depicts-person', personId: person.record.id });
    await refusal(core.api.createPerson({ names: [{ name: 'X' }], roles: ['nobody'] }));
    await refusal(core.api.undo({ changeId: '00000000-0000-4000-8000-000000000000' }));
    expect(events.changes()).toHaveLength(1);
    await core.api.linkItems({ selection: { ids }, type: 'item-depicts-person', personId: person.record.id });
    expect(events.changes()).toHaveLength(2);
    expect(events.changes()[1]!.what).toEqual(expect.arrayContaining(['links', 'items', 'persons']));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen[0]).toEqual({ what: ['persons', 'places'], persons: 1 });
  });
});
