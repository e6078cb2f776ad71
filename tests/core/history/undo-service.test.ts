/**
 * Undo through the CatalogueApi (issue 8 §8): every kind of change is taken back by a new change (the log
 * only grows and its chain still verifies), undoing the undo redoes, and an undo that would overwrite a later
 * change is refused with nothing changed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/core/api/core-types';
import type { ItemId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { custodyLog, dispatchRefusal, eventsOf, importItems, recordEvents, refusal, type LogRow } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

/** Undoes a change and checks what every undo must do: new events only, all naming the undone change. */
async function undo(core: Core, changeId: string | null): Promise<{ changeId: string; events: LogRow[] }> {
  const before = custodyLog(core);
  const result = await core.api.undo({ changeId: changeId! });
  expect(result.changeId).not.toBeNull();
  const after = custodyLog(core);
  // The log only grows: every earlier row is still there, unchanged.
  expect(after.slice(0, before.length)).toEqual(before);
  const events = after.slice(before.length);
  expect(events.length).toBeGreaterThan(0);
  expect(result.record.undone).toBe(eventsOf(core, changeId).length);
  for (const event of events) {
    expect(event.changeId).toBe(result.changeId);
    expect(event.details.undoOf).toBe(changeId);
  }
  return { changeId: result.changeId!, events };
}

async function verified(core: Core): Promise<void> {
  const report = await core.verify();
  expect(report.checks.find((c) => c.name === 'custody log chain')).toMatchObject({ ok: true, problems: [] });
}

