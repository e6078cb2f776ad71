/** The sandboxed preload: exposes the allow-listed bridge, and nothing else, as `window.vigil`. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld('vigil', createBridge(ipcRenderer));
