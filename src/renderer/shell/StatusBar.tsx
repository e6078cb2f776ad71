import type { CatalogueStatus, JobState, RecordCounts } from '../../shared/dto';
import type { JobsState, TrackedJob } from '../jobs/use-jobs';
import { UserText } from '../ui/UserText';

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

const finishedWords: Record<Exclude<JobState, 'running'>, string> = {
  done: 'finished',
  cancelled: 'cancelled',
  failed: 'failed',
};

/** The bottom bar: which catalogue is open, what it holds, what is running, and who is recorded as acting. */
export function StatusBar({
  status,
  error,
  jobs,
  onChangeActor,
}: {
  status: CatalogueStatus | null;
  error: string | null;
  jobs: JobsState;
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
          <span className={`job job-${finished.state}`}>
            {jobName(finished.kind)} {finishedWords[finished.state]}: {jobCount(finished)}
          </span>
        )}
      </span>
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
