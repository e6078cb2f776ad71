/**
 * One writer at a time (DESIGN.md §3). proper-lockfile keeps `catalogue.lock` fresh while we hold it, so a
 * lock whose holder stopped refreshing goes stale. Beside it, `catalogue.lock.owner` names the holder
 * (process id and host), so a lock left by a process that crashed on this computer is taken over at once
 * instead of after the stale period. The database connection also runs in SQLite's exclusive locking mode
 * (see open-database.ts), which the operating system releases when a process dies, as a second guard.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { CatalogueError } from '../../shared/errors';
import type { CatalogueLayout } from './catalogue-layout';

/** How long a lock may go without being refreshed before another process may take it over. */
export const LOCK_STALE_MS = 30_000;

export interface CatalogueLock {
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

const ownerFile = (layout: CatalogueLayout) => `${layout.lock}.owner`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the recorded holder was a process on this computer that no longer runs. */
function holderIsGone(layout: CatalogueLayout): boolean {
  try {
    const owner = JSON.parse(readFileSync(ownerFile(layout), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);
  } catch {
    return false;
  }
}

function take(layout: CatalogueLayout): () => void {
  return lockfile.lockSync(layout.root, {
    lockfilePath: layout.lock,
    realpath: false,
    stale: LOCK_STALE_MS,
    // Losing the lock (e.g. the disk went away) must not crash the app; writes will fail with their own errors.
    onCompromised: () => undefined,
  });
}

export function acquireCatalogueLock(layout: CatalogueLayout): CatalogueLock {
  let release: () => void;
  try {
    try {
      release = take(layout);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || !holderIsGone(layout)) throw error;
      // Left by a process that crashed: its lock protects nothing any more.
      rmSync(layout.lock, { recursive: true, force: true });
      release = take(layout);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new CatalogueError(
        'CONFLICT',
        `The catalogue "${layout.name}" is already open in another Vigil window or command. Close it there first; ` +
          `if nothing else is using it, wait ${LOCK_STALE_MS / 1000} seconds and try again.`,
      );
    }
    throw new CatalogueError('IO', `The catalogue "${layout.name}" could not be locked: ${(error as Error).message}`);
  }
  const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    writeFileSync(ownerFile(layout), JSON.stringify(owner) + '\n');
  } catch {
    // Without the note a crash costs only the stale period; the lock itself is held.
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      rmSync(ownerFile(layout), { force: true });
      try {
        release();
      } catch {
        // Already gone (folder removed, or compromised): nothing left to release.
      }
    },
  };
}
