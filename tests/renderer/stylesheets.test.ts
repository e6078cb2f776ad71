/**
 * The stylesheets are imported in one fixed list by main.tsx (see the comment there): the bundle keeps CSS in
 * import order, and the cascade depends on it. These checks keep that list whole and the only one.
 */
import { describe, expect, it } from 'vitest';

const prefix = '../../src/renderer/';
// Only the names: nothing is loaded.
const stylesheets = Object.keys(import.meta.glob('../../src/renderer/**/*.css')).map((path) => path.slice(prefix.length));
const sources = import.meta.glob<string>('../../src/renderer/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const cssImports = (source: string) => [...source.matchAll(/^import '\.\/([^']+\.css)';$/gm)].map((m) => m[1]!);

describe('stylesheets', () => {
  const listed = cssImports(sources[`${prefix}main.tsx`] ?? '');

  it('are all imported by main.tsx, each once, the ui/ base first', () => {
    expect(stylesheets.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...stylesheets].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed[0]).toBe('ui/base.css');
  });

  it('are imported nowhere else, so no component can move one in the cascade', () => {
    const importers = Object.entries(sources)
      .filter(([path, source]) => path !== `${prefix}main.tsx` && /^import [^;]*\.css['"]/m.test(source))
      .map(([path]) => path);
    expect(importers).toEqual([]);
  });
});
