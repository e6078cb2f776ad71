import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { apiMethods, ipcChannel, IPC_EVENT_CHANNEL, IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL, type ApiMethod } from '../../src/shared/api';
import type { VigilEvent } from '../../src/shared/dto';

vi.mock('electron', () => {
  throw new Error('the bridge must not load electron itself');
});
const { createBridge } = await import('../../src/preload/create-bridge');

/** A stand-in for ipcRenderer: an emitter with invoke, which the page must never reach. */
class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } }));
  send = vi.fn();
  sendSync = vi.fn();
}

function setup() {
  const ipc = new FakeIpcRenderer();
  return { ipc, bridge: createBridge(ipc) };
}

/** Every value reachable from `root` through own properties, to look for leaks. */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root)) return seen;
  seen.add(root);
  for (const key of Reflect.ownKeys(root)) {
    const descriptor = Object.getOwnPropertyDescriptor(root, key);
    if (descriptor && 'value' in descriptor) reachable(descriptor.value, seen);
  }
  return seen;
}

describe('preload bridge', () => {
  it('exposes only invoke, onEvent, pickPaths, pickSavePath and pathForFile, frozen, with no path to ipcRenderer', () => {
    const { ipc, bridge } = setup();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'pathForFile', 'pickPaths', 'pickSavePath']);
    expect(Object.isFrozen(bridge)).toBe(true);
    const values = reachable(bridge);
    expect(values.has(ipc)).toBe(false);
    expect(values.has(ipc.invoke)).toBe(false);
    expect(values.has(ipc.send)).toBe(false);
  });

  it('asks the main process for paths only with a valid kind, and passes on only strings', async () => {
    const { ipc, bridge } = setup();
    ipc.invoke.mockResolvedValueOnce(['/evidence/a.jpg', 42, null, '/evidence/b.jpg'] as never);
    expect(await bridge.pickPaths!('files')).toEqual(['/evidence/a.jpg', '/evidence/b.jpg']);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_PICK_PATHS_CHANNEL, 'files');
    expect(await bridge.pickPaths!('everything' as 'files')).toEqual([]);
    expect(ipc.invoke).toHaveBeenCalledOnce();
  });

  it('asks for one CSV file with the csv kind', async () => {
    const { ipc, bridge } = setup();
    ipc.invoke.mockResolvedValueOnce(['/lists/persons.csv'] as never);
    expect(await bridge.pickPaths!('csv')).toEqual(['/lists/persons.csv']);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_PICK_PATHS_CHANNEL, 'csv');
  });

  it('asks the main process for a save path only with a known kind, and passes on only a non-empty string', async () => {
    const { ipc, bridge } = setup();
    ipc.invoke.mockResolvedValueOnce('/exports/persons.csv' as never);
    expect(await bridge.pickSavePath!('persons-csv')).toBe('/exports/persons.csv');
    expect(ipc.invoke).toHaveBeenLastCalledWith(IPC_PICK_SAVE_PATH_CHANNEL, 'persons-csv');
    for (const answer of [null, '', 42, ['/a.csv'], { path: '/a.csv' }]) {
      ipc.invoke.mockResolvedValueOnce(answer as never);
      expect(await bridge.pickSavePath!('persons-csv')).toBeNull();
    }
    const calls = ipc.invoke.mock.calls.length;
    expect(await bridge.pickSavePath!('/etc/passwd' as 'persons-csv')).toBeNull();
    expect(await bridge.pickSavePath!({ defaultPath: '/etc' } as never)).toBeNull();
    expect(ipc.invoke).toHaveBeenCalledTimes(calls);
  });

  it('finds the path of a dropped file through the given webUtils function, never throwing', () => {
    const ipc = new FakeIpcRenderer();
    const file = { name: 'a.jpg' } as File;
    expect(createBridge(ipc, (f) => `/drop/${f.name}`).pathForFile!(file)).toBe('/drop/a.jpg');
    expect(createBridge(ipc).pathForFile!(file)).toBe('');
    expect(createBridge(ipc, () => { throw new Error('not a real file'); }).pathForFile!(file)).toBe('');
  });

  it('invokes a contract method on its own prefixed channel', async () => {
    const { ipc, bridge } = setup();
    for (const method of apiMethods) {
      const result = await bridge.invoke(method, { some: 'args' });
      expect(result).toEqual({ ok: true, value: { channel: ipcChannel(method), args: { some: 'args' } } });
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(apiMethods.length);
  });

  it.each(['event', 'vigil:search', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'getstatus'])(
    'refuses the unknown method %j without touching IPC',
    async (name) => {
      const { ipc, bridge } = setup();
      const result = await bridge.invoke(name as ApiMethod, {});
      expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.any(String) } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a method name that is not a string', async () => {
    const { ipc, bridge } = setup();
    for (const name of [42, null, { toString: () => 'search' }, ['search']]) {
      const result = await bridge.invoke(name as unknown as ApiMethod, {});
      expect(result.ok).toBe(false);
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected IPC call into an error value', async () => {
    const { ipc, bridge } = setup();
    ipc.invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'vigil:verify'"));
    const result = await bridge.invoke('verify', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
  });

  it('passes only the event payload to listeners, never the IPC event', () => {
    const { ipc, bridge } = setup();
    const received: unknown[][] = [];
    bridge.onEvent((...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: ipc, ports: [] };
    const payload: VigilEvent = { type: 'catalogue-changed', what: ['persons'] };
    ipc.emit(IPC_EVENT_CHANNEL, ipcEvent, payload);
    expect(received).toEqual([[payload]]);
    expect(reachable(received).has(ipc)).toBe(false);
  });

  it('listens only on the event channel', () => {
    const { ipc, bridge } = setup();
    const listener = vi.fn();
    bridge.onEvent(listener);
    ipc.emit('vigil:other', {}, { type: 'catalogue-changed', what: [] });
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.eventNames()).toEqual([IPC_EVENT_CHANNEL]);
  });

  it('unsubscribe stops delivery, removes the IPC listener and is safe to call twice', () => {
    const { ipc, bridge } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = bridge.onEvent(first);
    bridge.onEvent(second);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(2);
    unsubscribeFirst();
    unsubscribeFirst();
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(1);
    ipc.emit(IPC_EVENT_CHANNEL, {}, { type: 'catalogue-changed', what: ['items'] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('refuses a listener that is not a function', () => {
    const { ipc, bridge } = setup();
    expect(() => bridge.onEvent('alert(1)' as never)).toThrow(TypeError);
    expect(ipc.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
