/** Content-addressed vault layout (DESIGN.md §3): vault/ab/cd/<sha256>. */
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/** Whether `text` is a SHA-256 digest as the vault names files: 64 lower-case hex digits. */
export function isSha256Hex(text: string): boolean {
  return SHA256.test(text);
}

export function vaultPath(vaultDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
  return join(vaultDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Derived images (thumbnails, previews) are named after the original's hash; they can always be rebuilt. */
export function derivedPath(derivedDir: string, variant: 'thumb' | 'preview', sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${JSON.stringify(sha256)}`);
  return join(derivedDir, variant, sha256.slice(0, 2), `${sha256}.webp`);
}

/** Where previews are written before they are moved to their names (emptied whenever the catalogue opens). */
export function derivedTempDir(derivedDir: string): string {
  return join(derivedDir, '.tmp');
}
