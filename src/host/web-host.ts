/**
 * `vigil web`: the same renderer and the same dispatcher as the desktop app, over HTTP on loopback only.
 * Routes: GET / and the renderer's files, POST /rpc/<method>, GET /events (server-sent events),
 * GET /media/<id>/<variant>, POST /upload and GET /download/<id> (a finished export, as an attachment). Every
 * request must carry the per-run token and a loopback Host (and Origin, when the browser sends one); every
 * response carries the app's CSP.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { MediaVariant } from '../shared/client';
import { CatalogueError } from '../shared/errors';
import type { Core } from '../core/api/core-types';
import { authenticate, createToken, hostAllowed, originAllowed, TOKEN_COOKIE } from './host-security';
import { contentTypeFor, resolveStaticFile } from './static-files';

export const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/** Media mimes a browser may show inline; anything else is offered as a download, never rendered as a page. */
const INLINE_MEDIA = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/pdf']);

export interface WebHostOptions {
  core: Pick<Core, 'dispatch' | 'onEvent' | 'resolveMedia' | 'resolveDownload' | 'stageUpload'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** For tests; by default a fresh random token each run. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text + '\n');
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(value));
}

/** Export ids are the export job's UUID; anything else is refused before the core is asked. */
const DOWNLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `Content-Disposition: attachment` naming the file for the save dialog: a plain ASCII `filename` every
 * browser reads (characters outside printable ASCII, quotes, backslashes and path separators become `_`),
 * and the exact name as RFC 5987 `filename*` for the browsers that read it (all current ones).
 */
export function attachmentDisposition(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const ascii = base.replace(/[^\x20-\x7e]|["\\%;]/g, '_').trim() || 'download';
  const encoded = encodeURIComponent(base || 'download').replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new CatalogueError('INVALID_ARGUMENT', 'The request is larger than 1 MiB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  const { core, rendererDir } = options;
  let port = 0;
  const streams = new Set<ServerResponse>();

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      sendJson(res, 415, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Send the arguments as application/json.' } });
      return;
    }
    let args: unknown;
    try {
      const body = await readBody(req);
      args = body.trim() ? JSON.parse(body) : undefined;
    } catch (error) {
      if (error instanceof CatalogueError) {
        // Too large: answer, then drop the connection rather than read the rest.
        res.setHeader('Connection', 'close');
        sendJson(res, 413, { ok: false, error: error.toInfo() });
        res.on('finish', () => req.destroy());
        return;
      }
      sendJson(res, 400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request body is not valid JSON.' } });
      return;
    }
    const result = await core.dispatch(method, args);
    sendJson(res, 200, result);
  }

  /** POST /upload: one file's bytes as the body; its name (URI-encoded, may hold a relative path) in a header. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fail = (status: number, message: string) => sendJson(res, status, { ok: false, error: { code: 'INVALID_ARGUMENT', message } });
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/octet-stream')) {
      return fail(415, 'Send the file as application/octet-stream.');
    }
    let name: string;
    try {
      name = decodeURIComponent(String(req.headers['x-vigil-name'] ?? ''));
    } catch {
      return fail(400, 'The file name header is not valid URI encoding.');
    }
    const modified = Number(req.headers['x-vigil-modified']);
    const modifiedAt = Number.isFinite(modified) && modified > 0 ? new Date(modified).toISOString() : null;
    try {
      const uploadId = await core.stageUpload(req, { name, modifiedAt });
      sendJson(res, 200, { ok: true, value: { uploadId } });
    } catch (error) {
      const info = error instanceof CatalogueError ? error.toInfo() : { code: 'IO', message: 'The upload failed.' };
      res.setHeader('Connection', 'close');
      sendJson(res, info.code === 'INVALID_ARGUMENT' ? 400 : 500, { ok: false, error: info });
    }
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Connection', 'keep-alive');
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  }

  function handleMedia(res: ServerResponse, id: string, variant: string): void {
    if (!/^\d{1,15}$/.test(id) || !['thumb', 'preview', 'original'].includes(variant)) {
      sendText(res, 404, 'Not found.');
      return;
    }
    let media;
    try {
      media = core.resolveMedia(Number(id), variant as MediaVariant);
    } catch {
      sendText(res, 404, 'Not found.');
      return;
    }
    const inline = INLINE_MEDIA.has(media.mime);
    res.statusCode = 200;
    res.setHeader('Content-Type', inline ? media.mime : 'application/octet-stream');
    res.setHeader('Content-Length', String(media.size));
    // A file from the vault is evidence, not part of the app: it never runs script in the app's origin.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    if (!inline) res.setHeader('Content-Disposition', 'attachment');
    res.setHeader('Cache-Control', 'private, max-age=3600');
    const stream = createReadStream(media.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** GET /download/<id>: an export made for this browser, always as an attachment, never cached. */
  function handleDownload(req: IncomingMessage, res: ServerResponse, id: string): void {
    if (!DOWNLOAD_ID.test(id)) return sendText(res, 404, 'Not found.');
    let file;
    try {
      file = core.resolveDownload(id);
    } catch {
      return sendText(res, 404, 'There is no such export: make it again.');
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    // A file of records, not part of the app: it is saved, never shown or run in the app's origin.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const file = resolveStaticFile(rendererDir, pathname);
    if (!file) {
      sendText(res, 404, 'Not found.');
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeFor(file));
    res.setHeader('Cache-Control', file.endsWith('.html') ? 'no-store' : 'private, max-age=300');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res);
    if (!hostAllowed(req, port)) return sendText(res, 421, 'Vigil answers only on 127.0.0.1 and localhost.');
    if (!originAllowed(req, port)) return sendText(res, 403, 'Requests from other sites are refused.');

    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
    } catch {
      return sendText(res, 400, 'Bad request.');
    }
    const source = authenticate(req, url, token);
    if (!source) {
      return sendText(res, 401, 'Open Vigil with the address that `vigil web` printed: it includes the access token.');
    }
    if (source === 'query') {
      // Trade the token in the address for a cookie, and take it out of the address bar and history.
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      url.searchParams.delete('token');
      if (req.method === 'GET' || req.method === 'HEAD') {
        res.statusCode = 303;
        res.setHeader('Location', url.pathname + url.search);
        res.end();
        return;
      }
    }

    const path = url.pathname;
    const rpc = /^\/rpc\/([A-Za-z]{1,64})$/.exec(path);
    if (rpc) {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for /rpc.');
      return handleRpc(req, res, rpc[1]!);
    }
    if (path === '/upload') {
      if (req.method !== 'POST') return sendText(res, 405, 'Use POST for /upload.');
      return handleUpload(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    if (path === '/events') return handleEvents(req, res);
    const media = /^\/media\/([^/]+)\/([^/]+)$/.exec(path);
    if (media) return handleMedia(res, media[1]!, media[2]!);
    const download = /^\/download\/([^/]+)$/.exec(path);
    if (download) return handleDownload(req, res, download[1]!);
    return handleStatic(req, res, path);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Vigil hit an unexpected problem answering this request.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new CatalogueError(
          'IO',
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} is already in use. Choose another with --port, or 0 for any free port.`
            : `The web host could not start: ${error.message}`,
        ),
      ),
    );
    server.listen(options.port ?? 0, LOOPBACK, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
