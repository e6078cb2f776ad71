/**
 * Chooses the transport the renderer talks over (DESIGN.md §2): the Electron preload's bridge when the page
 * runs in the desktop app, HTTP to the same origin when a browser loaded it from `vigil web`. One bundle
 * serves both; nothing below this module knows which one it got.
 */
import { createApiFromInvoke, type VigilBridge, type VigilClient } from '../../shared/client';
import { createHttpClient } from '../../shared/http-client';
import type { FileChooser, IntakePort } from '../intake/intake-port';
import { createPathIntake, isPathBridge } from '../intake/path-intake';
import { createUploadIntake } from '../intake/upload-intake';

/** What pickClient reads from the global object (`window` in the app, a plain object in tests). */
interface ClientHost {
  vigil?: unknown;
}

/** The preload exposes `window.vigil`; anything else there (a stray global, a half-built object) is ignored. */
export function isVigilBridge(value: unknown): value is VigilBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Partial<Record<keyof VigilBridge, unknown>>;
  return typeof bridge.invoke === 'function' && typeof bridge.onEvent === 'function';
}

/** Electron serves media through its own protocol; the path segments are numbers and fixed words only. */
export function createBridgeClient(bridge: VigilBridge): VigilClient {
  return {
    api: createApiFromInvoke(bridge.invoke),
    onEvent: (listener) => bridge.onEvent(listener),
    mediaUrl: (itemId, variant) => `vigil://media/${itemId}/${variant}`,
  };
}

export function pickClient(host: object): VigilClient {
  const bridge = (host as ClientHost).vigil;
  if (isVigilBridge(bridge)) return createBridgeClient(bridge);
  // Same origin: the web host set its session cookie when the browser opened the URL with the token.
  return createHttpClient();
}

/**
 * Chooses how files get in, alongside the client: paths through the preload in the desktop app (when the
 * preload offers pathForFile and pickPaths), uploads to the web host in a browser. An Electron preload
 * without those members cannot import from this window, and null says so.
 */
export function pickIntake(host: object, client: VigilClient, options: { chooseFiles: FileChooser; fetch?: typeof fetch }): IntakePort | null {
  const bridge = (host as ClientHost).vigil;
  if (isVigilBridge(bridge)) return isPathBridge(bridge) ? createPathIntake({ api: client.api, bridge }) : null;
  return createUploadIntake({ api: client.api, chooseFiles: options.chooseFiles, fetch: options.fetch });
}
