/** A record's custody history as the contract shows it: every event about it, oldest first. */
import type { CustodyEvent } from '../../shared/dto';
import type { CustodyRepository, CustodyRow } from './custody-repository';

export function toCustodyEvent(row: CustodyRow): CustodyEvent {
  return {
    seq: row.seq,
    at: row.at,
    timeZone: row.timeZone,
    actor: row.actor,
    actorOrganisation: row.actorOrganisation,
    action: row.action,
    targetType: row.targetType,
    targetRef: row.targetRef,
    targetGlobalId: row.targetGlobalId ?? null,
    changeId: row.changeId ?? null,
    sha256Before: row.sha256Before,
    sha256After: row.sha256After,
    tool: row.tool,
    toolVersion: row.toolVersion,
    details: row.details,
    hash: row.hash,
  };
}

export function createCustodyHistory(repo: CustodyRepository) {
  return {
    forRecord(globalId: string): CustodyEvent[] {
      return repo.forRecord(globalId).map(toCustodyEvent);
    },
  };
}

export type CustodyHistory = ReturnType<typeof createCustodyHistory>;
