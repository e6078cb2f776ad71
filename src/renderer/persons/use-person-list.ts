import type { PersonFilter, PersonSort, PersonSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { useRecordList, type RecordList } from '../ui/use-record-list';

export type PersonList = RecordList<PersonSummary>;

/**
 * The Persons list for one filter and sort, read again when they change and when persons, places or links
 * change (a place linked elsewhere changes who a place filter selects).
 */
export function usePersonList(filter: PersonFilter, sort: PersonSort, order: 'asc' | 'desc'): PersonList {
  const { api } = useClient();
  return useRecordList((offset, limit) => api.listPersons({ filter, sort, order, offset, limit }), ['persons', 'links', 'places'], JSON.stringify([filter, sort, order]));
}
