import type { CatalogueStatus, JobState, RecordCounts } from '../../shared/dto';
import { useIntake } from '../intake/use-intake';
import type { Jobs, TrackedJob } from '../jobs/use-jobs';
import { UserText } from '../ui/UserText';
import { VerifyButton } from './VerifyButton';

const numberFormat = new Intl.NumberFormat('en-GB');

const countLabels: Array<[keyof RecordCounts, string, string]> = [
  ['items', 'item', 'items'],
  ['persons', 'person', 'persons'],
  ['places', 'place', 'places'],
  ['exhibitSets', 'exhibit set', 'exhibit sets'],
];

export function formatCounts(counts: RecordCounts): string {
  return countLabels
    .map(([key, one, many]) => `${numberFormat.format(counts[key])} ${counts[key] === 1 ? one : many}`)
    .join(' · ');
}

function jobName(kind: string): string {
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Job';
}

function jobCount(job: TrackedJob): string {
  return job.total === null
    ? `${numberFormat.format(job.done)} so far`
    : `${numberFormat.format(job.done)} of ${numberFormat.format(job.total)}`;
}

/** A running job in a few words; its progress bar, rate and cancel button are in the jobs panel above. */
function RunningJob({ job }: { job: TrackedJob }) {
  return (
    <span className="job">
      <span className="job-name">{jobName(job.kind)}</span> <span className="job-count">{jobCount(job)}</span>
    </span>
  );
}

const finishedWords: Record<JobState, string> = {
  running: 'running',
  done: 'finished',
  cancelled: 'cancelled',
  failed: 'failed',
};

const plural = (n: number, one: string, many: string) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

/** How the job that finished last ended, in words, with a way back to its report or its file. */
function FinishedJob({ job, onReopen }: { job: TrackedJob; onReopen(): void }) {
  const { csv } = useIntake();
  const className = `job job-${job.state}`;
  if (job.state === 'failed') {
    return (
      <span className={className}>
        {jobName(job.kind)} failed{job.error ? ': ' : ''}
        {job.error && <UserText text={job.error} className="job-error-text" />}
      </span>
    );
  }
  switch (job.kind) {
    case 'verify': {
      const report = job.summary;
      const words =
        job.state === 'cancelled' || report?.cancelled
          ? 'Verify cancelled'
          : report?.ok
            ? 'Verify finished: the catalogue is intact'
            : 'Verify finished: problems found';
      return (
        <span className={report && !report.ok && !report.cancelled ? 'job job-failed' : className}>
          <span className="job-text">{words}</span>
          <button type="button" className="link-button" onClick={onReopen}>
            Show report
          </button>
        </span>
      );
    }
    case 'persons-export': {
      const summary = job.summary;
      if (job.state === 'cancelled' || !summary) return <span className={className}>Persons export {finishedWords[job.state]}</span>;
      const url = summary.downloadId && csv ? csv.downloadUrl(summary.downloadId) : '';
      return (
        <span className={className}>
          <span className="job-text">
            Exported {plural(summary.rows, 'person', 'persons')}
            {summary.path && (
              <>
                {' to '}
                <UserText text={summary.path} className="job-path" />
              </>
            )}
          </span>
          {url && (
            <a href={url} download className="link-button">
              Download again
            </a>
          )}
        </span>
      );
    }
    case 'persons-import': {
      const summary = job.summary;
      // The counts that say something; the summary has them all.
      const counts = summary
        ? [
            summary.created > 0 ? `${numberFormat.format(summary.created)} created` : null,
            summary.updated > 0 ? `${numberFormat.format(summary.updated)} updated` : null,
            summary.unchanged > 0 ? `${numberFormat.format(summary.unchanged)} unchanged` : null,
            summary.invalid.length > 0 ? plural(summary.invalid.length, 'problem', 'problems') : null,
          ].filter(Boolean)
        : [];
      return (
        <span className={className}>
          <span className="job-text">
            Persons import {finishedWords[job.state]}
            {counts.length > 0 && `: ${counts.join(', ')}`}
          </span>
          <button type="button" className="link-button" onClick={onReopen}>
            Show summary
          </button>
        </span>
      );
    }
    case 'import':
      return (
        <span className={className}>
          {jobName(job.kind)} {finishedWords[job.state]}: {jobCount(job)}
        </span>
      );
  }
}

/**
 * The bottom bar: which catalogue is open, what it holds, what is running (or how the last job ended, with
 * its report), a way to verify the catalogue, and who is recorded as acting.
 */
export function StatusBar({
  status,
  error,
  jobs,
  onChangeActor,
}: {
  status: CatalogueStatus | null;
  error: string | null;
  jobs: Jobs;
  onChangeActor(): void;
}) {
  const finished = jobs.lastFinished;
  return (
    <footer className="statusbar" aria-label="Status bar">
      <span className="status-catalogue">
        <span className="status-label">Catalogue</span>{' '}
        {status ? <UserText text={status.name} className="status-name" /> : <span className="muted">{error ? 'unavailable' : 'loading…'}</span>}
      </span>
      {status && <span className="status-counts">{formatCounts(status.counts)}</span>}
      <span className="status-jobs">
        {jobs.running.map((job) => (
          <RunningJob key={job.jobId} job={job} />
        ))}
        {finished && jobs.running.length === 0 && finished.state !== 'running' && (
          <FinishedJob job={finished} onReopen={() => jobs.reopen(finished.jobId)} />
        )}
      </span>
      {status && <VerifyButton jobs={jobs} />}
      <span className="status-actor">
        {status?.actor ? (
          <>
            <span className="status-label">Recording as</span> <UserText text={status.actor.name} className="actor-name" />
            {', '}
            <UserText text={status.actor.organisation} className="actor-org" />
            <button type="button" className="link-button" onClick={onChangeActor} aria-label="Change archivist">
              Change
            </button>
          </>
        ) : status ? (
          <>
            <span className="muted">No archivist set</span>
            <button type="button" className="link-button" onClick={onChangeActor}>
              Set archivist
            </button>
          </>
        ) : null}
      </span>
    </footer>
  );
}
