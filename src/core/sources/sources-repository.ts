/** The only SQL over sources and citations (a source cited for one fact of a record). */
import type { Reliability, Sensitivity, SourceBrief, SourceKind, SourceSummary } from '../../shared/dto';
import { formatRef, type SourceId } from '../../shared/ids';
import type { Db } from '../db/open-database';
import { likeContains } from '../persons/person-filter';

export interface SourceColumns {
  title: string;
  kind: SourceKind;
  reliability: Reliability;
  description: string | null;
  sensitivity: Sensitivity;
}

interface DbSource {
  id: number;
  global_id: string;
  title: string;
  kind: SourceKind;
  reliability: Reliability;
  description: string | null;
  sensitivity: Sensitivity;
}

const toSummary = (r: DbSource): SourceSummary => ({
  id: r.id as SourceId,
  ref: formatRef('source', r.id),
  globalId: r.global_id,
  title: r.title,
  kind: r.kind,
  reliability: r.reliability,
  description: r.description,
  sensitivity: r.sensitivity,
});

export function briefOf(source: SourceSummary): SourceBrief {
  return { id: source.id, ref: source.ref, title: source.title, reliability: source.reliability };
}

export function createSourcesRepository(db: Db) {
  const byId = db.prepare('SELECT * FROM sources WHERE id = ?');
  const byGlobalId = db.prepare('SELECT id FROM sources WHERE global_id = ?').pluck();
  const deletedAt = db.prepare('SELECT deleted_at FROM sources WHERE id = ?').pluck();
  const byTitle = db.prepare('SELECT * FROM sources WHERE title = ? AND deleted_at IS NULL ORDER BY id LIMIT 1');
  const insert = db.prepare(`
    INSERT INTO sources (global_id, title, kind, reliability, description, sensitivity, created_at, updated_at)
    VALUES (@globalId, @title, @kind, @reliability, @description, @sensitivity, @at, @at)`);
  const update = db.prepare(`
    UPDATE sources SET title = @title, kind = @kind, reliability = @reliability, description = @description,
      sensitivity = @sensitivity, updated_at = @at WHERE id = @id`);
  const setDeleted = db.prepare('UPDATE sources SET deleted_at = ?, deleted_reason = ?, updated_at = ? WHERE id = ?');
  const page = db.prepare(`
    SELECT * FROM sources WHERE deleted_at IS NULL AND title LIKE @text ESCAPE '\\' ORDER BY title COLLATE NOCASE, id
    LIMIT @limit OFFSET @offset`);
  const count = db.prepare("SELECT count(*) FROM sources WHERE deleted_at IS NULL AND title LIKE @text ESCAPE '\\'").pluck();
  const citations = db.prepare('SELECT field, source_id FROM citations WHERE record_type = ? AND record_id = ? AND field IS NOT NULL ORDER BY id');
  const recordCitation = db.prepare('SELECT source_id FROM citations WHERE record_type = ? AND record_id = ? AND field IS NULL ORDER BY id LIMIT 1').pluck();
  const removeCitation = db.prepare('DELETE FROM citations WHERE record_type = ? AND record_id = ? AND field = ?');
  const addCitation = db.prepare(`
    INSERT INTO citations (global_id, source_id, record_type, record_id, field, created_at) VALUES (?, ?, ?, ?, ?, ?)`);

  const get = (id: number): SourceSummary | null => {
    const row = byId.get(id) as DbSource | undefined;
    return row ? toSummary(row) : null;
  };

  return {
    get,
    brief(id: number | null): SourceBrief | null {
      const source = id === null ? null : get(id);
      return source ? briefOf(source) : null;
    },
    byGlobalIdId(globalId: string): SourceId | null {
      return (byGlobalId.get(globalId) as SourceId | undefined) ?? null;
    },
    byTitle(title: string): SourceSummary | null {
      const row = byTitle.get(title) as DbSource | undefined;
      return row ? toSummary(row) : null;
    },
    insert(fields: SourceColumns & { globalId: string; at: string }): SourceId {
      return Number(insert.run(fields).lastInsertRowid) as SourceId;
    },
    update(id: SourceId, fields: SourceColumns, at: string): void {
      update.run({ ...fields, id, at });
    },
    setDeleted(id: number, at: string | null, reason: string | null, updatedAt: string): void {
      setDeleted.run(at, reason, updatedAt, id);
    },
    isDeleted(id: number): boolean {
      return (deletedAt.get(id) ?? null) !== null;
    },
    page(text: string, offset: number, limit: number) {
      const pattern = likeContains(text.trim());
      return {
        rows: (page.all({ text: pattern, offset, limit }) as DbSource[]).map(toSummary),
        total: count.get({ text: pattern }) as number,
        offset,
      };
    },
    /** The source cited for each field of a record. */
    citations(recordType: string, recordId: number): Array<{ field: string; sourceId: SourceId }> {
      return (citations.all(recordType, recordId) as Array<{ field: string; source_id: number }>).map((c) => ({
        field: c.field,
        sourceId: c.source_id as SourceId,
      }));
    },
    /** The source cited for a record as a whole (no field): every fact it came with, unless a fact has its own. */
    recordCitation(recordType: string, recordId: number): SourceId | null {
      return (recordCitation.get(recordType, recordId) as SourceId | undefined) ?? null;
    },
    addRecordCitation(recordType: string, recordId: number, sourceId: SourceId, globalId: string, at: string): void {
      addCitation.run(globalId, sourceId, recordType, recordId, null, at);
    },
    /** Cites one source for one field (replacing any before it), or none. */
    setCitation(recordType: string, recordId: number, field: string, sourceId: SourceId | null, globalId: string, at: string): void {
      removeCitation.run(recordType, recordId, field);
      if (sourceId !== null) addCitation.run(globalId, sourceId, recordType, recordId, field, at);
    },
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
