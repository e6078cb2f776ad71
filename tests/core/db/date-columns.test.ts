import { describe, expect, it } from 'vitest';
import { fromDateColumns, readDate, toDateColumns } from '../../../src/core/db/date-columns';

describe('date columns', () => {
  it('stores a date as its text, calendar and EDTF, with the interval in two columns, and reads it back', () => {
    const date = readDate('Mordad 1367', 'Death date')!;
    const columns = toDateColumns(date);
    expect(columns).toEqual({
      json: JSON.stringify({ original: 'Mordad 1367', calendar: 'solar-hijri', edtf: '1988-07-23/1988-08-22' }),
      earliest: '1988-07-23',
      latest: '1988-08-22',
    });
    expect(fromDateColumns(columns.json, columns.earliest, columns.latest)).toEqual(date);
    expect(toDateColumns(null)).toEqual({ json: null, earliest: null, latest: null });
    expect(fromDateColumns(null, null, null)).toBeNull();
  });

  it('reads blank text as no date and refuses unreadable text naming the field, the text and an example', () => {
    expect(readDate(null, 'Birth date')).toBeNull();
    expect(readDate(undefined, 'Birth date')).toBeNull();
    expect(readDate('   ', 'Birth date')).toBeNull();
    expect(() => readDate('the week after', 'Birth date')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^Birth date: .*"the week after".*1988-08-23/) }),
    );
  });

  it('gives each caller its own copy of a date read before', () => {
    const first = readDate('1367/06/01', 'Death date')!;
    first.earliest = 'changed by the caller';
    expect(readDate('1367/06/01', 'Death date')).toMatchObject({ earliest: '1988-08-23', latest: '1988-08-23' });
  });

  it('shows a value written outside Vigil as it is rather than losing it', () => {
    expect(fromDateColumns('summer 1988', null, null)).toEqual({ original: 'summer 1988', calendar: 'gregorian', edtf: 'summer 1988', earliest: '', latest: '' });
    expect(fromDateColumns('{"original":"1988","edtf":5}', '1988-01-01', '1988-12-31')).toEqual({
      original: '1988',
      calendar: 'gregorian',
      edtf: '1988',
      earliest: '1988-01-01',
      latest: '1988-12-31',
    });
  });
});
