/**
 * Expands the paths a user gave into the regular files to import, folders recursively, in a stable order.
 * Symbolic links are never followed (a link loop cannot hang the walk, and nothing outside the chosen
 * folders is read); each is reported as a warning. The walk uses an explicit stack, so deep folders cannot
 * overflow the call stack, and yields as it goes, so a huge folder starts importing at once.
 */
import type { Stats } from 'node:fs';
import { lstat, opendir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

export interface SourceFile {
  /** Where to read the file now. */
  path: string;
  /** The path as the user would recognise it, for summaries and the custody log. */
  displayPath: string;
  originalName: string;
  size: number;
  modifiedAt: string | null;
  createdAt: string | null;
}

export type WalkEntry =
  | { type: 'file'; file: SourceFile }
  | { type: 'warning'; path: string; reason: string }
  | { type: 'failed'; path: string; reason: string };

const iso = (ms: number): string | null => (Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null);

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'It does not exist.';
  if (code === 'EACCES' || code === 'EPERM') return 'Vigil is not allowed to read it.';
  if (code === 'ENAMETOOLONG') return 'Its path is too long for this system.';
  return `It could not be read (${code ?? (error as Error).message}).`;
}

/**
 * The walk looks this many entries ahead: their lstat calls run together (one at a time, the walk waited on each
 * in turn), while entries still come out one by one, in order, as soon as each is known.
 */
const STAT_AT_ONCE = 32;

type Looked = { path: string; stat: Stats } | { path: string; error: unknown };

async function look(path: string): Promise<Looked> {
  try {
    return { path, stat: await lstat(path) };
  } catch (error) {
    return { path, error };
  }
}

export async function* walkSources(paths: readonly string[], signal?: AbortSignal): AsyncGenerator<WalkEntry> {
  const seenDirs = new Set<string>();
  for (const given of paths) {
    // Paths not yet looked at, or the lookups under way for the next few; the next entry is on top.
    const stack: Array<string | Promise<Looked>> = [resolve(given)];
    while (stack.length > 0) {
      if (signal?.aborted) return;
      for (let i = stack.length - 1; i >= Math.max(0, stack.length - STAT_AT_ONCE); i--) {
        const next = stack[i]!;
        if (typeof next === 'string') stack[i] = look(next);
      }
      const top = stack.pop()!;
      const looked = await (typeof top === 'string' ? look(top) : top);
      const { path } = looked;
      if ('error' in looked) {
        yield { type: 'failed', path, reason: describe(looked.error) };
        continue;
      }
      const { stat } = looked;
      if (stat.isSymbolicLink()) {
        yield { type: 'warning', path, reason: 'It is a symbolic link; links are not followed, so it was not imported.' };
      } else if (stat.isDirectory()) {
        // Bind mounts can make a folder appear inside itself; device and inode identify it whatever its name.
        const id = `${stat.dev}:${stat.ino}`;
        if (seenDirs.has(id)) continue;
        seenDirs.add(id);
        let names: string[];
        try {
          const dir = await opendir(path);
          names = [];
          for await (const entry of dir) names.push(entry.name);
        } catch (error) {
          yield { type: 'failed', path, reason: `The folder could not be read: ${describe(error)}` };
          continue;
        }
        // Reverse-sorted onto the stack, so entries come out in name order.
        names.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
        for (const name of names) stack.push(join(path, name));
      } else if (stat.isFile()) {
        yield {
          type: 'file',
          file: {
            path,
            displayPath: path,
            originalName: basename(path),
            size: stat.size,
            modifiedAt: iso(stat.mtimeMs),
            createdAt: iso(stat.birthtimeMs),
          },
        };
      } else {
        yield { type: 'warning', path, reason: 'It is not a regular file (a device, socket or pipe), so it was not imported.' };
      }
    }
  }
}
