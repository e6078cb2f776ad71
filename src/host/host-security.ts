/**
 * The web host's gatekeeping, kept apart from routing so each rule is tested on its own: the per-run token
 * (from the URL once, then an HttpOnly cookie, or a Bearer header for scripts), and Host/Origin checks that
 * defeat DNS rebinding and cross-site requests from other pages in the same browser.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'vigil_token';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type TokenSource = 'query' | 'cookie' | 'header' | null;

/** Where a valid token came from, or null when the request carries none that matches. */
export function authenticate(req: IncomingMessage, url: URL, token: string): TokenSource {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery && sameSecret(fromQuery, token)) return 'query';
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && sameSecret(auth.slice(7).trim(), token)) return 'header';
  const cookie = readCookie(req.headers.cookie, TOKEN_COOKIE);
  if (cookie && sameSecret(cookie, token)) return 'cookie';
  return null;
}

/** The only Host values we answer to: loopback names with our port. Anything else may be DNS rebinding. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return !!host && allowedHosts(port).has(host);
}

/** Requests without Origin (top-level navigation, curl) pass; a foreign Origin never does. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`);
}
