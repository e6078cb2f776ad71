import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCopyWorkers, type CopyWorkers } from '../../../src/core/ingest/copy-workers';
import { useTempDirs } from '../../helpers/temp-dir';

describe('copy workers', () => {
  const tempDir = useTempDirs();
  let workers: CopyWorkers;
  afterEach(async () => {
    await workers?.close();
  });

  it('copies, hashes and keeps the bytes, reporting progress that adds up to the size', async () => {
    workers = createCopyWorkers(2);
    const dir = tempDir();
    const bytes = randomBytes(20 * 1024 * 1024 + 123);
    writeFileSync(join(dir, 'src.bin'), bytes);
    let reported = 0;
    const result = await workers.copy(join(dir, 'src.bin'), join(dir, 'dst.part'), { onBytes: (n) => (reported += n) });
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.size).toBe(bytes.length);
    expect(result.complete).toBe(true);
    expect(result.content.equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, 'dst.part')).equals(bytes)).toBe(true);
    expect(reported).toBe(bytes.length);
  });

  it('reuses a released buffer for the next file without leaking the previous file\'s bytes', async () => {
    workers = createCopyWorkers(1);
    const dir = tempDir();
    const big = randomBytes(3 * 1024 * 1024);
    const small = randomBytes(1024 * 1024 + 7);
    writeFileSync(join(dir, 'big'), big);
    writeFileSync(join(dir, 'small'), small);
    const first = await workers.copy(join(dir, 'big'), join(dir, 'big.part'));
    expect(first.content.equals(big)).toBe(true);
    first.release();
    // Handed back to the worker: the main thread no longer owns that memory.
    expect(first.content.length).toBe(0);
    const second = await workers.copy(join(dir, 'small'), join(dir, 'small.part'));
    expect(second.content.length).toBe(small.length);
    expect(second.content.equals(small)).toBe(true);
    expect(second.sha256).toBe(createHash('sha256').update(small).digest('hex'));
    second.release();
    second.release();
  });

  it('copies several files at once on the pool, each to its own result', async () => {
    workers = createCopyWorkers(2);
    const dir = tempDir();
    const files = Array.from({ length: 6 }, (_, i) => randomBytes(1000 + i));
    files.forEach((b, i) => writeFileSync(join(dir, `${i}`), b));
    const results = await Promise.all(files.map((_, i) => workers.copy(join(dir, `${i}`), join(dir, `${i}.part`))));
    results.forEach((r, i) => expect(r.content.equals(files[i]!)).toBe(true));
  });

  it('stops a large copy when cancelled and leaves no temporary file', async () => {
    workers = createCopyWorkers(1);
    const dir = tempDir();
    writeFileSync(join(dir, 'big.bin'), randomBytes(96 * 1024 * 1024));
    const controller = new AbortController();
    const copying = workers.copy(join(dir, 'big.bin'), join(dir, 'big.part'), { signal: controller.signal, onBytes: () => controller.abort() });
    await expect(copying).rejects.toMatchObject({ code: 'ABORT_ERR' });
    expect(existsSync(join(dir, 'big.part'))).toBe(false);
  });

  it('passes file-system errors on with their codes, and refuses work after closing', async () => {
    workers = createCopyWorkers(1);
    const dir = tempDir();
    await expect(workers.copy(join(dir, 'missing'), join(dir, 'x.part'))).rejects.toMatchObject({ code: 'ENOENT' });
    writeFileSync(join(dir, 'a'), 'a');
    writeFileSync(join(dir, 'taken.part'), 'already here');
    await expect(workers.copy(join(dir, 'a'), join(dir, 'taken.part'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'taken.part'), 'utf8')).toBe('already here');
    await workers.close();
    await expect(workers.copy(join(dir, 'a'), join(dir, 'b.part'))).rejects.toThrow(/closing/);
  });
});
