import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { makePreviews, MakePreviewsInput, MakePreviewsResult } from '../../../src/core/previews/make-previews';
import { createPreviewQueue, defaultPreviewConcurrency, type PreviewDone, type PreviewJob } from '../../../src/core/previews/preview-queue';
import { useTempDirs } from '../../helpers/temp-dir';

const hash = (n: number) => n.toString(16).padStart(64, '0');
const job = (n: number): PreviewJob => ({ itemId: n, sha256: hash(n), sourcePath: `/vault/${n}`, derivedDir: '/derived' });

/** A fake `make` whose calls stay pending until the test settles them. */
function deferredMake() {
  const calls: Array<{ input: MakePreviewsInput; settle: (result: MakePreviewsResult | Error) => void }> = [];
  let active = 0;
  let maxActive = 0;
  const make = ((input: MakePreviewsInput) =>
    new Promise<MakePreviewsResult>((resolve, reject) => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      calls.push({
        input,
        settle: (result) => {
          active -= 1;
          if (result instanceof Error) reject(result);
          else resolve(result);
        },
      });
    })) as typeof makePreviews;
  return { make, calls, active: () => active, maxActive: () => maxActive };
}

const ok = (input: MakePreviewsInput): MakePreviewsResult => ({ ok: true, thumb: `${input.sha256}.thumb`, preview: `${input.sha256}.preview` });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createPreviewQueue', () => {
  const tempDir = useTempDirs();

  it('never runs more jobs at once than its concurrency, and reports every job', async () => {
    const fake = deferredMake();
    const done: PreviewDone[] = [];
    const queue = createPreviewQueue({ concurrency: 3, make: fake.make, onDone: (result) => done.push(result) });
    for (let n = 1; n <= 10; n++) queue.enqueue(job(n));
    expect(queue.size()).toBe(10);

    const open = [...fake.calls];
    let settled = 0;
    while (settled < 10) {
      await tick();
      expect(fake.active()).toBeLessThanOrEqual(3);
      open.push(...fake.calls.slice(open.length + settled));
      // Settle the newest or the oldest running job in turn: the limit holds whatever finishes first.
      const next = settled % 2 === 0 ? open.pop() : open.shift();
      if (!next) continue;
      next.settle(ok(next.input));
      settled += 1;
    }
    await queue.idle();
    expect(fake.maxActive()).toBe(3);
    expect(done.map((result) => result.itemId).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(done.every((result) => result.ok && result.reason === undefined)).toBe(true);
    expect(queue.size()).toBe(0);
  });

  it('returns from enqueue before the job starts', async () => {
    const fake = deferredMake();
    const queue = createPreviewQueue({ concurrency: 2, make: fake.make });
    queue.enqueue(job(1));
    expect(fake.calls).toHaveLength(0);
    await tick();
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.input).toEqual({ sourcePath: '/vault/1', sha256: hash(1), derivedDir: '/derived' });
    fake.calls[0]?.settle(ok(fake.calls[0].input));
    await queue.idle();
  });

  it('reports failures, rejections and throws as ok:false with a reason, and carries on', async () => {
    const done: PreviewDone[] = [];
    const make = (async (input: MakePreviewsInput) => {
      if (input.sha256 === hash(1)) return { ok: false, reason: 'The file is empty, so there is no image to preview.' };
      if (input.sha256 === hash(2)) throw new Error('boom');
      if (input.sha256 === hash(3)) return { ok: true, thumb: 't', preview: 'p', partial: true };
      return ok(input);
    }) as typeof makePreviews;
    const syncThrow = (() => {
      throw new Error('sync boom');
    }) as typeof makePreviews;
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const queue = createPreviewQueue({ concurrency: 2, make, onDone: (result) => done.push(result) });
      for (let n = 1; n <= 4; n++) queue.enqueue(job(n));
      await queue.idle();
      const throwing = createPreviewQueue({ make: syncThrow, onDone: (result) => done.push(result) });
      throwing.enqueue(job(5));
      await throwing.idle();
      await tick();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    const byId = new Map(done.map((result) => [result.itemId, result]));
    expect(byId.get(1)).toEqual({ itemId: 1, sha256: hash(1), ok: false, reason: 'The file is empty, so there is no image to preview.' });
    expect(byId.get(2)).toMatchObject({ ok: false, reason: expect.stringMatching(/unexpected error/) });
    expect(byId.get(3)).toEqual({ itemId: 3, sha256: hash(3), ok: true, partial: true });
    expect(byId.get(4)).toEqual({ itemId: 4, sha256: hash(4), ok: true });
    expect(byId.get(5)).toMatchObject({ ok: false, reason: expect.stringMatching(/unexpected error/) });
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('keeps going when onDone throws', async () => {
    const seen: number[] = [];
    const queue = createPreviewQueue({
      concurrency: 1,
      make: (async (input: MakePreviewsInput) => ok(input)) as typeof makePreviews,
      onDone: (result) => {
        seen.push(result.itemId);
        throw new Error('listener bug');
      },
    });
    for (let n = 1; n <= 3; n++) queue.enqueue(job(n));
    await queue.idle();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('idle() resolves at once when empty, and for every waiter once the work is done', async () => {
    const fake = deferredMake();
    const queue = createPreviewQueue({ concurrency: 1, make: fake.make });
    await expect(queue.idle()).resolves.toBeUndefined();
    queue.enqueue(job(1));
    queue.enqueue(job(2));
    let resolved = 0;
    const waiters = [queue.idle().then(() => (resolved += 1)), queue.idle().then(() => (resolved += 1))];
    await tick();
    fake.calls[0]?.settle(ok(fake.calls[0].input));
    await tick();
    await tick();
    expect(resolved).toBe(0); // job 2 still running
    expect(queue.size()).toBe(1);
    fake.calls[1]?.settle(ok(fake.calls[1].input));
    await Promise.all(waiters);
    expect(resolved).toBe(2);
  });

  it('clear() drops waiting jobs; running ones finish and report', async () => {
    const fake = deferredMake();
    const done: PreviewDone[] = [];
    const queue = createPreviewQueue({ concurrency: 2, make: fake.make, onDone: (result) => done.push(result) });
    for (let n = 1; n <= 6; n++) queue.enqueue(job(n));
    await tick();
    expect(fake.calls).toHaveLength(2);
    queue.clear();
    expect(queue.size()).toBe(2);
    const idle = queue.idle();
    for (const call of fake.calls) call.settle(ok(call.input));
    await idle;
    await tick();
    expect(fake.calls).toHaveLength(2);
    expect(done.map((result) => result.itemId).sort()).toEqual([1, 2]);
    expect(queue.size()).toBe(0);
    // Still usable afterwards.
    queue.enqueue(job(7));
    await tick();
    fake.calls[2]?.settle(ok(fake.calls[2].input));
    await queue.idle();
    expect(done.map((result) => result.itemId)).toContain(7);
  });

  it('defaults to the number of cores, keeping a libuv thread free for file reads', () => {
    const concurrency = defaultPreviewConcurrency();
    expect(concurrency).toBeGreaterThanOrEqual(1);
    expect(concurrency).toBeLessThanOrEqual(Math.max(1, (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 1));
  });

  it('makes real previews in the background and reports bad files', async () => {
    const root = tempDir('vigil-preview-queue');
    const vault = join(root, 'vault');
    const derivedDir = join(root, 'derived');
    await mkdir(vault, { recursive: true });
    const files = {
      1: await sharp({ create: { width: 900, height: 600, channels: 3, background: '#246' } }).jpeg().toBuffer(),
      2: await sharp({ create: { width: 300, height: 900, channels: 4, background: '#2468' } }).png().toBuffer(),
      3: Buffer.from('not an image at all'),
    };
    const done: PreviewDone[] = [];
    const queue = createPreviewQueue({ concurrency: 2, onDone: (result) => done.push(result) });
    for (const [id, bytes] of Object.entries(files)) {
      const sourcePath = join(vault, id);
      await writeFile(sourcePath, bytes);
      queue.enqueue({ itemId: Number(id), sha256: hash(Number(id)), sourcePath, derivedDir });
    }
    await queue.idle();
    expect(done.sort((a, b) => a.itemId - b.itemId)).toEqual([
      { itemId: 1, sha256: hash(1), ok: true },
      { itemId: 2, sha256: hash(2), ok: true },
      { itemId: 3, sha256: hash(3), ok: false, reason: expect.stringMatching(/not an image/) },
    ]);
    expect(existsSync(join(derivedDir, 'thumb', '00', `${hash(2)}.webp`))).toBe(true);
    expect(readdirSync(join(derivedDir, 'preview', '00')).sort()).toEqual([`${hash(1)}.webp`, `${hash(2)}.webp`]);
  });
});
