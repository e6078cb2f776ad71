import { useId } from 'react';
import type { PersonSort } from '../../shared/dto';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { deathChipText, isFiltered, placeChipPrefix, withoutFilters, type PersonQuery } from './person-query';

const sortOptions: Array<{ value: PersonSort; label: string }> = [
  { value: 'ref', label: 'Reference' },
  { value: 'name', label: 'Name' },
  { value: 'death', label: 'Death date' },
];

const orderLabels: Record<PersonSort, { asc: string; desc: string }> = {
  ref: { asc: 'First added first', desc: 'Last added first' },
  name: { asc: 'A to Z', desc: 'Z to A' },
  death: { asc: 'Earliest first', desc: 'Latest first' },
};

/** The list's sort and order, above the table (the timeline above it is not sorted). */
export function PersonsSort({ query, onQueryChange }: { query: PersonQuery; onQueryChange(next: PersonQuery): void }) {
  const id = useId();
  return (
    <div className="persons-sort">
      <label htmlFor={`${id}-sort`}>Sort by</label>
      <select id={`${id}-sort`} value={query.sort} onChange={(event) => onQueryChange({ ...query, sort: event.target.value as PersonSort, order: 'asc' })}>
        {sortOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-order`} className="visually-hidden">
        Order
      </label>
      <select id={`${id}-order`} value={query.order} onChange={(event) => onQueryChange({ ...query, order: event.target.value as 'asc' | 'desc' })}>
        <option value="asc">{orderLabels[query.sort].asc}</option>
        <option value="desc">{orderLabels[query.sort].desc}</option>
      </select>
    </div>
  );
}

/**
 * The Persons list's filters: a name in either script, role, fate, the deleted persons instead of the
 * others; and, as removable chips, the place and death-date filters the timeline sets by a click.
 */
export function PersonsToolbar({
  query,
  text,
  onTextChange,
  onQueryChange,
}: {
  query: PersonQuery;
  /** What is in the name box now (the query gets it after a pause). */
  text: string;
  onTextChange(text: string): void;
  onQueryChange(next: PersonQuery): void;
}) {
  const id = useId();
  const { vocabularies, label } = useVocabularies();
  const filtered = isFiltered(query) || text.trim() !== '';
  return (
    <div className="persons-toolbar">
      <div className="persons-toolbar-row">
        <div className="persons-field persons-search">
          <label htmlFor={`${id}-text`}>Name</label>
          <input
            id={`${id}-text`}
            type="search"
            dir="auto"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder="Persian or Latin script…"
            value={text}
            onChange={(event) => onTextChange(event.target.value)}
          />
        </div>
        <div className="persons-field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={query.role} onChange={(event) => onQueryChange({ ...query, role: event.target.value })}>
            <option value="">Any role</option>
            {vocabularies?.roles.map((role) => (
              <option key={role.code} value={role.code}>
                {role.labelEn}
              </option>
            ))}
          </select>
        </div>
        <div className="persons-field">
          <label htmlFor={`${id}-fate`}>Fate</label>
          <select id={`${id}-fate`} value={query.fate} onChange={(event) => onQueryChange({ ...query, fate: event.target.value })}>
            <option value="">Any fate</option>
            {vocabularies?.fates.map((fate) => (
              <option key={fate.code} value={fate.code}>
                {fate.labelEn}
              </option>
            ))}
          </select>
        </div>
        <label className="persons-check">
          <input type="checkbox" checked={query.deleted} onChange={(event) => onQueryChange({ ...query, deleted: event.target.checked })} />
          Show deleted
        </label>
      </div>
      {filtered && (
        <div className="persons-chips">
          <ul className="filter-chips" aria-label="Filters from the timeline">
            {query.place && (
              <li className="filter-chip">
                <span>
                  {placeChipPrefix(query.place.link, (code) => label('linkTypes', code))}: <UserText text={query.place.label} />
                </span>
                <button type="button" className="filter-chip-remove" aria-label="Remove the place filter" onClick={() => onQueryChange({ ...query, place: null })}>
                  ×
                </button>
              </li>
            )}
            {query.death && (
              <li className="filter-chip">
                <span>{deathChipText(query.death)}</span>
                <button type="button" className="filter-chip-remove" aria-label="Remove the death date filter" onClick={() => onQueryChange({ ...query, death: null })}>
                  ×
                </button>
              </li>
            )}
          </ul>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onTextChange('');
              onQueryChange(withoutFilters(query));
            }}
          >
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}
