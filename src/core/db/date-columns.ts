/**
 * How a historical date (DESIGN.md §6) is stored: `<x>_date` holds JSON with the original text, its calendar
 * and the EDTF; `<x>_earliest` and `<x>_latest` hold the interval's days, indexed for filtering and sorting.
 */
import type { DateCalendar, DateParseResult, HistoricalDate } from '../../shared/dates/historical-date';
import { parseHistoricalDate } from '../../shared/dates/historical-date';
import { CatalogueError } from '../../shared/errors';

export interface DateColumns {
  json: string | null;
  earliest: string | null;
  latest: string | null;
}

export function toDateColumns(date: HistoricalDate | null): DateColumns {
  if (!date) return { json: null, earliest: null, latest: null };
  return {
    json: JSON.stringify({ original: date.original, calendar: date.calendar, edtf: date.edtf }),
    earliest: date.earliest,
    latest: date.latest,
  };
}

export function fromDateColumns(json: string | null, earliest: string | null, latest: string | null): HistoricalDate | null {
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as { original?: unknown; calendar?: unknown; edtf?: unknown };
    const original = typeof parsed.original === 'string' ? parsed.original : '';
    return {
      original,
      calendar: (parsed.calendar === 'solar-hijri' ? 'solar-hijri' : 'gregorian') as DateCalendar,
      edtf: typeof parsed.edtf === 'string' ? parsed.edtf : original,
      earliest: earliest ?? '',
      latest: latest ?? '',
    };
  } catch {
    // A value written by hand outside Vigil: shown as it is rather than lost.
    return { original: json, calendar: 'gregorian', edtf: json, earliest: earliest ?? '', latest: latest ?? '' };
  }
}

/**
 * Reads a date as typed: null or blank text means no date; unreadable text is refused with the parser's
 * sentence (which quotes the input and shows examples), naming the field.
 */
export function readDate(text: string | null | undefined, field: string): HistoricalDate | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const parsed = parseDateText(text);
  if (!parsed.ok) throw new CatalogueError('INVALID_ARGUMENT', `${field}: ${parsed.message}`);
  return { ...parsed.date };
}

const PARSED_DATES_KEPT = 10_000;
const parsedDates = new Map<string, DateParseResult>();

/**
 * parseHistoricalDate, remembering the last few thousand texts read: reading EDTF costs about 0.1 ms a date,
 * and a list of 30,000 persons holds a few hundred distinct dates (a CSV import reads each row's dates twice).
 * Parsing depends on the text alone, so a remembered result is the same result; callers get their own copy.
 */
export function parseDateText(text: string): DateParseResult {
  let parsed = parsedDates.get(text);
  if (!parsed) {
    parsed = parseHistoricalDate(text);
    if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
    parsedDates.set(text, parsed);
  }
  return parsed.ok ? { ok: true, date: { ...parsed.date } } : parsed;
}
