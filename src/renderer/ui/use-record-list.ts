import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE } from '../../shared/api';
import type { ChangedArea, Page } from '../../shared/dto';
import { errorMessage } from './error-message';
import { useVigilEvent } from './use-vigil-event';

export const PAGE_SIZE = 200;

export interface RecordList<T> {
  rows: T[];
  total: number;
  loading: boolean;
  error: string | null;
  loadMore(): void;
  /** Reads the rows again (as many as are shown), as after a change elsewhere. */
  reload(): void;
}

type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

/**
 * One list screen's rows, a page at a time: read again from the top when `key` (the filter and sort, as a
 * string) changes, and reloaded when the core reports a change to any of `areas`. Answers to superseded
 * requests are dropped, so a slow answer to an old filter never overwrites a newer one.
 */
export function useRecordList<T>(fetchPage: FetchPage<T>, areas: readonly ChangedArea[], key = ''): RecordList<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const fetcher = useRef(fetchPage);
  const loaded = useRef(0);
  useEffect(() => {
    fetcher.current = fetchPage;
  });

  const load = useCallback(async (offset: number, limit: number, append: boolean) => {
    const mine = ++request.current;
    setLoading(true);
    try {
      const page = await fetcher.current(offset, limit);
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
  }, []);

  useEffect(() => {
    void load(0, PAGE_SIZE, false);
  }, [load, key]);

  const reload = useCallback(() => {
    // Keep as many rows as the user had scrolled through, so a change elsewhere does not shrink the list.
    void load(0, Math.min(MAX_PAGE, Math.max(PAGE_SIZE, loaded.current)), false);
  }, [load]);

  useVigilEvent((event) => {
    if (event.type !== 'catalogue-changed') return;
    if (event.what.length > 0 && !event.what.some((area) => areas.includes(area))) return;
    reload();
  });

  const loadMore = useCallback(() => {
    void load(loaded.current, PAGE_SIZE, true);
  }, [load]);

  return { rows, total, loading, error, loadMore, reload };
}
