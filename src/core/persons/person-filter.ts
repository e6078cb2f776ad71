/**
 * The WHERE clause for a PersonFilter, shared by the list, the timeline's counts and exports, so all three
 * always select the same persons. Built from fixed fragments; every value is bound.
 */
import type { PersonFilter } from '../../shared/dto';
import { nameKey } from '../../shared/names/name-key';

/** Escapes LIKE's wildcards so typed % and _ match themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function personFilterSql(filter: PersonFilter): { where: string; params: Record<string, unknown> } {
  const where = ['p.merged_into_id IS NULL', filter.deleted ? 'p.deleted_at IS NOT NULL' : 'p.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const text = filter.text?.trim();
  if (text) {
    const key = nameKey(text);
    // A query of only marks or spaces has no key: it matches no name, rather than every name.
    params.textKey = key ? likeContains(key) : null;
    params.textRaw = likeContains(text);
    where.push(`((@textKey IS NOT NULL AND EXISTS (SELECT 1 FROM person_names n WHERE n.person_id = p.id AND n.search_key LIKE @textKey ESCAPE '\\'))
      OR (@textKey IS NOT NULL AND p.father_name_key LIKE @textKey ESCAPE '\\')
      OR p.father_name_fa LIKE @textRaw ESCAPE '\\' OR p.father_name_latin LIKE @textRaw ESCAPE '\\')`);
  }
  if (filter.role) {
    params.role = filter.role;
    where.push('EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = @role)');
  }
  if (filter.fate) {
    params.fate = filter.fate;
    where.push('p.fate = @fate');
  }
  if (filter.placeId !== undefined) {
    params.placeId = filter.placeId;
    const byType = filter.placeLink ? ' AND l.type = @placeLink' : '';
    if (filter.placeLink) params.placeLink = filter.placeLink;
    where.push(`EXISTS (SELECT 1 FROM links l WHERE l.person_id = p.id AND l.place_id = @placeId AND l.deleted_at IS NULL${byType})`);
  }
  // Uncertain dates are intervals: a person is in the range when their interval overlaps it.
  if (filter.deathFrom) {
    params.deathFrom = filter.deathFrom;
    where.push('p.death_latest >= @deathFrom');
  }
  if (filter.deathTo) {
    params.deathTo = filter.deathTo;
    where.push('p.death_earliest <= @deathTo');
  }
  return { where: where.join(' AND '), params };
}
