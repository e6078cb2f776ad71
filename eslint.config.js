// Lint rules that guard the architecture (DESIGN.md §2): imports flow one way,
// shared <- core <- {main, host, cli}; shared <- {preload, renderer}.
import tseslint from 'typescript-eslint';

/** Forbid importing the given src/ folders (by relative path or alias) and the given packages. */
function forbid(folders, packages = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.map((folder) => ({
            group: [`**/${folder}`, `**/${folder}/**`],
            message: `Imports flow shared <- core <- {main, host, cli}; shared <- {preload, renderer}. This folder may not import src/${folder}.`,
          })),
        ],
        paths: packages.map((name) => ({
          name,
          message: `${name} may not be imported here (DESIGN.md §2: where code may run decides where it lives).`,
        })),
      },
    ],
  };
}

const nodeBuiltins = ['fs', 'node:fs', 'path', 'node:path', 'child_process', 'node:child_process', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'reports/**', 'test-results/**', 'bin/**', '.electron-native/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/shared/**/*.{ts,tsx}'], rules: forbid(['core', 'main', 'preload', 'renderer', 'host', 'cli'], ['electron', 'react', ...nodeBuiltins]) },
  { files: ['src/core/**/*.{ts,tsx}'], rules: forbid(['main', 'preload', 'renderer', 'host', 'cli'], ['electron', 'react']) },
  { files: ['src/main/**/*.{ts,tsx}'], rules: forbid(['preload', 'renderer', 'host', 'cli']) },
  { files: ['src/host/**/*.{ts,tsx}'], rules: forbid(['main', 'preload', 'renderer', 'cli'], ['electron']) },
  { files: ['src/cli/**/*.{ts,tsx}'], rules: forbid(['main', 'preload', 'renderer'], ['electron']) },
  { files: ['src/preload/**/*.{ts,tsx}'], rules: forbid(['core', 'main', 'renderer', 'host', 'cli'], nodeBuiltins) },
  { files: ['src/renderer/**/*.{ts,tsx}'], rules: forbid(['core', 'main', 'preload', 'host', 'cli'], ['electron', ...nodeBuiltins]) },
);
