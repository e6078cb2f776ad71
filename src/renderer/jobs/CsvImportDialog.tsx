import { useEffect, useId, useState, type FormEvent } from 'react';
import { personsCsvColumns, type PersonsCsvColumn, type PersonsCsvMapping, type PersonsCsvPreview } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { useJobsContext } from './use-jobs';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatNumber } from '../ui/format';
import { Modal } from '../ui/Modal';
import { UserText } from '../ui/UserText';
import type { ChosenCsv } from '../intake/intake-port';

/** What each column of fixtures/persons/README.md holds, for the mapping's labels. */
export const csvColumnLabels: Record<PersonsCsvColumn, string> = {
  ref: 'Reference in the list',
  name_fa: 'Name in Persian script',
  name_latin: 'Name in Latin script',
  other_names: 'Other names',
  father_name_fa: 'Father’s name (Persian)',
  father_name_latin: 'Father’s name (Latin)',
  sex: 'Sex',
  birth_date: 'Birth date',
  birth_place: 'Birth place',
  arrest_date: 'Arrest date',
  prison: 'Prison',
  fate: 'Fate',
  death_date: 'Death date',
  death_place: 'Place of death',
  burial_place: 'Burial place',
  affiliation: 'Affiliation',
  notes: 'Notes',
  source: 'Source',
};

/** The first rows shown in the preview; the file may hold thousands. */
const PREVIEW_ROWS = 5;

/** Every Vigil column, with the header proposed for it or null (left out). */
function fullMapping(preview: PersonsCsvPreview): Record<PersonsCsvColumn, string | null> {
  const headers = new Set(preview.headers);
  return Object.fromEntries(
    personsCsvColumns.map((column) => {
      const proposed = preview.mapping[column];
      return [column, proposed && headers.has(proposed) ? proposed : null];
    }),
  ) as Record<PersonsCsvColumn, string | null>;
}

function PreviewTable({ preview }: { preview: PersonsCsvPreview }) {
  const rows = preview.rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="csv-preview-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
      <table className="csv-preview-table">
        <caption className="visually-hidden">The first {formatNumber(rows.length)} rows of the file, as read</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              Row
            </th>
            {preview.headers.map((header, i) => (
              <th key={i} scope="col">
                <UserText text={header} fallback="(no header)" />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {/* As a spreadsheet numbers them: the header is row 1. */}
              <td className="numeric muted">{r + 2}</td>
              {preview.headers.map((_, c) => (
                <td key={c}>
                  <UserText text={row[c]} fallback="" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The CSV import's preview (issue 8 item 7): the file's first rows as read, and for each column Vigil reads
 * the header of the file that holds it, proposed by name and changeable when the headers differ. Import
 * starts the job with the mapping chosen here; its progress and summary show like every job's.
 */
export function CsvImportDialog({ chosen, onClose }: { chosen: ChosenCsv; onClose(): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const jobs = useJobsContext();
  const id = useId();
  const [preview, setPreview] = useState<PersonsCsvPreview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<PersonsCsvColumn, string | null> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.previewPersonsCsv({ file: chosen.file }).then(
      (read) => {
        if (!current) return;
        setPreview(read);
        setMapping(fullMapping(read));
      },
      (caught: unknown) => current && setLoadError(errorMessage(caught)),
    );
    return () => {
      current = false;
    };
  }, [api, chosen]);

  const named = mapping !== null && (mapping.name_fa !== null || mapping.name_latin !== null);
  const used = mapping ? Object.values(mapping).filter((h): h is string => h !== null) : [];
  const twice = [...new Set(used.filter((h, i) => used.indexOf(h) !== i))];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!mapping || !named || busy) return;
    setBusy(true);
    setError(null);
    try {
      const sent: PersonsCsvMapping = { ...mapping };
      const { record } = await changes.run(`Import persons from ${chosen.name}`, async () => ({
        changeId: null,
        record: await api.importPersonsCsv({ file: chosen.file, mapping: sent }),
      }));
      jobs.started(record.jobId);
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="Import persons from CSV" onClose={onClose} className="csv-import-dialog" wide>
      <p className="csv-file">
        <span className="muted">File</span> <UserText text={chosen.name} className="csv-file-name" />
        {preview && (
          <span className="csv-row-count">
            {' · '}
            {formatNumber(preview.rowCount)} {preview.rowCount === 1 ? 'row' : 'rows'} of persons
          </span>
        )}
      </p>
      {loadError && <ErrorMessage message={`Vigil could not read this file: ${loadError}`} />}
      {!preview && !loadError && <p className="muted">Reading the file…</p>}
      {preview && mapping && (
        <form onSubmit={(event) => void submit(event)} className="modal-form">
          <section aria-labelledby={`${id}-rows`}>
            <h3 id={`${id}-rows`} className="csv-section-title">
              First rows
            </h3>
            {preview.rows.length > 0 ? <PreviewTable preview={preview} /> : <p className="muted">The file has a header but no rows.</p>}
          </section>
          <fieldset className="csv-mapping">
            <legend className="csv-section-title">Which column holds what</legend>
            <p className="field-hint">
              For each kind of information Vigil keeps, choose the column of the file that holds it. Columns with the names
              Vigil uses are chosen already. At least one name column is needed: a row without any name is reported, and the
              rest of the file imports.
            </p>
            <div className="csv-mapping-grid">
              {personsCsvColumns.map((column) => (
                <div key={column} className="field csv-mapping-field">
                  <label htmlFor={`${id}-${column}`}>
                    {csvColumnLabels[column]} <code>{column}</code>
                  </label>
                  <select
                    id={`${id}-${column}`}
                    value={mapping[column] ?? ''}
                    onChange={(event) => setMapping({ ...mapping, [column]: event.target.value === '' ? null : event.target.value })}
                    aria-invalid={(column === 'name_fa' || column === 'name_latin') && !named ? true : undefined}
                  >
                    <option value="">Not in this file</option>
                    {preview.headers.map((header, i) => (
                      // A header is file text; as an option's label it is text, never markup.
                      <option key={i} value={header}>
                        {header || `(column ${i + 1}, no header)`}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          {!named && <p className="field-error">Choose the column of names in Persian script or in Latin script (or both).</p>}
          {twice.length > 0 && (
            <p className="field-hint">
              Read for more than one kind of information: <UserText text={twice.join(', ')} />.
            </p>
          )}
          {error && <ErrorMessage message={`The import could not start: ${error}`} />}
          <div className="modal-actions">
            <button type="button" className="secondary-button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary-button" disabled={!named || busy || preview.rowCount === 0}>
              {busy ? 'Starting…' : `Import ${formatNumber(preview.rowCount)} ${preview.rowCount === 1 ? 'row' : 'rows'}`}
            </button>
          </div>
        </form>
      )}
      {!preview && (
        <div className="modal-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
    </Modal>
  );
}
