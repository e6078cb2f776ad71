import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, useState, type Dispatch, type KeyboardEvent, type MouseEvent, type SetStateAction } from 'react';
import type { ItemSummary } from '../../shared/dto';
import { gridLayout, PADDING } from './grid-layout';
import { clearSelection, clickAt, gridKeys, isSelected, moveFocus, targetOf, toggleFocused, type GridKey, type GridSelection } from './grid-selection';
import { ItemTile } from './ItemTile';
import { LoadingTile } from './LoadingTile';
import type { ItemPages } from './use-item-pages';

/** Rows rendered beyond the visible ones, so a short scroll never shows blank space. */
const OVERSCAN_ROWS = 3;

/**
 * The Items thumbnail grid (DESIGN.md §12). Only the rows in view are in the document: a row-virtualised
 * list (@tanstack/react-virtual) of as many columns as the width allows, its pages fetched as rows come
 * into view, so 100,000 items scroll as smoothly as 100.
 *
 * Keyboard (ARIA grid, focus stays on the grid and aria-activedescendant names the current cell): arrows,
 * Home/End, Page Up/Down move; Shift extends the selection; Space toggles; Enter opens in the panel;
 * Escape clears the selection. Ctrl/Cmd+A (every item the filter shows) is the Items view's, so it works from
 * the table too.
 */
export function ItemGrid({
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
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const total = pages.total ?? 0;
  const layout = gridLayout(size.width);
  const { columns, rowHeight, tileWidth } = layout;
  const rowCount = Math.ceil(total / columns);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN_ROWS,
    paddingStart: PADDING,
    paddingEnd: PADDING,
    // The same measurement drives the column count, so the two never disagree.
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) => {
        report(rect);
        setSize((previous) => (previous.width === rect.width && previous.height === rect.height ? previous : rect));
      }),
  });

  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight, columns]);

  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? -1;
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  const { ensureRange } = pages;
  useEffect(() => {
    if (firstRow < 0) return;
    ensureRange(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [firstRow, lastRow, columns, ensureRange]);

  const cellId = (index: number) => `${id}-cell-${index}`;
  const idAt = useCallback((index: number) => pages.itemAt(index)?.id, [pages]);

  const focusIndex = selection.focus !== null && selection.focus < total ? selection.focus : null;

  const reveal = (index: number) => virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });

  const onClickTile = (index: number, event: MouseEvent<HTMLDivElement>) => {
    const item = pages.itemAt(index);
    if (!item) return;
    const toggle = event.ctrlKey || event.metaKey;
    const next = clickAt(selection, index, { toggle, range: event.shiftKey }, idAt);
    onSelectionChange(next);
    scroller.current?.focus({ preventScroll: true });
    if (!toggle) onOpen(item);
  };

  // Tiles get one stable handler, so the memoised tiles skip re-rendering while the grid scrolls.
  const clickRef = useRef(onClickTile);
  useEffect(() => {
    clickRef.current = onClickTile;
  });
  const onTileClick = useCallback((index: number, event: MouseEvent<HTMLDivElement>) => clickRef.current(index, event), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const from = focusIndex ?? 0;
    if (gridKeys.has(event.key)) {
      event.preventDefault();
      const pageRows = Math.max(1, Math.floor(size.height / rowHeight));
      const target = focusIndex === null ? 0 : targetOf(event.key as GridKey, from, total, columns, pageRows, event.ctrlKey || event.metaKey);
      onSelectionChange(moveFocus(selection, target, event.shiftKey, idAt));
      reveal(target);
      return;
    }
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      onSelectionChange(toggleFocused({ ...selection, focus: from }, idAt));
      return;
    }
    if (event.key === 'Enter') {
      const item = pages.itemAt(from);
      if (!item) return;
      event.preventDefault();
      onOpen(item);
      return;
    }
    if (event.key === 'Escape' && (selection.all || selection.selected.size > 0)) {
      event.preventDefault();
      onSelectionChange(clearSelection(selection));
    }
  };

  // Tabbing in puts the keyboard on the first item; a click has already put it on the clicked one.
  const onFocus = () => {
    if (total > 0) onSelectionChange((previous) => (previous.focus === null || previous.focus >= total ? { ...previous, focus: 0 } : previous));
  };

  return (
    <div
      ref={scroller}
      className="item-grid"
      role="grid"
      aria-label="Items"
      aria-multiselectable="true"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-activedescendant={focusIndex !== null ? cellId(focusIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-columns={columns}
    >
      <div role="presentation" className="item-grid-inner" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const start = row.index * columns;
          const end = Math.min(total, start + columns);
          const cells = [];
          for (let index = start; index < end; index++) {
            const item = pages.itemAt(index);
            const column = index - start;
            const focused = index === focusIndex;
            cells.push(
              item ? (
                <ItemTile
                  key={item.id}
                  item={item}
                  index={index}
                  cellId={cellId(index)}
                  column={column}
                  selected={isSelected(selection, item.id)}
                  focused={focused}
                  opened={item.id === openedId}
                  onTileClick={onTileClick}
                />
              ) : (
                <LoadingTile key={`loading-${index}`} cellId={cellId(index)} column={column} focused={focused} />
              ),
            );
          }
          return (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 1}
              className="item-grid-row"
              style={{
                transform: `translateY(${row.start}px)`,
                height: rowHeight,
                gridTemplateColumns: `repeat(${columns}, ${tileWidth}px)`,
              }}
            >
              {cells}
            </div>
          );
        })}
      </div>
    </div>
  );
}
