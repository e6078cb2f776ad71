import { describeHistoricalDate, type HistoricalDate } from '../../shared/dates/historical-date';

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** File sizes in the units a file manager shows. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The day part of an RFC 3339 timestamp, or the text as it came when it is not one. */
export function formatDay(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(timestamp) ? timestamp.slice(0, 10) : timestamp;
}

export function capitalise(word: string): string {
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

const MB = 1024 * 1024;

/** Megabytes with one decimal, for progress ("12.5 MB"). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A rate per second with one decimal, or two for small values ("0.25 files/s"). */
export function formatRate(perSecond: number, unit: string): string {
  return `${perSecond >= 10 || perSecond === 0 ? perSecond.toFixed(1) : perSecond.toPrecision(2)} ${unit}/s`;
}

export function formatMegabytesPerSecond(bytesPerSecond: number): string {
  return formatRate(bytesPerSecond / MB, 'MB');
}

/** A rough duration for "time left": seconds under a minute, minutes under an hour, then hours and minutes. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * An RFC 3339 UTC timestamp as "2026-01-02 10:00:00 UTC", from its own digits: it is never converted
 * through a Date, so it shows exactly the instant recorded, in UTC.
 */
export function formatUtc(timestamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]00:?00)$/i.exec(timestamp);
  return match ? `${match[1]} ${match[2]} UTC` : timestamp;
}

/**
 * A historical date in both calendars (DESIGN.md §6), "23 Jul – 22 Aug 1988 · Mordad 1367"; once when the two
 * read the same (a stored value shown as it was typed). Null for no date.
 */
export function formatHistoricalDate(date: HistoricalDate | null): string | null {
  if (!date) return null;
  const { gregorian, solarHijri } = describeHistoricalDate(date);
  return gregorian === solarHijri ? gregorian : `${gregorian} · ${solarHijri}`;
}
