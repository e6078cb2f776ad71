/**
 * `verify`: proves the catalogue is intact or names what is not — SQLite's own checks, every vault file
 * re-hashed against the SHA-256 recorded at intake, and the custody log's hash chain.
 */
import { stat } from 'node:fs/promises';
import type { VerifyCheck, VerifyReport } from '../../shared/dto';
import { formatRef } from '../../shared/ids';
import type { CustodyLog } from '../custody/custody-log';
import { hashFile } from '../ingest/vault-writer';
import type { createIntegrityRepository } from '../repositories/integrity-repository';
import type { ItemsRepository } from '../repositories/items-repository';
import { vaultPath } from '../vault/vault-paths';

export function createVerifyService(deps: {
  integrity: ReturnType<typeof createIntegrityRepository>;
  custody: CustodyLog;
  items: ItemsRepository;
  vaultDir: string;
}) {
  async function checkVault(signal?: AbortSignal): Promise<VerifyCheck> {
    const problems: string[] = [];
    // Read the list first: hashing is async and the statement must not stay open across awaits.
    const files = [...deps.items.iterateFiles()];
    for (const file of files) {
      if (signal?.aborted) break;
      const ref = formatRef('item', file.id);
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

  return {
    async verify(signal?: AbortSignal): Promise<VerifyReport> {
      const checks: VerifyCheck[] = [];
      const integrity = deps.integrity.integrityProblems();
      checks.push({ name: 'database integrity', ok: integrity.length === 0, problems: integrity });
      const fk = deps.integrity.foreignKeyProblems();
      checks.push({ name: 'database references', ok: fk.length === 0, problems: fk });
      checks.push(await checkVault(signal));
      const chain = deps.custody.verifyChain().map((p) => `custody log row ${p.seq}: ${p.problem}`);
      checks.push({ name: 'custody log chain', ok: chain.length === 0, problems: chain });
      return { ok: checks.every((c) => c.ok), checks };
    },
  };
}
