/**
 * Long work started through the contract runs as jobs of one kind (issue 8): import, CSV import and export,
 * verify. Each gets an id, runs in the background, reports progress as `job-progress` events (at most ~10 a
 * second, plus every state change), can be cancelled, and ends with a summary of its kind.
 */
import { randomUUID } from 'node:crypto';
import type { ImportProgress, JobKind, JobProgress, JobProgressEvent, JobState, JobSummary } from '../../shared/dto';
import type { EventBus } from '../events/event-bus';

const THROTTLE_MS = 100;

export type ProgressOf<K extends JobKind> = K extends 'import' ? ImportProgress : JobProgress;
export type JobRun<K extends JobKind> = (signal: AbortSignal, report: (progress: ProgressOf<K>) => void) => Promise<JobSummary<K>>;

function initialProgress(kind: JobKind): JobProgress | ImportProgress {
  const base: JobProgress = { done: 0, total: null, failed: 0, current: null };
  return kind === 'import' ? { ...base, phase: 'importing', bytesDone: 0, bytesTotal: null, previewsDone: 0, previewsTotal: 0 } : base;
}

export function createJobRegistry(deps: { events: EventBus; now: () => Date; onError?: (error: unknown) => void }) {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  return {
    start<K extends JobKind>(kind: K, run: JobRun<K>): string {
      const jobId = randomUUID();
      const controller = new AbortController();
      const startedAt = deps.now().toISOString();
      let last = initialProgress(kind);
      let lastSent = 0;
      const emit = (state: JobState, extra: Record<string, unknown> = {}) =>
        deps.events.emit({ type: 'job-progress', jobId, kind, state, startedAt, ...last, ...extra } as JobProgressEvent);
      const report = (progress: ProgressOf<K>) => {
        last = progress;
        const t = Date.now();
        if (t - lastSent >= THROTTLE_MS) {
          lastSent = t;
          emit('running');
        }
      };
      const done = (async () => {
        emit('running');
        try {
          const summary = await run(controller.signal, report);
          emit(summary.cancelled ? 'cancelled' : 'done', { summary, current: null });
        } catch (error) {
          deps.onError?.(error);
          emit('failed', { current: null, error: (error as Error)?.message ?? 'The job stopped unexpectedly.' });
        } finally {
          running.delete(jobId);
        }
      })();
      running.set(jobId, { controller, done });
      return jobId;
    },

    cancel(jobId: string): boolean {
      const job = running.get(jobId);
      if (!job) return false;
      job.controller.abort(new Error('Cancelled by the user.'));
      return true;
    },

    /** Cancels everything and waits for the jobs to wind down (closing the catalogue). */
    async stopAll(): Promise<void> {
      const jobs = [...running.values()];
      for (const job of jobs) job.controller.abort(new Error('The catalogue is closing.'));
      await Promise.all(jobs.map((j) => j.done));
    },

    /** Resolves when no job is running (tests, and the CLI before it exits). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running.values()].map((j) => j.done));
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;
