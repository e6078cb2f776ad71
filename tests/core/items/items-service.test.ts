/**
 * Editing items through the CatalogueApi (issue 8 §6): title, description, sensitivity and acquisition
 * (source, by whom, how, when as typed), each change logged with before and after.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ItemId, SourceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { databaseOf, dispatchOk, dispatchRefusal, eventsOf, importItems, recordEvents, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

describe('items service', () => {
  const { openCore, tempDir } = useCores();

  it('edits title, description, sensitivity and acquisition, logging only what changed', async () => {
    const core = await openCore({ previews: false });
    const [id] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    const source = (await core.api.createSource({ title: 'Family of M. Rezaei', kind: 'person', reliability: 'high' })).record;
    const before = await core.api.getItem({ id });
    expect(before).toMatchObject({ title: null, description: null, sensitivity: 'restricted' });
    expect(before.acquisition).toEqual({ source: null, acquiredBy: null, method: null, date: null });
    const events = recordEvents(core);

    const { changeId, record } = await core.api.updateItem({
      id,
      patch: {
        title: 'Mohammad Rezaei at home, 1987',
        description: 'Given by his sister.\nOriginal print kept by the family.',
        sensitivity: 'confidential',
        acquisition: { sourceId: source.id, acquiredBy: 'Maryam', method: 'Scanned at the family home', date: '۶ مرداد ۱۳۶۷' },
      },
    });
    expect(record).toMatchObject({ title: 'Mohammad Rezaei at home, 1987', sensitivity: 'confidential', description: 'Given by his sister.\nOriginal print kept by the family.' });
    expect(record.acquisition).toEqual({
      source: { id: source.id, ref: source.ref, title: 'Family of M. Rezaei', reliability: 'high' },
      acquiredBy: 'Maryam',
      method: 'Scanned at the family home',
      date: { original: '۶ مرداد ۱۳۶۷', calendar: 'solar-hijri', edtf: '1988-07-28', earliest: '1988-07-28', latest: '1988-07-28' },
    });
    const [event, ...more] = eventsOf(core, changeId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: 'record-edited', targetType: 'item', targetRef: before.ref, targetGlobalId: before.globalId });
    expect(event!.details).toEqual({
      before: { title: null, description: null, sensitivity: 'restricted', acquisitionSourceId: null, acquiredBy: null, acquisitionMethod: null, acquiredDate: null },
      after: {
        title: 'Mohammad Rezaei at home, 1987',
        description: 'Given by his sister.\nOriginal print kept by the family.',
        sensitivity: 'confidential',
        acquisitionSourceId: source.id,
        acquiredBy: 'Maryam',
        acquisitionMethod: 'Scanned at the family home',
        acquiredDate: '۶ مرداد ۱۳۶۷',
      },
    });
    expect(record.custody.at(-1)).toMatchObject({ action: 'record-edited', changeId });
    expect(events.changes()).toEqual([{ type: 'catalogue-changed', what: ['items'] }]);

    // One field changed: only it is logged; the rest of the acquisition is kept.
    const dated = await core.api.updateItem({ id, patch: { acquisition: { date: 'Mordad 1367' } } });
    expect(eventsOf(core, dated.changeId)[0]!.details).toEqual({ before: { acquiredDate: '۶ مرداد ۱۳۶۷' }, after: { acquiredDate: 'Mordad 1367' } });
    expect(dated.record.acquisition).toMatchObject({ acquiredBy: 'Maryam', source: { id: source.id }, date: { earliest: '1988-07-23', latest: '1988-08-22' } });

    // The same values again change nothing.
    const same = await core.api.updateItem({ id, patch: { title: 'Mohammad Rezaei at home, 1987', acquisition: { acquiredBy: 'Maryam' } } });
    expect(same.changeId).toBeNull();
    expect(events.changes()).toHaveLength(2);
  });

  it('refuses an unknown source or an unreadable date and leaves the item as it was', async () => {
    const core = await openCore({ previews: false });
    const [id] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    const missing = await refusal(core.api.updateItem({ id, patch: { title: 'New title', acquisition: { sourceId: 404 as SourceId } } }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('SRC-000404');
    const date = await refusal(core.api.updateItem({ id, patch: { title: 'New title', acquisition: { date: 'when the war ended' } } }));
    expect(date.code).toBe('INVALID_ARGUMENT');
    expect(date.message).toContain('Acquisition date');
    expect(date.message).toContain('1367/06/01');
    const item = await core.api.getItem({ id });
    expect(item.title).toBeNull();
    expect(item.custody.map((e) => e.action)).not.toContain('record-edited');
    expect((await refusal(core.api.updateItem({ id: 999 as ItemId, patch: { title: 'x' } }))).code).toBe('NOT_FOUND');
  });

  it('clears fields with null or blank text through the dispatcher, and refuses control characters in a title', async () => {
    const core = await openCore({ previews: false });
    const [id] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    await dispatchOk(core, 'updateItem', { id, patch: { title: 'A title', acquisition: { acquiredBy: 'Maryam', date: '1988' } } });
    await dispatchOk(core, 'updateItem', { id, patch: { title: '   ', acquisition: { acquiredBy: null, date: '' } } });
    const item = await core.api.getItem({ id });
    expect(item.title).toBeNull();
    expect(item.acquisition).toMatchObject({ acquiredBy: null, date: null });
    expect((await dispatchRefusal(core, 'updateItem', { id, patch: { title: 'bad\u0007bell' } })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'updateItem', { id, patch: { sensitivity: 'secret' } })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'updateItem', { id, patch: { sha256: '0'.repeat(64) } })).code).toBe('INVALID_ARGUMENT');
  });

  it('edits the other fields of an item whose stored acquisition date no longer reads (kept as recorded)', async () => {
    const core = await openCore({ previews: false });
    const [id] = (await importItems(core, tempDir('photos'), 1)) as [ItemId];
    // A v1 catalogue kept the acquisition date as free text; schema 2 moved it over as it was.
    databaseOf(core)
      .prepare(`UPDATE items SET acquired_date = json_object('original', 'spring 88', 'calendar', 'gregorian', 'edtf', 'spring 88') WHERE id = ?`)
      .run(id);
    const { record } = await core.api.updateItem({ id, patch: { title: 'Khavaran, 2008' } });
    expect(record.title).toBe('Khavaran, 2008');
    expect(record.acquisition.date).toMatchObject({ original: 'spring 88' });
  });
});
