/**
 * Gregorian calendar days as 'YYYY-MM-DD' strings, the form earliest/latest are stored in (they sort
 * and compare correctly as plain strings). Everything here is UTC or pure arithmetic, so results do
 * not depend on the machine's time zone.
 */

export interface DayParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/**
 * English month names for display and messages. Written out rather than taken from Intl because
 * ICU versions disagree (Node 20's en-GB says 'Sept', other builds 'Sep'), and display must be
 * the same in Node and in the Electron renderer.
 */
export const GREGORIAN_MONTH_ABBREVIATIONS = [
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
] as const;

export const GREGORIAN_MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Name of month 1–12 in a table of twelve (callers have range-checked the month). */
export function monthNameIn(table: readonly string[], month: number): string {
  return table[month - 1] ?? String(month);
}

export function formatIsoDay({ year, month, day }: DayParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC day an epoch-millisecond instant falls on (edtf's min/max are UTC instants). */
export function isoDayFromEpochMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseIsoDay(iso: string): DayParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > gregorianMonthLength(parts.year, parts.month)) {
    return null;
  }
  return parts;
}

/** Days in a Gregorian month (the JavaScript Date, in UTC, knows the leap-year rule). */
export function gregorianMonthLength(year: number, month: number): number {
  const date = new Date(0);
  // Day 0 of the next month is the last day of this one; setUTCFullYear avoids Date.UTC's 0–99 → 1900s quirk.
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
