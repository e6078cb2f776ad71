import { useId, useMemo, useState } from 'react';
import type { PlaceFilter, PlaceSummary } from '../../shared/dto';
import { useIntake } from '../intake/use-intake';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatNumber } from '../ui/format';
import { RecordTable, type Column } from '../ui/RecordTable';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { useVocabularies } from '../ui/use-vocabularies';
import type { VocabulariesState } from '../ui/vocabularies-context';
import { UserText } from '../ui/UserText';
import { NewPlaceDialog } from './NewPlaceDialog';
import { usePlaceList } from './use-place-list';

/** How long typing in the name box pauses before the list is asked again. */
export const PLACE_FILTER_DEBOUNCE_MS = 250;

function columns(vocab: VocabulariesState): Column<PlaceSummary>[] {
  return [
    { header: 'Name (Persian)', cell: (place) => <UserText text={place.nameFa} className="persian" />, className: 'grow' },
    { header: 'Name (Latin)', cell: (place) => <UserText text={place.nameLatin} />, className: 'grow' },
    { header: 'Type', cell: (place) => <UserText text={vocab.label('placeTypes', place.type)} />, className: 'nowrap' },
    { header: 'Inside', cell: (place) => <UserText text={place.parentLabel} />, className: 'place-inside' },
    { header: 'Persons', cell: (place) => formatNumber(place.personCount), className: 'numeric' },
  ];
}

/**
 * The Places screen (DESIGN.md §12): prisons, cities, cemeteries and mass-grave sites, filtered by a name in
 * either script and by type, or the deleted ones; each with its names in both scripts, type, the place it is
 * inside and how many persons are linked to it. "New place" makes one; a row opens its panel.
 */
export function PlacesView({ selectedId, onSelect }: { selectedId: number | null; onSelect(place: PlaceSummary): void }) {
  const id = useId();
  const vocab = useVocabularies();
  const { csv } = useIntake();
  const [text, setText] = useState('');
  const [type, setType] = useState('');
  const [deleted, setDeleted] = useState(false);
  const [creating, setCreating] = useState(false);
  const settledText = useDebouncedValue(text.trim(), PLACE_FILTER_DEBOUNCE_MS);
  const filter = useMemo<PlaceFilter>(
    () => ({ ...(settledText ? { text: settledText } : {}), ...(type ? { type } : {}), ...(deleted ? { deleted } : {}) }),
    [settledText, type, deleted],
  );
  const list = usePlaceList(filter);
  const tableColumns = useMemo(() => columns(vocab), [vocab]);
  const { rows, total, loading, error } = list;
  const filtered = settledText !== '' || type !== '';
  const firstLoad = loading && rows.length === 0 && !error;
  const title = deleted ? 'Deleted places' : 'Places';
  const clear = () => {
    setText('');
    setType('');
  };

  return (
    <section className="view places-view" aria-labelledby="view-title" aria-busy={loading}>
      <header className="view-header places-header">
        <h1 id="view-title">{title}</h1>
        {rows.length > 0 && (
          <p className="view-count">
            {rows.length < total
              ? `Showing ${formatNumber(rows.length)} of ${formatNumber(total)}`
              : `${formatNumber(total)} ${total === 1 ? 'place' : 'places'}`}
          </p>
        )}
        <div className="places-actions">
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            New place
          </button>
        </div>
      </header>
      <div className="places-toolbar" role="search" aria-label="Filter places">
        <div className="places-field places-search">
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
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="places-field">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value)}>
            <option value="">Any type</option>
            {vocab.vocabularies?.placeTypes.map((t) => (
              <option key={t.code} value={t.code}>
                {t.labelEn}
              </option>
            ))}
          </select>
        </div>
        <label className="places-deleted">
          <input type="checkbox" checked={deleted} onChange={(event) => setDeleted(event.target.checked)} /> Show deleted places
        </label>
      </div>
      {error && <ErrorMessage message={`Vigil could not load the places: ${error}`} />}
      {firstLoad && <p className="muted view-loading">Loading places…</p>}
      {!loading && !error && rows.length === 0 && (
        <PlacesEmpty filtered={filtered} deleted={deleted} canImportCsv={csv !== null} onClear={clear} onCreate={() => setCreating(true)} />
      )}
      {rows.length > 0 && (
        <RecordTable
          caption={deleted ? 'Deleted places' : 'Places in the catalogue'}
          rows={rows}
          columns={tableColumns}
          rowKey={(place) => place.id}
          rowLabel={(place) => place.ref}
          selectedKey={selectedId}
          onSelect={onSelect}
        />
      )}
      {rows.length > 0 && rows.length < total && (
        <div className="load-more">
          <button type="button" className="secondary-button" onClick={list.loadMore} disabled={loading}>
            Load more places
          </button>
        </div>
      )}
      {creating && (
        <NewPlaceDialog
          type={type || undefined}
          onClose={() => setCreating(false)}
          onCreated={(place) => {
            setCreating(false);
            if (deleted) setDeleted(false);
            list.reload();
            onSelect(place);
          }}
        />
      )}
    </section>
  );
}

/** What an empty list says: only what exists (New place here, Import CSV… where this window offers it, the CLI). */
function PlacesEmpty({
  filtered,
  deleted,
  canImportCsv,
  onClear,
  onCreate,
}: {
  filtered: boolean;
  deleted: boolean;
  canImportCsv: boolean;
  onClear(): void;
  onCreate(): void;
}) {
  if (filtered) {
    return (
      <EmptyState title="No places match these filters.">
        <p>
          <button type="button" className="link-button" onClick={onClear}>
            Clear filters
          </button>{' '}
          to see every {deleted ? 'deleted ' : ''}place.
        </p>
      </EmptyState>
    );
  }
  if (deleted) {
    return (
      <EmptyState title="No deleted places.">
        <p>A deleted place is kept, with the reason given, and can be restored from its panel.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No places yet.">
      <p>
        Add a prison, a city, a cemetery or a mass-grave site with{' '}
        <button type="button" className="link-button" onClick={onCreate}>
          New place
        </button>
        .
      </p>
      <p>
        Importing persons also records places: each prison, place of death and burial place named in the file is matched
        to a place here or created
        {canImportCsv ? (
          <>
            {' '}
            — with <strong>Import CSV…</strong> on the Persons screen, or
          </>
        ) : (
          ','
        )}{' '}
        with <code>vigil persons import FILE.csv</code> on the command line.
      </p>
    </EmptyState>
  );
}
