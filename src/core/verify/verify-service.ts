/**
 * `verify`: proves the catalogue is intact or names what is not — SQLite's own checks, every vault file
 * re-hashed against the SHA-256 recorded at intake, and the custody log's hash chain — and reports the files in
 * the vault that no item refers to.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobProgress, VerifyCheck, VerifyReport } from '../../shared/dto';
import { formatRef } from '../../shared/ids';
import type { CustodyLog } from '../custody/custody-log';
import { hashFile } from '../ingest/vault-writer';
import type { createIntegrityRepository } from './integrity-repository';
import type { ItemsRepository } from '../items/items-repository';
import { isSha256Hex, vaultPath } from '../vault/vault-paths';

const HEX2 = /^[0-9a-f]{2}$/;

export function createVerifyService(deps: {
  integrity: ReturnType<typeof createIntegrityRepository>;
  custody: CustodyLog;
  items: ItemsRepository;
  vaultDir: string;
}) {
  async function checkVault(files: Array<{ id: number; sha256: string; size: number }>, step: (current: string) => void, signal?: AbortSignal): Promise<VerifyCheck> {
    const problems: string[] = [];
    for (const file of files) {
      if (signal?.aborted) break;
      const ref = formatRef('item', file.id);
      step(ref);
      const path = vaultPath(deps.vaultDir, file.sha256);
      const info = await stat(path).catch(() => null);
      if (!info) {
        problems.push(`${ref}: its original is missing from the vault`);
        continue;
      }
      if (info.size !== file.size) {
        problems.push(`${ref}: its original has changed (size ${info.size} bytes, recorded ${file.size})`);
        continue;
      }
      const actual = await hashFile(path, signal).catch((error: Error) => `unreadable: ${error.message}`);
      if (actual !== file.sha256) problems.push(`${ref}: its original has changed (SHA-256 no longer matches the one recorded at intake)`);
    }
    return { name: `vault files (${files.length})`, ok: problems.length === 0, problems };
  }

  /**
   * Files in the vault that no item refers to. An import interrupted after a file reached the vault and before
   * its item was recorded leaves a whole, verified copy (importing the same file again records it); anything
   * else there was not put there by Vigil. Neither touches an item, so they are reported, not failed, and
   * never deleted: only a person decides what to do with a file in an evidence vault.
   */
  async function findUnrecordedFiles(signal?: AbortSignal): Promise<VerifyCheck> {
    const recorded = new Set<string>();
    for (const file of deps.items.iterateFiles()) recorded.add(file.sha256);
    const notes: string[] = [];
    // A folder that cannot be listed is named too: what it holds cannot be vouched for.
    const names = async (dir: string, shown: string) => {
      try {
        return (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
      } catch (error) {
        notes.push(`${shown}: could not be listed (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        return [];
      }
    };
    for (const top of await names(deps.vaultDir, 'vault')) {
      if (top.name === '.tmp') continue; // partial copies in progress; emptied at every open
      const topPath = `vault/${top.name}`;
      if (!top.isDirectory() || !HEX2.test(top.name)) {
        notes.push(`${topPath}: not something Vigil stores in the vault`);
        continue;
      }
      for (const sub of await names(join(deps.vaultDir, top.name), topPath)) {
        const subPath = `${topPath}/${sub.name}`;
        if (!sub.isDirectory() || !HEX2.test(sub.name)) {
          notes.push(`${subPath}: not something Vigil stores in the vault`);
          continue;
        }
        for (const entry of await names(join(deps.vaultDir, top.name, sub.name), subPath)) {
          if (signal?.aborted) return { name: 'unrecorded vault files', ok: true, problems: [], notes };
          const path = `${subPath}/${entry.name}`;
          const isAddress = entry.isFile() && isSha256Hex(entry.name) && entry.name.startsWith(top.name + sub.name);
          if (isAddress && recorded.has(entry.name)) continue;
          if (!isAddress) {
            notes.push(`${path}: not something Vigil stores in the vault`);
            continue;
          }
          const actual = await hashFile(join(deps.vaultDir, top.name, sub.name, entry.name), signal).catch(() => null);
          notes.push(
            actual === entry.name
              ? `${path}: a whole copy no item refers to (an import stopped before recording it; importing the same file again records it)`
              : `${path}: a file no item refers to, whose content does not match its name`,
          );
        }
      }
    }
    return { name: `unrecorded vault files (${notes.length})`, ok: true, problems: [], notes };
  }

  return {
    /**
     * Runs every check. Progress counts one step for the database, one per vault file, one for the scan of the
     * vault and one for the custody log; a cancel stops between files and reports what was checked.
     */
    async verify(signal?: AbortSignal, onProgress?: (progress: JobProgress) => void): Promise<VerifyReport> {
      // Read the list first: hashing is async and the statement must not stay open across awaits.
      const files = [...deps.items.iterateFiles()];
      const progress: JobProgress = { done: 0, total: files.length + 3, failed: 0, current: 'database' };
      const step = (current: string) => {
        progress.current = current;
        onProgress?.({ ...progress });
        progress.done += 1;
      };
      const checks: VerifyCheck[] = [];
      step('database');
      const integrity = deps.integrity.integrityProblems();
      checks.push({ name: 'database integrity', ok: integrity.length === 0, problems: integrity });
      const fk = deps.integrity.foreignKeyProblems();
      checks.push({ name: 'database references', ok: fk.length === 0, problems: fk });
      checks.push(await checkVault(files, step, signal));
      if (!signal?.aborted) {
        step('vault folders');
        checks.push(await findUnrecordedFiles(signal));
      }
      if (!signal?.aborted) {
        step('custody log');
        const chain = deps.custody.verifyChain().map((p) => `custody log row ${p.seq}: ${p.problem}`);
        checks.push({ name: 'custody log chain', ok: chain.length === 0, problems: chain });
      }
      progress.current = null;
      progress.failed = checks.filter((c) => !c.ok).length;
      onProgress?.({ ...progress });
      const cancelled = signal?.aborted ?? false;
      return { ok: !cancelled && checks.every((c) => c.ok), checks, ...(cancelled ? { cancelled } : {}) };
    },
  };
}
