import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ItemSummary } from '../../shared/dto';
import { capitalise, formatBytes, formatDay, formatNumber } from '../ui/format';
import { RecordTable, type Column } from '../ui/RecordTable';
import { UserText } from '../ui/UserText';
import { isSelected, setSelected, type GridSelection } from './grid-selection';
import { ITEM_PAGE_SIZE, type ItemPages } from './use-item-pages';

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

/**
 * The Items screen's table view: the same pages as the grid, read from the top, a page more at a time. Each
 * row has a checkbox for the same selection as the grid's (Ctrl/Cmd+A selects every item the filter shows,
 * loaded or not).
 */
export function ItemsTable({
  pages,
  selection,
  onSelectionChange,
  openedId,
  onOpen,
}: {
  pages: ItemPages;
  selection: GridSelection;
  onSelectionChange: Dispatch<SetStateAction<GridSelection>>;
  openedId: number | null;
  onOpen(item: ItemSummary): void;
}) {
  const [shown, setShown] = useState(ITEM_PAGE_SIZE);
  const total = pages.total ?? 0;
  const { ensureRange } = pages;
  useEffect(() => {
    ensureRange(0, shown - 1);
  }, [ensureRange, shown]);
  const rows = leadingRows(pages, shown);
  const withSelection: Column<ItemSummary>[] = [
    {
      header: 'Selected',
      className: 'select-cell',
      cell: (item) => (
        <input
          type="checkbox"
          aria-label={`Select ${item.ref}`}
          checked={isSelected(selection, item.id)}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => {
            const on = event.target.checked;
            onSelectionChange((previous) => setSelected(previous, item.id, on));
          }}
        />
      ),
    },
    ...columns,
  ];
  return (
    <div className="items-table">
      <RecordTable
        caption="Items in the catalogue"
        rows={rows}
        columns={withSelection}
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
