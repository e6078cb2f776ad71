import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiMethods } from '../../src/shared/api';
import { apiSchemas } from '../../src/shared/api-schemas';
import { formatRef, parseRef } from '../../src/shared/ids';
import { VIGIL_VERSION } from '../../src/shared/version';

describe('shared', () => {
  it('formats and parses reference codes', () => {
    expect(formatRef('item', 123)).toBe('ITM-000123');
    expect(formatRef('person', 7)).toBe('V-000007');
    expect(parseRef(' itm-000123 ')).toEqual({ kind: 'item', id: 123 });
    expect(parseRef('V-1234567')).toEqual({ kind: 'person', id: 1234567 });
    expect(parseRef('ITM-000000')).toBeNull();
    expect(parseRef('XYZ-000001')).toBeNull();
    expect(parseRef('ITM-12; DROP TABLE')).toBeNull();
  });

  it('lists exactly the methods that have schemas', () => {
    expect([...apiMethods].sort()).toEqual(Object.keys(apiSchemas).sort());
    expect(apiMethods).toContain('getStatus');
  });

  it('keeps the version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VIGIL_VERSION).toBe(pkg.version);
  });
});
