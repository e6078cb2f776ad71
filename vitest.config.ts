/**
 * `npm test` runs these: node-side suites (shared, core, host, cli, and main/preload with electron mocked)
 * in Node, renderer component tests in happy-dom. Browser end-to-end tests are Playwright's (tests/e2e).
 */
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run reads to print its one closing line.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{shared,core,host,cli,main,preload,contract,architecture}/**/*.test.ts'],
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
});
