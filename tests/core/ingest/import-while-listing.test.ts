/**
 * The sources are listed while the first files are copied: an import does not wait for a long listing (a large
 * folder, a slow USB stick) before it starts, and says it is still counting until the listing ends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ImportProgress } from '../../../src/shared/dto';
import { useCores } from '../../helpers/open-core';
import { png } from '../../helpers/sample-files';

// Holds the listing after its first file until the test lets it go on.
const gate = vi.hoisted(() => ({ wait: null as Promise<void> | null, open: () => {}, fail: null as Error | null }));

vi.mock('../../../src/core/ingest/walk-sources', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/ingest/walk-sources')>();
  return {
    ...real,
    async *walkSources(paths: readonly string[], signal?: AbortSignal) {
      let files = 0;
      for await (const entry of real.walkSources(paths, signal)) {
        if (entry.type === 'file' && files++ === 1) {
          if (gate.wait) await gate.wait;
          if (gate.fail) throw gate.fail;
        }
        yield entry;
      }
    },
  };
});

describe('import while listing', () => {
  const { openCore, tempDir } = useCores();

  /** A catalogue and a folder of three PNGs (0.png, 1.png, 2.png), with the listing held after its first file. */
  async function setup(seed: number, fail: Error | null = null) {
    const core = await openCore();
    const src = tempDir('src');
    for (let i = 0; i < 3; i++) writeFileSync(join(src, `${i}.png`), await png(seed + i));
    gate.wait = new Promise<void>((resolve) => (gate.open = resolve));
    gate.fail = fail;
    return { core, src };
  }

  it('imports the first files before the listing ends, with no total until it does', async () => {
    const { core, src } = await setup(10);
    const seen: ImportProgress[] = [];
    const summary = await core.importPaths([src], {
      onProgress: (p) => {
        seen.push(p);
        // Only an import that does not wait for the listing gets here, and lets the listing go on.
        if (p.done === 1) gate.open();
      },
    });
    expect(summary).toMatchObject({ imported: 3, duplicates: 0, failed: [] });
    expect(seen.some((p) => p.done === 1 && p.total === null && p.bytesTotal === null)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: 3, total: 3 });
    // Items are still numbered in walk order.
    const names = (await core.api.listItems()).rows.map((r) => [r.ref, r.originalName]).sort();
    expect(names).toEqual([
      ['ITM-000001', '0.png'],
      ['ITM-000002', '1.png'],
      ['ITM-000003', '2.png'],
    ]);
  });

  it('stops listing when the import is cancelled, keeping what was imported', async () => {
    const { core, src } = await setup(20);
    const controller = new AbortController();
    const summary = await core.importPaths([src], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1 && !controller.signal.aborted) {
          controller.abort();
          gate.open();
        }
      },
    });
    expect(summary).toMatchObject({ imported: 1, failed: [], cancelled: true });
    expect((await core.api.listItems()).rows.map((r) => r.originalName)).toEqual(['0.png']);
    expect((await core.verify()).ok).toBe(true);
  });

  it('records what was copied when the listing breaks, then fails the import with its error', async () => {
    const { core, src } = await setup(30, new Error('The drive was unplugged'));
    await expect(core.importPaths([src], { onProgress: (p) => (p.done === 1 ? gate.open() : undefined) })).rejects.toThrow('The drive was unplugged');
    expect((await core.api.listItems()).rows.map((r) => r.originalName)).toEqual(['0.png']);
    expect((await core.verify()).ok).toBe(true);
  });
});
