import { useIntake } from '../intake/use-intake';
import { formatNumber } from '../ui/format';
import { Modal } from '../ui/Modal';
import { UserText } from '../ui/UserText';
import type { TrackedCsvExport } from './use-jobs';

/**
 * The end of a CSV export of persons when it needs saying: why it stopped, or (asked for again from the
 * status bar) how many rows were written and where, or a link to download it again in a browser.
 */
export function ExportSummaryDialog({ job, onClose }: { job: TrackedCsvExport; onClose(): void }) {
  const { csv } = useIntake();
  const summary = job.summary;
  const url = summary?.downloadId && csv ? csv.downloadUrl(summary.downloadId) : '';
  return (
    <Modal title="Persons export" onClose={onClose} className="summary-modal">
      {job.state === 'failed' && (
        <p className="summary-outcome error-text">The export stopped: {job.error ?? 'Vigil did not say why.'} No file was made.</p>
      )}
      {job.state === 'cancelled' && <p className="summary-outcome">The export was cancelled. No file was made.</p>}
      {job.state === 'done' && summary && (
        <>
          <p className="summary-outcome">
            {formatNumber(summary.rows)} {summary.rows === 1 ? 'person was' : 'persons were'} exported.
          </p>
          {summary.path && (
            <p>
              Written to <UserText text={summary.path} className="export-path" />
            </p>
          )}
          {url && (
            <p>
              <a href={url} download className="link-button">
                Download the CSV file
              </a>
            </p>
          )}
          <p className="muted summary-note">
            Cells a spreadsheet would run as formulas are written as text. The file holds names and facts about people at
            risk: keep it as carefully as the catalogue.
          </p>
        </>
      )}
      <div className="summary-actions">
        <button type="button" className="primary-button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
