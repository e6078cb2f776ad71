import { useMemo, useState } from 'react';
import type { PersonFilter, PersonSummary } from '../../shared/dto';
import { EmptyState } from '../ui/EmptyState';
import { ErrorMessage } from '../ui/ErrorMessage';
import { describeHistoricalDate } from '../../shared/dates/historical-date';
import { formatNumber } from '../ui/format';
import { RecordTable, type Column } from '../ui/RecordTable';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { useVocabularies } from '../ui/use-vocabularies';
import type { VocabulariesState } from '../ui/vocabularies-context';
import { UserText } from '../ui/UserText';
import { NewPersonDialog } from './NewPersonDialog';
import { initialQuery, isFiltered, personFilter, withoutFilters, type PersonQuery } from './person-query';
import { PersonsSort, PersonsToolbar } from './PersonsToolbar';
import { PersonsTimeline } from './timeline/PersonsTimeline';
import { usePersonList } from './use-person-list';

/** How long typing in the name box pauses before the list is asked again. */
export const NAME_FILTER_DEBOUNCE_MS = 250;

/** A date in both calendars on two lines, to fit the list ("23 Jul – 22 Aug 1988" over "Mordad 1367"). */
function DateCell({ person }: { person: PersonSummary }) {
  if (!person.deathDate) return <span className="muted">—</span>;
  const { gregorian, solarHijri } = describeHistoricalDate(person.deathDate);
  if (gregorian === solarHijri) return <UserText text={gregorian} />;
  return (
    <span className="two-lines">
      <span>{gregorian}</span>
      <span className="visually-hidden"> · </span>
      <span className="muted">{solarHijri}</span>
    </span>
  );
}

