/**
 * Removes what an interrupted run left behind: partial copies in vault/.tmp, half-written previews in
 * derived/.tmp and uploads in staging/. None is ever part of the catalogue (an item exists only after its vault
 * file is in place and its row is committed; a preview only under its final name), so removing them loses
 * nothing.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export async function removeStrayTemporaryFiles(dirs: readonly string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      await rm(join(dir, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
