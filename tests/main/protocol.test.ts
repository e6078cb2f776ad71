import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CatalogueError } from '../../src/shared/errors';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import type { MediaFile } from '../../src/core/api/core-types';
import type { MediaVariant } from '../../src/shared/client';

vi.mock('electron', () => ({}));
const { createProtocolHandler, privilegedSchemes, resolveAppFile } = await import('../../src/main/protocol');

let dir: string;
let rendererDir: string;
let media: Map<string, MediaFile>;
let resolveMedia: ReturnType<typeof vi.fn<(id: number, variant: MediaVariant) => MediaFile>>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-protocol-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Files just outside the served folder, which no URL may reach.
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  writeFileSync(join(dir, 'renderer-evil.txt'), 'SECRET');
  writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  media = new Map([['7/thumb', { path: join(dir, 'photo.jpg'), mime: 'image/jpeg', size: 7 }]]);
  resolveMedia = vi.fn((id: number, variant: MediaVariant) => {
    const file = media.get(`${id}/${variant}`);
    if (!file) throw new CatalogueError('NOT_FOUND', `No media ${id}/${variant}.`);
    return file;
  });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => createProtocolHandler({ rendererDir, resolveMedia })(new Request(url, { method }));

describe('vigil:// scheme', () => {
  it('is privileged as standard, secure and fetch-able, and nothing more', () => {
    expect(privilegedSchemes).toEqual([
      { scheme: 'vigil', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('vigil://app/', () => {
  it('serves index.html with the CSP header and an HTML type', async () => {
    const response = await get('vigil://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>Vigil</title>');
  });

  it('serves index.html for the bare root and nested assets with their types', async () => {
    expect(await (await get('vigil://app/')).text()).toContain('<title>Vigil</title>');
    const script = await get('vigil://app/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('decodes percent-escapes in legitimate names', async () => {
    writeFileSync(join(rendererDir, 'assets', 'Vazirmatn Regular.woff2'), 'font');
    const response = await get('vigil://app/assets/Vazirmatn%20Regular.woff2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('font/woff2');
  });

  it.each([
    'vigil://app/../secret.txt',
    'vigil://app/../../etc/passwd',
    'vigil://app/..%2fsecret.txt',
    'vigil://app/%2e%2e%2fsecret.txt',
    'vigil://app/%2E%2E/secret.txt',
    'vigil://app/assets/..%2f..%2fsecret.txt',
    'vigil://app/..%5csecret.txt',
    'vigil://app/%2e%2e%5csecret.txt',
    'vigil://app/index.html%00.js',
    'vigil://app/%E0%A4%A',
    'vigil://app/..%2frenderer-evil.txt',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('refuses a symlink that points out of the folder', async () => {
    symlinkSync(join(dir, 'secret.txt'), join(rendererDir, 'link.txt'));
    const response = await get('vigil://app/link.txt');
    expect(response.status).toBe(404);
  });

  it('answers 404 for missing files, folders, other hosts and other methods', async () => {
    expect((await get('vigil://app/missing.js')).status).toBe(404);
    expect((await get('vigil://app/assets')).status).toBe(404);
    expect((await get('vigil://elsewhere/index.html')).status).toBe(404);
    expect((await get('vigil://app/index.html', 'POST')).status).toBe(404);
  });

  it('resolveAppFile never returns a path outside the root', async () => {
    expect(await resolveAppFile(rendererDir, '/..%2fsecret.txt')).toBeNull();
    expect(await resolveAppFile(rendererDir, '/index.html')).toBe(join(rendererDir, 'index.html'));
  });
});

describe('vigil://media/', () => {
  it('streams a known item with its mime type', async () => {
    const response = await get('vigil://media/7/thumb');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-length')).toBe('7');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(resolveMedia).toHaveBeenCalledWith(7, 'thumb');
  });

  it('answers 404 for an unknown id', async () => {
    const response = await get('vigil://media/8/thumb');
    expect(response.status).toBe(404);
    expect(resolveMedia).toHaveBeenCalledWith(8, 'thumb');
  });

  it('answers 404 when the resolved file is gone', async () => {
    rmSync(join(dir, 'photo.jpg'));
    expect((await get('vigil://media/7/thumb')).status).toBe(404);
  });

  it.each(['vigil://media/abc/thumb', 'vigil://media/-1/thumb', 'vigil://media/07/thumb', 'vigil://media/7/secret', 'vigil://media/7', 'vigil://media/7/thumb/x'])(
    'refuses the malformed %s without asking the core',
    async (url) => {
      expect((await get(url)).status).toBe(404);
      expect(resolveMedia).not.toHaveBeenCalled();
    },
  );
});
