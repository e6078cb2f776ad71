/**
 * A real crash: `vigil import` killed with SIGKILL part-way. The catalogue must open, verify, and hold only
 * whole items; importing again finishes the job without duplicates.
 */
import { once } from 'node:events';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, spawnCli } from '../helpers/cli';
import { jpegWithExif } from '../helpers/sample-files';
import { useTempDirs } from '../helpers/temp-dir';

describe('a crash during import', () => {
  const tempDir = useTempDirs();

  it('leaves a catalogue that verifies, with every item whole, and a re-import completes it', { timeout: 60_000 }, async () => {
    const src = tempDir('src');
    const count = 60;
    for (let i = 0; i < count; i++) writeFileSync(join(src, `photo-${String(i).padStart(3, '0')}.jpg`), await jpegWithExif({ width: 900, height: 600, seed: i + 1 }));
    const cat = join(tempDir(), 'cat');
    const home = tempDir('home');
    expect((await cli(['--catalogue', cat, '--actor', 'Test Archivist', '--organisation', 'Test Archive', 'init'], { home })).code).toBe(0);

    const child = spawnCli(['--catalogue', cat, 'import', src, '--json'], { HOME: home });
    // Kill it once the first files are in the vault, while others are still being copied.
    const vault = join(cat, 'vault');
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      const files = readdirSync(vault, { recursive: true }).filter((f) => String(f).length > 60);
      if (files.length >= 3) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');

    const verify = await cli(['--catalogue', cat, 'verify', '--json'], { home });
    if (!verify.stdout) throw new Error(verify.stderr);
    expect(JSON.parse(verify.stdout).ok).toBe(true);
    expect(verify.code).toBe(0);
    expect(readdirSync(join(vault, '.tmp'))).toEqual([]);
    const listed = (await cli(['--catalogue', cat, 'list', '--json'], { home })).stdout.trim().split('\n').filter(Boolean);
    expect(listed.length).toBeLessThan(count);

    const again = await cli(['--catalogue', cat, 'import', src, '--json'], { home });
    const summary = JSON.parse(again.stdout);
    expect(summary.failed).toEqual([]);
    expect(summary.imported + summary.duplicates).toBe(count);
    expect(summary.duplicates).toBe(listed.length);
    const all = (await cli(['--catalogue', cat, 'list', '--json'], { home })).stdout.trim().split('\n');
    expect(all).toHaveLength(count);
    expect(JSON.parse((await cli(['--catalogue', cat, 'verify', '--json'], { home })).stdout).ok).toBe(true);
  });
});
