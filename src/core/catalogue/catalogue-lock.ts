/**
 * One writer at a time (DESIGN.md §3). proper-lockfile keeps `catalogue.lock` fresh while we hold it, so a
 * crashed process's lock goes stale instead of locking the catalogue forever. The database connection also
 * runs in SQLite's exclusive locking mode (see open-database.ts) as a second, OS-level guard.
 */
import lockfile from 'proper-lockfile';
import { CatalogueError } from '../../shared/errors';
import type { CatalogueLayout } from './catalogue-layout';

/** How long a lock may go without being refreshed before another process may take it over. */
export const LOCK_STALE_MS = 30_000;

export interface CatalogueLock {
  release(): void;
}

export function acquireCatalogueLock(layout: CatalogueLayout): CatalogueLock {
  let release: () => void;
  try {
    release = lockfile.lockSync(layout.root, {
      lockfilePath: layout.lock,
      realpath: false,
      stale: LOCK_STALE_MS,
      // Losing the lock (e.g. the disk went away) must not crash the app; writes will fail with their own errors.
      onCompromised: () => undefined,
    });
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
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      try {
        release();
      } catch {
        // Already gone (folder removed, or compromised): nothing left to release.
      }
    },
  };
}
