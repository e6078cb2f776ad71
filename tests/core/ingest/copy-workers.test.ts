import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCopyWorkers, type CopyWorkers } from '../../../src/core/ingest/copy-workers';
import { vaultPath } from '../../../src/core/vault/vault-paths';
import { jpegWithExif } from '../../helpers/sample-files';
import { useTempDirs } from '../../helpers/temp-dir';

/** Offset just past a JPEG's Start-of-Scan header, found here independently of the worker's walk. */
function startOfScanEnd(jpeg: Buffer): number {
  let offset = 2;
  while (jpeg[offset + 1] !== 0xda) offset += 2 + jpeg.readUInt16BE(offset + 2);
  return offset + 2 + jpeg.readUInt16BE(offset + 2);
}

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

  it('keeps only the metadata part of a JPEG, and the whole of a JPEG it cannot walk', async () => {
    workers = createCopyWorkers(1);
    const dir = tempDir();
    const jpeg = await jpegWithExif({ width: 1200, height: 900, seed: 3, description: 'head' });
    writeFileSync(join(dir, 'photo.jpg'), jpeg);
    const result = await workers.copy(join(dir, 'photo.jpg'), join(dir, 'photo.part'));
    const head = startOfScanEnd(jpeg);
    expect(head).toBeLessThan(jpeg.length / 2);
    expect(result.content.equals(jpeg.subarray(0, head))).toBe(true);
    expect(result.complete).toBe(true);
    // The copy itself is whole.
    expect(readFileSync(join(dir, 'photo.part')).equals(jpeg)).toBe(true);
    expect(result.sha256).toBe(createHash('sha256').update(jpeg).digest('hex'));

    // A length that runs past the end of the first chunk read: not walkable, so the whole file is kept.
    const broken = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff]), randomBytes(2000)]);
    writeFileSync(join(dir, 'broken.jpg'), broken);
    const whole = await workers.copy(join(dir, 'broken.jpg'), join(dir, 'broken.part'));
    expect(whole.content.equals(broken)).toBe(true);
    expect(whole.complete).toBe(true);
    // The image ends (EOI) before any compressed data: not a head to cut either, whatever follows.
    const ended = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0x00, 0x02, 0xff, 0xda, 0x00, 0x02]), randomBytes(3000)]);
    writeFileSync(join(dir, 'ended.jpg'), ended);
    const kept = await workers.copy(join(dir, 'ended.jpg'), join(dir, 'ended.part'));
    expect(kept.content.equals(ended)).toBe(true);
  });

  it('moves a verified copy to its content address, read-only, unless the address is taken', async () => {
    workers = createCopyWorkers(1);
    const dir = tempDir();
    const vault = join(dir, 'vault');
    const bytes = randomBytes(5000);
    writeFileSync(join(dir, 'a'), bytes);
    const first = await workers.copy(join(dir, 'a'), join(vault, '.tmp', '1.part'), { vaultDir: vault });
    const address = vaultPath(vault, first.sha256);
    expect(first.placed).toBe(true);
    expect(existsSync(join(vault, '.tmp', '1.part'))).toBe(false);
    expect(readFileSync(address).equals(bytes)).toBe(true);
    expect(statSync(address).mode & 0o777).toBe(0o444);
    // The same content again: left at its temporary path for the caller to decide.
    const second = await workers.copy(join(dir, 'a'), join(vault, '.tmp', '2.part'), { vaultDir: vault });
    expect(second.placed).toBe(false);
    expect(readFileSync(join(vault, '.tmp', '2.part')).equals(bytes)).toBe(true);
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
