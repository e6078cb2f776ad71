#!/usr/bin/env node
// Prints the one closing line CI reads, "N passed, N failed", summed from Vitest's and Playwright's JSON
// reports. A step that failed without a failing test in its report (typecheck, lint, a crash before the
// report was written, the build) counts as one failure, so the line never reads clean when a step failed.
// Exits 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    vitest: { type: 'string' },
    'vitest-exit': { type: 'string', default: '0' },
    playwright: { type: 'string' },
    'playwright-exit': { type: 'string', default: '0' },
    'build-exit': { type: 'string', default: '0' },
  },
});

function read(file) {
  if (!file || !existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const notes = [];

const vitest = read(values.vitest);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // Suites that failed to load have no failed tests but still fail the run.
  if ((vitest.numFailedTestSuites ?? 0) > 0 && (vitest.numFailedTests ?? 0) === 0) failed += vitest.numFailedTestSuites;
}
if (values['vitest-exit'] !== '0' && !(vitest && failed > 0)) {
  failed += 1;
  notes.push(vitest ? 'npm test failed outside the tests (typecheck or lint)' : 'npm test failed before vitest reported');
}

const playwright = read(values.playwright);
let e2eFailed = 0;
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  e2eFailed = playwright.stats.unexpected ?? 0;
  failed += e2eFailed;
}
if (values['playwright-exit'] !== '0' && e2eFailed === 0) {
  failed += 1;
  notes.push(playwright ? 'npm run test:e2e failed outside the tests' : 'npm run test:e2e failed before Playwright reported');
}
if (values['build-exit'] !== '0') {
  failed += 1;
  notes.push('electron-vite build failed');
}

for (const note of notes) console.log(`note: ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
