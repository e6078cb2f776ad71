/**
 * Historical dates (DESIGN.md §6): what every date field of a person or item stores, and the
 * functions that read typed text into it and describe it for display. Pure TypeScript with no
 * Node or browser APIs, so the same code runs in core, the CLI and the renderer.
 *
 * The work is split by subject: solar-hijri.ts (month names, Persian digits, conversion via
 * jalaali-js), edtf-reading.ts (bounds via the edtf library), parse-historical-date.ts and
 * describe-historical-date.ts.
 */

export type DateCalendar = 'gregorian' | 'solar-hijri';

export interface HistoricalDate {
  /** Exactly the text the user typed (not trimmed, not normalised). */
  original: string;
  /** The calendar the original was written in. */
  calendar: DateCalendar;
  /**
   * Library of Congress EDTF, always Gregorian: '1988-08-23', '1988-08?', '1988-07~/1988-09~',
   * '1988-07-23/1988-08-22', '1965', or with an open end '../1988-08'.
   */
  edtf: string;
  /** First possible day, 'YYYY-MM-DD'; OPEN_EARLIEST when the interval has an open or unknown start. */
  earliest: string;
  /** Last possible day, 'YYYY-MM-DD'; OPEN_LATEST when the interval has an open or unknown end. */
  latest: string;
}

export type DateParseResult = { ok: true; date: HistoricalDate } | { ok: false; message: string };

export { DATE_EXAMPLES, parseHistoricalDate } from './parse-historical-date';
export { describeHistoricalDate } from './describe-historical-date';
export { OPEN_EARLIEST, OPEN_LATEST } from './edtf-reading';
