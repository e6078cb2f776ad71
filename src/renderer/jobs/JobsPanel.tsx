import { useState } from 'react';
import { useClient } from '../client/use-client';
import type { UploadProgress } from '../intake/intake-port';
import { useIntake } from '../intake/use-intake';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatDuration, formatMegabytes, formatMegabytesPerSecond, formatNumber, formatRate } from '../ui/format';
import { UserText } from '../ui/UserText';
import { jobRates } from './job-rates';
import { isImportJob, type TrackedImport, type TrackedJob } from './use-jobs';

const CANCEL_TITLE =
  'Stop importing. Files already imported stay in the catalogue (and in the custody log); the file being read now is not imported.';

/** Asks the core to stop a job; says so when it had already finished, or when asking failed. */
function CancelJob({ jobId, label, title, noun }: { jobId: string; label: string; title: string; noun: string }) {
  const { api } = useClient();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      const { cancelled } = await api.cancelJob({ jobId });
      if (!cancelled) setError(`The ${noun} had already finished.`);
    } catch (caught) {
      setCancelling(false);
      setError(errorMessage(caught));
    }
  };
  return (
    <>
      <button type="button" className="secondary-button job-cancel" onClick={() => void cancel()} disabled={cancelling} title={title}>
        {cancelling ? 'Cancelling…' : label}
      </button>
      {error && <ErrorMessage message={`Could not cancel: ${error}`} className="job-error" />}
    </>
  );
}

function RunningImport({ job }: { job: TrackedImport }) {
  const rates = jobRates(job);

  if (job.phase === 'previews') {
    // Every file is in; what is left is making the new items' thumbnails, which does not hold up anything else.
    return (
      <div className="job-row" data-job-id={job.jobId}>
        <span className="job-name">Making previews</span>
        <progress className="job-progress" aria-label="Preview progress" max={job.previewsTotal || undefined} value={job.previewsDone} />
        <span className="job-count">
          {formatNumber(job.previewsDone)} of {formatNumber(job.previewsTotal)} previews · {formatNumber(job.done)} files imported
        </span>
      </div>
    );
  }

  return (
    <div className="job-row" data-job-id={job.jobId}>
      <span className="job-name">Importing</span>
      <progress className="job-progress" aria-label="Import progress" max={job.total ?? undefined} value={job.total === null ? undefined : job.done} />
      <span className="job-count">
        {job.total === null
          ? `${formatNumber(job.done)} files so far (still counting)`
          : `${formatNumber(job.done)} of ${formatNumber(job.total)} files`}
      </span>
      <span className="job-bytes">
        {job.bytesTotal === null ? `${formatMegabytes(job.bytesDone)}` : `${formatMegabytes(job.bytesDone)} of ${formatMegabytes(job.bytesTotal)}`}
      </span>
      {job.failed > 0 && <span className="job-failed-count">{formatNumber(job.failed)} failed</span>}
      {rates.filesPerSecond !== null && rates.bytesPerSecond !== null && (
        <span className="job-rate">
          {formatRate(rates.filesPerSecond, 'files')} · {formatMegabytesPerSecond(rates.bytesPerSecond)}
        </span>
      )}
      <span className="job-eta">{rates.secondsLeft === null ? 'estimating time left…' : `about ${formatDuration(rates.secondsLeft)} left`}</span>
      {job.current && <UserText text={job.current} className="job-current" />}
      <CancelJob jobId={job.jobId} label="Cancel import" title={CANCEL_TITLE} noun="import" />
    </div>
  );
}

type OtherJob = Exclude<TrackedJob, TrackedImport>;

/** How the panel names each other kind of job, what it counts, and what cancelling it does. */
const otherKinds: Record<OtherJob['kind'], { name: string; progress: string; unit: string; failed: string; cancel: string; noun: string; title: string }> = {
  'persons-import': {
    name: 'Importing persons',
    progress: 'Persons import progress',
    unit: 'rows',
    failed: 'invalid',
    cancel: 'Cancel import',
    noun: 'import',
    title: 'Stop importing persons. Rows already imported stay in the catalogue (and in the custody log); the row being read now is not imported.',
  },
  'persons-export': {
    name: 'Exporting persons',
    progress: 'Persons export progress',
    unit: 'rows',
    failed: 'failed',
    cancel: 'Cancel export',
    noun: 'export',
    title: 'Stop exporting. The file would be incomplete, so it is not offered.',
  },
  verify: {
    name: 'Verifying the catalogue',
    progress: 'Verify progress',
    unit: 'steps',
    failed: 'checks failed',
    cancel: 'Cancel verify',
    noun: 'check',
    title: 'Stop checking. What was checked so far is reported.',
  },
};

