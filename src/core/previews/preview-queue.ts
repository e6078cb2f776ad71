/**
 * A background queue that makes thumbnails and previews after import. `enqueue` returns at once, so import
 * runs at disk and hashing speed (DESIGN.md §1.7); jobs run with bounded concurrency; every job ends in exactly
 * one `onDone` call (unless dropped by `clear`), and nothing here ever rejects unhandled.
 *
 * Threads. sharp runs each pipeline on a libuv thread-pool thread (UV_THREADPOOL_SIZE, default 4), the same
 * pool node:fs uses for the reads that hash imported files; libvips then uses up to `sharp.concurrency()`
 * threads of its own per image. So:
 * - `sharp.concurrency(1)`: one libvips thread per image, and parallelism comes from running several jobs.
 *   Thumbnailing is decode-bound (libjpeg decodes on one thread), so extra libvips threads per image help
 *   less than a second job: on the 2-core reference machine two jobs × one thread made 6.9 previews/s of a
 *   12 MP JPEG against 6.1/s for one job × two threads (3.8/s with one job × one thread). It is also sharp's
 *   own default on glibc Linux, to limit memory fragmentation.
 * - `sharp.cache(false)`: libvips' operation cache pays off when the same image is processed again; here
 *   every original is read once, and the cache would only hold memory and keep vault files open.
 * - Default job concurrency: `os.availableParallelism()`, but at most UV_THREADPOOL_SIZE − 1 so one pool
 *   thread always stays free for file reads and import is not starved behind previews.
 * These settings are process-wide (sharp has no per-call thread setting); they are applied when a queue is
 * created.
 */
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { makePreviews, UNEXPECTED_FAILURE } from './make-previews';

export interface PreviewJob {
  itemId: number;
  sha256: string;
  sourcePath: string;
  derivedDir: string;
}

export interface PreviewDone {
  itemId: number;
  sha256: string;
  ok: boolean;
  /** Why no preview was made: one sentence for the user (only when ok is false). */
  reason?: string;
  /** The preview was made from a damaged file and shows only what could be decoded. */
  partial?: boolean;
}

export interface PreviewQueueOptions {
  /** Jobs run at once (default: the number of cores, at most UV_THREADPOOL_SIZE − 1). */
  concurrency?: number;
  /** The job itself; tests pass a fake. */
  make?: typeof makePreviews;
  onDone?: (result: PreviewDone) => void;
}

export interface PreviewQueue {
  /** Add a job; returns at once. */
  enqueue(job: PreviewJob): void;
  /** Jobs waiting or running. */
  size(): number;
  /** Resolves when no job is waiting or running (at once if none is). */
  idle(): Promise<void>;
  /** Drop waiting jobs (e.g. when the catalogue closes); running jobs finish and report. */
  clear(): void;
}

export function defaultPreviewConcurrency(): number {
  const threadPool = Number.parseInt(process.env.UV_THREADPOOL_SIZE ?? '', 10) || 4;
  return Math.max(1, Math.min(availableParallelism(), threadPool - 1));
}

export function createPreviewQueue(options: PreviewQueueOptions = {}): PreviewQueue {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultPreviewConcurrency()));
  const make = options.make ?? makePreviews;
  const onDone = options.onDone;
  sharp.concurrency(1);
  sharp.cache(false);

  const pending: PreviewJob[] = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  function report(result: PreviewDone): void {
    try {
      onDone?.(result);
    } catch {
      // A listener's bug must not stop the queue or surface as an unhandled rejection.
    }
  }

  async function run(job: PreviewJob): Promise<void> {
    const base = { itemId: job.itemId, sha256: job.sha256 };
    let done: PreviewDone;
    try {
      const result = await make({ sourcePath: job.sourcePath, sha256: job.sha256, derivedDir: job.derivedDir });
      if (result.ok) done = result.partial ? { ...base, ok: true, partial: true } : { ...base, ok: true };
      else done = { ...base, ok: false, reason: result.reason };
    } catch {
      done = { ...base, ok: false, reason: UNEXPECTED_FAILURE };
    }
    report(done);
  }

  function pump(): void {
    while (running < concurrency && pending.length > 0) {
      const job = pending.shift() as PreviewJob;
      running += 1;
      // Start on a later tick so `enqueue` never runs job code in the caller's stack.
      setImmediate(() => {
        void run(job).finally(() => {
          running -= 1;
          pump();
          settleIfIdle();
        });
      });
    }
  }

  function settleIfIdle(): void {
    if (running > 0 || pending.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  return {
    enqueue(job) {
      pending.push(job);
      pump();
    },
    size() {
      return pending.length + running;
    },
    idle() {
      if (running === 0 && pending.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    clear() {
      pending.length = 0;
      settleIfIdle();
    },
  };
}
