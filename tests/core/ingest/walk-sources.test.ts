import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkSources, type WalkEntry } from '../../../src/core/ingest/walk-sources';
import { useTempDirs } from '../../helpers/temp-dir';

describe('walkSources', () => {
  const tempDir = useTempDirs();

  it('lists a folder in name order, looking at its entries as it reaches them rather than all up front', async () => {
    const dir = tempDir('walk');
    const names = Array.from({ length: 100 }, (_, i) => `f${String(i).padStart(3, '0')}.bin`);
    for (const name of names) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'inner.bin'), 'y');

    const walk = walkSources([dir]);
    const entries: WalkEntry[] = [(await walk.next()).value as WalkEntry];
    // Files removed after the first entry came out, well past the walk's look-ahead: a walk that looked at every
    // entry before yielding the first would still list them as files.
    for (const name of names.slice(60)) rmSync(join(dir, name));
    for await (const entry of walk) entries.push(entry);

    const pathOf = (e: WalkEntry) => (e.type === 'file' ? e.file.path : e.path);
    expect(entries.map(pathOf)).toEqual([...names.map((n) => join(dir, n)), join(dir, 'sub', 'inner.bin')]);
    expect(entries.slice(0, 32).every((e) => e.type === 'file')).toBe(true);
    expect(entries.slice(60, 100).every((e) => e.type === 'failed')).toBe(true);
    expect(entries.at(-1)!.type).toBe('file');
  });
});
