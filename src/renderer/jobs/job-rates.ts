import type { TrackedImport } from './use-jobs';

export interface JobRates {
  /** Seconds since the job started, as of its latest event. */
  elapsed: number;
  filesPerSecond: number | null;
  bytesPerSecond: number | null;
  /** An estimate; null until there is enough to go on, or while the total is unknown. */
  secondsLeft: number | null;
}

/** Below this, rates are noise (the first file of a run includes warming up). */
const MIN_ELAPSED_S = 1;

/**
 * Average rates since the job started, and the time left at that pace: by bytes when the total size is
 * known (big and small files even out), else by files.
 */
export function jobRates(job: Pick<TrackedImport, 'startedAt' | 'receivedAt' | 'done' | 'total' | 'bytesDone' | 'bytesTotal'>): JobRates {
  const started = Date.parse(job.startedAt);
  const elapsed = Number.isFinite(started) ? Math.max(0, (job.receivedAt - started) / 1000) : 0;
  if (elapsed < MIN_ELAPSED_S) return { elapsed, filesPerSecond: null, bytesPerSecond: null, secondsLeft: null };
  const filesPerSecond = job.done / elapsed;
  const bytesPerSecond = job.bytesDone / elapsed;
  let secondsLeft: number | null = null;
  if (job.bytesTotal !== null && job.bytesTotal > 0 && bytesPerSecond > 0) {
    secondsLeft = Math.max(0, job.bytesTotal - job.bytesDone) / bytesPerSecond;
  } else if (job.total !== null && filesPerSecond > 0) {
    secondsLeft = Math.max(0, job.total - job.done) / filesPerSecond;
  }
  return { elapsed, filesPerSecond, bytesPerSecond, secondsLeft };
}
