import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src/core/api/dispatcher';
import type { CatalogueApi } from '../../../src/shared/api';
import { CatalogueError } from '../../../src/shared/errors';

function fakeApi(overrides: Partial<CatalogueApi> = {}): CatalogueApi {
  const notUsed = async () => {
    throw new Error('not used');
  };
  return {
    getStatus: notUsed, setActor: notUsed, listItems: notUsed, listPersons: notUsed, listPlaces: notUsed,
    listExhibitSets: notUsed, search: notUsed, verify: notUsed, ...overrides,
  } as CatalogueApi;
}

describe('dispatcher', () => {
  it('refuses methods that are not in the contract, including inherited names', async () => {
    const dispatch = createDispatcher(fakeApi());
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const result = await dispatch(name, {});
      expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('no catalogue operation') } });
    }
  });

  it('validates arguments before the method runs', async () => {
    const search = vi.fn(async () => []);
    const dispatch = createDispatcher(fakeApi({ search }));
    expect(await dispatch('search', { query: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('query') } });
    expect(await dispatch('search', { query: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await dispatch('search', { query: 'x', limit: 100000 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await dispatch('setActor', { name: 'a\u0000b', organisation: 'o' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(search).not.toHaveBeenCalled();
    expect(await dispatch('search', { query: 'Ahmad', limit: 5 })).toEqual({ ok: true, value: [] });
    expect(search).toHaveBeenCalledWith({ query: 'Ahmad', limit: 5 });
  });

  it('treats null and missing arguments alike for methods without arguments', async () => {
    const dispatch = createDispatcher(fakeApi({ listExhibitSets: async () => [] }));
    expect(await dispatch('listExhibitSets', null)).toEqual({ ok: true, value: [] });
    expect(await dispatch('listExhibitSets', undefined)).toEqual({ ok: true, value: [] });
    expect(await dispatch('listExhibitSets', { x: 1 })).toMatchObject({ ok: false });
  });

  it('passes CatalogueErrors through and hides unexpected ones', async () => {
    const onInternalError = vi.fn();
    const dispatch = createDispatcher(
      fakeApi({
        verify: async () => {
          throw new CatalogueError('IO', 'The disk went away.');
        },
        getStatus: async () => {
          throw new TypeError('secret internals at /home/someone/file.ts:12');
        },
      }),
      { onInternalError },
    );
    expect(await dispatch('verify', undefined)).toEqual({ ok: false, error: { code: 'IO', message: 'The disk went away.' } });
    const hidden = await dispatch('getStatus', undefined);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
    expect(onInternalError).toHaveBeenCalledWith('getStatus', expect.any(TypeError));
  });
});
