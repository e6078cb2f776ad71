import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, ipcChannel, IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL } from '../../src/shared/api';
import { CatalogueError } from '../../src/shared/errors';
import type { Core, CoreOptions } from '../../src/core/api/core-types';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));
const { runApp } = await import('../../src/main/run-app');
const { ELECTRON_SQLITE_BINDING } = await import('../../src/main/native-binding');
const { menuTemplate } = await import('../../src/main/menu');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-run-app-'));
  mkdirSync(join(dir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '<title>Vigil</title>');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function fakeCore(): Core {
  return {
    catalogueDir: '/c',
    api: {} as Core['api'],
    dispatch: vi.fn(async () => ({ ok: true as const, value: null })),
    onEvent: vi.fn(() => () => {}),
    resolveMedia: vi.fn(() => {
      throw new CatalogueError('NOT_FOUND', 'none');
    }),
    resolveDownload: vi.fn(() => {
      throw new CatalogueError('NOT_FOUND', 'none');
    }),
    importPaths: vi.fn(),
    importPersonsCsv: vi.fn(),
    previewPersonsCsv: vi.fn(),
    exportPersons: vi.fn(),
    verify: vi.fn(),
    stageUpload: vi.fn(),
    idle: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
  };
}

function fakeElectron(options: { lock?: boolean; isPackaged?: boolean } = {}) {
  const paths = new Map([
    ['appData', join(dir, 'appData')],
    ['userData', join(dir, 'appData', 'vigil')],
    ['documents', join(dir, 'Documents')],
  ]);
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? false,
    getPath: vi.fn((name: string) => paths.get(name)!),
    setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
    getAppPath: () => join(dir, 'project'),
    getVersion: () => '9.8.7',
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    whenReady: vi.fn(async () => {}),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    webContents = { isDestroyed: () => false, send: vi.fn() };
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    isDestroyed = () => false;
    constructor(readonly options: { webPreferences: { preload: string } }) {
      super();
      windows.push(this);
    }
    static getAllWindows = () => windows;
  }
  const handlers = new Map<string, unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/lists/a.csv', '/lists/b.csv'] })),
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/exports/persons.csv' })),
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: unknown) => void handlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler)),
    },
    session: { defaultSession: session },
  };
  return { electron, app, windows, handlers, protocolHandlers, session };
}

function deps(fake: ReturnType<typeof fakeElectron>, extra: { env?: Record<string, string>; createCore?: (o: CoreOptions) => Promise<Core>; files?: string[] } = {}) {
  const createCore = vi.fn(extra.createCore ?? (async () => fakeCore()));
  const loadWorkstationId = vi.fn(() => 'ws-1');
  return {
    createCore,
    loadWorkstationId,
    value: {
      electron: fake.electron as never,
      createCore,
      loadWorkstationId,
      env: extra.env ?? {},
      outDir: join(dir, 'out'),
      fileExists: (path: string) => (extra.files ?? []).includes(path),
      platform: 'linux' as const,
    },
  };
}

