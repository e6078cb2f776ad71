/**
 * Reading a historical date as an archivist types it: ISO/EDTF (Gregorian) or Solar Hijri with
 * Latin or Persian digits and month names. Every accepted form becomes Gregorian EDTF plus its
 * earliest and latest day; anything doubtful is refused with a reason rather than guessed at, so a
 * value is never silently changed.
 *
 * Which calendar a number is in: a year of 1500 or later written in Latin digits is Gregorian; a
 * year below 1500, or one written in Persian/Arabic digits, is Solar Hijri. This catalogue's people
 * were born after 1900 and its documents are modern, so no Gregorian year below 1500 is plausible,
 * while Solar Hijri years of the period are around 1280–1400. A Persian-digit year of 1500 or more
 * would be a Solar Hijri year after 2120 CE, so it is refused rather than read either way.
 */
import { readEdtf, type EdtfReading } from './edtf-reading';
import type { DateCalendar, DateParseResult } from './historical-date';
import { GREGORIAN_MONTH_NAMES, gregorianMonthLength, monthNameIn } from './iso-day';
import {
  foldDateText,
  hasEasternDigits,
  isValidSolarHijriDate,
  solarHijriMonthFromName,
  solarHijriMonthLength,
  solarHijriMonthName,
  solarHijriToIsoDay,
} from './solar-hijri';

/** One short sentence listing the accepted forms; every refusal ends with it. */
export const DATE_EXAMPLES =
  'Examples: 1988-08-23, 1988-08?, 1988-07~/1988-09~, 1367/06/01, ۱۳۶۷/۰۶/۰۱, Mordad 1367, ۶ مرداد ۱۳۶۷, 1988.';

/** Below this a year is Solar Hijri (see the comment at the top). */
const FIRST_GREGORIAN_YEAR = 1500;
/**
 * Accepted dates lie in Gregorian years 1500–2999. The lower limit follows from the calendar rule;
 * the upper one keeps every date convertible to Solar Hijri for display and well clear of the
 * OPEN_LATEST bound used for open interval ends.
 */
const LAST_GREGORIAN_YEAR = 2999;

/** The longest accepted form is about 25 characters; anything far longer is not a date. */
const MAX_FOLDED_LENGTH = 100;
const MAX_RAW_LENGTH = 1000;
/** How much of a refused input the message quotes. */
const QUOTE_LENGTH = 40;

type Reading = { ok: true; calendar: DateCalendar; reading: EdtfReading } | { ok: false; reason: string | null };

export function parseHistoricalDate(text: string): DateParseResult {
  const folded = text.length > MAX_RAW_LENGTH ? null : foldDateText(text);
  // Callers treat blank text as "no date" before calling; if it does arrive, ask for a date.
  if (folded === '' || text.trim() === '') return { ok: false, message: `Enter a date. ${DATE_EXAMPLES}` };

  const result =
    folded === null || folded.length > MAX_FOLDED_LENGTH
      ? refuse('it is too long to be a date')
      : (readNumeric(folded, hasEasternDigits(text)) ?? readMonthName(folded) ?? readTypedEdtf(text));
  if (!result.ok) return { ok: false, message: refusalMessage(text, result.reason) };

  const { calendar, reading } = result;
  return { ok: true, date: { original: text, calendar, edtf: reading.edtf, earliest: reading.earliest, latest: reading.latest } };
}

function refuse(reason: string | null): Reading {
  return { ok: false, reason };
}

/**
 * Year[-month[-day]] with '/', '-' or '.' between the parts and an optional EDTF qualifier:
 * 1367/06/01, 1367-6-1, 1367/05?, 1367, 1988-08-23, 1988-8, 1988~. Returns null for other shapes.
 */
