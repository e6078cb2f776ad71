/** The only SQL over items and their occurrences. */
import type { ItemFilter, ItemListArgs, ItemSelection } from '../../shared/api';
import type { HistoricalDate } from '../../shared/dates/historical-date';
import type {
  DocumentInfo,
  ItemKind,
  ItemOccurrence,
  ItemSummary,
  Page,
  PhotoMetadata,
  PreviewState,
  Sensitivity,
} from '../../shared/dto';
import { formatRef, type ItemId, type SourceId } from '../../shared/ids';
import { fromDateColumns, toDateColumns } from '../db/date-columns';
import type { Db } from '../db/open-database';
import { createStatementCache } from '../db/statement-cache';
import { likeContains } from '../persons/person-filter';

interface ItemRow {
  id: number;
  global_id: string;
  kind: ItemKind;
  title: string | null;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  taken_at: string | null;
  width: number | null;
  height: number | null;
  sensitivity: Sensitivity;
  sensitive_fields_json: string;
  preview_state: PreviewState;
  imported_at: string;
}

interface ItemDetailRow extends ItemRow {
  description: string | null;
  metadata_json: string | null;
  metadata_warnings_json: string;
  gps_lat: number | null;
  gps_lon: number | null;
  gps_alt: number | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  lens: string | null;
  software: string | null;
  orientation: number | null;
  caption: string | null;
  keywords_json: string | null;
  creator: string | null;
  copyright: string | null;
  page_count: number | null;
  document_title: string | null;
  document_author: string | null;
  document_producer: string | null;
  preview_note: string | null;
  acquisition_source_id: number | null;
  acquired_by: string | null;
  acquisition_method: string | null;
  acquired_date: string | null;
  acquired_earliest: string | null;
  acquired_latest: string | null;
  deleted_at: string | null;
}

/** The fields of an item people edit (DESIGN.md §4), as the repository stores them. */
export interface ItemEditable {
  title: string | null;
  description: string | null;
  sensitivity: Sensitivity;
  acquisitionSourceId: SourceId | null;
  acquiredBy: string | null;
  acquisitionMethod: string | null;
  acquiredDate: HistoricalDate | null;
}

const parseList = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
};

const SUMMARY_COLUMNS = `i.id, i.global_id, i.kind, i.title, i.original_name, i.mime, i.size, i.sha256, i.taken_at, i.width, i.height,
  i.sensitivity, i.sensitive_fields_json, i.preview_state, i.imported_at`;

const toSummary = (r: ItemRow): ItemSummary => ({
  id: r.id as ItemId,
  ref: formatRef('item', r.id),
  globalId: r.global_id,
  kind: r.kind,
  title: r.title,
  originalName: r.original_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  takenAt: r.taken_at,
  width: r.width,
  height: r.height,
  sensitivity: r.sensitivity,
  sensitiveMetadata: parseList(r.sensitive_fields_json).length > 0,
  preview: r.preview_state,
  importedAt: r.imported_at,
});

/** Everything intake writes for a new item, in one row. */
export interface NewItem {
  globalId: string;
  sha256: string;
  size: number;
  mime: string;
  kind: ItemKind;
  originalName: string;
  originalModifiedAt: string | null;
  originalCreatedAt: string | null;
  metadataJson: string | null;
  metadataWarnings: string[];
  sensitiveFields: string[];
  previewState: PreviewState;
  photo: PhotoMetadata | null;
  document: (DocumentInfo & { text: string | null }) | null;
  sensitivity: Sensitivity;
  importedAt: string;
}

export interface NewOccurrence {
  itemId: number;
  originalName: string;
  sourcePath: string | null;
  modifiedAt: string | null;
  createdAt: string | null;
  seenAt: string;
}

/** Sort columns are chosen from this fixed table, never from the caller's string. */
/** The WHERE clauses of an item filter, over `items i`; every value is bound by its name. */
function filterClauses(args: ItemFilter): string[] {
  const where = ['i.deleted_at IS NULL'];
  if (args.kind) where.push('i.kind = @kind');
  if (args.tag) {
    where.push(`EXISTS (SELECT 1 FROM item_tags it JOIN tags t ON t.id = it.tag_id
      WHERE it.item_id = i.id AND t.deleted_at IS NULL AND (t.label_en = @tag COLLATE NOCASE OR t.label_fa = @tag))`);
  }
  // taken_at starts with the camera's local day; comparing its first ten characters filters by that day.
  if (args.takenFrom) where.push('substr(i.taken_at, 1, 10) >= @takenFrom');
  if (args.takenTo) where.push('substr(i.taken_at, 1, 10) <= @takenTo');
  return where;
}

