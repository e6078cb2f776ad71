import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientProvider } from '../../../src/renderer/client/ClientProvider';
import { defaultItemQuery, listArgs, RANGE_SETTLE_MS, REFRESH_INTERVAL_MS, useItemPages } from '../../../src/renderer/items/use-item-pages';
import { createFakeClient, item } from '../fake-client';

afterEach(() => {
  vi.useRealTimers();
});

function setup(count: number) {
  vi.useFakeTimers();
  const fake = createFakeClient({ items: Array.from({ length: count }, (_, i) => item({ title: `Item ${i}` })) });
  const wrapper = ({ children }: { children: ReactNode }) => <ClientProvider client={fake.client}>{children}</ClientProvider>;
  const hook = renderHook(() => useItemPages((args) => fake.api.listItems(args), defaultItemQuery, 100), { wrapper });
  return { fake, hook };
}

const flush = () => act(async () => {});

describe('useItemPages', () => {
  it('asks for each page in a range once, and serves later reads from the cache', async () => {
    const { fake, hook } = setup(1000);
    await flush();
    expect(hook.result.current.total).toBe(1000);
    expect(hook.result.current.itemAt(5)?.title).toBe('Item 5');
    expect(hook.result.current.itemAt(150)).toBeUndefined();

    act(() => hook.result.current.ensureRange(150, 349));
    act(() => hook.result.current.ensureRange(180, 379)); // scrolled on before the pages were asked for
    await act(async () => vi.advanceTimersByTime(RANGE_SETTLE_MS));
    expect(fake.api.listItems.mock.calls.map(([a]) => a?.offset)).toEqual([0, 100, 200, 300]);
    expect(hook.result.current.itemAt(379)?.title).toBe('Item 379');

    act(() => hook.result.current.ensureRange(0, 399));
    await act(async () => vi.advanceTimersByTime(RANGE_SETTLE_MS));
    expect(fake.api.listItems).toHaveBeenCalledTimes(4);
  });

  it('refreshes the first page and those in view at most once a second while changes pour in', async () => {
    const { fake, hook } = setup(500);
    await flush();
    act(() => hook.result.current.ensureRange(150, 260));
    await act(async () => vi.advanceTimersByTime(RANGE_SETTLE_MS));
    act(() => hook.result.current.ensureRange(250, 260)); // scrolled on: page 1 is loaded but out of view
    await act(async () => vi.advanceTimersByTime(RANGE_SETTLE_MS));
    expect(fake.api.listItems).toHaveBeenCalledTimes(3);
    fake.api.listItems.mockClear();

    fake.data.items.unshift(item({ title: 'New' }));
    for (let i = 0; i < 20; i++) act(() => fake.emit({ type: 'catalogue-changed', what: ['items'] }));
    await flush();
    // At once for the first change: page 0 and the page in view (items 250-260 are in page 2).
    expect(fake.api.listItems.mock.calls.map(([a]) => a?.offset)).toEqual([0, 200]);
    expect(hook.result.current.itemAt(0)?.title).toBe('New');
    // Pages out of view are not asked for again, and keep their rows rather than blanking.
    expect(hook.result.current.itemAt(110)?.title).toBe('Item 110');

    await act(async () => vi.advanceTimersByTime(REFRESH_INTERVAL_MS));
    expect(fake.api.listItems).toHaveBeenCalledTimes(4); // one more refresh for the rest of the burst
    await act(async () => vi.advanceTimersByTime(5 * REFRESH_INTERVAL_MS));
    expect(fake.api.listItems).toHaveBeenCalledTimes(4);
    expect(hook.result.current.total).toBe(501);
  });

  it('updates an item in place when its preview is ready', async () => {
    const { fake, hook } = setup(10);
    await flush();
    const id = hook.result.current.itemAt(3)!.id;
    const before = hook.result.current.version;
    act(() => fake.emit({ type: 'preview-ready', itemId: id, state: 'failed' }));
    expect(hook.result.current.itemAt(3)?.preview).toBe('failed');
    expect(hook.result.current.version).toBeGreaterThan(before);
    expect(fake.api.listItems).toHaveBeenCalledTimes(1);
  });

  it('sends only the filters that are set', () => {
    expect(listArgs({ ...defaultItemQuery, tag: '  ' }, 0, 200)).toEqual({ offset: 0, limit: 200, sort: 'imported', order: 'desc' });
    expect(listArgs({ sort: 'taken', order: 'asc', kind: 'document', tag: ' Evin ', takenFrom: '1988-07-01', takenTo: '' }, 400, 200)).toEqual({
      offset: 400,
      limit: 200,
      sort: 'taken',
      order: 'asc',
      kind: 'document',
      tag: 'Evin',
      takenFrom: '1988-07-01',
    });
  });
});
