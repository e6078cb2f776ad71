/** SQL over items. Intake (a later issue) adds the writes; the foundation lists and resolves them. */
import type { ItemKind, ItemSummary, Page, Sensitivity } from '../../shared/dto';
import { formatRef, type ItemId } from '../../shared/ids';
import type { Db } from '../db/open-database';

interface ItemRow {
  id: number;
  kind: ItemKind;
  title: string | null;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  taken_at: string | null;
  sensitivity: Sensitivity;
  imported_at: string;
}

const toSummary = (r: ItemRow): ItemSummary => ({
  id: r.id as ItemId,
  ref: formatRef('item', r.id),
  kind: r.kind,
  title: r.title,
  originalName: r.original_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  takenAt: r.taken_at,
  sensitivity: r.sensitivity,
  importedAt: r.imported_at,
});

export function createItemsRepository(db: Db) {
  const page = db.prepare(`
    SELECT id, kind, title, original_name, mime, size, sha256, taken_at, sensitivity, imported_at
    FROM items WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?`);
  const total = db.prepare('SELECT count(*) FROM items WHERE deleted_at IS NULL').pluck();
  const byId = db.prepare('SELECT id, sha256, mime, size FROM items WHERE id = ? AND deleted_at IS NULL');
  const search = db.prepare(`
    SELECT id, coalesce(title, original_name) AS label FROM items
    WHERE deleted_at IS NULL AND (title LIKE @pattern ESCAPE '\\' OR original_name LIKE @pattern ESCAPE '\\'
      OR caption LIKE @pattern ESCAPE '\\')
    ORDER BY id LIMIT @limit`);

  return {
    page(offset: number, limit: number): Page<ItemSummary> {
      return { rows: (page.all(limit, offset) as ItemRow[]).map(toSummary), total: total.get() as number, offset };
    },
    fileInfo(id: number): { id: number; sha256: string; mime: string; size: number } | null {
      return (byId.get(id) as { id: number; sha256: string; mime: string; size: number } | undefined) ?? null;
    },
    searchLike(pattern: string, limit: number): Array<{ id: number; label: string }> {
      return search.all({ pattern, limit }) as Array<{ id: number; label: string }>;
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