function filterParams(args: ItemFilter): Record<string, string> {
  return {
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.tag ? { tag: args.tag } : {}),
    ...(args.takenFrom ? { takenFrom: args.takenFrom } : {}),
    ...(args.takenTo ? { takenTo: args.takenTo } : {}),
  };
}

const SORTS: Record<NonNullable<ItemListArgs['sort']>, string> = {
  imported: 'i.id',
  taken: 'i.taken_at IS NULL, i.taken_at',
  name: 'i.original_name COLLATE NOCASE',
  size: 'i.size',
};

export function createItemsRepository(db: Db) {
  const total = db.prepare('SELECT count(*) FROM items WHERE deleted_at IS NULL').pluck();
  const byId = db.prepare('SELECT id, sha256, mime, size FROM items WHERE id = ? AND deleted_at IS NULL');
  const bySha = db.prepare('SELECT id FROM items WHERE sha256 = ?').pluck();
  const detail = db.prepare(`SELECT * FROM items i WHERE i.id = ? AND i.deleted_at IS NULL`);
  const occurrences = db.prepare(
    'SELECT original_name, source_path, modified_at, created_at, seen_at FROM item_occurrences WHERE item_id = ? ORDER BY id',
  );
  const insert = db.prepare(`
    INSERT INTO items (global_id, sha256, size, mime, kind, original_name, original_modified_at, original_created_at, metadata_json,
      metadata_warnings_json, sensitive_fields_json, preview_state, taken_at, gps_lat, gps_lon, gps_alt, make, model,
      serial, lens, software, orientation, width, height, caption, keywords_json, creator, copyright, page_count,
      document_title, document_author, document_producer, document_text, sensitivity, imported_at, updated_at)
    VALUES (@globalId, @sha256, @size, @mime, @kind, @originalName, @originalModifiedAt, @originalCreatedAt, @metadataJson,
      @metadataWarningsJson, @sensitiveFieldsJson, @previewState, @takenAt, @gpsLat, @gpsLon, @gpsAlt, @make, @model,
      @serial, @lens, @software, @orientation, @width, @height, @caption, @keywordsJson, @creator, @copyright, @pageCount,
      @documentTitle, @documentAuthor, @documentProducer, @documentText, @sensitivity, @importedAt, @importedAt)`);
  const insertOccurrence = db.prepare(`
    INSERT INTO item_occurrences (item_id, original_name, source_path, modified_at, created_at, seen_at)
    VALUES (@itemId, @originalName, @sourcePath, @modifiedAt, @createdAt, @seenAt)`);
  const setPreview = db.prepare('UPDATE items SET preview_state = ?, preview_note = ? WHERE id = ?');
  const pendingPreviews = db.prepare(
    "SELECT id, sha256 FROM items WHERE preview_state = 'pending' AND deleted_at IS NULL ORDER BY id",
  );
  const allFiles = db.prepare('SELECT id, sha256, size FROM items ORDER BY id');
  const search = db.prepare(`
    SELECT id, coalesce(title, original_name) AS label FROM items
    WHERE deleted_at IS NULL AND (title LIKE @pattern ESCAPE '\\' OR original_name LIKE @pattern ESCAPE '\\'
      OR caption LIKE @pattern ESCAPE '\\')
    ORDER BY id LIMIT @limit`);
  const pageCache = new Map<string, ReturnType<Db['prepare']>>();

  const cached = createStatementCache(db);
  const byGlobalId = db.prepare('SELECT id FROM items WHERE global_id = ?').pluck();
  const setEditable = db.prepare(`
    UPDATE items SET title = @title, description = @description, sensitivity = @sensitivity,
      acquisition_source_id = @acquisitionSourceId, acquired_by = @acquiredBy, acquisition_method = @acquisitionMethod,
      acquired_date = @acquiredJson, acquired_earliest = @acquiredEarliest, acquired_latest = @acquiredLatest, updated_at = @at
    WHERE id = @id`);
  const summariesByIds = new Map<number, ReturnType<Db['prepare']>>();

  /** One prepared statement per filter/sort shape (a handful), every value bound. */
  function pageStatement(args: ItemListArgs): { stmt: ReturnType<Db['prepare']>; count: ReturnType<Db['prepare']> } {
    const where = filterClauses(args);
    const order = args.order === 'desc' ? 'DESC' : 'ASC';
    const sort = SORTS[args.sort ?? 'imported']
      .split(', ')
      .map((part) => (part.endsWith('IS NULL') ? part : `${part} ${order}`))
      .join(', ');
    const key = `${where.join(' AND ')}|${sort}`;
    let stmt = pageCache.get(key);
    let count = pageCache.get(`count|${key}`);
    if (!stmt || !count) {
      stmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM items i WHERE ${where.join(' AND ')} ORDER BY ${sort}, i.id ${order} LIMIT @limit OFFSET @offset`);
      count = db.prepare(`SELECT count(*) FROM items i WHERE ${where.join(' AND ')}`).pluck();
      pageCache.set(key, stmt);
      pageCache.set(`count|${key}`, count);
    }
    return { stmt, count };
  }

  return {
    count(): number {
      return total.get() as number;
    },
    page(args: ItemListArgs = {}): Page<ItemSummary> {
      const offset = args.offset ?? 0;
      const limit = args.limit ?? 100;
      const { stmt, count } = pageStatement(args);
      const filters = filterParams(args);
      return { rows: (stmt.all({ ...filters, offset, limit }) as ItemRow[]).map(toSummary), total: count.get(filters) as number, offset };
    },
    /** The live items a selection names, in id order: the ids given, or all a filter shows but the ones excepted. */
    selectionIds(selection: ItemSelection): ItemId[] {
      if ('ids' in selection) {
        const unique = [...new Set(selection.ids)].sort((a, b) => a - b);
        return unique.filter((id) => byId.get(id) !== undefined);
      }
      const except = new Set<number>(selection.except ?? []);
      const ids = cached(`SELECT i.id FROM items i WHERE ${filterClauses(selection.filter).join(' AND ')} ORDER BY i.id`)
        .pluck()
        .all(filterParams(selection.filter)) as ItemId[];
      return except.size > 0 ? ids.filter((id) => !except.has(id)) : ids;
    },
    summaries(ids: readonly number[]): ItemSummary[] {
      const out: ItemSummary[] = [];
      // In chunks, so no statement binds more values than SQLite allows.
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        let stmt = summariesByIds.get(chunk.length);
        if (!stmt) {
          stmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM items i WHERE i.deleted_at IS NULL AND i.id IN (${chunk.map(() => '?').join(',')})`);
          summariesByIds.set(chunk.length, stmt);
        }
        out.push(...(stmt.all(chunk) as ItemRow[]).map(toSummary));
      }
      const order = new Map(ids.map((id, index) => [id, index]));
      return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    },
    /** The global ids of the given items (those that exist), in chunks of 500. */
    globalIds(ids: readonly number[]): Map<number, string> {
      const out = new Map<number, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = cached(`SELECT id, global_id FROM items WHERE id IN (${chunk.map(() => '?').join(',')})`).all(chunk) as Array<{ id: number; global_id: string }>;
        for (const row of rows) out.set(row.id, row.global_id);
      }
      return out;
    },
    idByGlobalId(globalId: string): ItemId | null {
      return (byGlobalId.get(globalId) as ItemId | undefined) ?? null;
    },
    updateEditable(id: ItemId, fields: ItemEditable, at: string): void {
      const date = toDateColumns(fields.acquiredDate);
      setEditable.run({
        id,
        at,
        title: fields.title,
        description: fields.description,
        sensitivity: fields.sensitivity,
        acquisitionSourceId: fields.acquisitionSourceId,
        acquiredBy: fields.acquiredBy,
        acquisitionMethod: fields.acquisitionMethod,
        acquiredJson: date.json,
        acquiredEarliest: date.earliest,
        acquiredLatest: date.latest,
      });
    },
    fileInfo(id: number): { id: number; sha256: string; mime: string; size: number } | null {
      return (byId.get(id) as { id: number; sha256: string; mime: string; size: number } | undefined) ?? null;
    },
    idBySha(sha256: string): number | null {
      return (bySha.get(sha256) as number | undefined) ?? null;
    },
    insert(item: NewItem): number {
      const p = item.photo;
      const d = item.document;
      const result = insert.run({
        globalId: item.globalId,
        sha256: item.sha256,
        size: item.size,
        mime: item.mime,
        kind: item.kind,
        originalName: item.originalName,
        originalModifiedAt: item.originalModifiedAt,
        originalCreatedAt: item.originalCreatedAt,
        metadataJson: item.metadataJson,
        metadataWarningsJson: JSON.stringify(item.metadataWarnings),
        sensitiveFieldsJson: JSON.stringify(item.sensitiveFields),
        previewState: item.previewState,
        takenAt: p?.takenAt ?? null,
        gpsLat: p?.gps?.lat ?? null,
        gpsLon: p?.gps?.lon ?? null,
        gpsAlt: p?.gps?.alt ?? null,
        make: p?.make ?? null,
        model: p?.model ?? null,
        serial: p?.serial ?? null,
        lens: p?.lens ?? null,
        software: p?.software ?? null,
        orientation: p?.orientation ?? null,
        width: p?.width ?? null,
        height: p?.height ?? null,
        caption: p?.caption ?? null,
        keywordsJson: p ? JSON.stringify(p.keywords) : null,
        creator: p?.creator ?? d?.author ?? null,
        copyright: p?.copyright ?? null,
        pageCount: d?.pageCount ?? null,
        documentTitle: d?.title ?? null,
        documentAuthor: d?.author ?? null,
        documentProducer: d?.producer ?? null,
        documentText: d?.text ?? null,
        sensitivity: item.sensitivity,
        importedAt: item.importedAt,
      });
      return Number(result.lastInsertRowid);
    },
    addOccurrence(occurrence: NewOccurrence): void {
      insertOccurrence.run(occurrence);
    },
    /** `note` says why there is no preview, or that it shows only part of a damaged file. */
    setPreviewState(id: number, state: PreviewState, note: string | null = null): void {
      setPreview.run(state, note, id);
    },
    pendingPreviews(): Array<{ id: number; sha256: string }> {
      return pendingPreviews.all() as Array<{ id: number; sha256: string }>;
    },
    *iterateFiles(): Generator<{ id: number; sha256: string; size: number }> {
      yield* allFiles.iterate() as IterableIterator<{ id: number; sha256: string; size: number }>;
    },
    detail(id: number) {
      const r = detail.get(id) as ItemDetailRow | undefined;
      if (!r) return null;
      const photo: PhotoMetadata | null =
        r.kind === 'photo'
          ? {
              takenAt: r.taken_at,
              gps: r.gps_lat !== null && r.gps_lon !== null ? { lat: r.gps_lat, lon: r.gps_lon, alt: r.gps_alt } : null,
              make: r.make,
              model: r.model,
              serial: r.serial,
              lens: r.lens,
              software: r.software,
              orientation: r.orientation,
              width: r.width,
              height: r.height,
              caption: r.caption,
              keywords: parseList(r.keywords_json),
              creator: r.creator,
              copyright: r.copyright,
            }
          : null;
      const document: DocumentInfo | null =
        r.kind === 'document'
          ? { pageCount: r.page_count, title: r.document_title, author: r.document_author, producer: r.document_producer }
          : null;
      let rawMetadata: Record<string, unknown> | null = null;
      try {
        rawMetadata = r.metadata_json ? (JSON.parse(r.metadata_json) as Record<string, unknown>) : null;
      } catch {
        rawMetadata = null;
      }
      const editable: ItemEditable = {
        title: r.title,
        description: r.description,
        sensitivity: r.sensitivity,
        acquisitionSourceId: r.acquisition_source_id as SourceId | null,
        acquiredBy: r.acquired_by,
        acquisitionMethod: r.acquisition_method,
        acquiredDate: fromDateColumns(r.acquired_date, r.acquired_earliest, r.acquired_latest),
      };
      return {
        ...toSummary(r),
        editable,
        description: r.description,
        photo,
        document,
        sensitiveFields: parseList(r.sensitive_fields_json),
        metadataWarnings: r.preview_note ? [...parseList(r.metadata_warnings_json), r.preview_note] : parseList(r.metadata_warnings_json),
        rawMetadata,
        occurrences: (occurrences.all(id) as Array<Record<string, string | null>>).map(
          (o): ItemOccurrence => ({
            originalName: o.original_name ?? '',
            sourcePath: o.source_path ?? null,
            modifiedAt: o.modified_at ?? null,
            createdAt: o.created_at ?? null,
            seenAt: o.seen_at ?? '',
          }),
        ),
      };
    },
    searchLike(query: string, limit: number): Array<{ id: number; label: string }> {
      return search.all({ pattern: likeContains(query), limit }) as Array<{ id: number; label: string }>;
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
