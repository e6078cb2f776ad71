import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE } from '../../shared/api';
import type { PlaceFilter, PlaceSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { PAGE_SIZE, type RecordList } from '../ui/use-record-list';
import { useVigilEvent } from '../ui/use-vigil-event';

export interface PlaceList extends RecordList<PlaceSummary> {
  reload(): void;
}

/**
 * The Places list, a page at a time, for one filter: asked again when the filter changes and when the core
 * announces a change to places, persons or links (the persons counted at a place). Answers to superseded
 * requests are dropped, so a slow answer to an old filter never replaces a newer one.
 */
export function usePlaceList(filter: PlaceFilter): PlaceList {
  const { api } = useClient();
  const [rows, setRows] = useState<PlaceSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const loaded = useRef(0);
  const current = useRef(filter);
  const key = JSON.stringify(filter);
  useEffect(() => {
    current.current = filter;
  });

  const load = useCallback(
    async (offset: number, limit: number, append: boolean) => {
      const mine = ++request.current;
      setLoading(true);
      try {
        const page = await api.listPlaces({ filter: current.current, offset, limit });
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
    if (event.what.length > 0 && !event.what.some((area) => area === 'places' || area === 'persons' || area === 'links')) return;
    reload();
  });

  const loadMore = useCallback(() => {
    void load(loaded.current, PAGE_SIZE, true);
  }, [load]);

  return { rows, total, loading, error, loadMore, reload };
}
