import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridgeClient, isVigilBridge, pickClient } from '../../../src/renderer/client/pick-client';
import type { VigilBridge } from '../../../src/shared/client';
import type { VigilEvent } from '../../../src/shared/dto';
import { CatalogueError } from '../../../src/shared/errors';

afterEach(() => {
  vi.unstubAllGlobals();
});

function fakeBridge() {
  const listeners: Array<(event: VigilEvent) => void> = [];
  const bridge = {
    invoke: vi.fn<VigilBridge['invoke']>(async (method) =>
      method === 'listExhibitSets' ? { ok: true, value: [] } : { ok: false, error: { code: 'NOT_FOUND', message: 'No such thing.' } },
    ),
    onEvent: vi.fn<VigilBridge['onEvent']>((listener) => {
      listeners.push(listener);
      return () => undefined;
    }),
  };
  return { bridge, listeners };
}

describe('pickClient', () => {
  it('uses the Electron bridge when window.vigil exists', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const { bridge, listeners } = fakeBridge();
    const client = pickClient({ vigil: bridge });

    await expect(client.api.listExhibitSets()).resolves.toEqual([]);
    expect(bridge.invoke).toHaveBeenCalledWith('listExhibitSets', undefined);
    await expect(client.api.getStatus()).rejects.toEqual(new CatalogueError('NOT_FOUND', 'No such thing.'));
    expect(fetchSpy).not.toHaveBeenCalled();

    const heard: VigilEvent[] = [];
    client.onEvent((event) => heard.push(event));
    listeners[0]?.({ type: 'catalogue-changed', what: ['items'] });
    expect(heard).toEqual([{ type: 'catalogue-changed', what: ['items'] }]);

    expect(client.mediaUrl(42, 'thumb')).toBe('vigil://media/42/thumb');
  });

  it('uses HTTP to the same origin when there is no bridge', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [] }), { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    const client = pickClient({});

    await expect(client.api.listExhibitSets()).resolves.toEqual([]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/listExhibitSets');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(client.mediaUrl(42, 'thumb')).toBe('/media/42/thumb');
  });

  it('ignores a window.vigil that is not a bridge', () => {
    vi.stubGlobal('fetch', vi.fn());
    expect(isVigilBridge({ invoke: 'nope', onEvent: () => undefined })).toBe(false);
    expect(isVigilBridge(null)).toBe(false);
    expect(pickClient({ vigil: { invoke: () => undefined } }).mediaUrl(1, 'original')).toBe('/media/1/original');
  });

  it('builds a bridge client whose media URLs use the vigil: protocol for every variant', () => {
    const { bridge } = fakeBridge();
    const client = createBridgeClient(bridge);
    expect(client.mediaUrl(7, 'preview')).toBe('vigil://media/7/preview');
    expect(client.mediaUrl(7, 'original')).toBe('vigil://media/7/original');
  });
});
