/**
 * `vigil://` serves the built renderer (`vigil://app/<path>`) and media by id (`vigil://media/<id>/<variant>`),
 * so the app never runs from file:// and the renderer never sees a file path (DESIGN.md §2).
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { CustomScheme } from 'electron';
import type { MediaVariant } from '../shared/client';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { MediaFile } from '../core/api/core-types';
import { APP_HOST, MEDIA_HOST, VIGIL_SCHEME } from './app-url';

/** Registered before `ready`: standard (real origins, relative URLs), secure (like https), fetch-able. */
export const privilegedSchemes: CustomScheme[] = [
  { scheme: VIGIL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const MEDIA_VARIANTS: readonly MediaVariant[] = ['thumb', 'preview', 'original'];

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

function isInside(root: string, target: string): boolean {
  return target.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Maps a URL path to a file inside `rootDir`, or null. Decodes first and checks after normalising, so
 * `..%2f` and friends cannot climb out; then checks the real path too, so a symlink cannot either.
 */
export async function resolveAppFile(rootDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, relative);
  if (!isInside(root, target)) return null;
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!isInside(realRoot, realTarget)) return null;
    if (!(await stat(realTarget)).isFile()) return null;
    return realTarget;
  } catch {
    return null;
  }
}

export interface ProtocolDeps {
  /** The built renderer, `out/renderer`. */
  rendererDir: string;
  /** `core.resolveMedia`; throws when there is no such media. */
  resolveMedia(itemId: number, variant: MediaVariant): MediaFile;
}

export type ProtocolHandler = (request: Request) => Promise<Response>;

export function createProtocolHandler(deps: ProtocolDeps): ProtocolHandler {
  async function serveApp(pathname: string): Promise<Response> {
    const file = await resolveAppFile(deps.rendererDir, pathname);
    if (!file) return notFound();
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': mimeTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  }

  async function serveMedia(pathname: string): Promise<Response> {
    const match = /^\/([1-9][0-9]{0,14})\/([a-z]+)$/.exec(pathname);
    if (!match) return notFound();
    const itemId = Number(match[1]);
    const variant = match[2] as MediaVariant;
    if (!MEDIA_VARIANTS.includes(variant)) return notFound();
    const media = deps.resolveMedia(itemId, variant);
    const info = await stat(media.path);
    if (!info.isFile()) return notFound();
    const body = Readable.toWeb(createReadStream(media.path)) as unknown as ReadableStream<Uint8Array>;
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': media.mime,
        'content-length': String(info.size),
        'x-content-type-options': 'nosniff',
        // Originals are untrusted files (an SVG or HTML document could carry script): never let them run.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        'cache-control': 'no-store',
      },
    });
  }

  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
      const url = new URL(request.url);
      if (url.protocol !== `${VIGIL_SCHEME}:`) return notFound();
      const host = url.hostname.toLowerCase();
      if (host === APP_HOST) return await serveApp(url.pathname);
      if (host === MEDIA_HOST) return await serveMedia(url.pathname);
      return notFound();
    } catch {
      // Unknown ids, missing files, unreadable files: the page only learns "not here".
      return notFound();
    }
  };
}
