import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from '../helpers/cli';
import { jpegWithExif, png } from '../helpers/sample-files';
import { useTempDirs } from '../helpers/temp-dir';

describe('vigil import / list / show', () => {
  const tempDir = useTempDirs();

  it('imports with a JSON summary, lists JSON Lines with the DESIGN fields, and shows one item', async () => {
    const cat = join(tempDir(), 'cat');
    const src = tempDir('src');
    writeFileSync(join(src, 'a.jpg'), await jpegWithExif({ gps: true }));
    writeFileSync(join(src, 'b.png'), await png(2));
    writeFileSync(join(src, 'empty.jpg'), '');
    expect((await cli(['--catalogue', cat, '--actor', 'Maryam', '--organisation', 'Archive', 'init'])).code).toBe(0);

    const run = await cli(['--catalogue', cat, 'import', src, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      imported: 2,
      duplicates: 0,
      failed: [{ path: join(src, 'empty.jpg'), reason: expect.stringMatching(/empty/) }],
      warnings: [],
    });
    expect(run.stderr).toBe('');

    const again = await cli(['--catalogue', cat, 'import', join(src, 'a.jpg'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, duplicates: 1, failed: [], warnings: [] });

    const list = await cli(['--catalogue', cat, 'list', '--json']);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]).sort()).toEqual(
      ['ref', 'kind', 'sha256', 'size', 'mime', 'originalName', 'title', 'takenAt', 'gps', 'make', 'model', 'serial', 'lens', 'software',
        'orientation', 'width', 'height', 'caption', 'keywords', 'creator', 'copyright', 'tags', 'links'].sort(),
    );
    expect(lines[0]).toMatchObject({ ref: 'ITM-000001', kind: 'photo', mime: 'image/jpeg', originalName: 'a.jpg', takenAt: '1988-07-30T09:15:00', make: 'TestCam', serial: 'SN-12345', width: 64, height: 48 });
    expect(lines[1]).toMatchObject({ ref: 'ITM-000002', mime: 'image/png', gps: null });

    const show = await cli(['--catalogue', cat, 'show', 'ITM-000001']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/serial\s+"SN-12345"\s+\[sensitive\]/);
    expect(show.stdout).toMatch(/custody\s+4 event\(s\): acquired, hash-computed, metadata-extracted, duplicate-seen/);
    expect((await cli(['--catalogue', cat, 'show', 'ITM-000009'])).code).toBe(1);
    expect((await cli(['--catalogue', cat, 'show', 'not-a-ref'])).code).toBe(2);
  });

  it('stops quietly when the reader of its output goes away (vigil list --json | head)', { timeout: 30_000 }, async () => {
    const home = tempDir();
    const src = tempDir();
    const cat = join(tempDir(), 'cat');
    for (let i = 0; i < 30; i++) writeFileSync(join(src, `p${i}.png`), await png(i + 1));
    expect((await cli(['--catalogue', cat, 'init'], { home })).code).toBe(0);
    expect((await cli(['--catalogue', cat, '--actor', 'Script', 'import', src, '--json'], { home })).code).toBe(0);
    const child = spawnCli(['--catalogue', cat, 'list', '--json'], { HOME: home });
    // The reader closes its end before a single line is read.
    child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
