import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { catalogueLayout } from '../../../src/core/catalogue/catalogue-layout';
import { acquireCatalogueLock } from '../../../src/core/catalogue/catalogue-lock';
import { useTempDirs } from '../../helpers/temp-dir';

/** A process id that is certainly not running: one that just exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('catalogue lock', () => {
  const tempDir = useTempDirs();

  function leftBehind(owner: { pid: number; host: string }) {
    const layout = catalogueLayout(tempDir());
    mkdirSync(layout.lock);
    writeFileSync(`${layout.lock}.owner`, JSON.stringify({ ...owner, since: '2026-01-01T00:00:00Z' }));
    return layout;
  }

  it('names its holder while held and removes the note on release', () => {
    const layout = catalogueLayout(tempDir());
    const lock = acquireCatalogueLock(layout);
    expect(existsSync(`${layout.lock}.owner`)).toBe(true);
    expect(() => acquireCatalogueLock(layout)).toThrow(/already open/);
    lock.release();
    expect(existsSync(layout.lock)).toBe(false);
    expect(existsSync(`${layout.lock}.owner`)).toBe(false);
  });

  it('takes over at once a lock left by a process on this computer that has died', () => {
    const layout = leftBehind({ pid: deadPid(), host: hostname() });
    const lock = acquireCatalogueLock(layout);
    lock.release();
  });

  it('does not take over a lock whose holder still runs, or that another computer holds', () => {
    expect(() => acquireCatalogueLock(leftBehind({ pid: process.ppid, host: hostname() }))).toThrow(/already open/);
    expect(() => acquireCatalogueLock(leftBehind({ pid: deadPid(), host: 'another-workstation' }))).toThrow(/already open/);
  });
});
