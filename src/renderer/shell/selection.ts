import type { ExhibitSetSummary, ItemSummary, PersonSummary, PlaceSummary, SearchHit } from '../../shared/dto';
import type { OpenableType } from './open-record-context';

/**
 * What the right-hand panel shows: a row picked in a list, a search result opened with Enter, or a record
 * opened from another one's panel (a linked person, a photo in a gallery).
 */
export type Selection =
  | { kind: 'item'; record: ItemSummary }
  | { kind: 'person'; record: PersonSummary }
  | { kind: 'place'; record: PlaceSummary }
  | { kind: 'exhibitSet'; record: ExhibitSetSummary }
  | { kind: 'hit'; record: SearchHit }
  | { kind: 'open'; record: { type: OpenableType; id: number } };

export const viewIds = ['items', 'persons', 'places', 'exhibits', 'search'] as const;
export type ViewId = (typeof viewIds)[number];

export const viewLabels: Record<ViewId, string> = {
  items: 'Items',
  persons: 'Persons',
  places: 'Places',
  exhibits: 'Exhibits',
  search: 'Search',
};
