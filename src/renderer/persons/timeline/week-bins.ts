/**
 * The timeline's weeks: known death dates binned by week, with uncertain dates kept as ranges (issue 8,
 * item 10). Pure arithmetic on 'YYYY-MM-DD' days in UTC, so it is tested in plain Node and gives the same
 * answer in every time zone.
 *
 * How uncertain dates are drawn, and why: a death recorded as a day (or any interval inside one week) is
 * counted in that week's bar. A death known only as a longer interval ("Mordad 1367", "1988-08?",
 * "1988-07~/1988-09~") is NOT spread over the weeks or put in any one of them: that would invent a precision
 * the sources do not have. It becomes a range, drawn once as a horizontal segment across every week it could
 * fall in, with the number of persons who share it. A week's `possible` count says how many persons of those
 * ranges could have died that week; it is what filtering the list by that week adds to the bar (the list
 * filter selects persons whose interval overlaps the week), so bar and list always agree.
 *
 * Intervals with an open end, or longer than `maxRangeDays` (a year, "1367"), are not drawn at all: a segment
 * over months of weeks says nothing and would stretch the axis. They are counted in `notDrawn`, and the chart
 * says how many there are.
 *
 * Weeks start on Saturday (شنبه), the first day of the week in Iran, where the records come from.
 */
import { OPEN_EARLIEST, OPEN_LATEST } from '../../../shared/dates/historical-date';
import type { PersonStats } from '../../../shared/dto';

const DAY_MS = 86_400_000;
/** getUTCDay() of the first day of a week: Saturday. */
export const WEEK_STARTS_ON = 6;
/** Longer intervals (more than about half a year) are counted but not drawn. */
export const MAX_DRAWN_RANGE_DAYS = 184;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day; NaN when it is not one. */
export function dayNumber(isoDay: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return Number.NaN;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // A day that does not exist (1988-02-30) rolls over in Date; refuse it rather than move it.
  if (date.getUTCDate() !== Number(match[3])) return Number.NaN;
  return Math.round(date.getTime() / DAY_MS);
}

export function isoDayOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  return isoDayOf(dayNumber(isoDay) + days);
}

/** The day number of the Saturday that starts the week `day` falls in. */
function weekStartDay(day: number): number {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
  return day - ((weekday - WEEK_STARTS_ON + 7) % 7);
}

/** The first day (a Saturday) of the week a day falls in. */
export function weekStart(isoDay: string): string {
  return isoDayOf(weekStartDay(dayNumber(isoDay)));
}

export interface WeekBin {
  /** Saturday. */
  start: string;
  /** Friday, the week's last day. */
  end: string;
  /** Persons whose death is known to within this week. */
  known: number;
  /** Persons whose death is known only as a longer range that includes (part of) this week. */
  possible: number;
}

export interface DeathRange {
  earliest: string;
  latest: string;
  count: number;
  /** Indexes into `weeks` of the first and last week the range touches. */
  firstWeek: number;
  lastWeek: number;
}

export interface DeathTimeline {
  /** Every week from the first to the last drawn date, empty weeks included, so the axis is true time. */
  weeks: WeekBin[];
  /** Longer intervals, one per distinct interval, in date order. */
  ranges: DeathRange[];
  /** Persons in the bars. */
  known: number;
  /** Persons in the ranges. */
  inRanges: number;
  /** Persons with a death interval open at one end, or longer than `maxRangeDays`: counted, not drawn. */
  notDrawn: number;
}

export function binDeathsByWeek(
  deaths: PersonStats['deaths'],
  { maxRangeDays = MAX_DRAWN_RANGE_DAYS }: { maxRangeDays?: number } = {},
): DeathTimeline {
  const exact = new Map<number, number>(); // week start day -> persons
  const longer = new Map<string, { earliest: string; latest: string; first: number; last: number; count: number }>();
  let notDrawn = 0;
  let firstWeek = Number.POSITIVE_INFINITY;
  let lastWeek = Number.NEGATIVE_INFINITY;

  for (const death of deaths) {
    if (death.count <= 0) continue;
    const from = dayNumber(death.earliest);
    const to = dayNumber(death.latest);
    const open = death.earliest <= OPEN_EARLIEST || death.latest >= OPEN_LATEST;
    if (open || Number.isNaN(from) || Number.isNaN(to) || to < from || to - from + 1 > maxRangeDays) {
      notDrawn += death.count;
      continue;
    }
    const first = weekStartDay(from);
    const last = weekStartDay(to);
    firstWeek = Math.min(firstWeek, first);
    lastWeek = Math.max(lastWeek, last);
    if (first === last) {
      exact.set(first, (exact.get(first) ?? 0) + death.count);
    } else {
      const key = `${death.earliest}/${death.latest}`;
      const range = longer.get(key) ?? { earliest: death.earliest, latest: death.latest, first, last, count: 0 };
      range.count += death.count;
      longer.set(key, range);
    }
  }

  if (firstWeek > lastWeek) return { weeks: [], ranges: [], known: 0, inRanges: 0, notDrawn };

  const weeks: WeekBin[] = [];
  for (let day = firstWeek; day <= lastWeek; day += 7) {
    weeks.push({ start: isoDayOf(day), end: isoDayOf(day + 6), known: exact.get(day) ?? 0, possible: 0 });
  }
  const indexOf = (weekDay: number) => (weekDay - firstWeek) / 7;
  const ranges: DeathRange[] = [...longer.values()]
    .map((r) => ({ earliest: r.earliest, latest: r.latest, count: r.count, firstWeek: indexOf(r.first), lastWeek: indexOf(r.last) }))
    .sort((a, b) => a.earliest.localeCompare(b.earliest) || a.latest.localeCompare(b.latest));
  for (const range of ranges) {
    for (let i = range.firstWeek; i <= range.lastWeek; i += 1) weeks[i]!.possible += range.count;
  }
  return {
    weeks,
    ranges,
    known: weeks.reduce((n, w) => n + w.known, 0),
    inRanges: ranges.reduce((n, r) => n + r.count, 0),
    notDrawn,
  };
}

/**
 * Where a day falls along the weeks, from 0 (the first week's Saturday) to 1 (the end of the last week's
 * Friday): ranges are drawn to the day, not rounded out to whole weeks.
 */
export function dayPosition(weeks: readonly WeekBin[], isoDay: string, edge: 'start' | 'end'): number {
  const first = weeks[0];
  if (!first) return 0;
  const offset = dayNumber(isoDay) - dayNumber(first.start) + (edge === 'end' ? 1 : 0);
  return Math.min(1, Math.max(0, offset / (weeks.length * 7)));
}
