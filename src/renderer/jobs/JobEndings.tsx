import { useEffect, useRef } from 'react';
import { useIntake } from '../intake/use-intake';
import { CsvImportSummaryDialog } from './CsvImportSummaryDialog';
import { ExportSummaryDialog } from './ExportSummaryDialog';
import { ImportSummaryDialog, type SummaryContent } from './ImportSummaryDialog';
import type { Jobs, TrackedImport, TrackedJob } from './use-jobs';
import { VerifyReportDialog } from './VerifyReportDialog';

/** A finished import's summary, with the files that never reached it (not uploaded) counted as failed. */
export function importSummaryOf(job: TrackedImport, notUploaded: SummaryContent['failed']): SummaryContent {
  const summary = job.summary;
  return {
    state: job.state === 'running' ? 'done' : job.state,
    imported: summary?.imported ?? 0,
    duplicates: summary?.duplicates ?? 0,
    failed: [...notUploaded, ...(summary?.failed ?? [])],
    warnings: summary?.warnings ?? [],
    error: job.error ?? null,
  };
}

/**
 * Endings that need no dialog: a clean verify and a finished or cancelled export say so in the status bar
 * (which offers the report or the file again). Everything else — imports, CSV imports, problems, failures —
 * opens its summary. An ending the user asked to see again always opens.
 */
export function isQuietEnding(job: TrackedJob, reopened: readonly string[]): boolean {
  if (reopened.includes(job.jobId)) return false;
  if (job.kind === 'verify') return job.state === 'done' && job.summary?.ok === true;
  if (job.kind === 'persons-export') return job.state === 'done' || job.state === 'cancelled';
  return false;
}

/**
 * Shows how each finished job ended (DESIGN.md §12: a summary that lists every file or row that needs
 * attention), one at a time, oldest first; and fetches a browser export this window asked for once it is made.
 */
export function JobEndings({ jobs }: { jobs: Jobs }) {
  const intake = useIntake();
  const { csv } = intake;
  const { unread, reopened, finished, startedHere, dismiss } = jobs;

  // Quiet endings are read as soon as they arrive.
  const quiet = unread.filter((job) => isQuietEnding(job, reopened)).map((job) => job.jobId);
  const quietKey = quiet.join(' ');
  useEffect(() => {
    for (const jobId of quietKey.split(' ').filter(Boolean)) dismiss(jobId);
  }, [quietKey, dismiss]);

  // Each export made for this window is downloaded once.
  const downloaded = useRef(new Set<string>());
  useEffect(() => {
    if (!csv) return;
    for (const job of finished) {
      if (job.kind !== 'persons-export' || job.state !== 'done' || !job.summary?.downloadId) continue;
      if (!startedHere[job.jobId]?.download || downloaded.current.has(job.jobId)) continue;
      downloaded.current.add(job.jobId);
      csv.startDownload(job.summary.downloadId);
    }
  }, [finished, startedHere, csv]);

  if (intake.unstarted) {
    return (
      <ImportSummaryDialog
        key="not-started"
        content={{ state: 'not-started', imported: 0, duplicates: 0, failed: intake.unstarted, warnings: [] }}
        onClose={intake.dismiss}
      />
    );
  }
  const job = unread.find((j) => !isQuietEnding(j, reopened));
  if (!job) return null;
  const close = () => dismiss(job.jobId);
  switch (job.kind) {
    case 'import':
      return <ImportSummaryDialog key={job.jobId} content={importSummaryOf(job, intake.problemsFor(job.jobId))} onClose={close} />;
    case 'persons-import':
      return <CsvImportSummaryDialog key={job.jobId} job={job} onClose={close} />;
    case 'persons-export':
      return <ExportSummaryDialog key={job.jobId} job={job} onClose={close} />;
    case 'verify':
      return <VerifyReportDialog key={job.jobId} job={job} onClose={close} />;
  }
}
