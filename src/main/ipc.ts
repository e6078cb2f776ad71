/**
 * Wires every contract method to `core.dispatch` over `ipcMain.handle`, refusing messages from anything but
 * the app's own top frame (VS Code's validatedIpcMain), and forwards core events to every window.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiMethods, ipcChannel, IPC_EVENT_CHANNEL, IPC_PICK_PATHS_CHANNEL, IPC_PICK_SAVE_PATH_CHANNEL } from '../shared/api';
import { openDialogKinds, saveDialogKinds, type OpenDialogKind, type SaveDialogKind } from '../shared/client';
import type { ApiResult } from '../shared/errors';
import type { Core } from '../core/api/core-types';
import { isAppUrl } from './app-url';

/** What the sender check reads from an IPC event; a structural subset so tests can pass plain objects. */
export interface SenderLike {
  readonly senderFrame: { readonly parent: unknown; readonly url: string } | null;
}

export function isTrustedSender(event: SenderLike): boolean {
  let frame: SenderLike['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    // Electron throws or returns null when the frame has gone (navigated or destroyed).
    return false;
  }
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export const untrustedSenderResult: ApiResult<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'INVALID_ARGUMENT',
    message: 'This request did not come from Vigil\u2019s own window and was refused.',
  }),
}) as ApiResult<never>;

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  core: Pick<Core, 'dispatch' | 'onEvent'>;
  /** The web contents events go to: every open window's. */
  getWebContents(): WebContents[];
  /** Shows the native open dialog for files, a folder or one CSV file; the chosen paths, empty when cancelled. */
  pickPaths?(kind: OpenDialogKind): Promise<string[]>;
  /** Shows the native save dialog for an export; the chosen path, null when cancelled. */
  pickSavePath?(kind: SaveDialogKind): Promise<string | null>;
}

const isOpenDialogKind = (kind: unknown): kind is OpenDialogKind => openDialogKinds.includes(kind as OpenDialogKind);
const isSaveDialogKind = (kind: unknown): kind is SaveDialogKind => saveDialogKinds.includes(kind as SaveDialogKind);

/** Registers the handlers and the event forwarding; returns what undoes both. */
export function registerIpc(deps: IpcDeps): () => void {
  for (const method of apiMethods) {
    deps.ipcMain.handle(
      ipcChannel(method),
      async (event: IpcMainInvokeEvent, args: unknown): Promise<ApiResult<unknown>> => {
        if (!isTrustedSender(event)) return untrustedSenderResult;
        try {
          return await deps.core.dispatch(method, args);
        } catch (error) {
          // The dispatcher turns failures into values; this only guards against a bug there.
          console.error(`Vigil: ${method} failed unexpectedly`, error);
          return { ok: false, error: { code: 'INTERNAL', message: `Vigil failed unexpectedly while running ${method}.` } };
        }
      },
    );
  }

  // The dialogs: the page names only what it wants (a kind), never a title, a folder or a filter of its own.
  const pickPaths = deps.pickPaths;
  if (pickPaths) {
    deps.ipcMain.handle(IPC_PICK_PATHS_CHANNEL, async (event: IpcMainInvokeEvent, kind: unknown): Promise<string[]> => {
      if (!isTrustedSender(event) || !isOpenDialogKind(kind)) return [];
      return pickPaths(kind);
    });
  }
  const pickSavePath = deps.pickSavePath;
  if (pickSavePath) {
    deps.ipcMain.handle(IPC_PICK_SAVE_PATH_CHANNEL, async (event: IpcMainInvokeEvent, kind: unknown): Promise<string | null> => {
      if (!isTrustedSender(event) || !isSaveDialogKind(kind)) return null;
      return pickSavePath(kind);
    });
  }

  const unsubscribe = deps.core.onEvent((event) => {
    for (const contents of deps.getWebContents()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
    }
  });

  return () => {
    unsubscribe();
    for (const method of apiMethods) deps.ipcMain.removeHandler(ipcChannel(method));
    if (pickPaths) deps.ipcMain.removeHandler(IPC_PICK_PATHS_CHANNEL);
    if (pickSavePath) deps.ipcMain.removeHandler(IPC_PICK_SAVE_PATH_CHANNEL);
  };
}
