import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import type { RecordList } from './use-record-list';

const numberFormat = new Intl.NumberFormat('en-GB');

/** The frame every list view shares: heading, count, loading and error states, empty state, load more. */
export function ListScreen<T>({
  title,
  noun,
  list,
  empty,
  children,
}: {
  title: string;
  /** Plural noun for the count line, e.g. "persons". */
  noun: string;
  list: RecordList<T>;
  empty: ReactNode;
  children: ReactNode;
}) {
  const { rows, total, loading, error } = list;
  const firstLoad = loading && rows.length === 0 && !error;
  return (
    <section className="view" aria-labelledby="view-title" aria-busy={loading}>
      <header className="view-header">
        <h1 id="view-title">{title}</h1>
        {rows.length > 0 && (
          <p className="view-count">
            {rows.length < total
              ? `Showing ${numberFormat.format(rows.length)} of ${numberFormat.format(total)} ${noun}`
              : `${numberFormat.format(total)} ${noun}`}
          </p>
        )}
      </header>
      {error && <ErrorMessage message={`Vigil could not load the ${noun}: ${error}`} />}
      {firstLoad && <p className="muted view-loading">Loading {noun}…</p>}
      {!loading && !error && rows.length === 0 && empty}
      {rows.length > 0 && children}
      {rows.length > 0 && rows.length < total && (
        <div className="load-more">
          <button type="button" className="secondary-button" onClick={list.loadMore} disabled={loading}>
            Load more {noun}
          </button>
        </div>
      )}
    </section>
  );
}
