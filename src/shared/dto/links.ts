/** Typed links between records, each with certainty and source (DESIGN.md §4). */
import type { ItemId, LinkId, PersonId, PlaceId, SourceId } from '../ids';
import type { SourceBrief } from './sources';

/** Which two kinds of record a link type joins. */
export type LinkShape = 'item-person' | 'item-place' | 'person-place' | 'person-person' | 'item-item';

export interface LinkEnd {
  type: 'item' | 'person' | 'place';
  id: number;
  ref: string;
  /** The record's name or title as shown in lists (untrusted text). */
  label: string;
  /** For a person or place: the name in Persian script, shown beside the Latin one. */
  labelFa?: string | null;
}

/** A link read from either end: `from` is the item or the first person, `to` the other record. */
export interface LinkView {
  id: LinkId;
  globalId: string;
  type: string;
  shape: LinkShape;
  certainty: string;
  source: SourceBrief | null;
  note: string | null;
  /** For relatives: how `to` is related to `from` (mother, brother, ...). */
  relationship: string | null;
  from: LinkEnd;
  to: LinkEnd;
  createdAt: string;
  updatedAt: string;
}

export interface LinkInput {
  type: string;
  itemId?: ItemId;
  personId?: PersonId;
  placeId?: PlaceId;
  relatedItemId?: ItemId;
  relatedPersonId?: PersonId;
  relationship?: string | null;
  certainty?: string;
  sourceId?: SourceId | null;
  note?: string | null;
}

export interface LinkPatch {
  certainty?: string;
  sourceId?: SourceId | null;
  note?: string | null;
  relationship?: string | null;
}
