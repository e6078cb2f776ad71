/** Places: prisons, cities, cemeteries, mass graves. */
import type { Changed, Page, PlaceDetail, PlaceFilter, PlaceInput, PlacePatch, PlaceSummary } from '../dto';
import type { PlaceId } from '../ids';
import type { EveryMethodListed, PageArgs } from './common';

export interface PlacesApi {
  listPlaces(args?: PageArgs & { filter?: PlaceFilter }): Promise<Page<PlaceSummary>>;
  getPlace(args: { id: PlaceId }): Promise<PlaceDetail>;
  createPlace(args: PlaceInput): Promise<Changed<PlaceDetail>>;
  updatePlace(args: { id: PlaceId; patch: PlacePatch }): Promise<Changed<PlaceDetail>>;
  deletePlace(args: { id: PlaceId; reason: string }): Promise<Changed<PlaceDetail>>;
  restorePlace(args: { id: PlaceId }): Promise<Changed<PlaceDetail>>;
  /**
   * Merges two places that are one (the same prison under two names): every live link of `mergeId` moves to
   * `keepId` (one that would repeat a link of the kept place is soft-deleted instead), the places inside it
   * move inside the kept place, a name the kept place lacks in a script is taken from it, and it is
   * soft-deleted as "Merged into PL-…". One change, undone in one step. Answers with the kept place.
   */
  mergePlaces(args: { keepId: PlaceId; mergeId: PlaceId }): Promise<Changed<PlaceDetail>>;
}

export const placesMethods = ['listPlaces', 'getPlace', 'createPlace', 'updatePlace', 'deletePlace', 'restorePlace', 'mergePlaces'] as const satisfies readonly (keyof PlacesApi)[];
const _places: EveryMethodListed<PlacesApi, typeof placesMethods> = true;
void _places;
