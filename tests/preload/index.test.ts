// The preload entry with Electron mocked: what reaches the page is the bridge, under `vigil`, and nothing else.
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 1 })), on: vi.fn(), removeListener: vi.fn(), send: vi.fn() },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: electron.ipcRenderer,
  webUtils: { getPathForFile: () => '/dropped/file.jpg' },
}));

describe('src/preload/index.ts', () => {
  it('exposes exactly one bridge as window.vigil, which is not ipcRenderer', async () => {
    await import('../../src/preload/index');
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('vigil');
    expect(bridge).not.toBe(electron.ipcRenderer);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'pathForFile', 'pickPaths', 'pickSavePath']);
    expect((bridge.pathForFile as (f: unknown) => string)({})).toBe('/dropped/file.jpg');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);

    const invoke = bridge.invoke as (method: string, args: unknown) => Promise<unknown>;
    expect(await invoke('getStatus', undefined)).toEqual({ ok: true, value: 1 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('vigil:getStatus', undefined);
    expect((await invoke('send', 'vigil:getStatus')) as { ok: boolean }).toMatchObject({ ok: false });
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
  });
});
