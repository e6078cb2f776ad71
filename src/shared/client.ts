/**
 * Builds a typed CatalogueApi from any transport that can carry `(method, args) -> ApiResult`: Electron's
 * preload bridge, HTTP to the web host, or a direct call into the dispatcher in tests. Errors come back as
 * thrown CatalogueErrors, so callers handle them the same way whatever the transport.
 */
import { apiMethods, type ApiMethod, type CatalogueApi } from './api';
import { CatalogueError, type ApiResult } from './errors';
import type { VigilEvent } from './dto';

export type Invoke = (method: ApiMethod, args: unknown) => Promise<ApiResult<unknown>>;
export type EventListener = (event: VigilEvent) => void;
export type MediaVariant = 'thumb' | 'preview' | 'original';

/** What the renderer holds: the contract, a way to hear events, and URLs for media (never file paths). */
export interface VigilClient {
  api: CatalogueApi;
  onEvent(listener: EventListener): () => void;
  mediaUrl(itemId: number, variant: MediaVariant): string;
}

/** What the desktop app's native open dialog asks for: files or folders to import, or one CSV file of persons. */
export type OpenDialogKind = 'files' | 'folder' | 'csv';
export const openDialogKinds: readonly OpenDialogKind[] = Object.freeze(['files', 'folder', 'csv']);
/** What its native save dialog asks for: where to write a CSV export of persons. */
export type SaveDialogKind = 'persons-csv';
export const saveDialogKinds: readonly SaveDialogKind[] = Object.freeze(['persons-csv']);

/** The object the Electron preload exposes as `window.vigil`. */
export interface VigilBridge {
  invoke: Invoke;
  onEvent(listener: EventListener): () => void;
  /** The path on disk of a file dropped on the window (Electron's webUtils); '' when it has none. */
  pathForFile?(file: File): string;
  /** Shows the native open dialog; resolves with the chosen paths, empty when cancelled ('csv': at most one). */
  pickPaths?(kind: OpenDialogKind): Promise<string[]>;
  /** Shows the native save dialog; resolves with the chosen path, null when cancelled. */
  pickSavePath?(kind: SaveDialogKind): Promise<string | null>;
}

export function createApiFromInvoke(invoke: Invoke): CatalogueApi {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const method of apiMethods) {
    api[method] = async (args?: unknown) => {
      const result = await invoke(method, args);
      if (result.ok) return result.value;
      throw CatalogueError.fromInfo(result.error);
    };
  }
  return api as unknown as CatalogueApi;
}
