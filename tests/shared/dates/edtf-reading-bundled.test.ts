/**
 * In the built renderer, the bundler renames edtf's `Date` class (it clashes with the global Date), and edtf
 * reports a value's `type` from its class's name: '_Date' or 'Date$1' instead of 'Date'. Reading must not
 * depend on it. Here edtf's values report renamed types, as they do in the bundle.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseHistoricalDate } from '../../../src/shared/dates/historical-date';

vi.mock('edtf', async (importOriginal) => {
  const actual = await importOriginal<typeof import('edtf')>();
  // Arguments passed on as given: edtf() reads a parse result only when it is the one argument.
  const renamed = ((...args: Parameters<typeof actual.default>) => {
    const value = actual.default(...args);
    return new Proxy(value, { get: (target, key) => (key === 'type' ? `_${String(Reflect.get(target, key, target))}` : Reflect.get(target, key, target)) });
  }) as typeof actual.default;
  return { ...actual, default: renamed };
});

describe('reading dates when edtf class names are mangled by a bundler', () => {
  it.each([
    ['1988-08-23', '1988-08-23', '1988-08-23'],
    ['1367/06/01', '1988-08-23', '1988-08-23'],
    ['۶ مرداد ۱۳۶۷', '1988-07-28', '1988-07-28'],
    ['Mordad 1367', '1988-07-23', '1988-08-22'],
    ['1988-07~/1988-09~', '1988-07-01', '1988-09-30'],
  ])('%s', (text, earliest, latest) => {
    const result = parseHistoricalDate(text);
    expect(result).toMatchObject({ ok: true, date: { earliest, latest } });
  });
});
