/** Sources through the CatalogueApi (issue 8 §3): who or what gave the information, with its reliability. */
import { describe, expect, it, vi } from 'vitest';
import type { SourceId } from '../../../src/shared/ids';
import { useCores } from '../../helpers/open-core';
import { dispatchRefusal, eventsOf, refusal } from '../../helpers/records';

vi.mock('../../../src/core/db/open-database', async (original) => (await import('../../helpers/records')).observeDatabases(await original()));

describe('sources service', () => {
  const { openCore } = useCores();

  it('creates sources with cautious defaults, lists them by title and logs each edit with before and after', async () => {
    const core = await openCore();
    const { changeId, record } = await core.api.createSource({ title: 'Testimony of the sister' });
    expect(record).toMatchObject({ ref: 'SRC-000001', kind: 'other', reliability: 'unknown', sensitivity: 'restricted', description: null });
    expect(eventsOf(core, changeId)).toMatchObject([{ action: 'record-created', targetType: 'source', targetGlobalId: record.globalId }]);
    await core.api.createSource({ title: 'Amnesty International, 1990', kind: 'publication', reliability: 'high' });
    await core.api.createSource({ title: '100% reliable_list' });

    expect((await core.api.listSources()).rows.map((s) => s.title)).toEqual(['100% reliable_list', 'Amnesty International, 1990', 'Testimony of the sister']);
    expect((await core.api.listSources({ text: 'amnesty' })).rows.map((s) => s.ref)).toEqual(['SRC-000002']);
    expect((await core.api.listSources({ text: '%' })).total).toBe(1);
    expect((await core.api.listSources({ text: '_' })).total).toBe(1);

    const edited = await core.api.updateSource({ id: record.id, patch: { kind: 'testimony', reliability: 'medium', title: 'Testimony of the sister' } });
    expect(edited.record).toMatchObject({ kind: 'testimony', reliability: 'medium' });
    expect(eventsOf(core, edited.changeId)[0]!.details).toEqual({ before: { kind: 'other', reliability: 'unknown' }, after: { kind: 'testimony', reliability: 'medium' } });
    expect((await core.api.updateSource({ id: record.id, patch: { reliability: 'medium' } })).changeId).toBeNull();
    expect((await refusal(core.api.updateSource({ id: 99 as SourceId, patch: { title: 'x' } }))).code).toBe('NOT_FOUND');
    expect((await dispatchRefusal(core, 'createSource', { title: 'x', reliability: 'certain' })).code).toBe('INVALID_ARGUMENT');
    expect((await dispatchRefusal(core, 'updateSource', { id: record.id, patch: { title: '' } })).code).toBe('INVALID_ARGUMENT');
  });
});
