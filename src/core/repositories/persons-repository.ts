/** SQL over persons and their names. Later issues add writes; the foundation lists and finds them. */
import type { Page, PersonSummary } from '../../shared/dto';
import { formatRef, type PersonId } from '../../shared/ids';
import type { Db } from '../db/open-database';

interface PersonRow {
  id: number;
  name_fa: string | null;
  name_latin: string | null;
  fate: string | null;
  death_date: string | null;
  prison: string | null;
}

/** The preferred name in a script: the one marked preferred, else the first recorded. */
const preferredName = (script: string) => `(
  SELECT name FROM person_names n WHERE n.person_id = p.id AND n.script = '${script}'
  ORDER BY n.is_preferred DESC, n.id LIMIT 1)`;

function displayDate(json: string | null): string | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as { original?: string; edtf?: string };
    return parsed.original ?? parsed.edtf ?? null;
  } catch {
    return json;
  }
}

export function createPersonsRepository(db: Db) {
  const page = db.prepare(`
    SELECT p.id, ${preferredName('persian')} AS name_fa, ${preferredName('latin')} AS name_latin, p.fate,
      p.death_date, coalesce(pl.name_latin, pl.name_fa) AS prison
    FROM persons p LEFT JOIN places pl ON pl.id = p.prison_id
    WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL
    ORDER BY p.id LIMIT ? OFFSET ?`);
  const total = db
    .prepare('SELECT count(*) FROM persons WHERE deleted_at IS NULL AND merged_into_id IS NULL')
    .pluck();
  const search = db.prepare(`
    SELECT p.id, min(n.name) AS label FROM person_names n JOIN persons p ON p.id = n.person_id
    WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL
      AND (n.name LIKE @pattern ESCAPE '\\' OR p.father_name LIKE @pattern ESCAPE '\\')
    GROUP BY p.id ORDER BY p.id LIMIT @limit`);

  return {
    page(offset: number, limit: number): Page<PersonSummary> {
      const rows = (page.all(limit, offset) as PersonRow[]).map(
        (r): PersonSummary => ({
          id: r.id as PersonId,
          ref: formatRef('person', r.id),
          nameFa: r.name_fa,
          nameLatin: r.name_latin,
          fate: r.fate,
          deathDate: displayDate(r.death_date),
          prison: r.prison,
        }),
      );
      return { rows, total: total.get() as number, offset };
    },
    searchLike(pattern: string, limit: number): Array<{ id: number; label: string }> {
      return search.all({ pattern, limit }) as Array<{ id: number; label: string }>;
    },
  };
}
