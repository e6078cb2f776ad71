/**
 * Electron's security checklist for everything that is not the window itself: no navigation away from the
 * app, no new windows or webviews, every permission denied, and no request leaves the machine.
 */
import type { App, Event, Session, WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** Protocols a page may load from: the app, devtools' own pages, and in-memory data. */
const ALLOWED_PROTOCOLS = new Set(['vigil:', 'devtools:', 'data:', 'blob:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

type NavigationEvent = Pick<Event, 'preventDefault'> & { url?: string };

/** Guards one web contents: called for every one Electron creates. */
export function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: NavigationEvent, legacyUrl?: unknown) => {
    // Electron passes the URL on the event; the second argument is its deprecated twin.
    const url = event.url ?? legacyUrl;
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installAppGuards(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export type SessionLike = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setSpellCheckerEnabled' | 'webRequest'
>;

export function installSessionGuards(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // The spellchecker would fetch dictionaries from the network.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
