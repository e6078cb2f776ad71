/**
 * Long-running jobs started through the contract (imports from the UI): each gets an id, runs in the
 * background, reports progress as `job-progress` events (at most ~10 a second, plus every state change),
 * and can be cancelled.
 */
import { randomUUID } from 'node:crypto';
import type { ImportSummary, VigilEvent } from '../../shared/dto';
import type { EventBus } from '../events/event-bus';
import type { ImportProgress } from './import-service';

const THROTTLE_MS = 100;

type Run = (signal: AbortSignal, report: (p: ImportProgress) => void) => Promise<ImportSummary>;

export function createJobRegistry(deps: { events: EventBus; now: () => Date; onError?: (error: unknown) => void }) {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  return {
    start(kind: 'import', run: Run): string {
      const jobId = randomUUID();
      const controller = new AbortController();
      const startedAt = deps.now().toISOString();
      let last: ImportProgress = { phase: 'importing', previewsDone: 0, previewsTotal: 0, done: 0, total: null, bytesDone: 0, bytesTotal: null, failed: 0, current: null };
      let lastSent = 0;
      const emit = (state: Extract<VigilEvent, { type: 'job-progress' }>['state'], extra: Partial<Extract<VigilEvent, { type: 'job-progress' }>> = {}) =>
        deps.events.emit({ type: 'job-progress', jobId, kind, state, startedAt, ...last, ...extra });
      const report = (p: ImportProgress) => {
        last = p;
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
