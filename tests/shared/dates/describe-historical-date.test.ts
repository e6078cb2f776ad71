import { describe, expect, it } from 'vitest';
import { describeHistoricalDate, parseHistoricalDate, type HistoricalDate } from '../../../src/shared/dates/historical-date';

function describeText(text: string): { gregorian: string; solarHijri: string } {
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new Error(result.message);
  return describeHistoricalDate(result.date);
}

describe('describeHistoricalDate', () => {
  it('writes each value in both calendars at the unit it fills', () => {
    const cases: [string, string, string][] = [
      ['Mordad 1367', '23 Jul – 22 Aug 1988', 'Mordad 1367'],
      ['۶ مرداد ۱۳۶۷', '28 Jul 1988', '6 Mordad 1367'],
      ['1988-08-23', '23 Aug 1988', '1 Shahrivar 1367'],
      ['1367/06/01', '23 Aug 1988', '1 Shahrivar 1367'],
      ['1988-08', 'Aug 1988', '10 Mordad – 9 Shahrivar 1367'],
      ['1965', '1965', '11 Dey 1343 – 10 Dey 1344'],
      ['1367', '21 Mar 1988 – 20 Mar 1989', '1367'],
      ['1367/12', '20 Feb – 20 Mar 1989', 'Esfand 1367'],
      ['Dey 1367', '22 Dec 1988 – 20 Jan 1989', 'Dey 1367'],
      ['1988-07-23/1988-08-22', '23 Jul – 22 Aug 1988', 'Mordad 1367'],
      ['1981/1986', '1981 – 1986', '11 Dey 1359 – 10 Dey 1365'],
      ['1988-12/1989-02', 'Dec 1988 – Feb 1989', '10 Azar – 9 Esfand 1367'],
      ['1989-03-20/1989-03-21', '20 – 21 Mar 1989', '29 Esfand 1367 – 1 Farvardin 1368'],
      ['1366/12/01', '20 Feb 1988', '1 Esfand 1366'],
      ['1988-08-01/1988-08-15', '1 – 15 Aug 1988', '10 – 24 Mordad 1367'],
      ['198X', '1980 – 1989', '11 Dey 1358 – 10 Dey 1368'],
    ];
    for (const [text, gregorian, solarHijri] of cases) {
      expect(describeText(text), text).toEqual({ gregorian, solarHijri });
    }
  });

  it('shows uncertainty and approximation', () => {
    expect(describeText('1988-08?')).toEqual({ gregorian: 'Aug 1988 (uncertain)', solarHijri: '10 Mordad – 9 Shahrivar 1367 (uncertain)' });
    expect(describeText('1988-07~/1988-09~')).toEqual({ gregorian: 'about Jul – Sep 1988', solarHijri: 'about 10 Tir – 8 Mehr 1367' });
    expect(describeText('1988-08-23%')).toEqual({ gregorian: 'about 23 Aug 1988 (uncertain)', solarHijri: 'about 1 Shahrivar 1367 (uncertain)' });
    expect(describeText('Mordad 1367?')).toEqual({ gregorian: '23 Jul – 22 Aug 1988 (uncertain)', solarHijri: 'Mordad 1367 (uncertain)' });
    expect(describeText('1988-07~/1988-09')).toEqual({
      gregorian: 'about Jul 1988 to Sep 1988',
      solarHijri: 'about 10 Tir – 9 Mordad 1367 to 10 Shahrivar – 8 Mehr 1367',
    });
  });

  it('describes open and unknown ends', () => {
    expect(describeText('../1988-08')).toEqual({ gregorian: 'until Aug 1988', solarHijri: 'until 9 Shahrivar 1367' });
    expect(describeText('1988-08/..')).toEqual({ gregorian: 'from Aug 1988', solarHijri: 'from 10 Mordad 1367' });
    expect(describeText('/1988-07-23')).toEqual({ gregorian: 'until 23 Jul 1988 (start unknown)', solarHijri: 'until 1 Mordad 1367 (start unknown)' });
    expect(describeText('1988-07-23?/')).toEqual({ gregorian: 'from 23 Jul 1988 (uncertain) (end unknown)', solarHijri: 'from 1 Mordad 1367 (uncertain) (end unknown)' });
  });

  it('does not depend on the original text, only on the stored EDTF', () => {
    const date = (edtf: string, original: string): HistoricalDate => ({ original, calendar: 'gregorian', edtf, earliest: '', latest: '' });
    expect(describeHistoricalDate(date('1988-08-23', 'anything'))).toEqual({ gregorian: '23 Aug 1988', solarHijri: '1 Shahrivar 1367' });
  });

  it('falls back to the stored bounds, then to the original, for a value whose EDTF does not read', () => {
    const broken: HistoricalDate = { original: ' Mordad 1367 ', calendar: 'solar-hijri', edtf: 'not edtf', earliest: '1988-07-23', latest: '1988-08-22' };
    expect(describeHistoricalDate(broken)).toEqual({ gregorian: '23 Jul – 22 Aug 1988', solarHijri: 'Mordad 1367' });
    expect(describeHistoricalDate({ ...broken, earliest: 'junk' })).toEqual({ gregorian: 'Mordad 1367', solarHijri: 'Mordad 1367' });
  });
});
