import { useEffect, useMemo, useState } from 'react';
import type { ItemSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { ItemGrid } from '../components/ItemGrid';
import { hasFilters, ItemsToolbar, type ItemsLayout } from '../components/ItemsToolbar';
import { RecordTable, type Column } from '../components/RecordTable';
import { UserText } from '../components/UserText';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { defaultItemQuery, ITEM_PAGE_SIZE, useItemPages, type ItemPages, type ItemQuery } from '../hooks/use-item-pages';
import { useIntake } from '../intake/use-intake';
import { emptySelection, type GridSelection } from '../items/grid-selection';
import { capitalise, formatBytes, formatDay, formatNumber } from './format';

export const TAG_DEBOUNCE_MS = 300;

const columns: Column<ItemSummary>[] = [
  { header: 'Title', cell: (item) => <UserText text={item.title ?? item.originalName} />, className: 'grow' },
  { header: 'Kind', cell: (item) => capitalise(item.kind) },
  { header: 'Taken', cell: (item) => <UserText text={item.takenAt} />, className: 'nowrap' },
  { header: 'Size', cell: (item) => formatBytes(item.size), className: 'numeric' },
  {
    header: 'Sensitivity',
    cell: (item) => (
      <>
        <span className={`badge badge-${item.sensitivity}`}>{capitalise(item.sensitivity)}</span>
        {item.sensitiveMetadata && (
          <span className="badge badge-sensitive" title="The file's metadata identifies people or places (GPS, device serial numbers, creators).">
            Sensitive<span className="visually-hidden"> metadata</span>
          </span>
        )}
      </>
    ),
  },
  { header: 'Imported', cell: (item) => formatDay(item.importedAt), className: 'nowrap' },
];

/** The loaded rows from the top, as far as they run without a gap (the table view pages from the start). */
function leadingRows(pages: ItemPages, shown: number): ItemSummary[] {
  const rows: ItemSummary[] = [];
  const limit = Math.min(shown, pages.total ?? 0);
  for (let i = 0; i < limit; i++) {
    const item = pages.itemAt(i);
    if (!item) break;
    rows.push(item);
  }
  return rows;
}

function ItemsTable({ pages, openedId, onOpen }: { pages: ItemPages; openedId: number | null; onOpen(item: ItemSummary): void }) {
  const [shown, setShown] = useState(ITEM_PAGE_SIZE);
  const total = pages.total ?? 0;
  const { ensureRange } = pages;
  useEffect(() => {
    ensureRange(0, shown - 1);
  }, [ensureRange, shown]);
  const rows = leadingRows(pages, shown);
  return (
    <div className="items-table">
      <RecordTable
        caption="Items in the catalogue"
        rows={rows}
        columns={columns}
        rowKey={(item) => item.id}
        rowLabel={(item) => item.ref}
        selectedKey={openedId}
        onSelect={onOpen}
      />
      {rows.length < total && (
        <div className="load-more">
          <p className="muted">
            Showing {formatNumber(rows.length)} of {formatNumber(total)} items.
          </p>
          <button type="button" className="secondary-button" onClick={() => setShown((n) => n + ITEM_PAGE_SIZE)} disabled={rows.length < Math.min(shown, total)}>
            Load more items
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The Items screen (DESIGN.md §12): a virtualised thumbnail grid or the table, sorted and filtered by the
 * toolbar, with multi-select; the opened item shows in the right-hand panel.
 */
export function ItemsView({ selectedId, onSelect }: { selectedId: number | null; onSelect(item: ItemSummary): void }) {
  const { api } = useClient();
  const intake = useIntake();
  const [base, setBase] = useState<ItemQuery>(defaultItemQuery);
  const [tagText, setTagText] = useState('');
  const [layout, setLayout] = useState<ItemsLayout>('grid');
  const [selection, setSelection] = useState<GridSelection>(emptySelection);
  const tag = useDebouncedValue(tagText.trim(), TAG_DEBOUNCE_MS);
  const query = useMemo(() => ({ ...base, tag }), [base, tag]);
  const queryKey = JSON.stringify(query);
  const pages = useItemPages((args) => api.listItems(args), query);
  const total = pages.total;

  // A new sort or filter starts the grid from the top, with nothing selected.
  useEffect(() => {
    setSelection(emptySelection);
  }, [queryKey]);

  const filtered = hasFilters(query);
  const selectedCount = selection.selected.size;

  return (
    <section className="view items-view" aria-labelledby="view-title" aria-busy={pages.loading}>
      <header className="view-header">
        <h1 id="view-title">Items</h1>
        {total !== null && total > 0 && (
          <p className="view-count">
            {formatNumber(total)} {total === 1 ? 'item' : 'items'}
            {filtered ? ' match' : ''}
            {selectedCount > 0 && (
              <>
                {' · '}
                {formatNumber(selectedCount)} selected{' '}
                <button type="button" className="link-button" onClick={() => setSelection({ ...selection, selected: new Set(), anchor: null })}>
                  Clear selection
                </button>
              </>
            )}
          </p>
        )}
      </header>
      <ItemsToolbar
        query={{ ...base, tag: tagText }}
        tagText={tagText}
        onQueryChange={(next) => setBase({ ...next, tag: '' })}
        onTagTextChange={setTagText}
        layout={layout}
        onLayoutChange={setLayout}
      />
      {pages.error && (
        <div className="banner-inline">
          <ErrorMessage message={`Vigil could not load the items: ${pages.error}`} />
          <button type="button" className="secondary-button" onClick={pages.retry}>
            Try again
          </button>
        </div>
      )}
      {total === null && pages.loading && !pages.error && <p className="muted view-loading">Loading items…</p>}
      {total === 0 && !pages.error && !filtered && (
        <EmptyState title="No items yet.">
          <p>
            Drop photos and scanned documents anywhere on this window, or choose them with the <strong>Import…</strong>{' '}
            button. Each file is copied into the vault unchanged, hashed and recorded in the custody log.
          </p>
          <p className="muted">
            {intake.available ? 'From the command line: ' : 'Importing is not available in this window; use the command line: '}
            <code>vigil import PATH</code>
          </p>
        </EmptyState>
      )}
      {total === 0 && !pages.error && filtered && (
        <EmptyState title="No items match these filters.">
          <p>Change the kind, the dates or the tag, or clear the filters.</p>
        </EmptyState>
      )}
      {total !== null && total > 0 &&
        (layout === 'grid' ? (
          <ItemGrid
            key={queryKey}
            pages={pages}
            selection={selection}
            onSelectionChange={setSelection}
            openedId={selectedId}
            onOpen={onSelect}
          />
        ) : (
          <ItemsTable key={queryKey} pages={pages} openedId={selectedId} onOpen={onSelect} />
        ))}
    </section>
  );
}
