import { createContext, useCallback, useContext, useState } from 'react';
import type { JobKind, JobProgressEvent } from '../../shared/dto';
import { useVigilEvent } from '../ui/use-vigil-event';

/** A job's latest event, and when this window heard it (for rates and the time left). Any kind of job. */
export type TrackedJob = JobProgressEvent & { receivedAt: number };

export type TrackedJobOf<K extends JobKind> = Extract<TrackedJob, { kind: K }>;
export type TrackedImport = TrackedJobOf<'import'>;
export type TrackedCsvImport = TrackedJobOf<'persons-import'>;
export type TrackedCsvExport = TrackedJobOf<'persons-export'>;
export type TrackedVerify = TrackedJobOf<'verify'>;

export function isImportJob(job: TrackedJob): job is TrackedImport {
  return job.kind === 'import';
}

export function isJobOf<K extends JobKind>(kind: K) {
  return (job: TrackedJob): job is TrackedJobOf<K> => job.kind === kind;
}

/** What this window asked of a job it started itself (another window's jobs show, but ask nothing). */
export interface StartedHere {
  /** A browser export: fetch the file once it is made. */
  download?: boolean;
}

/** Finished jobs kept for "Show report" after their ending was closed. */
const FINISHED_KEPT = 20;

/** Jobs still running, in the order they started, the one that finished last, and endings not yet read. */
export interface JobsState {
  running: TrackedJob[];
  lastFinished: TrackedJob | null;
  /** Finished jobs whose summary the user has not closed yet, oldest first. */
  unread: TrackedJob[];
  /** Of `unread`: the ones the user asked to see again (their ending shows even when it would stay quiet). */
  reopened: string[];
  /** Jobs this window started, by id. */
  startedHere: Record<string, StartedHere>;
  /** The latest finished jobs, newest last. */
  finished: TrackedJob[];
}

export interface Jobs extends JobsState {
  dismiss(jobId: string): void;
  /** Shows a finished job's ending again (the verify report from the status bar). */
  reopen(jobId: string): void;
  /** Records that this window started the job (before or after its first event arrives). */
  started(jobId: string, what?: StartedHere): void;
}

export const emptyJobsState: JobsState = { running: [], lastFinished: null, unread: [], reopened: [], startedHere: {}, finished: [] };

export function useJobs(now: () => number = Date.now): Jobs {
  const [state, setState] = useState<JobsState>(emptyJobsState);
  useVigilEvent((event) => {
    if (event.type !== 'job-progress') return;
    const tracked: TrackedJob = { ...event, receivedAt: now() };
    setState((previous) => {
      const others = previous.running.filter((job) => job.jobId !== event.jobId);
      if (event.state === 'running') {
        // A late progress event after the end (events can cross) must not bring a finished job back.
        if (previous.finished.some((job) => job.jobId === event.jobId)) return previous;
        const index = previous.running.findIndex((job) => job.jobId === event.jobId);
        const running = index < 0 ? [...others, tracked] : previous.running.map((job, i) => (i === index ? tracked : job));
        return { ...previous, running };
      }
      const unread = [...previous.unread.filter((job) => job.jobId !== event.jobId), tracked];
      const finished = [...previous.finished.filter((job) => job.jobId !== event.jobId), tracked].slice(-FINISHED_KEPT);
      return { ...previous, running: others, lastFinished: tracked, unread, finished };
    });
  });
  const dismiss = useCallback((jobId: string) => {
    setState((previous) => ({
      ...previous,
      unread: previous.unread.filter((job) => job.jobId !== jobId),
      reopened: previous.reopened.filter((id) => id !== jobId),
    }));
  }, []);
  const reopen = useCallback((jobId: string) => {
    setState((previous) => {
      const job = previous.finished.find((j) => j.jobId === jobId);
      if (!job) return previous;
      return {
        ...previous,
        unread: [...previous.unread.filter((j) => j.jobId !== jobId), job],
        reopened: [...previous.reopened.filter((id) => id !== jobId), jobId],
      };
    });
  }, []);
  const started = useCallback((jobId: string, what: StartedHere = {}) => {
    setState((previous) => ({ ...previous, startedHere: { ...previous.startedHere, [jobId]: what } }));
  }, []);
  return { ...state, dismiss, reopen, started };
}

/** The window's jobs, for components below the App that start one (CSV import and export, verify). */
export const JobsContext = createContext<Jobs | null>(null);

export function useJobsContext(): Jobs {
  const jobs = useContext(JobsContext);
  if (!jobs) throw new Error('useJobsContext needs a JobsContext.Provider above it (the App gives one).');
  return jobs;
}
