/** The lint rule that enforces DESIGN.md §2's import directions catches violations (and allows the right ones). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('import directions', () => {
  it.each([
    ['src/core/x.ts', "import { a } from '../renderer/App';"],
    ['src/core/x.ts', "import { app } from 'electron';"],
    ['src/shared/x.ts', "import { createCore } from '../core/api/create-core';"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/x.ts', "import { createCore } from '../core/api/create-core';"],
    ['src/renderer/x.ts', "import Database from 'better-sqlite3';"],
    ['src/preload/x.ts', "import { createCore } from '../core/api/create-core';"],
    ['src/host/x.ts', "import { runCli } from '../cli/run-cli';"],
    ['src/main/x.ts', "import { startWebHost } from '../host/web-host';"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ['src/core/x.ts', "import { apiMethods } from '../shared/api';"],
    ['src/main/x.ts', "import { createCore } from '../core/api/create-core';"],
    ['src/cli/x.ts', "import { startWebHost } from '../host/web-host';"],
    ['src/renderer/x.ts', "import { apiMethods } from '../shared/api';"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
