/** The Electron main process: hands the real Electron, core and environment to runApp. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createCore } from '../core/api/create-core';
import { loadWorkstationId } from '../core/paths';
import { runApp } from './run-app';

// Built to out/main/index.js; preload and renderer sit beside it in out/.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

runApp({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session },
  createCore,
  loadWorkstationId,
  env: process.env,
  outDir,
  fileExists: existsSync,
  platform: process.platform,
}).catch((error: unknown) => {
  console.error('Vigil failed to start', error);
  dialog.showErrorBox('Vigil failed to start', error instanceof Error ? error.message : String(error));
  app.exit(1);
});