describe('runApp', () => {
  it('quits when another instance holds the lock, without opening the catalogue', async () => {
    const fake = fakeElectron({ lock: false });
    const d = deps(fake);
    await runApp(d.value);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(d.createCore).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('shows the error and exits when the catalogue cannot be opened', async () => {
    const fake = fakeElectron();
    const d = deps(fake, {
      createCore: async () => {
        throw new CatalogueError('CONFLICT', 'The catalogue is open in another Vigil.');
      },
    });
    await runApp(d.value);
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'The catalogue is open in another Vigil.');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(fake.handlers.size).toBe(0);
    expect(fake.protocolHandlers.size).toBe(0);
  });

  it('opens the default catalogue in the Vigil user-data folder and wires everything', async () => {
    const fake = fakeElectron();
    const core = fakeCore();
    const d = deps(fake, { createCore: async () => core });
    await runApp(d.value);

    const userData = join(dir, 'appData', 'Vigil');
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(d.loadWorkstationId).toHaveBeenCalledWith(userData);
    expect(d.createCore).toHaveBeenCalledWith({
      catalogueDir: join(userData, 'catalogue'),
      // Its own default catalogue is made on first run.
      create: true,
      workstationId: 'ws-1',
      appVersion: '9.8.7',
    });
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect([...fake.handlers.keys()].sort()).toEqual([...apiMethods.map(ipcChannel), IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL].sort());

    const serve = fake.protocolHandlers.get('vigil')!;
    const page = await serve(new Request('vigil://app/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Vigil</title>');
    expect((await serve(new Request('vigil://media/1/thumb'))).status).toBe(404);

    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options.webPreferences.preload).toBe(join(dir, 'out', 'preload', 'index.cjs'));
    expect(fake.windows[0]!.loadURL).toHaveBeenCalledWith('vigil://app/index.html');

    const quitEvent = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', quitEvent);
    // Quitting waits for the core to close (a running import rolls back its current file), then quits again.
    expect(quitEvent.preventDefault).toHaveBeenCalledOnce();
    expect(core.close).toHaveBeenCalledOnce();
    expect(fake.handlers.size).toBe(0);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledOnce());
    fake.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(core.close).toHaveBeenCalledOnce();
  });

  it('takes the catalogue and the SQLite build from the environment', async () => {
    const fake = fakeElectron();
    const binding = join(dir, 'electron', 'better_sqlite3.node');
    const d = deps(fake, { env: { VIGIL_CATALOGUE: '/evidence/cat', VIGIL_SQLITE_BINDING: binding }, files: [binding] });
    await runApp(d.value);
    // A catalogue named in the environment must exist already: the app never creates one by accident.
    expect(d.createCore).toHaveBeenCalledWith(expect.objectContaining({ catalogueDir: '/evidence/cat', create: false, nativeBinding: binding }));
  });

  it('falls back to the start script build in development when the named binding is missing', async () => {
    const fake = fakeElectron();
    const devBuild = join(dir, 'project', ELECTRON_SQLITE_BINDING);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const d = deps(fake, { env: { VIGIL_SQLITE_BINDING: '/missing.node' }, files: [devBuild] });
    await runApp(d.value);
    expect(d.createCore).toHaveBeenCalledWith(expect.objectContaining({ nativeBinding: devBuild }));
  });

  it('uses the packaged node_modules build when packaged', async () => {
    const fake = fakeElectron({ isPackaged: true });
    const devBuild = join(dir, 'project', ELECTRON_SQLITE_BINDING);
    const d = deps(fake, { files: [devBuild] });
    await runApp(d.value);
    expect(d.createCore.mock.calls[0]![0]).not.toHaveProperty('nativeBinding');
  });

  it('shows native dialogs for a CSV file to import and for where to export, for the app window only', async () => {
    const fake = fakeElectron();
    await runApp(deps(fake).value);
    const trusted = { senderFrame: { parent: null, url: 'vigil://app/index.html' } };
    type DialogHandler = (event: unknown, kind: unknown) => Promise<unknown>;
    const open = fake.handlers.get(IPC_PICK_PATHS_CHANNEL) as DialogHandler;
    const save = fake.handlers.get(IPC_PICK_SAVE_PATH_CHANNEL) as DialogHandler;

    // One CSV file, even if the dialog hands back more.
    expect(await open(trusted, 'csv')).toEqual(['/lists/a.csv']);
    const [window, openOptions] = fake.electron.dialog.showOpenDialog.mock.calls[0] as unknown as [unknown, Electron.OpenDialogOptions];
    expect(window).toBe(fake.windows[0]);
    expect(openOptions.properties).toEqual(['openFile']);
    expect(openOptions.filters?.[0]).toEqual({ name: 'CSV files', extensions: ['csv'] });

    expect(await save(trusted, 'persons-csv')).toBe('/exports/persons.csv');
    const [, saveOptions] = fake.electron.dialog.showSaveDialog.mock.calls[0] as unknown as [unknown, Electron.SaveDialogOptions];
    expect(saveOptions.filters?.[0]).toEqual({ name: 'CSV files', extensions: ['csv'] });
    expect(saveOptions.defaultPath).toMatch(new RegExp(`^${join(dir, 'Documents')}/vigil-persons-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(saveOptions.properties).toContain('showOverwriteConfirmation');

    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await save(trusted, 'persons-csv')).toBeNull();
    expect(await save({ senderFrame: { parent: null, url: 'https://evil.example/' } }, 'persons-csv')).toBeNull();
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledTimes(2);
  });

  it('quits when the last window closes on Linux and Windows', async () => {
    const fake = fakeElectron();
    await runApp(deps(fake).value);
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });
});

describe('menuTemplate', () => {
  const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

  it('offers developer tools only outside a packaged build, and nothing that opens a page', () => {
    const dev = flatten(menuTemplate({ isMac: false, isPackaged: false }));
    const packaged = flatten(menuTemplate({ isMac: false, isPackaged: true }));
    expect(dev.some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(packaged.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
    expect(packaged.some((item) => item.role === 'help' || item.click !== undefined)).toBe(false);
    expect(packaged.some((item) => item.role === 'editMenu')).toBe(true);
  });

  it('has the app menu on macOS only', () => {
    expect(menuTemplate({ isMac: true, isPackaged: true })[0]!.role).toBe('appMenu');
    expect(menuTemplate({ isMac: false, isPackaged: true }).some((item) => item.role === 'appMenu')).toBe(false);
  });
});
