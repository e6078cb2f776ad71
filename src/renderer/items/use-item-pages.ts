import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ItemFilter, ItemListArgs } from '../../shared/api';
import type { ItemKind, ItemSort, ItemSummary, Page } from '../../shared/dto';
import { errorMessage } from '../ui/error-message';
import { useVigilEvent } from '../ui/use-vigil-event';

export const ITEM_PAGE_SIZE = 200;
/** Catalogue changes arrive per file during an import: refresh at most this often. */
export const REFRESH_INTERVAL_MS = 1000;
/**
 * Pages in view are asked for at most this often while scrolling, for the range in view at that moment: a
 * slow scroll fills in as it goes, and a fling through 100,000 items asks for a few pages, not all of them.
 */
export const RANGE_SETTLE_MS = 80;

export interface ItemQuery {
  sort: ItemSort;
  order: 'asc' | 'desc';
  kind: ItemKind | null;
  tag: string;
  takenFrom: string;
  takenTo: string;
}

export const defaultItemQuery: ItemQuery = { sort: 'imported', order: 'desc', kind: null, tag: '', takenFrom: '', takenTo: '' };

/** The filter part of a query, as a selection of "every item shown" names it: empty filters are left out. */
export function itemFilter(query: ItemQuery): ItemFilter {
  const filter: ItemFilter = {};
  if (query.kind) filter.kind = query.kind;
  const tag = query.tag.trim();
  if (tag) filter.tag = tag;
  if (query.takenFrom) filter.takenFrom = query.takenFrom;
  if (query.takenTo) filter.takenTo = query.takenTo;
  return filter;
}

/** The listItems arguments for a query: empty filters are left out, never sent as blanks. */
export function listArgs(query: ItemQuery, offset: number, limit: number): ItemListArgs {
  return { offset, limit, sort: query.sort, order: query.order, ...itemFilter(query) };
}

export interface ItemPages {
  /** Null until the first page has answered. */
  total: number | null;
  /** The item at a position, when its page has arrived (possibly from before the last refresh). */
  itemAt(index: number): ItemSummary | undefined;
  /** Asks for the pages covering positions start..end (inclusive) that are missing or out of date. */
  ensureRange(start: number, end: number): void;
  /** True while the first page of the current query is on its way. */
  loading: boolean;
  error: string | null;
  retry(): void;
  /** Changes whenever a page arrives or an item changes, for memoised children. */
  version: number;
}

type ListPage = (args: ItemListArgs) => Promise<Page<ItemSummary>>;

interface Cache {
  /** Bumped when the query changes: answers for an older query are dropped. */
  generation: number;
  pages: Map<number, ItemSummary[]>;
  /** Pages shown from before the last refresh, to be asked for again when in view. */
  stale: Set<number>;
  /** The request number each page is waiting for; older answers for it are dropped. */
  waiting: Map<number, number>;
  lastRange: [number, number];
}

/**
 * The Items view's rows, a page at a time, for a virtualised grid over 100,000+ items: pages are asked for
 * as their rows come into view and kept; the total comes with each page. A catalogue change (or an import
 * ending) marks what is loaded as stale and asks again for the first page and those in view, at most once a
 * second, keeping the old rows on screen meanwhile. A finished preview updates its tile in place.
 */
