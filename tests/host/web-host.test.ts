import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachmentDisposition, startWebHost, type WebHost } from '../../src/host/web-host';
import type { Core, DownloadFile } from '../../src/core/api/core-types';
import { CatalogueError } from '../../src/shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { useCores } from '../helpers/open-core';
import { rawRequest } from '../helpers/http';

/** What the host uses of a core, bound, so a test can replace one part. */
function pickHostPart(core: Core) {
  return {
    dispatch: core.dispatch,
    onEvent: core.onEvent.bind(core),
    resolveMedia: core.resolveMedia.bind(core),
    resolveDownload: core.resolveDownload.bind(core),
    stageUpload: core.stageUpload.bind(core),
  };
}

describe('web host', () => {
  const { openCore, tempDir } = useCores();
  const hosts: WebHost[] = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
  });

  async function start(override: Partial<Pick<Core, 'resolveDownload'>> = {}) {
    const root = tempDir('renderer');
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside the renderer folder');
    const core = await openCore();
    const host = await startWebHost({ core: { ...pickHostPart(core), ...override }, rendererDir, port: 0 });
    hosts.push(host);
    const auth = { authorization: `Bearer ${host.token}` };
    return { host, core, auth, port: host.port };
  }

  it('listens on loopback only and prints a URL with a long random token', async () => {
    const { host } = await start();
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const other = await start();
    expect(other.host.token).not.toBe(host.token);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    const { port } = await start();
    for (const path of ['/', '/index.html', '/assets/app.js', '/events', '/media/1/thumb']) {
      expect((await rawRequest(port, path)).status).toBe(401);
    }
    expect((await rawRequest(port, '/?token=wrong')).status).toBe(401);
    expect((await rawRequest(port, '/rpc/getStatus', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nope' }, body: '{}' })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite cookie and drops it from the address', async () => {
    const { host, port } = await start();
    const first = await rawRequest(port, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await rawRequest(port, '/', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Vigil</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { port, auth } = await start();
    expect((await rawRequest(port, '/', { headers: { ...auth, host: `evil.example:${port}` } })).status).toBe(421);
    expect((await rawRequest(port, '/', { headers: { ...auth, host: `127.0.0.1:${port + 1}` } })).status).toBe(421);
    expect((await rawRequest(port, '/', { headers: { ...auth, host: `localhost:${port}` } })).status).toBe(200);
    const rpc = { method: 'POST', body: '{}', headers: { ...auth, 'content-type': 'application/json' } };
    expect((await rawRequest(port, '/rpc/getStatus', { ...rpc, headers: { ...rpc.headers, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await rawRequest(port, '/rpc/getStatus', { ...rpc, headers: { ...rpc.headers, origin: 'null' } })).status).toBe(403);
    expect((await rawRequest(port, '/rpc/getStatus', { ...rpc, headers: { ...rpc.headers, origin: `http://127.0.0.1:${port}` } })).status).toBe(200);
  });

  it('serves only files inside the renderer folder', async () => {
    const { port, auth } = await start();
    expect((await rawRequest(port, '/assets/app.js', { headers: auth })).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets%5c..%5c..%5csecret.txt', '/%00index.html', '/%E0%A4%A', '/nope.js']) {
      const res = await rawRequest(port, path, { headers: auth });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer folder');
    }
  });

  it('answers /rpc with the dispatcher result and refuses other methods and content types', async () => {
    const { port, auth } = await start();
    const post = (path: string, body: string, type = 'application/json') =>
      rawRequest(port, path, { method: 'POST', body, headers: { ...auth, 'content-type': type } });
    const ok = await post('/rpc/getStatus', 'null');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { schemaVersion: 2 } });
    expect(JSON.parse((await post('/rpc/setActor', '{"name":""}')).body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.parse((await post('/rpc/dropEverything', '{}')).body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await post('/rpc/getStatus', '{not json')).status).toBe(400);
    expect((await post('/rpc/getStatus', '{}', 'text/plain')).status).toBe(415);
    const huge = await post('/rpc/search', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) })).catch((e: NodeJS.ErrnoException) => e.code);
    // The host answers 413 and drops the connection; the client sees either, never a hang.
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(typeof huge === 'object' ? huge.status : huge);
    expect((await rawRequest(port, '/rpc/getStatus', { headers: auth })).status).toBe(405);
    expect((await rawRequest(port, '/', { method: 'DELETE', headers: auth })).status).toBe(405);
  });

  it('streams core events to /events as server-sent events', async () => {
    const { port, core, host } = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${host.token}` } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes(': connected') && !text.includes('data:')) void core.api.setActor({ name: 'Nasrin', organisation: 'Archive' });
          const match = /data: (.*)\n\n/.exec(text);
          if (match) {
            resolve(match[1]!);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ type: 'catalogue-changed', what: ['settings'] });
  });

  it('stages uploads with their names and imports them through the contract', async () => {
    const { port, auth, core } = await start();
    const upload = (name: string, body: Buffer, headers: Record<string, string> = {}) =>
      rawRequest(port, '/upload', {
        method: 'POST',
        body: body.toString('latin1'),
        headers: { ...auth, 'content-type': 'application/octet-stream', 'x-vigil-name': encodeURIComponent(name), 'x-vigil-modified': '567820800000', ...headers },
      });
    const bytes = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
    const staged = await upload('پوشه/سند ۱.pdf', bytes);
    expect(staged.status).toBe(200);
    const { uploadId } = JSON.parse(staged.body).value;
    expect(uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await upload('x.pdf', bytes, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload('', bytes)).status).toBe(400);
    expect((await rawRequest(port, '/upload', { headers: auth })).status).toBe(405);

    const { jobId } = await core.api.importUploads({ uploadIds: [uploadId] });
    expect(jobId).toBeTruthy();
    await core.idle();
    const [item] = (await core.api.listItems()).rows;
    expect(item).toMatchObject({ originalName: 'سند ۱.pdf', size: bytes.length });
    const detail = await core.api.getItem({ id: item!.id });
    expect(detail.occurrences[0]).toMatchObject({ sourcePath: 'پوشه/سند ۱.pdf', modifiedAt: '1987-12-30T00:00:00.000Z' });
    await expect(core.api.importUploads({ uploadIds: [uploadId] })).rejects.toThrow(/upload the files again/);

    const media = await rawRequest(port, `/media/${item!.id}/original`, { headers: auth });
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('application/pdf');
    expect(media.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(media.body).toBe(bytes.toString('latin1'));
    expect((await rawRequest(port, `/media/${item!.id}/thumb`, { headers: auth })).status).toBe(404);
  });

  it('answers 404 for media that does not exist or ids that are not numbers', async () => {
    const { port, auth } = await start();
    for (const path of ['/media/1/thumb', '/media/1/original', '/media/abc/thumb', '/media/1/secret', '/media/99999999999999999999/thumb']) {
      expect((await rawRequest(port, path, { headers: auth })).status, path).toBe(404);
    }
  });

  it('reports a port already in use in one clear sentence', async () => {
    const { port } = await start();
    const core = await openCore();
    await expect(startWebHost({ core, rendererDir: tempDir(), port })).rejects.toThrow(`Port ${port} is already in use`);
  });

  describe('GET /download/<id>', () => {
    const id = '3f2b8c1e-5d4a-4c2b-9e8f-0123456789ab';

    async function startWithExport(fileName: string, content: string) {
      const dir = tempDir('exports');
      const path = join(dir, `${id}.csv`);
      writeFileSync(path, content);
      const resolveDownload = vi.fn((downloadId: string): DownloadFile => {
        if (downloadId !== id) throw new CatalogueError('NOT_FOUND', 'There is no such export: make it again.');
        return { path, fileName, mime: 'text/csv; charset=utf-8', size: Buffer.byteLength(content) };
      });
      return { ...(await start({ resolveDownload })), resolveDownload };
    }

    it('serves a finished export as a CSV attachment, named in ASCII and in UTF-8, never cached', async () => {
      const csv = '\ufeffref,name_fa\r\nV-1,ایرج حاتمی\r\n';
      const { port, auth } = await startWithExport('vigil-persons-2026-11-27.csv', csv);
      const res = await rawRequest(port, `/download/${id}`, { headers: auth });
      expect(res.status).toBe(200);
      expect(res.body).toBe(csv);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="vigil-persons-2026-11-27.csv"; filename*=UTF-8''vigil-persons-2026-11-27.csv`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    });

    it('needs the token like every other route', async () => {
      const { port, resolveDownload } = await startWithExport('persons.csv', 'ref\r\n');
      expect((await rawRequest(port, `/download/${id}`)).status).toBe(401);
      expect((await rawRequest(port, `/download/${id}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect(resolveDownload).not.toHaveBeenCalled();
    });

    it('answers 404 for an unknown export and refuses ids that are not UUIDs without asking the core', async () => {
      const { port, auth, resolveDownload } = await startWithExport('persons.csv', 'ref\r\n');
      expect((await rawRequest(port, '/download/00000000-0000-4000-8000-000000000000', { headers: auth })).status).toBe(404);
      expect(resolveDownload).toHaveBeenCalledOnce();
      for (const path of [
        '/download/..%2Fcatalogue.sqlite',
        '/download/../catalogue.sqlite',
        `/download/${id.toUpperCase()}`,
        `/download/${id}.csv`,
        `/download/${id}/x`,
        '/download/1',
        '/download/',
      ]) {
        const res = await rawRequest(port, path, { headers: auth });
        expect(res.status, path).toBe(404);
        expect(res.headers['content-disposition'], path).toBeUndefined();
      }
      expect(resolveDownload).toHaveBeenCalledOnce();
      expect((await rawRequest(port, `/download/${id}`, { method: 'POST', headers: auth })).status).toBe(405);
    });

    it('asks the real core, which knows no export it did not make', async () => {
      const { port, auth } = await start();
      const res = await rawRequest(port, `/download/${id}`, { headers: auth });
      expect(res.status).toBe(404);
      expect(res.body).toContain('make it again');
    });
  });
});

describe('attachmentDisposition', () => {
  it('keeps a plain name as it is', () => {
    expect(attachmentDisposition('persons.csv')).toBe(`attachment; filename="persons.csv"; filename*=UTF-8''persons.csv`);
  });

  it('gives a Persian name exactly in filename* and a safe ASCII stand-in in filename', () => {
    const header = attachmentDisposition('اعدام‌شدگان ۶۷.csv');
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(header).toContain('filename="___________ __.csv"');
    const encoded = header.split("filename*=UTF-8''")[1]!;
    expect(decodeURIComponent(encoded)).toBe('اعدام‌شدگان ۶۷.csv');
  });

  it('cannot be broken out of: quotes, semicolons and line breaks are neutralised, folders dropped', () => {
    const header = attachmentDisposition('a"; filename=evil.html\r\nX-Injected: 1 (c)\'s.csv');
    expect(header).not.toMatch(/[\r\n]/);
    const [, ascii] = /filename="([^"]*)"; /.exec(header)!;
    expect(ascii).toBe('a__ filename=evil.html__X-Injected: 1 (c)\'s.csv');
    const [, encoded] = header.split("filename*=UTF-8''");
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    expect(decodeURIComponent(encoded!)).toBe('a"; filename=evil.html\r\nX-Injected: 1 (c)\'s.csv');
    expect(attachmentDisposition('../../etc/passwd')).toBe(`attachment; filename="passwd"; filename*=UTF-8''passwd`);
    expect(attachmentDisposition('C:\\exports\\persons.csv')).toContain('filename="persons.csv"');
    expect(attachmentDisposition('')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});