/** A CSV import or export, or verify: count, rate, time left, what it is on, and cancel. */
function RunningJob({ job }: { job: OtherJob }) {
  const kind = otherKinds[job.kind];
  // These jobs count rows or steps, not bytes: the rate and the time left go by count.
  const rates = jobRates({ ...job, bytesDone: 0, bytesTotal: null });
  return (
    <div className="job-row" data-job-id={job.jobId} data-job-kind={job.kind}>
      <span className="job-name">{kind.name}</span>
      <progress className="job-progress" aria-label={kind.progress} max={job.total ?? undefined} value={job.total === null ? undefined : job.done} />
      <span className="job-count">
        {job.total === null
          ? `${formatNumber(job.done)} ${kind.unit} so far`
          : `${formatNumber(job.done)} of ${formatNumber(job.total)} ${kind.unit}`}
      </span>
      {job.failed > 0 && (
        <span className="job-failed-count">
          {formatNumber(job.failed)} {kind.failed}
        </span>
      )}
      {rates.filesPerSecond !== null && <span className="job-rate">{formatRate(rates.filesPerSecond, kind.unit)}</span>}
      <span className="job-eta">{rates.secondsLeft === null ? 'estimating time left…' : `about ${formatDuration(rates.secondsLeft)} left`}</span>
      {job.current && <UserText text={job.current} className="job-current" />}
      <CancelJob jobId={job.jobId} label={kind.cancel} title={kind.title} noun={kind.noun} />
    </div>
  );
}

function Uploading({ upload, onCancel }: { upload: UploadProgress; onCancel(): void }) {
  return (
    <div className="job-row">
      <span className="job-name">Uploading</span>
      <progress className="job-progress" aria-label="Upload progress" max={upload.filesTotal || undefined} value={upload.filesTotal ? upload.filesDone : undefined} />
      <span className="job-count">
        {formatNumber(upload.filesDone)} of {formatNumber(upload.filesTotal)} files
      </span>
      <span className="job-bytes">
        {formatMegabytes(upload.bytesDone)} of {formatMegabytes(upload.bytesTotal)}
      </span>
      {upload.current && <UserText text={upload.current} className="job-current" />}
      <button type="button" className="secondary-button job-cancel" onClick={onCancel} title="Stop uploading. Nothing from this upload is imported.">
        Cancel upload
      </button>
    </div>
  );
}

/**
 * Above the status bar while something runs (DESIGN.md §12 Jobs): the upload to the web host, then every
 * running job with its count, rate, time left, what it is working on and a cancel button (an import also
 * shows its size, and its previews once the files are in; CSV import and export count rows, verify its
 * steps); and why an import could not start.
 */
export function JobsPanel({ running }: { running: TrackedJob[] }) {
  const intake = useIntake();
  const preparing = intake.busy && !intake.upload;
  if (running.length === 0 && !intake.busy && !intake.error && !intake.notice) return null;
  return (
    <section className="jobs-panel" aria-label="Jobs">
      {intake.upload && <Uploading upload={intake.upload} onCancel={intake.cancelUpload} />}
      {preparing && (
        <div className="job-row">
          <span className="job-name">Starting import…</span>
        </div>
      )}
      {running.map((job) => (isImportJob(job) ? <RunningImport key={job.jobId} job={job} /> : <RunningJob key={job.jobId} job={job} />))}
      {intake.error && (
        <div className="job-row">
          <ErrorMessage message={intake.error} className="job-error" />
          <button type="button" className="link-button" onClick={intake.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {intake.notice && (
        <div className="job-row" role="status">
          <span>{intake.notice}</span>
          <button type="button" className="link-button" onClick={intake.dismiss}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
