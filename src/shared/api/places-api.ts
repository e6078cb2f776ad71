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
}

export const placesMethods = ['listPlaces', 'getPlace', 'createPlace', 'updatePlace', 'deletePlace', 'restorePlace'] as const satisfies readonly (keyof PlacesApi)[];
const _places: EveryMethodListed<PlacesApi, typeof placesMethods> = true;
void _places;
