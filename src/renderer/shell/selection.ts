import type { ExhibitSetSummary, ItemSummary, PersonSummary, PlaceSummary, SearchHit } from '../../shared/dto';

/** What the right-hand panel shows: a row picked in a list, or a search result opened with Enter. */
export type Selection =
  | { kind: 'item'; record: ItemSummary }
  | { kind: 'person'; record: PersonSummary }
  | { kind: 'place'; record: PlaceSummary }
  | { kind: 'exhibitSet'; record: ExhibitSetSummary }
  | { kind: 'hit'; record: SearchHit };

export const viewIds = ['items', 'persons', 'places', 'exhibits', 'search'] as const;
export type ViewId = (typeof viewIds)[number];

export const viewLabels: Record<ViewId, string> = {
  items: 'Items',
  persons: 'Persons',
  places: 'Places',
  exhibits: 'Exhibits',
  search: 'Search',
};
