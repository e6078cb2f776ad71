/**
 * pdfjs-dist's legacy build installs core-js polyfills that replace the global JSON.stringify, which the
 * custody log's canonical JSON relies on (the metadata reader puts the native one back, but a process could
 * load pdfjs another way). A row hashed with the polyfill must hash the same as with the native one, or
 * verification would fail on intact logs.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const custodyLog = fileURLToPath(new URL('../../../src/core/custody/custody-log.ts', import.meta.url));

function hashIn(freshProcessLoadsPdfjs: boolean): string {
  const script = `
    ${freshProcessLoadsPdfjs ? "await import('pdfjs-dist/legacy/build/pdf.mjs');" : ''}
    const { hashCustodyRow } = await import(${JSON.stringify(custodyLog)});
    const row = {
      seq: 7, at: '2026-11-27T10:00:00.000Z', timeZone: 'Asia/Tehran', actor: 'مریم \\u200c احمدی', actorOrganisation: null,
      workstationId: 'w', catalogueId: 'c', action: 'metadata-extracted', targetType: 'item', targetRef: 'ITM-000001',
      sha256Before: null, sha256After: 'a'.repeat(64), tool: 'Vigil', toolVersion: '0.1.0',
      details: { lone: '\\ud800', emoji: '🕯️', ctl: '\\u0000\\u001f', big: 1e21, small: 1e-7, neg: -0, nested: [{ b: 1, a: [true, null] }], html: '<script>' },
      prevHash: '0'.repeat(64),
    };
    process.stdout.write(hashCustodyRow(row));
  `;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    encoding: 'utf8',
  });
}

describe('custody hashes', () => {
  it('are the same whether or not pdfjs has replaced JSON.stringify in the process', { timeout: 30_000 }, () => {
    const plain = hashIn(false);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIn(true)).toBe(plain);
  });
});
