/** The sandboxed preload: exposes the allow-listed bridge, and nothing else, as `window.vigil`. */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld('vigil', createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
