/**
 * The one search box. The foundation matches substrings of names, titles and captions; the name-matching
 * issue replaces this with normalised keys and fuzzy scoring (DESIGN.md §5) behind the same method.
 */
import type { SearchHit } from '../../shared/dto';
import { formatRef } from '../../shared/ids';

interface Searchable {
  /** Records whose searchable text contains the query (LIKE wildcards in it match themselves). */
  searchLike(query: string, limit: number): Array<{ id: number; label: string }>;
}

export function createSearchService(deps: { items: Searchable; persons: Searchable; places: Searchable }) {
  return {
    search(query: string, limit = 50): SearchHit[] {
      const q = query.normalize('NFC').trim();
      if (!q) return [];
      const hits: SearchHit[] = [
        ...deps.persons.searchLike(q, limit).map((r) => ({ type: 'person' as const, id: r.id, ref: formatRef('person', r.id), label: r.label, score: 1 })),
        ...deps.items.searchLike(q, limit).map((r) => ({ type: 'item' as const, id: r.id, ref: formatRef('item', r.id), label: r.label, score: 1 })),
        ...deps.places.searchLike(q, limit).map((r) => ({ type: 'place' as const, id: r.id, ref: formatRef('place', r.id), label: r.label, score: 1 })),
      ];
      return hits.slice(0, limit);
    },
  };
}
