/** SQL over places. */
import type { Page, PlaceSummary } from '../../shared/dto';
import { formatRef, type PlaceId } from '../../shared/ids';
import type { Db } from '../db/open-database';

interface PlaceRow {
  id: number;
  type: string;
  name_fa: string | null;
  name_latin: string | null;
}

export function createPlacesRepository(db: Db) {
  const page = db.prepare(
    'SELECT id, type, name_fa, name_latin FROM places WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?',
  );
  const total = db.prepare('SELECT count(*) FROM places WHERE deleted_at IS NULL').pluck();
  const search = db.prepare(`
    SELECT id, coalesce(name_latin, name_fa) AS label FROM places
    WHERE deleted_at IS NULL AND (name_fa LIKE @pattern ESCAPE '\\' OR name_latin LIKE @pattern ESCAPE '\\')
    ORDER BY id LIMIT @limit`);
  return {
    page(offset: number, limit: number): Page<PlaceSummary> {
      const rows = (page.all(limit, offset) as PlaceRow[]).map(
        (r): PlaceSummary => ({
          id: r.id as PlaceId,
          ref: formatRef('place', r.id),
          type: r.type,
          nameFa: r.name_fa,
          nameLatin: r.name_latin,
        }),
      );
      return { rows, total: total.get() as number, offset };
    },
    searchLike(pattern: string, limit: number): Array<{ id: number; label: string }> {
      return search.all({ pattern, limit }) as Array<{ id: number; label: string }>;
    },
  };
}
