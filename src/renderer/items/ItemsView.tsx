import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ItemSummary } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { useIntake } from '../intake/use-intake';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatNumber } from '../ui/format';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { clearSelection, emptySelection, selectAll, selectedCount, toItemSelection, type GridSelection } from './grid-selection';
import { ItemGrid } from './ItemGrid';
import { ItemsTable } from './ItemsTable';
import { hasFilters, ItemsToolbar, type ItemsLayout } from './ItemsToolbar';
import { SelectionBar } from './SelectionBar';
import { defaultItemQuery, itemFilter, useItemPages, type ItemQuery } from './use-item-pages';
import { useSelectionKeys } from './use-selection-keys';

export const TAG_DEBOUNCE_MS = 300;

/**
 * The Items screen (DESIGN.md §12): a virtualised thumbnail grid or the table, sorted and filtered by the
 * toolbar, with multi-select; the opened item shows in the right-hand panel. Ctrl/Cmd+A selects every item
 * the filter shows (all pages, loaded or not), Escape clears, and while anything is selected the selection
 * bar offers to tag or link all of it at once.
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
  const count = selectedCount(selection, total ?? 0);
  const view = useRef<HTMLElement>(null);
  const canSelect = total !== null && total > 0;
  useSelectionKeys(view, {
    selectAll: () => {
      if (canSelect) setSelection(selectAll);
    },
    clear: () => {
      if (!selection.all && selection.selected.size === 0) return false;
      setSelection(clearSelection);
      return true;
    },
  });
  const filter = useMemo(() => itemFilter(query), [query]);
  const currentSelection = useCallback(() => toItemSelection(selection, filter), [selection, filter]);

  return (
    <section ref={view} className="view items-view" aria-labelledby="view-title" aria-busy={pages.loading}>
      <header className="view-header">
        <h1 id="view-title">Items</h1>
        {total !== null && total > 0 && (
          <p className="view-count">
            <span>
              {formatNumber(total)} {total === 1 ? 'item' : 'items'}
              {filtered ? ' match' : ''}
            </span>
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
      {/* The bar's row is always there while items are shown, so selecting never moves the grid under the pointer. */}
      {canSelect &&
        (count > 0 ? (
          <SelectionBar
            count={count}
            all={selection.all}
            excluded={selection.all ? selection.except.size : 0}
            selection={currentSelection}
            onClear={() => setSelection(clearSelection)}
          />
        ) : (
          <div className="selection-bar selection-bar-idle">
            <p className="selection-hint">
              Select items to tag or link them: click, Shift+click for a run, Ctrl+click for one more.{' '}
              <button type="button" className="link-button" aria-keyshortcuts="Control+A Meta+A" onClick={() => setSelection(selectAll)}>
                Select all {formatNumber(total)}
              </button>{' '}
              <kbd>Ctrl+A</kbd>
            </p>
          </div>
        ))}
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
          <ItemsTable key={queryKey} pages={pages} selection={selection} onSelectionChange={setSelection} openedId={selectedId} onOpen={onSelect} />
        ))}
    </section>
  );
}
