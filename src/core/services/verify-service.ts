/**
 * `verify`: proves the catalogue is intact or names what is not. The foundation checks the database and the
 * custody chain; intake adds re-hashing every vault file.
 */
import type { VerifyCheck, VerifyReport } from '../../shared/dto';
import type { CustodyLog } from '../custody/custody-log';
import type { createIntegrityRepository } from '../repositories/integrity-repository';

export function createVerifyService(deps: {
  integrity: ReturnType<typeof createIntegrityRepository>;
  custody: CustodyLog;
}) {
  return {
    verify(): VerifyReport {
      const checks: VerifyCheck[] = [];
      const integrity = deps.integrity.integrityProblems();
      checks.push({ name: 'database integrity', ok: integrity.length === 0, problems: integrity });
      const fk = deps.integrity.foreignKeyProblems();
      checks.push({ name: 'database references', ok: fk.length === 0, problems: fk });
      const chain = deps.custody.verifyChain().map((p) => `custody log row ${p.seq}: ${p.problem}`);
      checks.push({ name: 'custody log chain', ok: chain.length === 0, problems: chain });
      return { ok: checks.every((c) => c.ok), checks };
    },
  };
}