export function useItemPages(listItems: ListPage, query: ItemQuery, pageSize = ITEM_PAGE_SIZE): ItemPages {
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const cache = useRef<Cache>({ generation: 0, pages: new Map(), stale: new Set(), waiting: new Map(), lastRange: [0, 0] });
  const requests = useRef(0);
  const fetcher = useRef(listItems);
  const queryRef = useRef(query);
  const rangeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRefresh = useRef(0);
  useEffect(() => {
    fetcher.current = listItems;
  });

  const queryKey = JSON.stringify(query);

  const fetchPage = useCallback(
    (page: number) => {
      const c = cache.current;
      const generation = c.generation;
      const mine = ++requests.current;
      c.waiting.set(page, mine);
      if (page === 0 && !c.pages.has(0)) setLoading(true);
      fetcher.current(listArgs(queryRef.current, page * pageSize, pageSize)).then(
        (result) => {
          if (generation !== cache.current.generation || c.waiting.get(page) !== mine) return;
          c.waiting.delete(page);
          c.pages.set(page, result.rows);
          c.stale.delete(page);
          setTotal(result.total);
          setError(null);
          if (page === 0) setLoading(false);
          bump();
        },
        (caught: unknown) => {
          if (generation !== cache.current.generation || c.waiting.get(page) !== mine) return;
          c.waiting.delete(page);
          setError(errorMessage(caught));
          if (page === 0) setLoading(false);
        },
      );
    },
    [pageSize],
  );

  const requestRange = useCallback(
    (start: number, end: number) => {
      const c = cache.current;
      const first = Math.max(0, Math.floor(start / pageSize));
      const last = Math.max(first, Math.floor(Math.max(start, end) / pageSize));
      for (let page = first; page <= last; page++) {
        if (c.waiting.has(page)) continue;
        if (c.pages.has(page) && !c.stale.has(page)) continue;
        fetchPage(page);
      }
    },
    [fetchPage, pageSize],
  );

  // A new query starts from nothing: its first page, and the total with it.
  useEffect(() => {
    queryRef.current = JSON.parse(queryKey) as ItemQuery;
    const c = cache.current;
    c.generation += 1;
    c.pages = new Map();
    c.stale = new Set();
    c.waiting = new Map();
    c.lastRange = [0, 0];
    setTotal(null);
    setError(null);
    bump();
    fetchPage(0);
  }, [queryKey, fetchPage]);

  useEffect(
    () => () => {
      if (rangeTimer.current) clearTimeout(rangeTimer.current);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
    },
    [],
  );

  const ensureRange = useCallback(
    (start: number, end: number) => {
      cache.current.lastRange = [start, end];
      if (rangeTimer.current) return; // due soon, and it reads the range then
      rangeTimer.current = setTimeout(() => {
        rangeTimer.current = null;
        requestRange(...cache.current.lastRange);
      }, RANGE_SETTLE_MS);
    },
    [requestRange],
  );

  const refreshNow = useCallback(() => {
    refreshTimer.current = null;
    lastRefresh.current = Date.now();
    const c = cache.current;
    for (const page of c.pages.keys()) c.stale.add(page);
    c.waiting.clear(); // answers to requests made before the change are out of date too
    fetchPage(0);
    requestRange(...c.lastRange);
  }, [fetchPage, requestRange]);

  const invalidate = useCallback(() => {
    if (refreshTimer.current) return; // one is already due
    const wait = lastRefresh.current + REFRESH_INTERVAL_MS - Date.now();
    if (wait <= 0) refreshNow();
    else refreshTimer.current = setTimeout(refreshNow, wait);
  }, [refreshNow]);

  useVigilEvent((event) => {
    if (event.type === 'catalogue-changed') {
      if (event.what.length === 0 || event.what.includes('items') || event.what.includes('tags')) invalidate();
    } else if (event.type === 'job-progress') {
      // An import that ends (however it ends) may have added items; other kinds of job do not.
      if (event.kind === 'import' && event.state !== 'running') invalidate();
    } else if (event.type === 'preview-ready') {
      for (const rows of cache.current.pages.values()) {
        const index = rows.findIndex((row) => row.id === event.itemId);
        if (index >= 0) {
          rows[index] = { ...rows[index]!, preview: event.state };
          bump();
        }
      }
    }
  });

  const itemAt = useCallback(
    (index: number) => cache.current.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    [pageSize],
  );

  const retry = useCallback(() => {
    setError(null);
    const c = cache.current;
    if (!c.pages.has(0)) fetchPage(0);
    requestRange(...c.lastRange);
  }, [fetchPage, requestRange]);

  return useMemo(
    () => ({ total, itemAt, ensureRange, loading, error, retry, version }),
    // itemAt reads the cache, so consumers re-render through `version`.
    [total, itemAt, ensureRange, loading, error, retry, version],
  );
}
