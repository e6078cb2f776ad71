import { useId } from 'react';
import type { ItemKind, ItemSort } from '../../shared/dto';
import { useIntake } from '../intake/use-intake';
import type { ItemQuery } from './use-item-pages';

export type ItemsLayout = 'grid' | 'table';

const sortOptions: Array<{ value: ItemSort; label: string }> = [
  { value: 'imported', label: 'Imported' },
  { value: 'taken', label: 'Date taken' },
  { value: 'name', label: 'Name' },
  { value: 'size', label: 'Size' },
];

/** Order words that fit the field, so "desc" never has to be explained. */
const orderLabels: Record<ItemSort, { asc: string; desc: string }> = {
  imported: { desc: 'Newest first', asc: 'Oldest first' },
  taken: { desc: 'Newest first', asc: 'Oldest first' },
  name: { asc: 'A to Z', desc: 'Z to A' },
  size: { desc: 'Largest first', asc: 'Smallest first' },
};

const defaultOrder: Record<ItemSort, 'asc' | 'desc'> = { imported: 'desc', taken: 'desc', name: 'asc', size: 'desc' };

const kindOptions: Array<{ value: ItemKind | ''; label: string }> = [
  { value: '', label: 'All' },
  { value: 'photo', label: 'Photos' },
  { value: 'document', label: 'Documents' },
  { value: 'other', label: 'Other' },
];

export function hasFilters(query: ItemQuery): boolean {
  return query.kind !== null || query.tag.trim() !== '' || query.takenFrom !== '' || query.takenTo !== '';
}

/**
 * Sort, order and filters for the Items view, the grid/table switch, and the import buttons. Every control
 * has a visible label; the tag box is typed into freely (the view waits for a pause before asking).
 */
export function ItemsToolbar({
  query,
  tagText,
  onQueryChange,
  onTagTextChange,
  layout,
  onLayoutChange,
}: {
  query: ItemQuery;
  /** What is in the tag box now (the query gets it after a pause). */
  tagText: string;
  onQueryChange(next: ItemQuery): void;
  onTagTextChange(text: string): void;
  layout: ItemsLayout;
  onLayoutChange(layout: ItemsLayout): void;
}) {
  const id = useId();
  const intake = useIntake();
  const importTitle = intake.available
    ? 'Each file is copied into the vault unchanged, hashed, and recorded in the custody log. You can also drop files anywhere on this window.'
    : 'Importing is not available in this window. Use "vigil import PATH" on the command line.';
  const rangeBackwards = query.takenFrom !== '' && query.takenTo !== '' && query.takenFrom > query.takenTo;

  return (
    <div className="items-toolbar">
      <div className="toolbar-row">
        <div className="toolbar-group" role="group" aria-label="Import">
          <button type="button" className="primary-button" onClick={() => intake.pick('files')} disabled={!intake.available || intake.busy} title={importTitle}>
            Import…
          </button>
          <button type="button" className="secondary-button" onClick={() => intake.pick('folder')} disabled={!intake.available || intake.busy} title={importTitle}>
            Import folder…
          </button>
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(event) => {
              const sort = event.target.value as ItemSort;
              onQueryChange({ ...query, sort, order: defaultOrder[sort] });
            }}
          >
            {sortOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-order`}>Order</label>
          <select id={`${id}-order`} value={query.order} onChange={(event) => onQueryChange({ ...query, order: event.target.value as 'asc' | 'desc' })}>
            <option value="desc">{orderLabels[query.sort].desc}</option>
            <option value="asc">{orderLabels[query.sort].asc}</option>
          </select>
        </div>
        <div className="toolbar-group toolbar-push" role="group" aria-label="View as">
          <button type="button" className="toggle-button" aria-pressed={layout === 'grid'} onClick={() => onLayoutChange('grid')}>
            Grid
          </button>
          <button type="button" className="toggle-button" aria-pressed={layout === 'table'} onClick={() => onLayoutChange('table')}>
            Table
          </button>
        </div>
      </div>
      <div className="toolbar-row">
        <div className="toolbar-field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={query.kind ?? ''} onChange={(event) => onQueryChange({ ...query, kind: (event.target.value || null) as ItemKind | null })}>
            {kindOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-from`}>Taken from</label>
          <input id={`${id}-from`} type="date" value={query.takenFrom} max={query.takenTo || undefined} onChange={(event) => onQueryChange({ ...query, takenFrom: event.target.value })} />
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-to`}>Taken to</label>
          <input id={`${id}-to`} type="date" value={query.takenTo} min={query.takenFrom || undefined} onChange={(event) => onQueryChange({ ...query, takenTo: event.target.value })} />
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input
            id={`${id}-tag`}
            type="search"
            dir="auto"
            value={tagText}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder="Any tag"
            onChange={(event) => onTagTextChange(event.target.value)}
          />
        </div>
        {(hasFilters(query) || tagText.trim() !== '') && (
          <button
            type="button"
            className="link-button toolbar-clear"
            onClick={() => {
              onTagTextChange('');
              onQueryChange({ ...query, kind: null, tag: '', takenFrom: '', takenTo: '' });
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {rangeBackwards && (
        <p className="toolbar-hint" role="status">
          “Taken from” is after “Taken to”, so no item can match.
        </p>
      )}
    </div>
  );
}
