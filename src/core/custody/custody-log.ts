/**
 * The hash-chained custody log (DESIGN.md §7). Each row's hash is the SHA-256 of the canonical JSON
 * (RFC 8785, via `canonicalize`) of the row without its own hash, previous row's hash included, so editing,
 * removing or reordering any row breaks the chain at that row and `verifyChain` names it.
 *
 * Every change has a named actor: an append without one is refused (ACTOR_REQUIRED) and its transaction rolls
 * back, so no record can change anonymously, whichever path it took. Only the catalogue's own automatic steps
 * (its creation, a schema update) are recorded without a person, under SYSTEM_ACTOR.
 */
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { CatalogueError } from '../../shared/errors';
import type { CustodyRepository, CustodyRow } from './custody-repository';

export const GENESIS_HASH = '0'.repeat(64);
export const TOOL_NAME = 'Vigil';
/** The actor of steps Vigil takes by itself when no person has been named (creating the catalogue, migrating it). */
export const SYSTEM_ACTOR = 'Vigil (automatic step)';

export interface CustodyContext {
  catalogueId: string;
  workstationId: string;
  toolVersion: string;
  timeZone: string;
  now: () => Date;
  /** Who is acting now, or null if nobody has said; read at each append because the archivist can change it. */
  actor: () => { name: string; organisation: string | null } | null;
}

export interface CustodyEventInput {
  action: string;
  targetType?: string | null;
  targetRef?: string | null;
  /** The target record's global id. */
  targetGlobalId?: string | null;
  /** Further records the event is about (a link's ends, a tagged record's tag): found in their histories too. */
  mentions?: ReadonlyArray<string | null | undefined>;
  sha256Before?: string | null;
  sha256After?: string | null;
  details?: Record<string, unknown>;
  /** An automatic step of Vigil's own, allowed before anyone is named. */
  system?: boolean;
}

/**
 * Canonical JSON (RFC 8785) refuses strings with unpaired UTF-16 surrogates, which file names can hold (on
 * Windows) and broken metadata can decode to. The log records such strings with U+FFFD in their place, so
 * what is stored is exactly what is hashed; the records themselves keep the original text.
 */
function wellFormed<T>(value: T): T {
  return isAllWellFormed(value) ? value : rebuildWellFormed(value);
}

/** True when every string in the value (keys too) is well-formed: the usual case, checked without copying. */
function isAllWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (Array.isArray(value)) return value.every(isAllWellFormed);
  if (value && typeof value === 'object') {
    for (const key in value) {
      if (!key.isWellFormed() || !isAllWellFormed((value as Record<string, unknown>)[key])) return false;
    }
  }
  return true;
}

function rebuildWellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(rebuildWellFormed) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), rebuildWellFormed(v)])) as T;
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

export function actorRequiredError(): CatalogueError {
  return new CatalogueError(
    'ACTOR_REQUIRED',
    'Nothing was changed: Vigil records who makes every change, and nobody has said who is cataloguing yet.',
  );
}

export function createCustodyLog(repo: CustodyRepository, context: CustodyContext) {
  /** The change the events appended now belong to (set by `inChange`; transactions never await, so one at a time). */
  let currentChange: { id: string; events: number } | null = null;

  return {
    /** Appends one event. Call inside the service's transaction so the event and the change land together. */
    append(input: CustodyEventInput): CustodyRow {
      const person = context.actor();
      if (!person && !input.system) throw actorRequiredError();
      const actor = person ?? { name: SYSTEM_ACTOR, organisation: null };
      const previous = repo.head();
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
        // Present only when set, so rows written before schema 2 hash exactly as they did.
        ...(input.targetGlobalId ? { targetGlobalId: input.targetGlobalId } : {}),
        ...(currentChange ? { changeId: currentChange.id } : {}),
        sha256Before: input.sha256Before ?? null,
        sha256After: input.sha256After ?? null,
        tool: TOOL_NAME,
        toolVersion: context.toolVersion,
        details: input.details ?? {},
        prevHash: previous?.hash ?? GENESIS_HASH,
      });
      const row = { ...withoutHash, hash: hashWellFormedRow(withoutHash) };
      const mentions = new Set<string>();
      for (const id of [input.targetGlobalId, ...(input.mentions ?? [])]) if (id) mentions.add(id);
      repo.insert(row, [...mentions]);
      if (currentChange) currentChange.events += 1;
      return row;
    },

    /**
     * Runs `fn` (a synchronous transaction body) as one change: every event it appends carries the same new
     * change id, which `undo` takes. The id is returned only if `fn` appended anything.
     */
    inChange<T>(fn: () => T): { value: T; changeId: string | null } {
      if (currentChange) return { value: fn(), changeId: currentChange.id };
      const change = { id: randomUUID(), events: 0 };
      currentChange = change;
      try {
        const value = fn();
        return { value, changeId: change.events > 0 ? change.id : null };
      } finally {
        currentChange = null;
      }
    },

    /** Throws ACTOR_REQUIRED now when nobody is named, before any work starts (an import, a CSV file). */
    requireActor(): void {
      if (!context.actor()) throw actorRequiredError();
    },

    head(): { seq: number; hash: string } {
      return repo.head() ?? { seq: 0, hash: GENESIS_HASH };
    },

    /** Walks the whole chain; every row that does not follow from the one before is named. */
    verifyChain(onRow?: (seq: number) => void): ChainProblem[] {
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
        onRow?.(row.seq);
      }
      return problems;
    },

    count(): number {
      return repo.count();
    },
  };
}

export type CustodyLog = ReturnType<typeof createCustodyLog>;
