/** The main window, with Electron's security checklist applied to its web preferences (DESIGN.md §2). */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-url';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A dropped file must start an import, never replace the app with a file:// page.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from the network; the app never touches it.
    spellcheck: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Vigil',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindow;
  preloadPath: string;
  url?: string;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(deps.url ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Vigil could not load its window: ${String(error)}`);
  });
  return window;
}