function readNumeric(folded: string, easternDigits: boolean): Reading | null {
  if (/^\d{1,2}([/.-])\d{1,2}\1\d{4}$/.test(folded)) {
    // 23/08/1988 could be day-month or month-day; do not guess.
    return refuse('write the year first, as in 1988-08-23 or 1367/06/01');
  }
  const match = /^(\d+)(?:([/.-])(\d{1,2})(?:\2(\d{1,2}))?)?(?: ?([?~%]))?$/.exec(folded);
  if (!match) return null;
  const [, yearText = '', separator, monthText, dayText, qualifier = ''] = match;
  if (yearText.length > 4) return refuse('separate the year, month and day, as in 1988-08-23');
  if (yearText.length < 4) return refuse('write the year with four digits');

  const year = Number(yearText);
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);

  if (easternDigits && year >= FIRST_GREGORIAN_YEAR) {
    return refuse(`Persian or Arabic digits mark a Solar Hijri date, and Solar Hijri years here are below ${FIRST_GREGORIAN_YEAR}`);
  }
  if (year < FIRST_GREGORIAN_YEAR) return readSolarHijri(year, month, day, qualifier);

  // Gregorian: EDTF writes it with hyphens; '/' would make it look like an interval.
  if (separator !== undefined && separator !== '-') return refuse('a Gregorian date is written with hyphens, as in 1988-08-23');
  const problem = gregorianDayProblem(year, month, day);
  if (problem) return refuse(problem);
  // Padding 1988-8-1 to 1988-08-01 (and dropping a space before ?~%) is the only change made to typed Gregorian text.
  const edtfText = [String(year), month, day]
    .filter((part) => part !== undefined)
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  return readGregorianEdtf(edtfText + qualifier);
}

/** Month name with a year and optionally a day: Mordad 1367, 22 Mordad 1367, Mordad 22, 1367, ۶ مرداد ۱۳۶۷. */
function readMonthName(folded: string): Reading | null {
  const qualified = / ?([?~%])$/.exec(folded);
  const qualifier = qualified?.[1] ?? '';
  const body = (qualified ? folded.slice(0, qualified.index) : folded)
    .replace(/,/g, ' ')
    // ۶مرداد۱۳۶۷ and Mordad1367: split digits from letters.
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/ +/g, ' ')
    .trim();
  const match = /^(?:(\d+) )?(\p{L}[\p{L} ]*?) (?:(\d+) )?(\d+)$/u.exec(body);
  if (!match) return null;
  const [, dayBefore, word = '', dayAfter, yearText = ''] = match;
  if (dayBefore !== undefined && dayAfter !== undefined) return null;

  const month = solarHijriMonthFromName(word);
  if (month === null) return refuse('that is not a Solar Hijri month name (a Gregorian date is written like 1988-08-23)');
  if (yearText.length !== 4) return refuse('write the year with four digits');
  const year = Number(yearText);
  if (year >= FIRST_GREGORIAN_YEAR) {
    return refuse(`${solarHijriMonthName(month)} is a Solar Hijri month, so the year must be a Solar Hijri year such as 1367`);
  }
  const dayText = dayBefore ?? dayAfter;
  return readSolarHijri(year, month, dayText === undefined ? undefined : Number(dayText), qualifier);
}

/**
 * A Solar Hijri year, month or day as Gregorian EDTF: a day is one Gregorian day; a month or year
 * is the interval of its first and last days (Mordad 1367 → 1988-07-23/1988-08-22), with a
 * qualifier, if typed, on both ends so earliest and latest stay the same.
 */
function readSolarHijri(year: number, month: number | undefined, day: number | undefined, qualifier: string): Reading {
  if (month !== undefined && (month < 1 || month > 12)) return refuse(`month ${month} does not exist`);
  if (day !== undefined) {
    if (day < 1) return refuse('day 0 does not exist');
    const m = month ?? 1;
    if (!isValidSolarHijriDate(year, m, day)) {
      return refuse(`${solarHijriMonthName(m)} ${year} has ${solarHijriMonthLength(year, m)} days`);
    }
  }
  const lastMonth = month ?? 12;
  const first = solarHijriToIsoDay(year, month ?? 1, day ?? 1);
  const last = day !== undefined ? first : solarHijriToIsoDay(year, lastMonth, solarHijriMonthLength(year, lastMonth));
  const edtfText = first === last ? first + qualifier : `${first}${qualifier}/${last}${qualifier}`;

  const result = readEdtf(edtfText);
  if (!result.ok) return refuse(result.reason);
  const outside = outsideAcceptedYears(result.reading);
  return outside ? refuse(outside) : { ok: true, calendar: 'solar-hijri', reading: result.reading };
}

