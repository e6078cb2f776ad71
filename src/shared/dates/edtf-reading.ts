/**
 * Reading an EDTF string with the edtf library into what Vigil stores and shows: its earliest and
 * latest days and, per end, the span it covers and its qualifiers. The parser uses this for typed
 * EDTF and for the EDTF it builds from Solar Hijri input, so both get their bounds the same way;
 * the display code uses it to describe a stored value.
 */
import edtf, { parse, type EdtfDate, type EdtfInterval, type IntervalEndpoint, type ParseConstraints } from 'edtf';
import { isoDayFromEpochMs } from './iso-day';

/**
 * Single dates and intervals at EDTF levels 0 and 1. Not accepted: level 2 (partial qualifiers such
 * as '1988?-08', sets, lists), and seasons ('1988-21'), whose months depend on the hemisphere and
 * do not match the Iranian seasons, so they would give misleading bounds.
 */
const ACCEPTED: ParseConstraints = { level: 1, types: ['Date', 'Interval'] };

/**
 * Bounds recorded for an open ('../1988-08') or unknown ('/1988-08') end of an interval: the
 * smallest and largest 'YYYY-MM-DD' values, so string comparison and sorting still work and a
 * range filter treats the open side as unbounded. Real dates stay between 1500 and 2999 (see
 * parse-historical-date.ts), so these never collide with a real day.
 */
export const OPEN_EARLIEST = '0001-01-01';
export const OPEN_LATEST = '9999-12-31';

export interface QualifiedSpan {
  kind: 'date';
  earliest: string;
  latest: string;
  uncertain: boolean;
  approximate: boolean;
}

/** One end of an interval (or the whole of a single date). */
export type EdtfEnd = QualifiedSpan | { kind: 'open' } | { kind: 'unknown' };

export interface EdtfReading {
  /** edtf's normalised string for the input. */
  edtf: string;
  earliest: string;
  latest: string;
  /** true for a single date; then start and end are the same span. */
  single: boolean;
  start: EdtfEnd;
  end: EdtfEnd;
}

export type EdtfReadResult = { ok: true; reading: EdtfReading } | { ok: false; reason: string | null };

export function readEdtf(text: string): EdtfReadResult {
  let value;
  let type;
  try {
    // parse() first: edtf('19880823') would otherwise read the digits as epoch milliseconds.
    const parsed = parse(text, ACCEPTED);
    // The kind comes from the parser's result, not from `value.type`: edtf derives that from the class's
    // name, which bundlers rename (its Date class clashes with the global Date and becomes `_Date` or
    // `Date$1`), so in a built renderer every single date was refused.
    type = parsed.type;
    value = edtf(parsed);
  } catch (error) {
    // The Interval constructor refuses an end that is not after its start; other errors are syntax.
    const ordering = error instanceof RangeError && /invalid (upper|lower) bound/.test(error.message);
    return { ok: false, reason: ordering ? 'the end of the interval must come after its start' : null };
  }

  if (type === 'Date') {
    const span = spanOf(value as EdtfDate);
    if (!span) return { ok: false, reason: TIME_OF_DAY };
    return { ok: true, reading: { edtf: value.edtf, earliest: span.earliest, latest: span.latest, single: true, start: span, end: span } };
  }
  if (type !== 'Interval') return { ok: false, reason: null };
  const interval = value as EdtfInterval;

  const start = endOf(interval.lower);
  const end = endOf(interval.upper);
  if (!start || !end) return { ok: false, reason: TIME_OF_DAY };
  if (start.kind !== 'date' && end.kind !== 'date') return { ok: false, reason: 'an interval needs at least one known end' };
  return {
    ok: true,
    reading: {
      edtf: interval.edtf,
      earliest: start.kind === 'date' ? start.earliest : OPEN_EARLIEST,
      latest: end.kind === 'date' ? end.latest : OPEN_LATEST,
      single: false,
      start,
      end,
    },
  };
}

const TIME_OF_DAY = 'a time of day cannot be recorded here, only the day';

function endOf(endpoint: IntervalEndpoint): EdtfEnd | null {
  if (endpoint === null) return { kind: 'unknown' };
  if (typeof endpoint === 'number') return { kind: 'open' };
  return spanOf(endpoint);
}

/** The UTC days a date covers, or null for a timestamp (precision 0: it carries a time of day). */
function spanOf(date: EdtfDate): QualifiedSpan | null {
  if (date.precision === 0) return null;
  return {
    kind: 'date',
    earliest: isoDayFromEpochMs(date.min),
    latest: isoDayFromEpochMs(date.max),
    uncertain: date.uncertain.value !== 0,
    approximate: date.approximate.value !== 0,
  };
}
