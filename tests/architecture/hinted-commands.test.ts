/**
 * The empty screens and messages of the window point to `vigil` commands: every command they name must exist
 * (DEVELOPERS' rule: never point a user to a command that is not there). Reads the renderer's sources for
 * `vigil <command> [<subcommand>]` and asks the real CLI for that command's help.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';

const RENDERER = fileURLToPath(new URL('../../src/renderer/', import.meta.url));

function hintedCommands(): string[][] {
  const found = new Map<string, string[]>();
  for (const entry of readdirSync(RENDERER, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/vigil ([a-z]+)(?: ([a-z]+))?/g)) {
      const words = [match[1]!, ...(match[2] && !/^[A-Z]/.test(match[2]) ? [match[2]] : [])];
      found.set(words.join(' '), words);
    }
  }
  return [...found.values()];
}

describe('commands named in the window', () => {
  const commands = hintedCommands();

  it('finds the hints it checks', () => {
    expect(commands.map((c) => c[0])).toEqual(expect.arrayContaining(['import', 'persons']));
  });

  it.each(commands.map((c) => [c.join(' '), c] as const))('vigil %s exists', async (_name, words) => {
    // A subcommand word that is not one (e.g. "vigil import PATH" read as "import path") is dropped first.
    const full = await cli([...words, '--help']);
    const run = full.code === 0 ? full : await cli([words[0]!, '--help']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Usage: vigil ${words[0]}`));
  });
});