function columns(vocab: VocabulariesState): Column<PersonSummary>[] {
  return [
    {
      header: 'Name',
      cell: (person) =>
        person.nameFa || person.nameLatin ? (
          <span className="two-lines">
            {person.nameFa && <UserText text={person.nameFa} className="persian" />}
            {person.nameLatin && <UserText text={person.nameLatin} />}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      className: 'grow',
    },
    {
      header: 'Roles and fate',
      cell: (person) => (
        <span className="two-lines">
          <span>{person.roles.length > 0 ? person.roles.map((r) => vocab.label('roles', r)).join(', ') : '—'}</span>
          {person.fate && <span className="muted">{vocab.label('fates', person.fate)}</span>}
        </span>
      ),
    },
    // Both wrap: a long Solar Hijri range or a long prison name must not push the table past the pane.
    { header: 'Death date', cell: (person) => <DateCell person={person} />, className: 'date-cell' },
    { header: 'Prison', cell: (person) => <UserText text={person.prison} />, className: 'place-cell' },
  ];
}

/**
 * The Persons screen (DESIGN.md §12): filters and sort, the timeline of the persons shown, and the list with
 * each person's preferred name in each script, roles, fate, death date in both calendars and prison. Up and
 * Down move through the rows and show each in the panel.
 *
 * `onImportCsv` / `onExportCsv`: the CSV import and export dialogs live in jobs/; App passes these in and the
 * toolbar shows their buttons only when it does (export gets the list's filter, so it writes what is shown).
 */
export function PersonsView({
  selectedId,
  onSelect,
  onImportCsv,
  onExportCsv,
}: {
  selectedId: number | null;
  onSelect(person: PersonSummary): void;
  onImportCsv?(): void;
  onExportCsv?(filter: PersonFilter): void;
}) {
  const vocab = useVocabularies();
  const [query, setQuery] = useState<PersonQuery>(initialQuery);
  const [text, setText] = useState('');
  const [creating, setCreating] = useState(false);
  const settledText = useDebouncedValue(text, NAME_FILTER_DEBOUNCE_MS);
  const effective = useMemo(() => ({ ...query, text: settledText }), [query, settledText]);
  const filter = useMemo(() => personFilter(effective), [effective]);
  const list = usePersonList(filter, effective.sort, effective.order);
  const tableColumns = useMemo(() => columns(vocab), [vocab]);

  const filtered = isFiltered(effective);
  const { rows, total, loading, error } = list;
  const firstLoad = loading && rows.length === 0 && !error;
  const title = query.deleted ? 'Deleted persons' : 'Persons';

  return (
    <section className="view persons-view" aria-labelledby="view-title" aria-busy={loading}>
      <header className="view-header persons-header">
        <h1 id="view-title">{title}</h1>
        {rows.length > 0 && (
          <p className="view-count">
            {rows.length < total ? `Showing ${formatNumber(rows.length)} of ${formatNumber(total)}` : `${formatNumber(total)} ${total === 1 ? 'person' : 'persons'}`}
          </p>
        )}
        <div className="persons-actions" role="group" aria-label="Persons actions">
          <button type="button" className="primary-button" onClick={() => setCreating(true)}>
            New person
          </button>
          {/* Slot for the CSV dialogs of jobs/: App decides whether they are offered. */}
          {onImportCsv && (
            <button type="button" className="secondary-button" onClick={onImportCsv}>
              Import CSV…
            </button>
          )}
          {onExportCsv && (
            <button type="button" className="secondary-button" onClick={() => onExportCsv(filter)} disabled={total === 0}>
              Export CSV…
            </button>
          )}
        </div>
      </header>
      <PersonsToolbar query={query} text={text} onTextChange={setText} onQueryChange={setQuery} />
      <PersonsTimeline
        filter={filter}
        death={query.death}
        place={query.place}
        onDeath={(death) => setQuery((q) => ({ ...q, death }))}
        onPlace={(place) => setQuery((q) => ({ ...q, place }))}
      />
      {error && <ErrorMessage message={`Vigil could not load the persons: ${error}`} />}
      {firstLoad && <p className="muted view-loading">Loading persons…</p>}
      {!loading && !error && rows.length === 0 && (
        <PersonsEmpty
          filtered={filtered}
          deleted={query.deleted}
          canImport={onImportCsv !== undefined}
          onClear={() => {
            setText('');
            setQuery(withoutFilters(query));
          }}
        />
      )}
      {rows.length > 0 && <PersonsSort query={query} onQueryChange={setQuery} />}
      {rows.length > 0 && (
        <RecordTable
          caption={query.deleted ? 'Deleted persons' : 'Persons in the catalogue'}
          rows={rows}
          columns={tableColumns}
          rowKey={(person) => person.id}
          rowLabel={(person) => person.ref}
          selectedKey={selectedId}
          onSelect={onSelect}
        />
      )}
      {rows.length > 0 && rows.length < total && (
        <div className="load-more">
          <button type="button" className="secondary-button" onClick={list.loadMore} disabled={loading}>
            Load more persons
          </button>
        </div>
      )}
      {creating && (
        <NewPersonDialog
          onClose={() => setCreating(false)}
          onCreated={(person) => {
            setCreating(false);
            list.reload();
            onSelect(person);
          }}
        />
      )}
    </section>
  );
}

/** What an empty list says: only what exists (the New person button, the CSV import where it is offered, the CLI). */
function PersonsEmpty({ filtered, deleted, canImport, onClear }: { filtered: boolean; deleted: boolean; canImport: boolean; onClear(): void }) {
  if (filtered) {
    return (
      <EmptyState title="No persons match these filters.">
        <p>
          <button type="button" className="link-button" onClick={onClear}>
            Clear filters
          </button>{' '}
          to see every {deleted ? 'deleted ' : ''}person.
        </p>
      </EmptyState>
    );
  }
  if (deleted) {
    return (
      <EmptyState title="No deleted persons.">
        <p>A deleted person is kept, with the reason given, and can be restored from here.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No persons yet.">
      <p>
        Add victims, witnesses and relatives one at a time with <strong>New person</strong>
        {canImport ? (
          <>
            , or from a spreadsheet saved as CSV with <strong>Import CSV…</strong>
          </>
        ) : null}
        . On the command line, <code>vigil persons import FILE.csv</code> imports a CSV file.
      </p>
      <p className="muted">Names in Persian script and in any Latin spelling are kept as written.</p>
    </EmptyState>
  );
}
