/** The fake behind the component tests answers every method of the contract, and its records hang together. */
import { describe, expect, it, vi } from 'vitest';
import { apiMethods } from '../../src/shared/api';
import { CatalogueError } from '../../src/shared/errors';
import type { PersonId } from '../../src/shared/ids';
import { createFakeClient, item, person, place, tag } from './fake-client';

describe('the fake client', () => {
  it('has a spy for every method of CatalogueApi', () => {
    const { api } = createFakeClient();
    for (const method of apiMethods) expect(vi.isMockFunction(api[method]), method).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
  });

  it('creates, reads, changes and soft-deletes a person, reading typed dates', async () => {
    const { api, data } = createFakeClient();
    const { record: created, changeId } = await api.createPerson({ names: [{ name: 'ایرج حاتمی' }, { name: 'Iraj Hatemi' }], deathDate: 'Mordad 1367' });
    expect(changeId).toMatch(/^change-/);
    expect(created).toMatchObject({ nameFa: 'ایرج حاتمی', nameLatin: 'Iraj Hatemi', deathDate: { earliest: '1988-07-23', latest: '1988-08-22' } });
    expect(data.persons).toHaveLength(1);

    await api.updatePerson({ id: created.id, patch: { fate: 'executed' } });
    expect((await api.getPerson({ id: created.id })).fate).toBe('executed');
    await expect(api.updatePerson({ id: created.id, patch: { deathDate: 'sometime' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });

    await api.deletePerson({ id: created.id, reason: 'Duplicate of V-2' });
    expect((await api.listPersons()).total).toBe(0);
    expect((await api.listPersons({ filter: { deleted: true } })).rows[0]).toMatchObject({ id: created.id, deleted: true });
    await expect(api.getPerson({ id: 999_999 as PersonId })).rejects.toBeInstanceOf(CatalogueError);
  });

  it('keeps at least one name, and one preferred name per script', async () => {
    const { api } = createFakeClient();
    const { record } = await api.createPerson({ names: [{ name: 'Iraj Hatemi' }] });
    const { record: two } = await api.addPersonName({ personId: record.id, name: { name: 'Iradj Hatami', preferred: true } });
    expect(two.nameLatin).toBe('Iradj Hatami');
    expect(two.names.filter((n) => n.preferred)).toHaveLength(1);
    const { record: one } = await api.removePersonName({ id: two.names[1]!.id });
    expect(one.nameLatin).toBe('Iraj Hatemi');
    await expect(api.removePersonName({ id: one.names[0]!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('tags a selection of items, making free tags for new labels', async () => {
    const evin = tag({ labelEn: 'Evin' });
    const photos = [item(), item(), item({ kind: 'document' })];
    const { api, data } = createFakeClient({ items: photos, tags: [evin] });
    const { record } = await api.tagItems({ selection: { filter: { kind: 'photo' } }, add: [{ id: evin.id }, { label: 'خاوران' }] });
    expect(record.changed).toBe(2);
    expect(data.tags.map((t) => t.labelEn ?? t.labelFa)).toEqual(['Evin', 'خاوران']);
    expect((await api.getItem({ id: photos[0]!.id })).tags.map((t) => t.labelFa ?? t.labelEn)).toEqual(['Evin', 'خاوران']);
    expect((await api.getItem({ id: photos[2]!.id })).tags).toEqual([]);
    expect((await api.listTags()).find((t) => t.id === evin.id)?.itemCount).toBe(2);
  });

  it('links records and shows the link from both ends', async () => {
    const photo = item({ title: 'Khavaran, 1988' });
    const iraj = person({ nameLatin: 'Iraj Hatemi' });
    const evin = place({ nameLatin: 'Evin' });
    const { api } = createFakeClient({ items: [photo], persons: [iraj], places: [evin] });
    const { record: link } = await api.createLink({ type: 'item-depicts-person', itemId: photo.id, personId: iraj.id });
    expect(link).toMatchObject({ shape: 'item-person', from: { type: 'item', id: photo.id }, to: { type: 'person', id: iraj.id } });
    expect((await api.getItem({ id: photo.id })).links.map((l) => l.id)).toEqual([link.id]);
    expect((await api.getPerson({ id: iraj.id })).items.map((i) => i.item.id)).toEqual([photo.id]);

    await api.createLink({ type: 'person-detained-at', personId: iraj.id, placeId: evin.id });
    expect((await api.getPerson({ id: iraj.id })).places.map((l) => l.to.label)).toEqual(['Evin']);
    expect((await api.getPlace({ id: evin.id })).links).toHaveLength(1);

    await api.deleteLink({ id: link.id, reason: 'Wrong person' });
    expect((await api.getItem({ id: photo.id })).links).toEqual([]);
    await expect(api.createLink({ type: 'no-such-type', itemId: photo.id })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('starts jobs (verify included) by returning a job id', async () => {
    const { api } = createFakeClient();
    const first = await api.verify();
    const second = await api.importPersonsCsv({ file: { uploadId: 'u1' } });
    expect(first.jobId).not.toBe(second.jobId);
  });
});
