/** The one place that says what the app's own URLs look like; everything else is "elsewhere". */
export const VIGIL_SCHEME = 'vigil';
export const APP_HOST = 'app';
export const MEDIA_HOST = 'media';
export const APP_URL_PREFIX = `${VIGIL_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/**
 * True for URLs of the app itself. A plain prefix test on purpose: Chromium hands us canonical URLs, and
 * anything that needs parsing to look like ours (`vigil://app@elsewhere/`) is not ours.
 */
export function isAppUrl(url: unknown): boolean {
  return typeof url === 'string' && url.startsWith(APP_URL_PREFIX);
}
