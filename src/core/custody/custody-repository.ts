/** The only SQL over custody_events. Rows are only ever inserted (the table's triggers refuse the rest). */
import type { Db } from '../db/open-database';

export interface CustodyRow {
  seq: number;
  at: string;
  timeZone: string;
  actor: string;
  actorOrganisation: string | null;
  workstationId: string;
  catalogueId: string;
  action: string;
  targetType: string | null;
  targetRef: string | null;
  /** Absent (not null) on rows without one, so rows written before schema 2 keep their hashes. */
  targetGlobalId?: string;
  changeId?: string;
  sha256Before: string | null;
  sha256After: string | null;
  tool: string;
  toolVersion: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface DbRow {
  seq: number;
  at: string;
  time_zone: string;
  actor: string;
  actor_organisation: string | null;
  workstation_id: string;
  catalogue_id: string;
  action: string;
  target_type: string | null;
  target_ref: string | null;
  target_global_id: string | null;
  change_id: string | null;
  sha256_before: string | null;
  sha256_after: string | null;
  tool: string;
  tool_version: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

function toRow(r: DbRow): CustodyRow {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details_json) as Record<string, unknown>;
  } catch {
    // Kept visible rather than thrown: verify reports the row whose hash no longer matches.
    details = { unreadableDetails: r.details_json };
  }
  return {
    seq: r.seq,
    at: r.at,
    timeZone: r.time_zone,
    actor: r.actor,
    actorOrganisation: r.actor_organisation,
    workstationId: r.workstation_id,
    catalogueId: r.catalogue_id,
    action: r.action,
    targetType: r.target_type,
    targetRef: r.target_ref,
    ...(r.target_global_id !== null ? { targetGlobalId: r.target_global_id } : {}),
    ...(r.change_id !== null ? { changeId: r.change_id } : {}),
    sha256Before: r.sha256_before,
    sha256After: r.sha256_after,
    tool: r.tool,
    toolVersion: r.tool_version,
    details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function createCustodyRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO custody_events (seq, at, time_zone, actor, actor_organisation, workstation_id, catalogue_id, action,
      target_type, target_ref, target_global_id, change_id, sha256_before, sha256_after, tool, tool_version, details_json,
      prev_hash, hash)
    VALUES (@seq, @at, @timeZone, @actor, @actorOrganisation, @workstationId, @catalogueId, @action,
      @targetType, @targetRef, @targetGlobalId, @changeId, @sha256Before, @sha256After, @tool, @toolVersion, @detailsJson,
      @prevHash, @hash)`);
  const insertMention = db.prepare('INSERT OR IGNORE INTO custody_event_records (seq, global_id) VALUES (?, ?)');
  const head = db.prepare('SELECT seq, hash FROM custody_events ORDER BY seq DESC LIMIT 1');
  const all = db.prepare('SELECT * FROM custody_events ORDER BY seq');
  const count = db.prepare('SELECT count(*) FROM custody_events').pluck();
  const forRecord = db.prepare(`
    SELECT e.* FROM custody_event_records r JOIN custody_events e ON e.seq = r.seq WHERE r.global_id = ? ORDER BY e.seq`);
  const forChange = db.prepare('SELECT * FROM custody_events WHERE change_id = ? ORDER BY seq');

  return {
    insert(row: CustodyRow, mentions: readonly string[] = []): void {
      insert.run({
        ...row,
        targetGlobalId: row.targetGlobalId ?? null,
        changeId: row.changeId ?? null,
        detailsJson: JSON.stringify(row.details),
      });
      for (const globalId of mentions) insertMention.run(row.seq, globalId);
    },
    /** The newest row's number and hash: all an append needs (without parsing the row's details). */
    head(): { seq: number; hash: string } | null {
      return (head.get() as { seq: number; hash: string } | undefined) ?? null;
    },
    *iterate(): Generator<CustodyRow> {
      for (const r of all.iterate() as IterableIterator<DbRow>) yield toRow(r);
    },
    count(): number {
      return count.get() as number;
    },
    /** Every event about a record (as its target, or as one end of a link or a tagging), oldest first. */
    forRecord(globalId: string): CustodyRow[] {
      return (forRecord.all(globalId) as DbRow[]).map(toRow);
    },
    forChange(changeId: string): CustodyRow[] {
      return (forChange.all(changeId) as DbRow[]).map(toRow);
    },
  };
}

export type CustodyRepository = ReturnType<typeof createCustodyRepository>;