describe('undo', () => {
  const { openCore, tempDir } = useCores();

  it('takes back creating a person by hiding it with the reason "Undone"; undoing the undo restores it', async () => {
    const core = await openCore();
    const created = await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] });
    const events = recordEvents(core);
    const undone = await undo(core, created.changeId);
    expect(undone.events).toMatchObject([{ action: 'record-deleted', targetGlobalId: created.record.globalId, details: { reason: 'Undone' } }]);
    expect(events.changes()).toHaveLength(1);
    expect(await core.api.getPerson({ id: created.record.id })).toMatchObject({ deleted: true, deletedReason: 'Undone' });
    expect((await core.api.listPersons()).total).toBe(0);

    const redone = await undo(core, undone.changeId);
    expect(redone.events).toMatchObject([{ action: 'record-restored', targetGlobalId: created.record.globalId }]);
    expect((await core.api.listPersons()).total).toBe(1);
    // The first undo, taken back already, cannot be undone a second time: the person is no longer deleted.
    const again = await refusal(core.api.undo({ changeId: undone.changeId }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain(created.record.ref);
    expect((await core.api.getPerson({ id: created.record.id })).deleted).toBe(false);
    await verified(core);
  });

  it('takes back an edit to the values before it, and a delete by restoring', async () => {
    const core = await openCore();
    const { record: p } = await core.api.createPerson({ names: [{ name: 'Kazem Karimi' }], fate: 'executed', deathDate: 'Mordad 1367' });
    const edit = await core.api.updatePerson({ id: p.id, patch: { fate: 'disappeared', deathDate: '1988-07~/1988-09~', roles: ['victim', 'witness'] } });
    const undone = await undo(core, edit.changeId);
    expect(undone.events[0]!.details).toMatchObject({
      before: { fate: 'disappeared', deathDate: '1988-07~/1988-09~', roles: ['victim', 'witness'] },
      after: { fate: 'executed', deathDate: 'Mordad 1367', roles: ['victim'] },
    });
    const back = await core.api.getPerson({ id: p.id });
    expect(back).toMatchObject({ fate: 'executed', roles: ['victim'], deathDate: { original: 'Mordad 1367', earliest: '1988-07-23', latest: '1988-08-22' } });
    await undo(core, undone.changeId);
    expect(await core.api.getPerson({ id: p.id })).toMatchObject({ fate: 'disappeared', roles: ['victim', 'witness'], deathDate: { earliest: '1988-07-01' } });

    const deleted = await core.api.deletePerson({ id: p.id, reason: 'Duplicate' });
    const restored = await undo(core, deleted.changeId);
    expect(restored.events).toMatchObject([{ action: 'record-restored' }]);
    expect((await core.api.getPerson({ id: p.id })).deleted).toBe(false);
    await verified(core);
  });

  it('refuses, changing nothing, to undo an edit whose fields were changed again since', async () => {
    const core = await openCore();
    const { record: p } = await core.api.createPerson({ names: [{ name: 'Kazem Karimi' }] });
    const first = await core.api.updatePerson({ id: p.id, patch: { notes: 'First note', sex: 'male' } });
    await core.api.updatePerson({ id: p.id, patch: { notes: 'Second note' } });
    const logLength = custodyLog(core).length;
    const events = recordEvents(core);
    const error = await refusal(core.api.undo({ changeId: first.changeId! }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(p.ref);
    expect(error.message).toContain('notes');
    expect(await core.api.getPerson({ id: p.id })).toMatchObject({ notes: 'Second note', sex: 'male' });
    expect(custodyLog(core)).toHaveLength(logLength);
    expect(events.changes()).toEqual([]);

    // A delete undone after the person was restored by hand, or a creation undone twice: refused as well.
    const deleted = await core.api.deletePerson({ id: p.id, reason: 'Test' });
    await core.api.restorePerson({ id: p.id });
    expect((await refusal(core.api.undo({ changeId: deleted.changeId! }))).code).toBe('CONFLICT');
    const other = await core.api.createPerson({ names: [{ name: 'Zahra Ahmadi' }] });
    await core.api.deletePerson({ id: other.record.id, reason: 'Mistake' });
    expect((await refusal(core.api.undo({ changeId: other.changeId! }))).code).toBe('CONFLICT');
    expect((await core.api.getPerson({ id: other.record.id })).deletedReason).toBe('Mistake');
    expect(custodyLog(core)).toHaveLength(logLength + 4); // delete, restore, create, delete: the refused undos wrote nothing
  });

  it('says NOT_FOUND for a change id it never wrote, and refuses what is not a change id', async () => {
    const core = await openCore();
    const error = await refusal(core.api.undo({ changeId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await dispatchRefusal(core, 'undo', { changeId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' })).code).toBe('NOT_FOUND');
    expect((await dispatchRefusal(core, 'undo', { changeId: "1' OR '1'='1" })).code).toBe('INVALID_ARGUMENT');
  });

  it('undoes adding, editing and removing names, and redoes them', async () => {
    const core = await openCore();
    const { record: p } = await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }] });
    const added = await core.api.addPersonName({ personId: p.id, name: { name: 'علی رحیمی' } });
    const fa = added.record.names.find((n) => n.script === 'persian')!;
    const edited = await core.api.updatePersonName({ id: fa.id, patch: { name: 'علي رحيمي', type: 'variant' } });
    const removed = await core.api.removePersonName({ id: p.names[0]!.id });
    expect((await core.api.getPerson({ id: p.id })).names.map((n) => n.name)).toEqual(['علي رحيمي']);

    const unremoved = await undo(core, removed.changeId);
    expect(unremoved.events).toMatchObject([{ action: 'name-added', targetGlobalId: p.names[0]!.globalId }]);
    let names = (await core.api.getPerson({ id: p.id })).names;
    expect(names.map((n) => [n.id, n.name, n.preferred])).toEqual([
      [fa.id, 'علي رحيمي', true],
      [p.names[0]!.id, 'Ali Rahimi', true],
    ]);
    await undo(core, edited.changeId);
    names = (await core.api.getPerson({ id: p.id })).names;
    expect(names.find((n) => n.id === fa.id)).toMatchObject({ name: 'علی رحیمی', type: 'legal' });
    const unadded = await undo(core, added.changeId);
    expect(unadded.events).toMatchObject([{ action: 'name-removed', targetGlobalId: fa.globalId }]);
    expect((await core.api.getPerson({ id: p.id })).names.map((n) => n.name)).toEqual(['Ali Rahimi']);
    // Redo: the name comes back under its own identity.
    await undo(core, unadded.changeId);
    expect((await core.api.getPerson({ id: p.id })).names.find((n) => n.script === 'persian')).toMatchObject({ id: fa.id, globalId: fa.globalId, name: 'علی رحیمی' });
    await verified(core);
  });

  it('undoes marking a name preferred, giving the mark back to the name that had it', async () => {
    const core = await openCore();
    const { record: p } = await core.api.createPerson({ names: [{ name: 'Ali Rahimi' }, { name: 'Aly Rahimy' }] });
    const second = p.names[1]!;
    const marked = await core.api.updatePersonName({ id: second.id, patch: { preferred: true } });
    expect(marked.record.nameLatin).toBe('Aly Rahimy');
    await undo(core, marked.changeId);
    const back = await core.api.getPerson({ id: p.id });
    expect(back.nameLatin).toBe('Ali Rahimi');
    expect(back.names.map((n) => [n.name, n.preferred])).toEqual([
      ['Ali Rahimi', true],
      ['Aly Rahimy', false],
    ]);
  });

  it('undoes a batch tagging over many items in one change, and redoes it, free tag included', async () => {
    const core = await openCore({ previews: false });
    const ids = await importItems(core, tempDir('photos'), 30);
    const tagged = await core.api.tagItems({ selection: { filter: {} }, add: [{ label: 'Khavaran 2008' }] });
    expect(tagged.record.changed).toBe(30);
    const tagId = tagged.record.tags[0]!.id;
    const events = recordEvents(core);

    const undone = await undo(core, tagged.changeId);
    expect(undone.events.filter((e) => e.action === 'untagged')).toHaveLength(30);
    expect(undone.events.at(-1)).toMatchObject({ action: 'record-deleted', targetType: 'tag', details: { reason: 'Undone' } });
    expect(events.changes()).toHaveLength(1);
    expect((await core.api.listItems({ tag: 'Khavaran 2008' })).total).toBe(0);
    expect((await core.api.listTags()).map((t) => t.id)).not.toContain(tagId);

    const redone = await undo(core, undone.changeId);
    expect(redone.events[0]).toMatchObject({ action: 'record-restored', targetType: 'tag' });
    expect(redone.events.filter((e) => e.action === 'tagged')).toHaveLength(30);
    expect((await core.api.listTags()).find((t) => t.id === tagId)!.itemCount).toBe(30);
    expect((await core.api.getItem({ id: ids[17]! })).tags.map((t) => t.id)).toEqual([tagId]);

    const untag = await core.api.tagItems({ selection: { ids: [ids[0]!, ids[1]!] }, remove: [tagId] });
    await undo(core, untag.changeId);
    expect((await core.api.getItem({ id: ids[0]! })).tags.map((t) => t.id)).toEqual([tagId]);
    await verified(core);
  });

  it('refuses to undo a tagging when one of its records was untagged since, and changes none of them', async () => {
    const core = await openCore({ previews: false });
    const ids = await importItems(core, tempDir('photos'), 3);
    const tag = (await core.api.createTag({ labelEn: 'Review' })).record;
    const tagged = await core.api.tagItems({ selection: { ids }, add: [{ id: tag.id }] });
    await core.api.tagItems({ selection: { ids: [ids[1]!] }, remove: [tag.id] });
    const logLength = custodyLog(core).length;
    expect((await refusal(core.api.undo({ changeId: tagged.changeId! }))).code).toBe('CONFLICT');
    expect(custodyLog(core)).toHaveLength(logLength);
    expect((await core.api.getItem({ id: ids[0]! })).tags.map((t) => t.id)).toEqual([tag.id]);
    expect((await core.api.getItem({ id: ids[2]! })).tags.map((t) => t.id)).toEqual([tag.id]);
  });

  it('undoes linking, unlinking and editing a link; the undo shows in both ends’ histories', async () => {
    const core = await openCore({ previews: false });
    const [item] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    const { record: p } = await core.api.createPerson({ names: [{ name: 'Mohammad Rezaei' }] });
    const linked = await core.api.createLink({ type: 'item-depicts-person', itemId: item, personId: p.id });
    const edited = await core.api.updateLink({ id: linked.record.id, patch: { certainty: 'confirmed', note: 'His sister recognised him.' } });

    await undo(core, edited.changeId);
    expect((await core.api.getItem({ id: item })).links[0]).toMatchObject({ certainty: 'reported', note: null });
    const unlinked = await undo(core, linked.changeId);
    expect(unlinked.events).toMatchObject([{ action: 'unlinked', targetGlobalId: linked.record.globalId, details: { reason: 'Undone' } }]);
    expect((await core.api.getItem({ id: item })).links).toEqual([]);
    expect((await core.api.getPerson({ id: p.id })).items).toEqual([]);
    const relinked = await undo(core, unlinked.changeId);
    expect(relinked.events).toMatchObject([{ action: 'relinked', targetGlobalId: linked.record.globalId }]);
    expect((await core.api.getPerson({ id: p.id })).items.map((g) => g.link.id)).toEqual([linked.record.id]);

    const removed = await core.api.deleteLink({ id: linked.record.id, reason: 'Wrong person' });
    await undo(core, removed.changeId);
    expect((await core.api.getItem({ id: item })).links.map((l) => l.globalId)).toEqual([linked.record.globalId]);
    const actions = (await core.api.getPerson({ id: p.id })).custody.map((e) => e.action);
    expect(actions).toEqual(['record-created', 'linked', 'link-edited', 'link-edited', 'unlinked', 'relinked', 'unlinked', 'relinked']);
    expect((await core.api.getItem({ id: item })).custody.map((e) => e.action).slice(-7)).toEqual(actions.slice(1));
    await verified(core);
  });

  it('undoes an item edit, acquisition included, and a source edit', async () => {
    const core = await openCore({ previews: false });
    const [item] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    const { record: source } = await core.api.createSource({ title: 'Letter', reliability: 'low' });
    const edit = await core.api.updateItem({ id: item, patch: { title: 'Evin', sensitivity: 'public', acquisition: { sourceId: source.id, date: 'Mordad 1367' } } });
    const cleared = await core.api.updateItem({ id: item, patch: { acquisition: { date: '' } } });
    expect(eventsOf(core, cleared.changeId)[0]!.details).toEqual({ before: { acquiredDate: 'Mordad 1367' }, after: { acquiredDate: null } });
    await undo(core, cleared.changeId);
    expect((await core.api.getItem({ id: item })).acquisition.date).toMatchObject({ original: 'Mordad 1367', earliest: '1988-07-23' });
    await undo(core, edit.changeId);
    const back = await core.api.getItem({ id: item });
    expect(back).toMatchObject({ title: null, sensitivity: 'restricted' });
    expect(back.acquisition).toEqual({ source: null, acquiredBy: null, method: null, date: null });

    const sourceEdit = await core.api.updateSource({ id: source.id, patch: { title: 'Letter from Evin, 1988', reliability: 'medium' } });
    const undone = await undo(core, sourceEdit.changeId);
    expect(undone.events).toMatchObject([{ action: 'record-edited', targetGlobalId: source.globalId }]);
    expect((await core.api.listSources()).rows[0]).toMatchObject({ title: 'Letter', reliability: 'low' });
    await undo(core, undone.changeId);
    expect((await core.api.listSources()).rows[0]).toMatchObject({ title: 'Letter from Evin, 1988', reliability: 'medium' });
    await verified(core);
  });

  it('undoes creating a source by hiding it, and redoes it', async () => {
    const core = await openCore();
    const created = await core.api.createSource({ title: 'Made by mistake' });
    const undone = await undo(core, created.changeId);
    expect((await core.api.listSources()).total).toBe(0);
    await undo(core, undone.changeId);
    expect((await core.api.listSources()).rows.map((s) => s.globalId)).toEqual([created.record.globalId]);
  });

  it('undoes creating, editing and deleting places and tags', async () => {
    const core = await openCore();
    const place = await core.api.createPlace({ type: 'cemetery', nameLatin: 'Khavaran' });
    const moved = await core.api.updatePlace({ id: place.record.id, patch: { nameFa: 'خاوران', lat: 35.58, lon: 51.49 } });
    await undo(core, moved.changeId);
    expect(await core.api.getPlace({ id: place.record.id })).toMatchObject({ nameFa: null, lat: null, lon: null });
    await undo(core, place.changeId);
    expect((await core.api.listPlaces()).total).toBe(0);

    const tag = await core.api.createTag({ labelEn: 'Letters' });
    const renamed = await core.api.updateTag({ id: tag.record.id, patch: { labelFa: 'نامه‌ها' } });
    const deleted = await core.api.deleteTag({ id: tag.record.id, reason: 'Not needed' });
    await undo(core, deleted.changeId);
    await undo(core, renamed.changeId);
    expect((await core.api.listTags()).find((t) => t.id === tag.record.id)).toMatchObject({ labelEn: 'Letters', labelFa: null });
    await verified(core);
  });
});
