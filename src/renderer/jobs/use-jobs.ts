import { useCallback, useState } from 'react';
import type { JobProgressEvent } from '../../shared/dto';
import { useVigilEvent } from '../ui/use-vigil-event';

/** A job's latest event, and when this window heard it (for rates and the time left). Any kind of job. */
export type TrackedJob = JobProgressEvent & { receivedAt: number };

/** An import job: the only kind the Jobs panel and the summary dialog show so far. */
export type TrackedImport = Extract<TrackedJob, { kind: 'import' }>;

export function isImportJob(job: TrackedJob): job is TrackedImport {
  return job.kind === 'import';
}

/** Jobs still running, in the order they started, the one that finished last, and endings not yet read. */
export interface JobsState {
  running: TrackedJob[];
  lastFinished: TrackedJob | null;
  /** Finished jobs whose summary the user has not closed yet, oldest first. */
  unread: TrackedJob[];
}

export interface Jobs extends JobsState {
  dismiss(jobId: string): void;
}

export function useJobs(now: () => number = Date.now): Jobs {
  const [state, setState] = useState<JobsState>({ running: [], lastFinished: null, unread: [] });
  useVigilEvent((event) => {
    if (event.type !== 'job-progress') return;
    const tracked: TrackedJob = { ...event, receivedAt: now() };
    setState((previous) => {
      const others = previous.running.filter((job) => job.jobId !== event.jobId);
      if (event.state === 'running') {
        // A late progress event after the end (events can cross) must not bring a finished job back.
        if (previous.unread.some((job) => job.jobId === event.jobId) || previous.lastFinished?.jobId === event.jobId) return previous;
        const index = previous.running.findIndex((job) => job.jobId === event.jobId);
        const running = index < 0 ? [...others, tracked] : previous.running.map((job, i) => (i === index ? tracked : job));
        return { ...previous, running };
      }
      const unread = [...previous.unread.filter((job) => job.jobId !== event.jobId), tracked];
      return { running: others, lastFinished: tracked, unread };
    });
  });
  const dismiss = useCallback((jobId: string) => {
    setState((previous) => ({ ...previous, unread: previous.unread.filter((job) => job.jobId !== jobId) }));
  }, []);
  return { ...state, dismiss };
}
