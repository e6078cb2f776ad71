/**
 * The hash-chained custody log (DESIGN.md §7). Each row's hash is the SHA-256 of the canonical JSON
 * (RFC 8785, via `canonicalize`) of the row without its own hash, previous row's hash included, so editing,
 * removing or reordering any row breaks the chain at that row and `verifyChain` names it.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CustodyRepository, CustodyRow } from '../repositories/custody-repository';

export const GENESIS_HASH = '0'.repeat(64);
export const TOOL_NAME = 'Vigil';

export interface CustodyContext {
  catalogueId: string;
  workstationId: string;
  toolVersion: string;
  timeZone: string;
  now: () => Date;
  /** Who is acting now; read at each append because the archivist can change it. */
  actor: () => { name: string; organisation: string | null };
}

export interface CustodyEventInput {
  action: string;
  targetType?: string | null;
  targetRef?: string | null;
  sha256Before?: string | null;
  sha256After?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Canonical JSON (RFC 8785) refuses strings with unpaired UTF-16 surrogates, which file names can hold (on
 * Windows) and broken metadata can decode to. The log records such strings with U+FFFD in their place, so
 * what is stored is exactly what is hashed; the records themselves keep the original text.
 */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormed(v)])) as T;
  }
  return value;
}

export function hashCustodyRow(row: Omit<CustodyRow, 'hash'>): string {
  return hashWellFormedRow(wellFormed(row));
}

/** The hash of a row whose strings are already well-formed (as `append` makes them). */
function hashWellFormedRow(row: Omit<CustodyRow, 'hash'>): string {
  const canonical = canonicalize(row);
  if (canonical === undefined) throw new Error('A custody row could not be canonicalised.');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

export function createCustodyLog(repo: CustodyRepository, context: CustodyContext) {
  return {
    /** Appends one event. Call inside the service's transaction so the event and the change land together. */
    append(input: CustodyEventInput): CustodyRow {
      const previous = repo.head();
      const actor = context.actor();
      const withoutHash: Omit<CustodyRow, 'hash'> = wellFormed({
        seq: (previous?.seq ?? 0) + 1,
        at: context.now().toISOString(),
        timeZone: context.timeZone,
        actor: actor.name,
        actorOrganisation: actor.organisation,
        workstationId: context.workstationId,
        catalogueId: context.catalogueId,
        action: input.action,
        targetType: input.targetType ?? null,
        targetRef: input.targetRef ?? null,
        sha256Before: input.sha256Before ?? null,
        sha256After: input.sha256After ?? null,
        tool: TOOL_NAME,
        toolVersion: context.toolVersion,
        details: input.details ?? {},
        prevHash: previous?.hash ?? GENESIS_HASH,
      });
      const row = { ...withoutHash, hash: hashWellFormedRow(withoutHash) };
      repo.insert(row);
      return row;
    },

    head(): { seq: number; hash: string } {
      return repo.head() ?? { seq: 0, hash: GENESIS_HASH };
    },

    /** Walks the whole chain; every row that does not follow from the one before is named. */
    verifyChain(): ChainProblem[] {
      const problems: ChainProblem[] = [];
      let expectedPrev = GENESIS_HASH;
      let expectedSeq = 1;
      for (const row of repo.iterate()) {
        if (row.seq !== expectedSeq) {
          problems.push({ seq: row.seq, problem: `expected row ${expectedSeq} here: rows are missing or reordered` });
        }
        if (row.prevHash !== expectedPrev) {
          problems.push({ seq: row.seq, problem: 'does not link to the row before it (previous hash differs)' });
        }
        // Details that no longer parse come back as { unreadableDetails }, which cannot match the hash.
        const { hash, ...rest } = row;
        if (hashCustodyRow(rest) !== hash) problems.push({ seq: row.seq, problem: 'its content no longer matches its hash' });
        expectedPrev = hash;
        expectedSeq = row.seq + 1;
      }
      return problems;
    },
  };
}

export type CustodyLog = ReturnType<typeof createCustodyLog>;
