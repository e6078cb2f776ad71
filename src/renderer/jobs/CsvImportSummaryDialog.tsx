import { useId } from 'react';
import type { CsvProblem } from '../../shared/dto';
import { formatNumber } from '../ui/format';
import { Modal } from '../ui/Modal';
import { UserText } from '../ui/UserText';
import type { TrackedCsvImport } from './use-jobs';

function outcome(job: TrackedCsvImport): string {
  const invalid = job.summary?.invalid.length ?? 0;
  switch (job.state) {
    case 'done':
    case 'running':
      return invalid === 0 ? 'The persons import finished.' : 'The persons import finished, but some rows need attention.';
    case 'cancelled':
      return 'The persons import was cancelled. Rows imported before it stopped stay in the catalogue.';
    case 'failed':
      return `The persons import stopped: ${job.error ?? 'Vigil did not say why.'} Rows imported before it stopped stay in the catalogue.`;
  }
}

/**
 * Every invalid row, as the file numbers it (the header is row 1), with the column and what is wrong: a row
 * without a name is not imported; a cell Vigil cannot read is left out and the rest of its row imported.
 */
function InvalidRows({ rows }: { rows: CsvProblem[] }) {
  const id = useId();
  if (rows.length === 0) return null;
  return (
    <section className="summary-problems summary-invalid-rows" aria-labelledby={id}>
      <h3 id={id}>Rows that need attention ({formatNumber(rows.length)} {rows.length === 1 ? 'problem' : 'problems'})</h3>
      <div className="summary-table-scroll">
        <table className="summary-table">
          <caption className="visually-hidden">Invalid rows: row, column and reason</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((problem, i) => (
              <tr key={i}>
                <td className="numeric">{formatNumber(problem.row)}</td>
                <td>
                  <UserText text={problem.column} className="problem-column" />
                </td>
                <td>
                  <UserText text={problem.reason} className="problem-reason" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The end of a CSV import of persons (issue 8 item 7): how many persons were created, updated and left as
 * they were, and every row that needs attention with its row number, column and reason. Text from the file
 * (column names, reasons quoting a cell) is shown as text, never as HTML.
 */
export function CsvImportSummaryDialog({ job, onClose }: { job: TrackedCsvImport; onClose(): void }) {
  const summary = job.summary;
  return (
    <Modal title="Persons import summary" onClose={onClose} className="summary-modal" wide>
      <p className={job.state === 'failed' ? 'summary-outcome error-text' : 'summary-outcome'}>{outcome(job)}</p>
      {summary && (
        <dl className="summary-counts">
          <div>
            <dt>Created</dt>
            <dd>{formatNumber(summary.created)}</dd>
          </div>
          <div>
            <dt>Updated</dt>
            <dd>{formatNumber(summary.updated)}</dd>
          </div>
          <div>
            <dt>Unchanged</dt>
            <dd>{formatNumber(summary.unchanged)}</dd>
          </div>
          <div>
            <dt>Rows with problems</dt>
            <dd>{formatNumber(new Set(summary.invalid.map((p) => p.row)).size)}</dd>
          </div>
        </dl>
      )}
      {summary && summary.unchanged > 0 && summary.created === 0 && summary.updated === 0 && (
        <p className="muted summary-note">Every person in the file was already in the catalogue as it is: nothing changed.</p>
      )}
      {summary && <InvalidRows rows={summary.invalid} />}
      <div className="summary-actions">
        <button type="button" className="primary-button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
