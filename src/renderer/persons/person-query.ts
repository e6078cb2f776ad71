/**
 * What the Persons list shows: the toolbar's filters and sort, and the filters the timeline sets by a click
 * (a week, a prison, a burial place), which show as removable chips. One PersonFilter is made from it for the
 * list, the timeline's counts and an export, so all three always select the same persons.
 */
import type { PersonFilter, PersonSort } from '../../shared/dto';
import { describeSpan } from './timeline/span-label';

export interface PlaceFilter {
  placeId: number;
  /** The link type: 'person-detained-at', 'person-buried-at', ... */
  link: string;
  /** The place's name as the timeline showed it (untrusted text), for the chip. */
  label: string;
}

export interface PersonQuery {
  /** Part of a name or father's name, in either script (sent after a pause in typing). */
  text: string;
  role: string;
  fate: string;
  place: PlaceFilter | null;
  /** ISO days: persons whose death interval overlaps this range. */
  death: { from: string; to: string } | null;
  deleted: boolean;
  sort: PersonSort;
  order: 'asc' | 'desc';
}

export const initialQuery: PersonQuery = { text: '', role: '', fate: '', place: null, death: null, deleted: false, sort: 'ref', order: 'asc' };

export function personFilter(query: PersonQuery): PersonFilter {
  const filter: PersonFilter = {};
  const text = query.text.trim();
  if (text) filter.text = text;
  if (query.role) filter.role = query.role;
  if (query.fate) filter.fate = query.fate;
  if (query.place) {
    filter.placeId = query.place.placeId;
    filter.placeLink = query.place.link;
  }
  if (query.death) {
    filter.deathFrom = query.death.from;
    filter.deathTo = query.death.to;
  }
  if (query.deleted) filter.deleted = true;
  return filter;
}

/** True when any filter narrows the list (the Deleted switch is a different list, not a filter). */
export function isFiltered(query: PersonQuery): boolean {
  return query.text.trim() !== '' || query.role !== '' || query.fate !== '' || query.place !== null || query.death !== null;
}

export function withoutFilters(query: PersonQuery): PersonQuery {
  return { ...query, text: '', role: '', fate: '', place: null, death: null };
}

/** The chip's words for a place filter: "Detained at", "Buried at"... from the link type's label. */
export function placeChipPrefix(link: string, linkLabel: (code: string) => string): string {
  return linkLabel(link) || 'Linked to';
}

export function deathChipText(death: { from: string; to: string }): string {
  return `Death date in ${describeSpan(death.from, death.to).both}`;
}
