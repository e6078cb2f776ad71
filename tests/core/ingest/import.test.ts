import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { vaultPath } from '../../../src/core/vault/vault-paths';
import type { VigilEvent } from '../../../src/shared/dto';
import { useCores } from '../../helpers/open-core';
import { jpegWithExif, png } from '../../helpers/sample-files';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('import', () => {
  const { openCore, tempDir } = useCores();

  async function setup() {
    const dir = join(tempDir(), 'catalogue');
    const core = await openCore({ catalogueDir: dir });
    const src = tempDir('source');
    return { dir, core, src };
  }

  it('copies each file bit-exact into the read-only vault with its metadata and custody events', async () => {
    const { dir, core, src } = await setup();
    const photo = await jpegWithExif({ gps: true, description: '<script>alert(1)</script> اعدام ۱۳۶۷' });
    writeFileSync(join(src, 'evin.jpg'), photo);
    const summary = await core.importPaths([join(src, 'evin.jpg')]);
    expect(summary).toEqual({ imported: 1, duplicates: 0, failed: [], warnings: [], cancelled: false });

    const vaultFile = vaultPath(join(dir, 'vault'), sha(photo));
    expect(readFileSync(vaultFile).equals(photo)).toBe(true);
    expect(statSync(vaultFile).mode & 0o222).toBe(0);

    const page = await core.api.listItems();
    expect(page.total).toBe(1);
    const item = await core.api.getItem({ id: page.rows[0]!.id });
    expect(item).toMatchObject({
      ref: 'ITM-000001',
      kind: 'photo',
      mime: 'image/jpeg',
      size: photo.length,
      sha256: sha(photo),
      originalName: 'evin.jpg',
      width: 64,
      height: 48,
      sensitivity: 'confidential',
      sensitiveMetadata: true,
    });
    expect(item.photo).toMatchObject({ make: 'TestCam', model: 'Model 7', serial: 'SN-12345', takenAt: '1988-07-30T09:15:00', caption: '<script>alert(1)</script> اعدام ۱۳۶۷' });
    expect(item.photo!.gps!.lat).toBeCloseTo(35.7833333, 6);
    expect(item.sensitiveFields).toEqual(expect.arrayContaining(['gps', 'serial']));
    expect(item.occurrences).toEqual([expect.objectContaining({ originalName: 'evin.jpg', sourcePath: join(src, 'evin.jpg') })]);
    expect(item.custody.map((c) => c.action)).toEqual(['acquired', 'hash-computed', 'metadata-extracted']);
    expect(item.custody.every((c) => c.sha256After === sha(photo))).toBe(true);
    expect((await core.verify()).ok).toBe(true);
  });

  it('makes a thumbnail in the background and reports it', async () => {
    const { dir, core, src } = await setup();
    const events: VigilEvent[] = [];
    core.onEvent((e) => events.push(e));
    writeFileSync(join(src, 'a.jpg'), await jpegWithExif({ width: 600, height: 400 }));
    const phases: string[] = [];
    await core.importPaths([src], { onProgress: (p) => phases.push(`${p.phase} ${p.previewsDone}/${p.previewsTotal}`) });
    expect(phases.at(-2)).toBe('previews 0/1');
    expect(phases.at(-1)).toBe('previews 1/1');
    await core.idle();
    const [row] = (await core.api.listItems()).rows;
    expect(row!.preview).toBe('ready');
    expect(events).toContainEqual({ type: 'preview-ready', itemId: row!.id, state: 'ready' });
    expect(core.resolveMedia(row!.id, 'thumb').path.startsWith(join(dir, 'derived'))).toBe(true);
  });

  it('records a file already in the vault as an occurrence of the existing item, not a second item', async () => {
    const { core, src } = await setup();
    const photo = await jpegWithExif();
    mkdirSync(join(src, 'copy'));
    writeFileSync(join(src, 'first.jpg'), photo);
    writeFileSync(join(src, 'copy', 'renamed copy.jpg'), photo);
    const first = await core.importPaths([src]);
    expect(first).toMatchObject({ imported: 1, duplicates: 1 });
    const again = await core.importPaths([src]);
    expect(again).toMatchObject({ imported: 0, duplicates: 2, failed: [] });
    const page = await core.api.listItems();
    expect(page.total).toBe(1);
    const item = await core.api.getItem({ id: page.rows[0]!.id });
    expect(item.occurrences.map((o) => o.originalName)).toEqual(['renamed copy.jpg', 'first.jpg', 'renamed copy.jpg', 'first.jpg']);
    expect(item.custody.filter((c) => c.action === 'duplicate-seen')).toHaveLength(3);
  });

  it('imports hostile and odd file names verbatim, and deep folders', async () => {
    const { core, src } = await setup();
    const names = ['عکس اوین ۱۳۶۷.jpg', 'with space %20 and %.jpg', 'new\nline.jpg', 'bidi\u202Egpj.exe', `${'x'.repeat(196)}.jpg`, '=HYPERLINK("http:x").jpg'];
    let seed = 1;
    for (const name of names) writeFileSync(join(src, name), await jpegWithExif({ seed: seed++ }));
    let deep = src;
    for (let i = 0; i < 40; i++) {
      deep = join(deep, `d${i}`);
      mkdirSync(deep);
    }
    writeFileSync(join(deep, 'deep.png'), await png(3));
    const summary = await core.importPaths([src]);
    expect(summary).toMatchObject({ imported: names.length + 1, failed: [] });
    const stored = (await core.api.listItems({ limit: 100 })).rows.map((r) => r.originalName).sort();
    expect(stored).toEqual([...names, 'deep.png'].sort());
  });

  it('gives each bad file a clear reason, imports the rest, and still verifies', async () => {
    const { core, src } = await setup();
    const good = await jpegWithExif();
    writeFileSync(join(src, 'good.jpg'), good);
    writeFileSync(join(src, 'empty.jpg'), '');
    writeFileSync(join(src, 'truncated.jpg'), good.subarray(0, Math.floor(good.length / 2)));
    writeFileSync(join(src, 'lying.jpg'), await png(9));
    writeFileSync(join(src, 'random.bin'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(join(src, 'broken.pdf'), '%PDF-1.7\nthis is not really a pdf');
    symlinkSync(join(src, 'good.jpg'), join(src, 'link.jpg'));
    mkdirSync(join(src, 'loop'));
    symlinkSync(src, join(src, 'loop', 'back-to-top'));
    writeFileSync(join(src, 'unreadable.jpg'), good.subarray(0, 100));
    chmodSync(join(src, 'unreadable.jpg'), 0o000);

    const summary = await core.importPaths([src, join(src, 'does-not-exist.jpg')]);
    const failed = Object.fromEntries(summary.failed.map((f) => [f.path.slice(src.length + 1) || f.path, f.reason]));
    expect(failed['empty.jpg']).toMatch(/empty/);
    expect(Object.keys(failed).some((p) => p.endsWith('does-not-exist.jpg'))).toBe(true);
    const warned = summary.warnings.map((w) => `${w.path.slice(src.length + 1)}: ${w.reason}`);
    expect(warned).toContainEqual(expect.stringMatching(/^link\.jpg: .*symbolic link/));
    expect(warned).toContainEqual(expect.stringMatching(/^loop\/back-to-top: .*symbolic link/));
    expect(warned).toContainEqual(expect.stringMatching(/^lying\.jpg: .*(PNG|png)/));
    for (const w of summary.warnings) expect(w.reason).toMatch(/^[A-Z].*[.)]$/s);
    // root can read a file without read permission; an ordinary user gets a clear failure instead.
    const expectedImported = process.getuid?.() === 0 ? 6 : 5;
    expect(summary.imported).toBe(expectedImported);
    await core.idle();
    expect((await core.verify()).ok).toBe(true);
  });

  it('numbers items in folder order although large and small files are copied in turns', async () => {
    const { core, src } = await setup();
    mkdirSync(join(src, 'a-photos'));
    mkdirSync(join(src, 'b-scans'));
    for (let i = 0; i < 5; i++) writeFileSync(join(src, 'a-photos', `p${i}.jpg`), await jpegWithExif({ seed: i + 1 }));
    // Large enough to be taken between the small ones (dispatch-order.ts).
    for (let i = 0; i < 2; i++) writeFileSync(join(src, 'b-scans', `s${i}.bin`), Buffer.alloc(1536 * 1024, i + 1));
    const summary = await core.importPaths([src]);
    expect(summary.imported).toBe(7);
    const rows = (await core.api.listItems({ limit: 100 })).rows;
    const byRef = [...rows].sort((a, b) => a.ref.localeCompare(b.ref)).map((r) => r.originalName);
    expect(byRef).toEqual(['p0.jpg', 'p1.jpg', 'p2.jpg', 'p3.jpg', 'p4.jpg', 's0.bin', 's1.bin']);
    expect((await core.verify()).ok).toBe(true);
  });

  it('cancels between files: what was imported is complete, nothing half-done remains', async () => {
    const { dir, core, src } = await setup();
    // More files than the importer keeps going at once (48), so some have not started when the cancel comes.
    const count = 80;
    for (let i = 0; i < count; i++) writeFileSync(join(src, `f${String(i).padStart(2, '0')}.jpg`), await jpegWithExif({ seed: i + 1 }));
    const controller = new AbortController();
    const summary = await core.importPaths([src], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 4) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    // Files already copied when the cancel came are kept whole; the rest were rolled back or never started.
    expect(summary.imported).toBeGreaterThanOrEqual(4);
    expect(summary.imported).toBeLessThan(count);
    expect(summary.failed).toEqual([]);
    const total = (await core.api.listItems()).total;
    expect(total).toBe(summary.imported);
    const vaultFiles = readdirSync(join(dir, 'vault'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(vaultFiles).toHaveLength(summary.imported);
    expect((await core.verify()).ok).toBe(true);
  });

  it('cleans up a crashed import at the next open and finishes its previews', async () => {
    const { dir, core, src } = await setup();
    writeFileSync(join(src, 'a.jpg'), await jpegWithExif({ width: 300, height: 200 }));
    await core.importPaths([src], { waitForPreviews: false });
    await core.close();
    // Simulate a crash: a half-copied file, a stranded upload, a half-written preview, and one never made.
    mkdirSync(join(dir, 'vault', '.tmp'), { recursive: true });
    writeFileSync(join(dir, 'vault', '.tmp', 'abc.part'), 'half');
    mkdirSync(join(dir, 'staging'), { recursive: true });
    writeFileSync(join(dir, 'staging', 'upload'), 'x');
    mkdirSync(join(dir, 'derived', '.tmp'), { recursive: true });
    writeFileSync(join(dir, 'derived', '.tmp', 'half-preview.webp.0a1b2c.tmp'), 'half');
    const db = new Database(join(dir, 'catalogue.sqlite'));
    db.prepare("UPDATE items SET preview_state = 'pending'").run();
    db.close();

    const reopened = await openCore({ catalogueDir: dir });
    expect(readdirSync(join(dir, 'vault', '.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'staging'))).toEqual([]);
    expect(readdirSync(join(dir, 'derived', '.tmp'))).toEqual([]);
    await reopened.idle();
    expect((await reopened.api.listItems()).rows[0]!.preview).toBe('ready');
  });

  it('names the item whose vault file was altered, or is missing', async () => {
    const { dir, core, src } = await setup();
    const a = await jpegWithExif({ seed: 1 });
    const b = await jpegWithExif({ seed: 2 });
    writeFileSync(join(src, 'a.jpg'), a);
    writeFileSync(join(src, 'b.jpg'), b);
    await core.importPaths([src]);
    const fileA = vaultPath(join(dir, 'vault'), sha(a));
    chmodSync(fileA, 0o644);
    const bytes = readFileSync(fileA);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(fileA, bytes);
    const report = await core.verify();
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name.startsWith('vault'))!.problems).toEqual([
      'ITM-000001: its original has changed (SHA-256 no longer matches the one recorded at intake)',
    ]);
    expect(existsSync(vaultPath(join(dir, 'vault'), sha(b)))).toBe(true);
  });

  it('reports vault files no item refers to without failing verification or touching them', async () => {
    const { dir, core, src } = await setup();
    const recorded = await jpegWithExif({ seed: 3 });
    writeFileSync(join(src, 'a.jpg'), recorded);
    await core.importPaths([src]);
    const vault = join(dir, 'vault');
    // What a crash between moving a copy into the vault and recording it leaves, a file at the wrong address,
    // and something that is no vault file at all (with a name that must stay text).
    const leftover = await jpegWithExif({ seed: 4 });
    const leftoverPath = vaultPath(vault, sha(leftover));
    mkdirSync(join(leftoverPath, '..'), { recursive: true });
    writeFileSync(leftoverPath, leftover);
    const wrongPath = vaultPath(vault, sha(Buffer.from('other content')));
    mkdirSync(join(wrongPath, '..'), { recursive: true });
    writeFileSync(wrongPath, 'not that content');
    writeFileSync(join(vault, 'notes <b>.txt'), 'x');
    const report = await core.verify();
    expect(report.ok).toBe(true);
    const rel = (path: string) => path.slice(dir.length + 1).split(/[\\/]/).join('/');
    const check = report.checks.find((c) => c.name.startsWith('unrecorded vault files'))!;
    expect(check).toMatchObject({ name: 'unrecorded vault files (3)', ok: true, problems: [] });
    expect([...check.notes!].sort()).toEqual(
      [
        `${rel(leftoverPath)}: a whole copy no item refers to (an import stopped before recording it; importing the same file again records it)`,
        `${rel(wrongPath)}: a file no item refers to, whose content does not match its name`,
        'vault/notes <b>.txt: not something Vigil stores in the vault',
      ].sort(),
    );
    expect(readFileSync(leftoverPath).equals(leftover)).toBe(true);
    // Importing the leftover's file again records it, and it is no longer reported.
    writeFileSync(join(src, 'b.jpg'), leftover);
    expect((await core.importPaths([src])).imported).toBe(1);
    const after = (await core.verify()).checks.find((c) => c.name.startsWith('unrecorded vault files'))!;
    expect(after.notes!.some((n) => n.startsWith(rel(leftoverPath)))).toBe(false);
  });

  it('runs imports as jobs with progress events, and cancels them', async () => {
    const { core, src } = await setup();
    for (let i = 0; i < 3; i++) writeFileSync(join(src, `${i}.png`), await png(i + 1));
    const events: VigilEvent[] = [];
    core.onEvent((e) => events.push(e));
    const { jobId } = await core.api.importPaths({ paths: [src] });
    await core.idle();
    const progress = events.filter((e): e is Extract<VigilEvent, { type: 'job-progress' }> => e.type === 'job-progress' && e.jobId === jobId);
    expect(progress[0]!.state).toBe('running');
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ state: 'done', done: 3, total: 3, summary: { imported: 3, duplicates: 0, failed: [], warnings: [] } });
    expect(await core.api.cancelJob({ jobId })).toEqual({ cancelled: false });
  });
});
