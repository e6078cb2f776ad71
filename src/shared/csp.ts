/**
 * The Content Security Policy both hosts send with the renderer (Electron's protocol handler and the web
 * host). Nothing is loaded from anywhere but the app itself: no remote fonts, scripts, or connections.
 * `vigil:` in img-src/media-src lets Electron's renderer show `vigil://media/<id>/...`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: vigil:",
  "media-src 'self' vigil:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
