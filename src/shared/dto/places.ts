/** Places: prisons, cities, cemeteries and mass-grave sites, with a parent place and names in both scripts. */
import type { PlaceId } from '../ids';
import type { CustodyEvent, Sensitivity } from './catalogue';
import type { LinkView } from './links';
import type { TagRef } from './tags';

export interface PlaceSummary {
  id: PlaceId;
  ref: string;
  globalId: string;
  type: string;
  nameFa: string | null;
  nameLatin: string | null;
  parentId: PlaceId | null;
  /** The parent place's name, for lists ("Evin Prison — Tehran"). */
  parentLabel: string | null;
  /** Persons linked to the place. */
  personCount: number;
  deleted: boolean;
}

export interface PlaceDetail extends PlaceSummary {
  lat: number | null;
  lon: number | null;
  /** Grave coordinates are strictly confidential by default (DESIGN.md §4). */
  coordinatesSensitivity: Sensitivity;
  sensitivity: Sensitivity;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deletedReason: string | null;
  /** Set when the place was merged into another: its links and history moved there. */
  mergedIntoId: PlaceId | null;
  children: PlaceSummary[];
  /** Persons and items linked to the place, read from their end. */
  links: LinkView[];
  tags: TagRef[];
  custody: CustodyEvent[];
}

export interface PlaceInput {
  type: string;
  nameFa?: string | null;
  nameLatin?: string | null;
  parentId?: PlaceId | null;
  lat?: number | null;
  lon?: number | null;
  /** Defaults to confidential for places that hold graves, restricted otherwise. */
  coordinatesSensitivity?: Sensitivity;
  sensitivity?: Sensitivity;
  notes?: string | null;
}

export type PlacePatch = Partial<PlaceInput>;

export interface PlaceFilter {
  text?: string;
  type?: string;
  deleted?: boolean;
}
