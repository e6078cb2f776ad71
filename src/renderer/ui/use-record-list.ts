import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_PAGE } from '../../shared/api';
import type { Page, RecordCounts } from '../../shared/dto';
import { errorMessage } from './error-message';
import { useVigilEvent } from './use-vigil-event';

export const PAGE_SIZE = 200;

export interface RecordList<T> {
  rows: T[];
  total: number;
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

/**
 * One list screen's rows, a page at a time, reloaded when the core reports a change to this kind of record.
 * Answers to superseded requests are dropped, so a slow first page never overwrites a newer one.
 */
export function useRecordList<T>(fetchPage: FetchPage<T>, kind: keyof RecordCounts): RecordList<T> {
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
  }, [load]);

  useVigilEvent((event) => {
    if (event.type !== 'catalogue-changed') return;
    if (event.what.length > 0 && !event.what.includes(kind)) return;
    // Keep as many rows as the user had scrolled through, so a change elsewhere does not shrink the list.
    void load(0, Math.min(MAX_PAGE, Math.max(PAGE_SIZE, loaded.current)), false);
  });

  const loadMore = useCallback(() => {
    void load(loaded.current, PAGE_SIZE, true);
  }, [load]);

  return { rows, total, loading, error, loadMore };
}
