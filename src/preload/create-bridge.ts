/**
 * The bridge the preload exposes as `window.vigil`: only contract methods, only the app's own channels, and
 * never ipcRenderer or its events (DESIGN.md §2, VS Code's preload).
 */
import { IPC_EVENT_CHANNEL, IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL, ipcChannel, isApiMethod, type ApiMethod } from '../shared/api';
import { openDialogKinds, saveDialogKinds, type EventListener, type OpenDialogKind, type SaveDialogKind, type VigilBridge } from '../shared/client';
import type { VigilEvent } from '../shared/dto';
import type { ApiResult } from '../shared/errors';

/** The part of ipcRenderer the bridge uses; a parameter so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Electron's webUtils.getPathForFile: the only way a sandboxed page learns where a dropped file lives. */
export type PathForFile = (file: File) => string;

export function createBridge(ipc: IpcRendererLike, getPathForFile?: PathForFile): VigilBridge {
  const invoke = async (method: ApiMethod, args: unknown): Promise<ApiResult<unknown>> => {
    // The page is untrusted: the method name is checked here, not just typed.
    if (typeof method !== 'string' || !isApiMethod(method)) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'That is not a method Vigil offers.' } };
    }
    try {
      return (await ipc.invoke(ipcChannel(method), args)) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Vigil's main process did not answer ${method}.` } };
    }
  };

  const onEvent = (listener: EventListener): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    // Only the payload crosses: the IpcRendererEvent would hand the page a way back to ipcRenderer.
    const forward = (_event: unknown, payload: unknown) => listener(payload as VigilEvent);
    ipc.on(IPC_EVENT_CHANNEL, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  };

  const pickPaths = async (kind: OpenDialogKind): Promise<string[]> => {
    if (!openDialogKinds.includes(kind)) return [];
    const paths = await ipc.invoke(IPC_PICK_PATHS_CHANNEL, kind);
    return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  };

  const pickSavePath = async (kind: SaveDialogKind): Promise<string | null> => {
    if (!saveDialogKinds.includes(kind)) return null;
    const path = await ipc.invoke(IPC_PICK_SAVE_PATH_CHANNEL, kind);
    return typeof path === 'string' && path !== '' ? path : null;
  };

  const pathForFile = (file: File): string => {
    try {
      return getPathForFile?.(file) ?? '';
    } catch {
      return '';
    }
  };

  return Object.freeze({ invoke, onEvent, pickPaths, pickSavePath, pathForFile });
}
