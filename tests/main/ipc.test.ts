import { describe, expect, it, vi } from 'vitest';
import { apiMethods, ipcChannel, IPC_EVENT_CHANNEL, IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL } from '../../src/shared/api';
import type { VigilEvent } from '../../src/shared/dto';
import type { ApiResult } from '../../src/shared/errors';
import type { Dispatch } from '../../src/core/api/core-types';

vi.mock('electron', () => ({}));
const { isTrustedSender, registerIpc } = await import('../../src/main/ipc');

type Handler = (event: unknown, args: unknown) => Promise<ApiResult<unknown>>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  let emit: (event: VigilEvent) => void = () => {};
  const unsubscribe = vi.fn();
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'dispatched' }));
  const core = {
    dispatch,
    onEvent: vi.fn((listener: (event: VigilEvent) => void) => {
      emit = listener;
      return unsubscribe;
    }),
  };
  const windows = [
    { isDestroyed: () => false, send: vi.fn() },
    { isDestroyed: () => true, send: vi.fn() },
    { isDestroyed: () => false, send: vi.fn() },
  ];
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    core,
    getWebContents: () => windows as never,
  });
  return { handlers, ipcMain, dispatch, emit: (e: VigilEvent) => emit(e), unsubscribe, windows, dispose };
}

const topFrame = (url: string) => ({ senderFrame: { parent: null, url } });
const childFrame = (url: string) => ({ senderFrame: { parent: { url: 'vigil://app/index.html' }, url } });

describe('isTrustedSender', () => {
  it('accepts only the top frame of the app', () => {
    expect(isTrustedSender(topFrame('vigil://app/index.html'))).toBe(true);
    expect(isTrustedSender(childFrame('vigil://app/index.html'))).toBe(false);
    expect(isTrustedSender(topFrame('https://example.org/'))).toBe(false);
    expect(isTrustedSender(topFrame('vigil://media/1/thumb'))).toBe(false);
    expect(isTrustedSender(topFrame('vigil://app@evil/'))).toBe(false);
    expect(isTrustedSender(topFrame('file:///work/out/renderer/index.html'))).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });

  it('refuses when reading the frame throws (a destroyed frame)', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(event)).toBe(false);
  });
});