/** Anything not matched above: EDTF, which is always Gregorian. */
function readTypedEdtf(text: string): Reading {
  // Only invisible characters (e.g. bidi marks pasted from Persian text) and surrounding spaces are dropped.
  const cleaned = text.replace(/\p{Cf}/gu, '').trim();
  if (hasEasternDigits(cleaned)) {
    return refuse('Persian and Arabic digits are read as a Solar Hijri day, month or year, as in ۱۳۶۷/۰۶/۰۱');
  }
  if (!/^[\x21-\x7E]+$/.test(cleaned)) return refuse(null);
  const yearsBelowLimit = cleaned.split('/').some((side) => /^\d{4}/.test(side) && Number(side.slice(0, 4)) < FIRST_GREGORIAN_YEAR);
  if (yearsBelowLimit) {
    return refuse(`a year below ${FIRST_GREGORIAN_YEAR} is read as Solar Hijri, which is entered as a single day, month or year`);
  }
  return readGregorianEdtf(cleaned);
}

function readGregorianEdtf(edtfText: string): Reading {
  const result = readEdtf(edtfText);
  if (!result.ok) return refuse(result.reason ?? explainEdtfFailure(edtfText));
  const outside = outsideAcceptedYears(result.reading);
  if (outside) return refuse(outside);
  // Keep the text as typed rather than edtf's re-serialisation of it.
  return { ok: true, calendar: 'gregorian', reading: { ...result.reading, edtf: edtfText } };
}

/** Why an EDTF-looking text was refused, when one side is a plain date with an impossible month or day. */
function explainEdtfFailure(edtfText: string): string | null {
  for (const side of edtfText.split('/')) {
    const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?[?~%]?$/.exec(side);
    if (!match) continue;
    const problem = gregorianDayProblem(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
    if (problem) return problem;
  }
  return null;
}

function gregorianDayProblem(year: number, month: number | undefined, day: number | undefined): string | null {
  if (month === undefined) return null;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day === undefined) return null;
  if (day < 1) return 'day 0 does not exist';
  const length = gregorianMonthLength(year, month);
  return day > length ? `${monthNameIn(GREGORIAN_MONTH_NAMES, month)} ${year} has ${length} days` : null;
}

function outsideAcceptedYears(reading: EdtfReading): string | null {
  const yearOf = (isoDay: string): number => Number(isoDay.slice(0, 4));
  // Each known end on its own: '../14XX' has an open start but a known end before 1500.
  for (const end of [reading.start, reading.end]) {
    if (end.kind !== 'date') continue;
    if (yearOf(end.earliest) < FIRST_GREGORIAN_YEAR) return `dates before ${FIRST_GREGORIAN_YEAR} CE are not accepted`;
    if (yearOf(end.latest) > LAST_GREGORIAN_YEAR) return `dates after ${LAST_GREGORIAN_YEAR} CE are not accepted`;
  }
  return null;
}

/** One sentence: the (shortened) input, the reason if known, then the examples. */
function refusalMessage(text: string, reason: string | null): string {
  return `Could not read "${quote(text)}" as a date${reason ? `: ${reason}` : ''}. ${DATE_EXAMPLES}`;
}

/** The input as it can safely appear in a message: one line, no bidi controls, at most QUOTE_LENGTH characters. */
function quote(text: string): string {
  const oneLine = text.replace(/\p{Cf}/gu, '').replace(/[\p{Cc}\s]+/gu, ' ').trim();
  const characters = [...oneLine];
  return characters.length > QUOTE_LENGTH ? `${characters.slice(0, QUOTE_LENGTH - 1).join('')}…` : oneLine;
}
