import { describe, expect, it } from 'vitest';
import {
  DATE_EXAMPLES,
  OPEN_EARLIEST,
  OPEN_LATEST,
  parseHistoricalDate,
  type DateCalendar,
  type HistoricalDate,
} from '../../../src/shared/dates/historical-date';

function parsed(text: string): HistoricalDate {
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.message}`);
  return result.date;
}

function refusal(text: string): string {
  const result = parseHistoricalDate(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${JSON.stringify(result.date)}`);
  return result.message;
}

/** [input, calendar, edtf, earliest, latest] */
type Case = [string, DateCalendar, string, string, string];

function expectCases(cases: Case[]): void {
  for (const [text, calendar, edtf, earliest, latest] of cases) {
    expect(parsed(text), text).toEqual({ original: text, calendar, edtf, earliest, latest });
  }
}

describe('parseHistoricalDate: Gregorian ISO and EDTF', () => {
  it('reads ISO days, months and years', () => {
    expectCases([
      ['1988-08-23', 'gregorian', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['1988-08', 'gregorian', '1988-08', '1988-08-01', '1988-08-31'],
      ['1988-02', 'gregorian', '1988-02', '1988-02-01', '1988-02-29'],
      ['1965', 'gregorian', '1965', '1965-01-01', '1965-12-31'],
      ['1500', 'gregorian', '1500', '1500-01-01', '1500-12-31'],
    ]);
  });

  it('reads EDTF level 1 qualifiers and unspecified digits, keeping the text as typed', () => {
    expectCases([
      ['1988-08?', 'gregorian', '1988-08?', '1988-08-01', '1988-08-31'],
      ['1988~', 'gregorian', '1988~', '1988-01-01', '1988-12-31'],
      ['1988-08-23%', 'gregorian', '1988-08-23%', '1988-08-23', '1988-08-23'],
      ['198X', 'gregorian', '198X', '1980-01-01', '1989-12-31'],
      ['1988-XX', 'gregorian', '1988-XX', '1988-01-01', '1988-12-31'],
    ]);
  });

  it('reads EDTF intervals', () => {
    expectCases([
      ['1988-07~/1988-09~', 'gregorian', '1988-07~/1988-09~', '1988-07-01', '1988-09-30'],
      ['1988-07-23/1988-08-22', 'gregorian', '1988-07-23/1988-08-22', '1988-07-23', '1988-08-22'],
      ['1981/1986', 'gregorian', '1981/1986', '1981-01-01', '1986-12-31'],
      ['1988-07~/1988-09', 'gregorian', '1988-07~/1988-09', '1988-07-01', '1988-09-30'],
    ]);
  });

  it('records an open or unknown end with the widest bounds', () => {
    expect([OPEN_EARLIEST, OPEN_LATEST]).toEqual(['0001-01-01', '9999-12-31']);
    expectCases([
      ['../1988-08', 'gregorian', '../1988-08', OPEN_EARLIEST, '1988-08-31'],
      ['1988-08/..', 'gregorian', '1988-08/..', '1988-08-01', OPEN_LATEST],
      ['/1988-08-23', 'gregorian', '/1988-08-23', OPEN_EARLIEST, '1988-08-23'],
      ['1988-08/', 'gregorian', '1988-08/', '1988-08-01', OPEN_LATEST],
    ]);
  });

  it('pads unpadded Gregorian months and days and drops a space before the qualifier, and nothing else', () => {
    expectCases([
      ['1988-8-3', 'gregorian', '1988-08-03', '1988-08-03', '1988-08-03'],
      ['1988-8?', 'gregorian', '1988-08?', '1988-08-01', '1988-08-31'],
      ['1988-08-23 ?', 'gregorian', '1988-08-23?', '1988-08-23', '1988-08-23'],
    ]);
  });
});

describe('parseHistoricalDate: Solar Hijri', () => {
  it('reads numeric days in Latin, Persian and Arabic-Indic digits, with / - or .', () => {
    expectCases([
      ['1367/06/01', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['۱۳۶۷/۰۶/۰۱', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['١٣٦٧/٠٦/٠١', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['1367-6-1', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['1367/6/1', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['1367.06.01', 'solar-hijri', '1988-08-23', '1988-08-23', '1988-08-23'],
      ['1367/05/31', 'solar-hijri', '1988-08-22', '1988-08-22', '1988-08-22'],
      ['1367/01/01', 'solar-hijri', '1988-03-21', '1988-03-21', '1988-03-21'],
      // 1370 is a leap year: Esfand has 30 days.
      ['1370/12/30', 'solar-hijri', '1992-03-20', '1992-03-20', '1992-03-20'],
    ]);
  });

  it('reads a numeric month as the interval of its days', () => {
    expectCases([
      ['1367/05', 'solar-hijri', '1988-07-23/1988-08-22', '1988-07-23', '1988-08-22'],
      ['۱۳۶۷/۰۵', 'solar-hijri', '1988-07-23/1988-08-22', '1988-07-23', '1988-08-22'],
      ['1367-12', 'solar-hijri', '1989-02-20/1989-03-20', '1989-02-20', '1989-03-20'],
    ]);
  });

  it('reads month names in Latin transliteration and Persian script', () => {
    expectCases([
      ['Mordad 1367', 'solar-hijri', '1988-07-23/1988-08-22', '1988-07-23', '1988-08-22'],
      ['Shahrivar 1367', 'solar-hijri', '1988-08-23/1988-09-22', '1988-08-23', '1988-09-22'],
      ['Tir 1367', 'solar-hijri', '1988-06-22/1988-07-22', '1988-06-22', '1988-07-22'],
      ['۶ مرداد ۱۳۶۷', 'solar-hijri', '1988-07-28', '1988-07-28', '1988-07-28'],
      ['22 Mordad 1367', 'solar-hijri', '1988-08-13', '1988-08-13', '1988-08-13'],
      ['Mordad 22, 1367', 'solar-hijri', '1988-08-13', '1988-08-13', '1988-08-13'],
      ['مرداد ۱۳۶۷', 'solar-hijri', '1988-07-23/1988-08-22', '1988-07-23', '1988-08-22'],
      ['۶ مرداد ماه ۱۳۶۷', 'solar-hijri', '1988-07-28', '1988-07-28', '1988-07-28'],
      ['۱۰ شهریور ۱۳۶۷', 'solar-hijri', '1988-09-01', '1988-09-01', '1988-09-01'],
    ]);
  });

  it('accepts the common spellings of every month, in any case', () => {
    const spellings: [number, string[]][] = [
      [1, ['Farvardin', 'FARVARDIN', 'فروردین']],
      [2, ['Ordibehesht', 'Ordibehest', 'اردیبهشت', 'ارديبهشت', 'اردی\u200cبهشت']],
      [3, ['Khordad', 'khordad', 'خرداد']],
      [4, ['Tir', 'tir', 'تیر', 'تير']],
      [5, ['Mordad', 'Amordad', 'Mordād', 'مرداد', 'امرداد']],
      [6, ['Shahrivar', 'Sharivar', 'شهریور', 'شهريور']],
      [7, ['Mehr', 'مهر']],
      [8, ['Aban', 'Ābān', 'آبان']],
      [9, ['Azar', 'Āzar', 'آذر']],
      [10, ['Dey', 'Dei', 'دی', 'دي']],
      [11, ['Bahman', 'بهمن']],
      [12, ['Esfand', 'Isfand', 'اسفند']],
    ];
    for (const [month, names] of spellings) {
      const expected = parsed(`1367/${month}`);
      for (const name of names) {
        expect(parsed(`${name} 1367`).edtf, name).toBe(expected.edtf);
      }
    }
  });

  it('tolerates Arabic letter variants, ZWNJ, bidi marks, missing and extra spaces', () => {
    for (const text of ['۶ مرداد ۱۳۶۷', '۶  مرداد   ۱۳۶۷', '۶مرداد۱۳۶۷', '\u200F۶ مرداد ۱۳۶۷\u200F', '۶\u200cمرداد\u200c۱۳۶۷', '۶\u00A0مرداد\u00A0۱۳۶۷']) {
      expect(parsed(text).edtf, JSON.stringify(text)).toBe('1988-07-28');
    }
    expect(parsed('دي ۱۳۶۷').edtf).toBe('1988-12-22/1989-01-20');
  });

  it('reads a bare year below 1500, or in Persian digits, as a Solar Hijri year', () => {
    expectCases([
      ['1367', 'solar-hijri', '1988-03-21/1989-03-20', '1988-03-21', '1989-03-20'],
      ['۱۳۶۷', 'solar-hijri', '1988-03-21/1989-03-20', '1988-03-21', '1989-03-20'],
      ['1344', 'solar-hijri', '1965-03-21/1966-03-20', '1965-03-21', '1966-03-20'],
    ]);
  });

  it('applies an uncertainty mark to both ends of a Solar Hijri interval, keeping the bounds', () => {
    expectCases([
      ['1367/05?', 'solar-hijri', '1988-07-23?/1988-08-22?', '1988-07-23', '1988-08-22'],
      ['Mordad 1367?', 'solar-hijri', '1988-07-23?/1988-08-22?', '1988-07-23', '1988-08-22'],
      ['مرداد ۱۳۶۷؟', 'solar-hijri', '1988-07-23?/1988-08-22?', '1988-07-23', '1988-08-22'],
      ['1367~', 'solar-hijri', '1988-03-21~/1989-03-20~', '1988-03-21', '1989-03-20'],
      ['1367/06/01?', 'solar-hijri', '1988-08-23?', '1988-08-23', '1988-08-23'],
      ['۶ مرداد ۱۳۶۷%', 'solar-hijri', '1988-07-28%', '1988-07-28', '1988-07-28'],
    ]);
  });

  it('agrees with ICU’s Persian calendar on the first and last day of every month, 1300–1420', () => {
    const persian = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
      timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric',
    });
    const icuDay = (isoDay: string): string => {
      const parts = Object.fromEntries(persian.formatToParts(new Date(`${isoDay}T12:00:00Z`)).map((p) => [p.type, p.value]));
      return `${parts.year}/${parts.month}/${parts.day}`;
    };
    const mismatches: string[] = [];
    for (let year = 1300; year <= 1420; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const { earliest, latest } = parsed(`${year}/${month}`);
        if (icuDay(earliest) !== `${year}/${month}/1`) mismatches.push(`${year}/${month} starts ${earliest}`);
        if (!icuDay(latest).startsWith(`${year}/${month}/`)) mismatches.push(`${year}/${month} ends ${latest}`);
        const next = new Date(Date.parse(`${latest}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (icuDay(next).split('/')[2] !== '1') mismatches.push(`${year}/${month}: the day after ${latest} is not a 1st`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('parseHistoricalDate: what is kept', () => {
  it('keeps the original byte for byte, including surrounding spaces and invisible marks', () => {
    for (const text of ['  1988-08-23 ', ' Mordad 1367\t', '\u200F۶ مرداد ۱۳۶۷ ', 'ĀBĀN 1367', '1367-6-1']) {
      expect(parsed(text).original).toBe(text);
    }
    expect(parsed('  1988-08-23 ').edtf).toBe('1988-08-23');
    expect(parsed(' 1988-07~/1988-09~ ').edtf).toBe('1988-07~/1988-09~');
  });

  it('keeps earliest on or before latest', () => {
    for (const text of ['1988', '1367', 'Esfand 1367', '1988-07~/1988-09~', '1367/12/29', '../1988']) {
      const { earliest, latest } = parsed(text);
      expect(earliest <= latest, text).toBe(true);
    }
  });
});

describe('parseHistoricalDate: refusals', () => {
  it('asks for a date when the text is blank', () => {
    for (const text of ['', '   ', '\t\n', '\u200c']) {
      expect(refusal(text)).toBe(`Enter a date. ${DATE_EXAMPLES}`);
    }
  });

  it('lists the accepted forms in DATE_EXAMPLES, each of which parses', () => {
    expect(DATE_EXAMPLES).toBe('Examples: 1988-08-23, 1988-08?, 1988-07~/1988-09~, 1367/06/01, ۱۳۶۷/۰۶/۰۱, Mordad 1367, ۶ مرداد ۱۳۶۷, 1988.');
    const forms = DATE_EXAMPLES.replace(/^Examples: /, '').replace(/\.$/, '').split(', ');
    expect(forms).toHaveLength(8);
    for (const form of forms) expect(parseHistoricalDate(form).ok, form).toBe(true);
  });

  it('refuses impossible and unreadable dates, quoting the input and saying why', () => {
    const cases: [string, string | null][] = [
      ['31/31/1988', 'write the year first'],
      ['23/08/1988', 'write the year first'],
      ['1367/13/01', 'month 13 does not exist'],
      ['1367/00', 'month 0 does not exist'],
      ['1367/12/31', 'Esfand 1367 has 29 days'],
      ['1367/12/30', 'Esfand 1367 has 29 days'],
      ['1367/07/31', 'Mehr 1367 has 30 days'],
      ['1367/05/00', 'day 0 does not exist'],
      ['32 Mordad 1367', 'Mordad 1367 has 31 days'],
      ['1988-02-30', 'February 1988 has 29 days'],
      ['1987-02-29', 'February 1987 has 28 days'],
      ['1988-13', 'month 13 does not exist'],
      ['1988-21', 'month 21 does not exist'],
      ['1988-02-30/1988-03-05', 'February 1988 has 29 days'],
      ['1988-09/1988-07', 'the end of the interval must come after its start'],
      ['1988-08-23/1988-08-23', 'the end of the interval must come after its start'],
      ['../..', 'at least one known end'],
      ['1988-08-23T10:00:00Z', 'time of day'],
      ['67/05/01', 'four digits'],
      ['19880823', 'separate the year, month and day'],
      ['1988/08/23', 'hyphens'],
      ['August 1988', 'not a Solar Hijri month name'],
      ['Mordad 1988', 'Mordad is a Solar Hijri month'],
      ['۱۹۸۸', 'Persian or Arabic digits'],
      ['۱۹۸۸-۰۸-۲۳', 'Persian or Arabic digits'],
      ['1367-05/1367-07', 'read as Solar Hijri'],
      ['0067/05/01', 'dates before 1500 CE are not accepted'],
      ['14XX', 'dates before 1500 CE are not accepted'],
      ['3000', 'dates after 2999 CE are not accepted'],
      ['yesterday', null],
      ['<script>', null],
      ['1988-21-01', 'month 21 does not exist'],
      ['2016?-02', null],
      ['{1988,1989}', null],
      ['1988 08 23', null],
      ['Mordad', null],
    ];
    for (const [text, reason] of cases) {
      const message = refusal(text);
      expect(message, text).toContain(`"${text}"`);
      expect(message.endsWith(DATE_EXAMPLES), text).toBe(true);
      if (reason) expect(message, text).toContain(reason);
      else expect(message, text).toBe(`Could not read "${text}" as a date. ${DATE_EXAMPLES}`);
    }
  });

  it('shortens long input, and keeps control and bidi characters out of the message', () => {
    const long = `1988-08-23 ${'x'.repeat(200)}`;
    const message = refusal(long);
    expect(message).toContain(`"1988-08-23 ${'x'.repeat(28)}…"`);
    expect(message).not.toContain('x'.repeat(29));
    expect(refusal('x'.repeat(5000))).toContain('too long');
    expect(refusal('1988\u202E-02-30\n')).not.toMatch(/[\u202E\n]/);
  });
});
