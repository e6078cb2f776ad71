/**
 * Builds the `vigil` command (src/cli) into out/cli for plain Node. Dependencies stay external: they are
 * installed next to it, and better-sqlite3 is a native module.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  build: {
    ssr: resolve('src/cli/index.ts'),
    outDir: 'out/cli',
    target: 'node20',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      external: [
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
        ...Object.keys(pkg.dependencies),
      ],
      output: { entryFileNames: 'index.js' },
    },
  },
});
