import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE } from '../../shared/api';
import type { PersonFilter, PersonSort, PersonSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { PAGE_SIZE, type RecordList } from '../ui/use-record-list';
import { useVigilEvent } from '../ui/use-vigil-event';

export interface PersonList extends RecordList<PersonSummary> {
  reload(): void;
}

/**
 * The Persons list, a page at a time, for one filter and sort: asked again when they change and when the core
 * announces a change to persons or links (a place linked elsewhere changes who a place filter selects).
 * Answers to superseded requests are dropped, so a slow answer to old filters never replaces a newer one.
 */
export function usePersonList(filter: PersonFilter, sort: PersonSort, order: 'asc' | 'desc'): PersonList {
  const { api } = useClient();
  const [rows, setRows] = useState<PersonSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const loaded = useRef(0);
  const args = useRef({ filter, sort, order });
  const key = JSON.stringify([filter, sort, order]);
  useEffect(() => {
    args.current = { filter, sort, order };
  });

  const load = useCallback(
    async (offset: number, limit: number, append: boolean) => {
      const mine = ++request.current;
      setLoading(true);
      try {
        const page = await api.listPersons({ ...args.current, offset, limit });
        if (mine !== request.current) return;
        setRows((previous) => {
          const next = append ? [...previous, ...page.rows] : page.rows;
          loaded.current = next.length;
          return next;
        });
        setTotal(page.total);
        setError(null);
      } catch (caught) {
        if (mine !== request.current) return;
        setError(errorMessage(caught));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(0, PAGE_SIZE, false);
  }, [load, key]);

  const reload = useCallback(() => {
    // Keep as many rows as the user had scrolled through, so a change elsewhere does not shrink the list.
    void load(0, Math.min(MAX_PAGE, Math.max(PAGE_SIZE, loaded.current)), false);
  }, [load]);

  useVigilEvent((event) => {
    if (event.type !== 'catalogue-changed') return;
    if (event.what.length > 0 && !event.what.some((area) => area === 'persons' || area === 'links' || area === 'places')) return;
    reload();
  });

  const loadMore = useCallback(() => {
    void load(loaded.current, PAGE_SIZE, true);
  }, [load]);

  return { rows, total, loading, error, loadMore, reload };
}
