/**
 * Links through the CatalogueApi (issue 8 §5, DESIGN.md §4): typed, with certainty and source, exactly the
 * ends of their shape, never twice, soft-deleted, shown from both ends (the person's gallery, places and
 * relatives; the item's links) and recorded in the custody history of both ends.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/core/api/core-types';
import type { LinkInput } from '../../../src/shared/dto';
import type { ItemId, LinkId, PersonId, PlaceId, SourceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { dispatchRefusal, eventsOf, importItems, recordEvents, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

describe('links service', () => {
  const { openCore, tempDir } = useCores();

  async function setUp(core: Core, items = 2) {
    const ids = await importItems(core, tempDir('photos'), items);
    const victim = (await core.api.createPerson({ names: [{ name: 'محمد رضایی' }, { name: 'Mohammad Rezaei' }] })).record;
    const brother = (await core.api.createPerson({ names: [{ name: 'Ali Rezaei' }], roles: ['relative'] })).record;
    const evin = (await core.api.createPlace({ type: 'prison', nameFa: 'زندان اوین', nameLatin: 'Evin' })).record;
    const khavaran = (await core.api.createPlace({ type: 'cemetery', nameLatin: 'Khavaran' })).record;
    const source = (await core.api.createSource({ title: 'Testimony of the family', kind: 'testimony', reliability: 'high' })).record;
    return { ids, victim, brother, evin, khavaran, source };
  }

  it('requires exactly the ends of each shape, refusing others with a sentence', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, brother, evin } = await setUp(core);
    const [item, other] = ids as [ItemId, ItemId];
    const wrong: Array<[LinkInput, RegExp]> = [
      [{ type: 'item-depicts-person', itemId: item }, /needs personId/],
      [{ type: 'item-depicts-person', itemId: item, personId: victim.id, placeId: evin.id }, /does not take placeId/],
      [{ type: 'item-depicts-place', itemId: item, personId: victim.id }, /does not take personId/],
      [{ type: 'item-depicts-place', itemId: item }, /needs placeId/],
      [{ type: 'person-detained-at', itemId: item, placeId: evin.id }, /does not take itemId/],
      [{ type: 'person-detained-at', placeId: evin.id }, /needs personId/],
      [{ type: 'person-detained-at', personId: victim.id, placeId: evin.id, relatedPersonId: brother.id }, /does not take relatedPersonId/],
      [{ type: 'person-relative-of', personId: victim.id }, /needs relatedPersonId/],
      [{ type: 'person-relative-of', personId: victim.id, relatedPersonId: victim.id }, /themselves/],
      [{ type: 'item-duplicate-of', itemId: item, relatedItemId: item }, /itself/],
      [{ type: 'item-duplicate-of', itemId: item, personId: victim.id }, /does not take personId/],
      [{ type: 'item-duplicate-of', itemId: item }, /needs relatedItemId/],
    ];
    for (const [input, message] of wrong) {
      const error = await refusal(core.api.createLink(input));
      expect(error.code, JSON.stringify(input)).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(message);
    }
    const unknown = await refusal(core.api.createLink({ type: 'item-shows-person', itemId: item, personId: victim.id }));
    expect(unknown.message).toContain('"item-shows-person" is not a link type');
    expect(unknown.message).toContain('item-depicts-person');
    // None of them wrote anything; each shape made right is accepted.
    expect((await core.api.getItem({ id: item })).links).toEqual([]);
    expect((await core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id })).record.shape).toBe('item-person');
    expect((await core.api.createLink({ type: 'item-depicts-place', itemId: item, placeId: evin.id })).record.shape).toBe('item-place');
    expect((await core.api.createLink({ type: 'person-detained-at', personId: victim.id, placeId: evin.id })).record.shape).toBe('person-place');
    expect((await core.api.createLink({ type: 'person-relative-of', personId: victim.id, relatedPersonId: brother.id, relationship: 'brother' })).record.shape).toBe('person-person');
    expect((await core.api.createLink({ type: 'item-derived-from', itemId: other, relatedItemId: item })).record.shape).toBe('item-item');
  });

  it('takes certainty from the vocabulary (reported by default) and a source that exists', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, source } = await setUp(core);
    const [item] = ids as [ItemId];
    const certainty = await refusal(core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id, certainty: 'certain' }));
    expect(certainty.code).toBe('INVALID_ARGUMENT');
    for (const term of ['confirmed', 'reported', 'suspected', 'disputed']) expect(certainty.message).toContain(term);
    expect((await refusal(core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id, sourceId: 42 as SourceId }))).code).toBe('NOT_FOUND');
    expect((await core.api.getItem({ id: item })).links).toEqual([]);

    const plain = await core.api.createLink({ type: 'item-mentions-person', itemId: item, personId: victim.id });
    expect(plain.record).toMatchObject({ certainty: 'reported', source: null });
    const sourced = await core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id, certainty: 'confirmed', sourceId: source.id, note: 'Family photo, 1987.' });
    expect(sourced.record).toMatchObject({
      certainty: 'confirmed',
      note: 'Family photo, 1987.',
      source: { id: source.id, ref: source.ref, title: 'Testimony of the family', reliability: 'high' },
    });
  });

  it('does not make the same live link twice: the existing one comes back with no change', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim } = await setUp(core);
    const [item] = ids as [ItemId];
    const events = recordEvents(core);
    const first = await core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id });
    const again = await core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id, certainty: 'suspected' });
    expect(again.changeId).toBeNull();
    expect(again.record.id).toBe(first.record.id);
    expect(events.changes()).toHaveLength(1);
    expect((await core.api.getItem({ id: item })).links).toHaveLength(1);
    // Another type between the same records is another link.
    expect((await core.api.createLink({ type: 'item-mentions-person', itemId: item, personId: victim.id })).changeId).not.toBeNull();
  });

  it('refuses links to a deleted person or place, and to records that do not exist', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, evin } = await setUp(core);
    const [item] = ids as [ItemId];
    await core.api.deletePerson({ id: victim.id, reason: 'Duplicate' });
    await core.api.deletePlace({ id: evin.id, reason: 'Duplicate' });
    const toPerson = await refusal(core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: victim.id }));
    expect(toPerson.code).toBe('CONFLICT');
    expect(toPerson.message).toContain(victim.ref);
    expect((await refusal(core.api.createLink({ type: 'item-depicts-place', itemId: item, placeId: evin.id }))).code).toBe('CONFLICT');
    expect((await refusal(core.api.createLink({ type: 'item-depicts-person', itemId: 999 as ItemId, personId: victim.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(core.api.createLink({ type: 'item-depicts-place', itemId: item, placeId: 999 as PlaceId }))).code).toBe('NOT_FOUND');
    expect((await core.api.getItem({ id: item })).links).toEqual([]);
  });

  it('shows a link from both ends: the item’s links, the person’s gallery, places and relatives', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, brother, evin, khavaran } = await setUp(core, 3);
    const [a, b] = ids as [ItemId, ItemId];
    await core.api.createLink({ type: 'item-depicts-person', itemId: a, personId: victim.id, certainty: 'confirmed' });
    await core.api.createLink({ type: 'item-mentions-person', itemId: b, personId: victim.id });
    await core.api.createLink({ type: 'person-detained-at', personId: victim.id, placeId: evin.id });
    await core.api.createLink({ type: 'person-buried-at', personId: victim.id, placeId: khavaran.id, certainty: 'disputed' });
    await core.api.createLink({ type: 'person-relative-of', personId: brother.id, relatedPersonId: victim.id, relationship: 'brother' });

    const item = await core.api.getItem({ id: a });
    expect(item.links).toHaveLength(1);
    expect(item.links[0]).toMatchObject({
      type: 'item-depicts-person',
      certainty: 'confirmed',
      from: { type: 'item', id: a, ref: item.ref },
      to: { type: 'person', id: victim.id, ref: victim.ref, label: 'Mohammad Rezaei', labelFa: 'محمد رضایی' },
    });

    const person = await core.api.getPerson({ id: victim.id });
    expect(person.items.map((g) => [g.item.id, g.link.type])).toEqual([
      [a, 'item-depicts-person'],
      [b, 'item-mentions-person'],
    ]);
    expect(person.items[0]!.item).toMatchObject({ ref: item.ref, sha256: item.sha256, mime: 'image/png' });
    expect(person.places.map((l) => [l.type, l.to.label, l.certainty])).toEqual([
      ['person-buried-at', 'Khavaran', 'disputed'],
      ['person-detained-at', 'Evin', 'reported'],
    ]);
    expect(person.prison).toBe('Evin');
    expect(person.relatives).toHaveLength(1);
    expect(person.relatives[0]).toMatchObject({ relationship: 'brother', from: { ref: brother.ref }, to: { ref: victim.ref } });
    // The brother sees the same link from his end.
    expect((await core.api.getPerson({ id: brother.id })).relatives.map((l) => l.id)).toEqual([person.relatives[0]!.id]);
  });

  it('records each link’s events in both ends’ histories, naming the link’s global id', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, source } = await setUp(core);
    const [a] = ids as [ItemId];
    const { changeId, record } = await core.api.createLink({ type: 'item-depicts-person', itemId: a, personId: victim.id });
    const [event, ...more] = eventsOf(core, changeId);
    expect(more).toEqual([]);
    const item = await core.api.getItem({ id: a });
    expect(event).toMatchObject({ action: 'linked', targetType: 'link', targetGlobalId: record.globalId });
    expect(event!.details.link).toMatchObject({
      type: 'item-depicts-person',
      from: { ref: item.ref, globalId: item.globalId },
      to: { ref: victim.ref, globalId: victim.globalId },
      certainty: 'reported',
    });
    expect(item.custody.at(-1)).toMatchObject({ action: 'linked', changeId, targetGlobalId: record.globalId });
    expect((await core.api.getPerson({ id: victim.id })).custody.at(-1)).toMatchObject({ action: 'linked', changeId });

    const edited = await core.api.updateLink({ id: record.id, patch: { certainty: 'confirmed', sourceId: source.id } });
    expect(edited.record).toMatchObject({ certainty: 'confirmed', source: { id: source.id } });
    expect(eventsOf(core, edited.changeId)[0]).toMatchObject({
      action: 'link-edited',
      details: { before: { certainty: 'reported', sourceId: null }, after: { certainty: 'confirmed', sourceId: source.id } },
    });
    expect((await core.api.updateLink({ id: record.id, patch: { certainty: 'confirmed' } })).changeId).toBeNull();
    expect((await refusal(core.api.updateLink({ id: record.id, patch: { certainty: 'sure' } }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(core.api.updateLink({ id: 999 as LinkId, patch: { note: 'x' } }))).code).toBe('NOT_FOUND');
    expect((await core.api.getItem({ id: a })).custody.map((e) => e.action).slice(-2)).toEqual(['linked', 'link-edited']);
  });

  it('deletes a link softly, with a reason: it leaves both ends but stays in their histories', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, evin } = await setUp(core);
    const [a] = ids as [ItemId];
    const link = (await core.api.createLink({ type: 'item-depicts-person', itemId: a, personId: victim.id })).record;
    const place = (await core.api.createLink({ type: 'person-detained-at', personId: victim.id, placeId: evin.id })).record;
    expect((await dispatchRefusal(core, 'deleteLink', { id: link.id, reason: ' ' })).code).toBe('INVALID_ARGUMENT');

    const removed = await core.api.deleteLink({ id: link.id, reason: 'Wrong person: a namesake.' });
    expect(eventsOf(core, removed.changeId)).toMatchObject([
      { action: 'unlinked', targetGlobalId: link.globalId, details: { reason: 'Wrong person: a namesake.' } },
    ]);
    expect((await core.api.getItem({ id: a })).links).toEqual([]);
    const person = await core.api.getPerson({ id: victim.id });
    expect(person.items).toEqual([]);
    expect(person.custody.map((e) => e.action)).toEqual(['record-created', 'linked', 'linked', 'unlinked']);
    expect((await core.api.getItem({ id: a })).custody.map((e) => e.action).slice(-2)).toEqual(['linked', 'unlinked']);
    expect((await core.api.deleteLink({ id: link.id, reason: 'again' })).changeId).toBeNull();

    await core.api.deleteLink({ id: place.id, reason: 'Not confirmed' });
    expect((await core.api.getPerson({ id: victim.id })).prison).toBeNull();
    expect((await core.api.listPersons({ filter: { placeId: evin.id } })).total).toBe(0);
    // The same link can be made again afterwards, as a new link.
    const remade = await core.api.createLink({ type: 'item-depicts-person', itemId: a, personId: victim.id });
    expect(remade.record.globalId).not.toBe(link.globalId);
  });

  it('lets a link to a person deleted since be removed or edited (only new links need live ends)', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim } = await setUp(core);
    const [a] = ids as [ItemId];
    const link = (await core.api.createLink({ type: 'item-depicts-person', itemId: a, personId: victim.id })).record;
    await core.api.deletePerson({ id: victim.id, reason: 'Merged by hand into another record' });
    expect((await core.api.updateLink({ id: link.id, patch: { certainty: 'disputed' } })).record.certainty).toBe('disputed');
    const removed = await core.api.deleteLink({ id: link.id, reason: 'Person deleted' });
    expect(removed.changeId).not.toBeNull();
    expect((await core.api.getItem({ id: a })).links).toEqual([]);
  });

  it('links a whole selection of items to a person or a place, counting only the new links', async () => {
    const core = await openCore({ previews: false });
    const { ids, victim, khavaran, source } = await setUp(core, 4);
    await core.api.createLink({ type: 'item-depicts-person', itemId: ids[0]!, personId: victim.id });

    const { changeId, record } = await core.api.linkItems({ selection: { filter: {}, except: [ids[3]!] }, type: 'item-depicts-person', personId: victim.id, certainty: 'suspected', sourceId: source.id });
    expect(record.linked).toBe(2);
    const logged = eventsOf(core, changeId);
    expect(logged.map((e) => e.action)).toEqual(['linked', 'linked']);
    expect(new Set(logged.map((e) => e.targetGlobalId)).size).toBe(2);
    const gallery = (await core.api.getPerson({ id: victim.id })).items;
    expect(gallery.map((g) => g.item.id)).toEqual([ids[0], ids[1], ids[2]]);
    expect(gallery.map((g) => g.link.certainty)).toEqual(['reported', 'suspected', 'suspected']);
    expect((await core.api.linkItems({ selection: { ids: [ids[0]!, ids[1]!] }, type: 'item-depicts-person', personId: victim.id })).changeId).toBeNull();

    const places = await core.api.linkItems({ selection: { ids: [ids[2]!, ids[3]!] }, type: 'item-depicts-place', placeId: khavaran.id });
    expect(places.record.linked).toBe(2);
    expect((await core.api.getPlace({ id: khavaran.id })).links.map((l) => l.from.id)).toEqual([ids[2], ids[3]]);

    const wrongType = await refusal(core.api.linkItems({ selection: { ids }, type: 'person-detained-at', personId: victim.id }));
    expect(wrongType.code).toBe('INVALID_ARGUMENT');
    const noPerson = await refusal(core.api.linkItems({ selection: { ids }, type: 'item-depicts-person', placeId: khavaran.id }));
    expect(noPerson.code).toBe('INVALID_ARGUMENT');
    // A refused batch writes nothing at all, not even its first links.
    const deleted = (await core.api.createPerson({ names: [{ name: 'Gone' }] })).record;
    await core.api.deletePerson({ id: deleted.id, reason: 'x' });
    expect((await refusal(core.api.linkItems({ selection: { ids }, type: 'item-about-person', personId: deleted.id }))).code).toBe('CONFLICT');
    expect((await core.api.getItem({ id: ids[0]! })).links.filter((l) => l.type === 'item-about-person')).toEqual([]);
  });

  it('refuses a link to a person that does not exist', async () => {
    const core = await openCore({ previews: false });
    const { ids } = await setUp(core, 1);
    expect((await refusal(core.api.createLink({ type: 'item-depicts-person', itemId: ids[0]!, personId: 77 as PersonId }))).code).toBe('NOT_FOUND');
  });
});