describe('the native open dialog channel', () => {
  it('answers only the app\'s top frame, only for files or a folder, and is removed on dispose', async () => {
    const handlers = new Map<string, (event: unknown, kind: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((channel: string, handler: (event: unknown, kind: unknown) => Promise<unknown>) => handlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    };
    const pickPaths = vi.fn(async (kind: 'files' | 'folder') => [`/picked/${kind}`]);
    const dispose = registerIpc({
      ipcMain: ipcMain as never,
      core: { dispatch: vi.fn(), onEvent: vi.fn(() => () => {}) },
      getWebContents: () => [],
      pickPaths,
    });
    const pick = handlers.get(IPC_PICK_PATHS_CHANNEL)!;
    expect(await pick(topFrame('vigil://app/index.html'), 'folder')).toEqual(['/picked/folder']);
    expect(await pick(childFrame('vigil://app/index.html'), 'files')).toEqual([]);
    expect(await pick(topFrame('https://evil.example/'), 'files')).toEqual([]);
    expect(await pick(topFrame('vigil://app/index.html'), { properties: ['openFile'] })).toEqual([]);
    expect(pickPaths).toHaveBeenCalledOnce();
    dispose();
    expect(handlers.has(IPC_PICK_PATHS_CHANNEL)).toBe(false);
  });
});

describe('the native dialog channels for CSV files', () => {
  function register() {
    const handlers = new Map<string, (event: unknown, kind: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn((channel: string, handler: (event: unknown, kind: unknown) => Promise<unknown>) => handlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    };
    const pickPaths = vi.fn(async (kind: string) => [`/picked/${kind}.csv`]);
    const pickSavePath = vi.fn(async () => '/exports/vigil-persons.csv');
    const dispose = registerIpc({
      ipcMain: ipcMain as never,
      core: { dispatch: vi.fn(), onEvent: vi.fn(() => () => {}) },
      getWebContents: () => [],
      pickPaths,
      pickSavePath,
    });
    return { handlers, pickPaths, pickSavePath, dispose };
  }
  const app = topFrame('vigil://app/index.html');

  it('opens one CSV file for the csv kind', async () => {
    const { handlers, pickPaths } = register();
    expect(await handlers.get(IPC_PICK_PATHS_CHANNEL)!(app, 'csv')).toEqual(['/picked/csv.csv']);
    expect(pickPaths).toHaveBeenCalledWith('csv');
  });

  it('shows the save dialog only for the app top frame and a known kind, and answers its path', async () => {
    const { handlers, pickSavePath, dispose } = register();
    const save = handlers.get(IPC_PICK_SAVE_PATH_CHANNEL)!;
    expect(await save(app, 'persons-csv')).toBe('/exports/vigil-persons.csv');
    expect(pickSavePath).toHaveBeenCalledWith('persons-csv');
    expect(await save(childFrame('vigil://app/index.html'), 'persons-csv')).toBeNull();
    expect(await save(topFrame('https://evil.example/'), 'persons-csv')).toBeNull();
    expect(await save({ senderFrame: null }, 'persons-csv')).toBeNull();
    expect(await save(app, 'anything')).toBeNull();
    expect(await save(app, { defaultPath: '/etc/passwd' })).toBeNull();
    expect(pickSavePath).toHaveBeenCalledOnce();
    dispose();
    expect(handlers.has(IPC_PICK_SAVE_PATH_CHANNEL)).toBe(false);
  });

  it('registers no save channel when the shell offers no save dialog', () => {
    const handlers = new Map<string, unknown>();
    registerIpc({
      ipcMain: { handle: (channel: string, handler: unknown) => handlers.set(channel, handler), removeHandler: vi.fn() } as never,
      core: { dispatch: vi.fn(), onEvent: vi.fn(() => () => {}) },
      getWebContents: () => [],
    });
    expect(handlers.has(IPC_PICK_SAVE_PATH_CHANNEL)).toBe(false);
  });
});

describe('registerIpc', () => {
  it('handles exactly one prefixed channel per contract method', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(apiMethods.map(ipcChannel).sort());
    for (const channel of handlers.keys()) expect(channel.startsWith('vigil:')).toBe(true);
  });

  it('dispatches the method and arguments for the app top frame', async () => {
    const { handlers, dispatch } = setup();
    const result = await handlers.get(ipcChannel('search'))!(topFrame('vigil://app/index.html'), { query: 'x' });
    expect(result).toEqual({ ok: true, value: 'dispatched' });
    expect(dispatch).toHaveBeenCalledWith('search', { query: 'x' });
  });

  it.each([
    ['a child frame', childFrame('vigil://app/index.html')],
    ['another origin', topFrame('https://example.org/')],
    ['a file page', topFrame('file:///etc/passwd')],
    ['a gone frame', { senderFrame: null }],
  ])('refuses %s without dispatching', async (_label, event) => {
    const { handlers, dispatch } = setup();
    const result = await handlers.get(ipcChannel('getStatus'))!(event, undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_ARGUMENT');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into an INTERNAL error value', async () => {
    const { handlers, dispatch } = setup();
    dispatch.mockRejectedValueOnce(new Error('boom at /secret/path'));
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await handlers.get(ipcChannel('verify'))!(topFrame('vigil://app/index.html'), undefined);
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
  });

  it('forwards core events to every live window on the event channel', () => {
    const { emit, windows } = setup();
    const event: VigilEvent = { type: 'catalogue-changed', what: ['items'] };
    emit(event);
    expect(windows[0]!.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(windows[2]!.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(windows[1]!.send).not.toHaveBeenCalled();
  });

  it('dispose removes every handler and stops events', () => {
    const { dispose, handlers, unsubscribe } = setup();
    dispose();
    expect(handlers.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
