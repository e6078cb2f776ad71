/**
 * English display text for a stored historical date, in both calendars, from its EDTF.
 *
 * Each span is written at the coarsest unit it exactly fills in that calendar, so the same value
 * reads naturally in both: Mordad 1367 (1988-07-23/1988-08-22) is "23 Jul – 22 Aug 1988" and
 * "Mordad 1367"; 1988-08 is "Aug 1988" and "10 Mordad – 9 Shahrivar 1367". Month names are
 * fixed English/Latin tables and conversion is arithmetic, so the text does not depend on the
 * time zone or on the ICU version (a Persian interface comes later).
 */
import { readEdtf, type EdtfReading, type QualifiedSpan } from './edtf-reading';
import type { HistoricalDate } from './historical-date';
import { GREGORIAN_MONTH_ABBREVIATIONS, gregorianMonthLength, monthNameIn, parseIsoDay, type DayParts } from './iso-day';
import { gregorianToSolarHijri, SOLAR_HIJRI_MONTH_NAMES, solarHijriMonthLength } from './solar-hijri';

interface DisplayCalendar {
  /** The day in this calendar of a Gregorian 'YYYY-MM-DD' day known to be valid. */
  dayOf(isoDay: string): DayParts;
  monthLength(year: number, month: number): number;
  monthName(month: number): string;
}

const GREGORIAN: DisplayCalendar = {
  dayOf: (isoDay) => validDay(isoDay),
  monthLength: gregorianMonthLength,
  monthName: (month) => monthNameIn(GREGORIAN_MONTH_ABBREVIATIONS, month),
};

const SOLAR_HIJRI: DisplayCalendar = {
  dayOf: (isoDay) => gregorianToSolarHijri(validDay(isoDay)),
  monthLength: solarHijriMonthLength,
  monthName: (month) => monthNameIn(SOLAR_HIJRI_MONTH_NAMES, month),
};

const DASH = ' – ';

export function describeHistoricalDate(date: HistoricalDate): { gregorian: string; solarHijri: string } {
  try {
    const reading = describableReading(date);
    if (reading) return { gregorian: describeIn(GREGORIAN, reading), solarHijri: describeIn(SOLAR_HIJRI, reading) };
  } catch {
    // Out-of-range stored values (the parser never produces them) fall through to the plain text.
  }
  const text = date.original.trim() || date.edtf;
  return { gregorian: text, solarHijri: text };
}

/**
 * The EDTF read back, or, for a stored value whose EDTF no longer reads (hand-edited data), the
 * plain earliest–latest span without qualifiers.
 */
function describableReading(date: HistoricalDate): EdtfReading | null {
  const result = readEdtf(date.edtf);
  if (result.ok) return result.reading;
  if (!parseIsoDay(date.earliest) || !parseIsoDay(date.latest) || date.earliest > date.latest) return null;
  const span: QualifiedSpan = { kind: 'date', earliest: date.earliest, latest: date.latest, uncertain: false, approximate: false };
  return { edtf: date.edtf, earliest: date.earliest, latest: date.latest, single: true, start: span, end: span };
}

function describeIn(calendar: DisplayCalendar, reading: EdtfReading): string {
  const { start, end } = reading;
  if (start.kind === 'date' && end.kind === 'date') {
    if (reading.single || sameQualifiers(start, end)) return qualify(formatSpan(calendar, start.earliest, end.latest).text, start);
    // Ends qualified differently: each end on its own, joined by "to" to keep the dashes unambiguous.
    return `${qualify(formatSpan(calendar, start.earliest, start.latest).text, start)} to ${qualify(formatSpan(calendar, end.earliest, end.latest).text, end)}`;
  }
  if (end.kind === 'date') return `until ${qualify(boundText(calendar, end, 'latest'), end)}${start.kind === 'unknown' ? ' (start unknown)' : ''}`;
  if (start.kind === 'date') return `from ${qualify(boundText(calendar, start, 'earliest'), start)}${end.kind === 'unknown' ? ' (end unknown)' : ''}`;
  return reading.edtf;
}

function sameQualifiers(a: QualifiedSpan, b: QualifiedSpan): boolean {
  return a.uncertain === b.uncertain && a.approximate === b.approximate;
}

/** "about" for approximate (~), "(uncertain)" for uncertain (?); % is both. */
function qualify(text: string, flags: QualifiedSpan): string {
  return `${flags.approximate ? 'about ' : ''}${text}${flags.uncertain ? ' (uncertain)' : ''}`;
}

/**
 * The known end of a half-open interval: the span if it is one unit (until Aug 1988), otherwise
 * its relevant day (until 9 Shahrivar 1367 rather than "until 10 Mordad – 9 Shahrivar 1367").
 */
function boundText(calendar: DisplayCalendar, span: QualifiedSpan, side: 'earliest' | 'latest'): string {
  const whole = formatSpan(calendar, span.earliest, span.latest);
  return whole.oneUnit ? whole.text : formatSpan(calendar, span[side], span[side]).text;
}

/** A span of days at the coarsest unit (years, months, days) whose boundaries it falls on. */
function formatSpan(calendar: DisplayCalendar, firstDay: string, lastDay: string): { text: string; oneUnit: boolean } {
  const a = calendar.dayOf(firstDay);
  const b = calendar.dayOf(lastDay);
  const name = (day: DayParts): string => calendar.monthName(day.month);
  const startsMonth = a.day === 1;
  const endsMonth = b.day === calendar.monthLength(b.year, b.month);

  if (startsMonth && endsMonth && a.month === 1 && b.month === 12) {
    return a.year === b.year ? { text: `${a.year}`, oneUnit: true } : { text: `${a.year}${DASH}${b.year}`, oneUnit: false };
  }
  if (startsMonth && endsMonth) {
    if (a.year !== b.year) return { text: `${name(a)} ${a.year}${DASH}${name(b)} ${b.year}`, oneUnit: false };
    if (a.month === b.month) return { text: `${name(b)} ${b.year}`, oneUnit: true };
    return { text: `${name(a)}${DASH}${name(b)} ${b.year}`, oneUnit: false };
  }
  if (a.year !== b.year) return { text: `${a.day} ${name(a)} ${a.year}${DASH}${b.day} ${name(b)} ${b.year}`, oneUnit: false };
  if (a.month !== b.month) return { text: `${a.day} ${name(a)}${DASH}${b.day} ${name(b)} ${b.year}`, oneUnit: false };
  if (a.day !== b.day) return { text: `${a.day}${DASH}${b.day} ${name(b)} ${b.year}`, oneUnit: false };
  return { text: `${b.day} ${name(b)} ${b.year}`, oneUnit: true };
}

function validDay(isoDay: string): DayParts {
  const parts = parseIsoDay(isoDay);
  if (!parts) throw new RangeError(`not a day: ${isoDay}`);
  return parts;
}
