import { describe, expect, it } from 'vitest';
import { parseHistoricalDate } from '../../../src/shared/dates/historical-date';
import { binDeathsByWeek, dayPosition, weekStart } from '../../../src/renderer/persons/timeline/week-bins';

/** A death interval as personStats returns it, read from text the way an archivist types it. */
function death(text: string, count = 1) {
  const parsed = parseHistoricalDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { earliest: parsed.date.earliest, latest: parsed.date.latest, count };
}

describe('weekStart', () => {
  it('starts weeks on Saturday', () => {
    // 1988-08-20 was a Saturday, 1988-08-26 the Friday after it.
    for (const day of ['1988-08-20', '1988-08-21', '1988-08-23', '1988-08-26']) expect(weekStart(day)).toBe('1988-08-20');
    expect(weekStart('1988-08-27')).toBe('1988-08-27');
    expect(weekStart('1988-08-19')).toBe('1988-08-13');
  });
});

describe('binDeathsByWeek', () => {
  it('counts an exact date in its week, as known', () => {
    const timeline = binDeathsByWeek([death('1988-08-23', 3)]);
    expect(timeline.weeks).toEqual([{ start: '1988-08-20', end: '1988-08-26', known: 3, possible: 0 }]);
    expect(timeline.ranges).toEqual([]);
    expect(timeline.known).toBe(3);
  });

  it('keeps a month-long interval as one range over the 5 weeks it spans, never as known deaths', () => {
    // August 1988: Monday 1 Aug to Wednesday 31 Aug, in the weeks of Saturday 30 Jul to Saturday 27 Aug.
    const timeline = binDeathsByWeek([death('1988-08', 7)]);
    expect(timeline.weeks.map((w) => w.start)).toEqual(['1988-07-30', '1988-08-06', '1988-08-13', '1988-08-20', '1988-08-27']);
    expect(timeline.weeks.every((w) => w.known === 0 && w.possible === 7)).toBe(true);
    expect(timeline.ranges).toEqual([{ earliest: '1988-08-01', latest: '1988-08-31', count: 7, firstWeek: 0, lastWeek: 4 }]);
    expect(timeline.known).toBe(0);
    expect(timeline.inRanges).toBe(7);
  });

  it("reads 'Mordad 1367' as the range 23 Jul – 22 Aug 1988, five weeks from Saturday 23 Jul", () => {
    const timeline = binDeathsByWeek([death('Mordad 1367', 104)]);
    expect(timeline.ranges).toEqual([{ earliest: '1988-07-23', latest: '1988-08-22', count: 104, firstWeek: 0, lastWeek: 4 }]);
    expect(timeline.weeks[0]).toEqual({ start: '1988-07-23', end: '1988-07-29', known: 0, possible: 104 });
    expect(timeline.weeks.at(-1)).toEqual({ start: '1988-08-20', end: '1988-08-26', known: 0, possible: 104 });
    // The range is drawn to the day: from the first day of the first week to Monday 22 Aug of the last.
    expect(dayPosition(timeline.weeks, '1988-07-23', 'start')).toBe(0);
    expect(dayPosition(timeline.weeks, '1988-08-22', 'end')).toBeCloseTo(31 / 35);
  });

  it('keeps exact dates and ranges apart, and every week between them on the axis', () => {
    const timeline = binDeathsByWeek([death('1988-07-27', 2), death('1367/05/08'), death('Shahrivar 1367', 5), death('1988-09-06')]);
    // 1367/05/08 is 30 Jul 1988; Shahrivar 1367 is 23 Aug – 22 Sep 1988.
    expect(timeline.weeks[0]).toMatchObject({ start: '1988-07-23', known: 2, possible: 0 });
    expect(timeline.weeks[1]).toMatchObject({ start: '1988-07-30', known: 1, possible: 0 });
    expect(timeline.weeks.map((w) => w.start)).toContain('1988-08-06');
    const sept = timeline.weeks.find((w) => w.start === '1988-09-03');
    expect(sept).toMatchObject({ known: 1, possible: 5 });
    expect(timeline.ranges).toHaveLength(1);
    expect(timeline.known + timeline.inRanges).toBe(9);
  });

  it('does not draw open-ended or very wide intervals, but counts them', () => {
    const timeline = binDeathsByWeek([death('1988'), death('../1988-08'), death('1988-08-23')]);
    expect(timeline.notDrawn).toBe(2);
    expect(timeline.weeks).toHaveLength(1);
  });

  it('has no weeks when nothing can be drawn', () => {
    expect(binDeathsByWeek([]).weeks).toEqual([]);
    expect(binDeathsByWeek([death('1367', 4)])).toMatchObject({ weeks: [], notDrawn: 4 });
  });
});
