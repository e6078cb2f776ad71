/**
 * The composition root of the desktop app, with Electron and the core passed in so it can run in tests.
 * Only this file and index.ts read the environment and Electron's paths (DESIGN.md §11).
 */
import { join } from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, Menu, OpenDialogOptions, Protocol, SaveDialogOptions, Session } from 'electron';
import type { Core, CoreOptions } from '../core/api/core-types';
import { APP_DIR_NAME, defaultCatalogueDir } from '../core/paths';
import { installAppGuards, installSessionGuards } from './security';
import { createProtocolHandler, privilegedSchemes } from './protocol';
import { registerIpc } from './ipc';
import { createMainWindow } from './window';
import { menuTemplate } from './menu';
import { VIGIL_SCHEME } from './app-url';
import { ELECTRON_SQLITE_BINDING, SQLITE_BINDING_ENV } from './native-binding';

export interface AppDeps {
  electron: {
    app: App;
    BrowserWindow: typeof BrowserWindow;
    dialog: Pick<Dialog, 'showErrorBox' | 'showOpenDialog' | 'showSaveDialog'>;
    ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
    Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
    protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
    session: { defaultSession: Session };
  };
  createCore(options: CoreOptions): Promise<Core>;
  loadWorkstationId(userDataDir: string): string;
  env: Record<string, string | undefined>;
  /** The build output folder holding main/, preload/ and renderer/. */
  outDir: string;
  fileExists(path: string): boolean;
  platform: NodeJS.Platform;
}

/** The native dialogs for a persons CSV show CSV files first, and everything on request. */
const CSV_FILTERS = [
  { name: 'CSV files', extensions: ['csv'] },
  { name: 'All files', extensions: ['*'] },
];

export interface CoreSettings {
  catalogueDir: string;
  nativeBinding: string | undefined;
}

/** The catalogue and the SQLite build to use, from the environment first, then the defaults. */
export function coreSettings(deps: AppDeps): CoreSettings {
  const { app } = deps.electron;
  const catalogueDir = deps.env.VIGIL_CATALOGUE || defaultCatalogueDir(app.getPath('userData'));
  const fromEnv = deps.env[SQLITE_BINDING_ENV];
  if (fromEnv && !deps.fileExists(fromEnv)) console.warn(`Vigil: ${SQLITE_BINDING_ENV} names a missing file (${fromEnv}).`);
  const candidates = [fromEnv];
  // A packaged app's node_modules already holds the Electron build; in development, the start script's copy.
  if (!app.isPackaged) candidates.push(join(app.getAppPath(), ELECTRON_SQLITE_BINDING));
  const nativeBinding = candidates.find((path) => path !== undefined && path !== '' && deps.fileExists(path));
  return { catalogueDir, nativeBinding };
}

/** Starts the app; resolves once the window exists, or once the app has been told to quit. */
export async function runApp(deps: AppDeps): Promise<void> {
  const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } = deps.electron;
  const preloadPath = join(deps.outDir, 'preload', 'index.cjs');
  const rendererDir = join(deps.outDir, 'renderer');

  // These must happen before `ready`. The user-data folder is named as the CLI and web host expect it
  // (src/core/paths.ts), whatever package.json's name.
  app.setPath('userData', join(app.getPath('appData'), APP_DIR_NAME));
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
  app.enableSandbox();
  installAppGuards(app);

  if (!app.requestSingleInstanceLock()) {
    // Another Vigil holds the catalogue; it is told to show itself (second-instance) and this one leaves.
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  installSessionGuards(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: deps.platform === 'darwin', isPackaged: app.isPackaged })));

  let core: Core;
  try {
    const settings = coreSettings(deps);
    core = await deps.createCore({
      catalogueDir: settings.catalogueDir,
      // The app makes its own default catalogue on first run; a folder named by VIGIL_CATALOGUE must already be one.
      create: !deps.env.VIGIL_CATALOGUE,
      workstationId: deps.loadWorkstationId(app.getPath('userData')),
      appVersion: app.getVersion(),
      ...(settings.nativeBinding ? { nativeBinding: settings.nativeBinding } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Vigil could not open the catalogue', message);
    app.exit(1);
    return;
  }

  protocol.handle(VIGIL_SCHEME, createProtocolHandler({ rendererDir, resolveMedia: (id, variant) => core.resolveMedia(id, variant) }));
  const disposeIpc = registerIpc({
    ipcMain,
    core,
    getWebContents: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    pickPaths: async (kind) => {
      const options: OpenDialogOptions =
        kind === 'csv'
          ? { title: 'Import persons from a CSV file', properties: ['openFile'], filters: CSV_FILTERS }
          : { title: 'Import into Vigil', properties: kind === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      if (result.canceled) return [];
      return kind === 'csv' ? result.filePaths.slice(0, 1) : result.filePaths;
    },
    pickSavePath: async () => {
      const day = new Date().toISOString().slice(0, 10);
      const options: SaveDialogOptions = {
        title: 'Export persons as CSV',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('documents'), `vigil-persons-${day}.csv`),
        filters: CSV_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });

  const openWindow = () => {
    mainWindow = createMainWindow({ BrowserWindow, preloadPath });
  };
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });
  // Closing waits for a running import to roll back its current file, so quit once that is done.
  let closing = false;
  app.on('will-quit', (event: { preventDefault(): void }) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    disposeIpc();
    void core.close().finally(() => app.quit());
  });
  openWindow();
}
