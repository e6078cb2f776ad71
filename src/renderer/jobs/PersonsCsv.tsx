import { useRef, useState, type ReactNode } from 'react';
import type { PersonFilter } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import type { ChosenCsv } from '../intake/intake-port';
import { useIntake } from '../intake/use-intake';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { CsvImportDialog } from './CsvImportDialog';
import { useJobsContext } from './use-jobs';

/** What the persons screen's "Import CSV…" and "Export CSV…" call; absent where this window cannot carry CSV files. */
export interface PersonsCsvActions {
  importCsv(): void;
  /** Exports the persons `filter` selects (the list as shown). */
  exportCsv(filter: PersonFilter): void;
}

/**
 * CSV import and export of persons in the window (issue 8 item 7), handed to the persons screen as actions
 * (`children` receives them, or undefined when this window cannot read or write CSV files).
 *
 * Import asks for a file — the browser uploads it to the web host, the desktop app's native open dialog gives
 * a path — then previews it with its column mapping (CsvImportDialog), and starts the job. Export asks where
 * to save in the desktop app (a native save dialog; that path goes to exportPersons), or in a browser makes
 * the file on the host and downloads it once the job ends (JobEndings). Both run as jobs: progress, cancel and
 * the summary show in the jobs panel and the endings like every other job's.
 */
export function PersonsCsv({ children }: { children(actions: PersonsCsvActions | undefined): ReactNode }) {
  const { api } = useClient();
  const { csv } = useIntake();
  const changes = useChanges();
  const jobs = useJobsContext();
  const [chosen, setChosen] = useState<ChosenCsv | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const exporting = jobs.running.some((job) => job.kind === 'persons-export');

  const once = async (work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    try {
      await work();
    } finally {
      busy.current = false;
    }
  };

  const importCsv = () =>
    void once(async () => {
      if (!csv) return;
      try {
        const picked = await csv.chooseCsv();
        if (picked) setChosen(picked);
      } catch (caught) {
        setError(`The CSV file could not be read: ${errorMessage(caught)}`);
      }
    });

  const exportCsv = (filter: PersonFilter) =>
    void once(async () => {
      if (!csv) return;
      if (exporting) {
        setError('An export is already running: wait for it to finish, or cancel it in the jobs panel.');
        return;
      }
      try {
        const target = await csv.chooseExportTarget();
        if (!target) return;
        const args = { filter, ...('path' in target ? { path: target.path } : {}) };
        const { record } = await changes.run('Export persons as CSV', async () => ({ changeId: null, record: await api.exportPersons(args) }));
        jobs.started(record.jobId, { download: 'download' in target });
      } catch (caught) {
        setError(`The export could not start: ${errorMessage(caught)}`);
      }
    });

  return (
    <>
      {error && (
        <div className="banner banner-error csv-error">
          <ErrorMessage message={error} />
          <button type="button" className="secondary-button" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      {children(csv ? { importCsv, exportCsv } : undefined)}
      {chosen && <CsvImportDialog chosen={chosen} onClose={() => setChosen(null)} />}
    </>
  );
}
