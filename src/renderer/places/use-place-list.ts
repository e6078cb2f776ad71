import type { PlaceFilter, PlaceSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { useRecordList, type RecordList } from '../ui/use-record-list';

export type PlaceList = RecordList<PlaceSummary>;

/** The Places list for one filter, read again when it changes and when places, persons or links change (the persons counted at a place). */
export function usePlaceList(filter: PlaceFilter): PlaceList {
  const { api } = useClient();
  return useRecordList((offset, limit) => api.listPlaces({ filter, offset, limit }), ['places', 'persons', 'links'], JSON.stringify(filter));
}
