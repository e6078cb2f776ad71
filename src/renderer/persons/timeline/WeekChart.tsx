import { useRef, useState, type KeyboardEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, usePlotArea } from 'recharts';
import { GREGORIAN_MONTH_ABBREVIATIONS, monthNameIn, parseIsoDay } from '../../../shared/dates/iso-day';
import { gregorianToSolarHijri, SOLAR_HIJRI_MONTH_NAMES } from '../../../shared/dates/solar-hijri';
import { formatNumber } from '../../ui/format';
import { describeSpan } from './span-label';
import { useElementWidth } from './use-element-width';
import { dayPosition, type DeathRange, type DeathTimeline, type WeekBin } from './week-bins';

/** The plot's own height (the bars); the axis and the range lanes are added below it. */
const BAR_AREA = 120;
const TOP = 10;
const AXIS_HEIGHT = 36;
const LANE = 16;
/** At most this many ranges get a lane of their own; the rest are in the table. */
export const MAX_LANES = 8;
/** Narrower than this per week and the chart scrolls sideways rather than squeezing the bars. */
const MIN_WEEK_PX = 9;
const MIN_LABEL_PX = 70;
const Y_AXIS_WIDTH = 40;
const RIGHT = 16;
/** What the chart is drawn at when nothing can be measured (tests: happy-dom does no layout). */
const FALLBACK_WIDTH = 640;

export interface WeekSelection {
  from: string;
  to: string;
}

/** The ranges that get a lane: the largest, shown in date order. */
export function laneRanges(ranges: readonly DeathRange[]): DeathRange[] {
  const largest = [...ranges].sort((a, b) => b.count - a.count || a.earliest.localeCompare(b.earliest)).slice(0, MAX_LANES);
  return ranges.filter((r) => largest.includes(r));
}

export function weekLabel(week: WeekBin): string {
  return `Week of ${describeSpan(week.start, week.end).both}`;
}

export function weekDescription(week: WeekBin): string {
  const known = `${formatNumber(week.known)} known to the week`;
  const possible = week.possible > 0 ? `, ${formatNumber(week.possible)} possibly (a longer range includes this week)` : '';
  return `${weekLabel(week)}: ${known}${possible}`;
}

export function rangeDescription(range: DeathRange): string {
  return `${formatNumber(range.count)} ${range.count === 1 ? 'person' : 'persons'} with a death date known only as ${describeSpan(range.earliest, range.latest).both}`;
}

/** Two lines under a week: the Gregorian day and month, and the Solar Hijri ones (the year on the first). */
function WeekTick({ x, y, payload, withYear }: { x?: number; y?: number; payload?: { value: string; index: number }; withYear(index: number): boolean }) {
  const day = payload ? parseIsoDay(payload.value) : null;
  if (!day || x === undefined || y === undefined || !payload) return null;
  const sh = gregorianToSolarHijri(day);
  const year = withYear(payload.index);
  return (
    <text x={x} y={y} textAnchor="middle" className="week-tick">
      <tspan x={x} dy="0.9em">
        {`${day.day} ${monthNameIn(GREGORIAN_MONTH_ABBREVIATIONS, day.month)}${year ? ` ${day.year}` : ''}`}
      </tspan>
      <tspan x={x} dy="1.25em" className="week-tick-sh">
        {`${sh.day} ${monthNameIn(SOLAR_HIJRI_MONTH_NAMES, sh.month)}${year ? ` ${sh.year}` : ''}`}
      </tspan>
    </text>
  );
}

function WeekTooltip({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: WeekBin }> }) {
  const week = payload?.[0]?.payload;
  if (!active || !week) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{weekLabel(week)}</p>
      <p>{formatNumber(week.known)} known to the week</p>
      {week.possible > 0 && <p className="muted">{formatNumber(week.possible)} possibly (known only as a longer range)</p>}
    </div>
  );
}

/**
 * The clickable layer over the bars: one transparent column per week, the full height of the plot, so a week
 * with few or no exact deaths can still be chosen. One column is in the Tab order (roving tabindex);
 * Left/Right/Home/End move between weeks, Enter or Space filters the list by the focused week.
 */
function WeekColumns({
  weeks,
  selected,
  active,
  onActive,
  onSelect,
}: {
  weeks: readonly WeekBin[];
  selected: WeekSelection | null;
  active: number;
  onActive(index: number): void;
  onSelect(week: WeekBin): void;
}) {
  const plot = usePlotArea();
  if (!plot || weeks.length === 0) return null;
  const band = plot.width / weeks.length;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, index: number) => {
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? weeks.length - 1 : null;
    if (next !== null) {
      event.preventDefault();
      const target = Math.max(0, Math.min(weeks.length - 1, next));
      onActive(target);
      event.currentTarget.ownerSVGElement?.querySelector<SVGGElement>(`[data-week="${target}"]`)?.focus();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(weeks[index]!);
    }
  };
  return (
    <g className="week-columns">
      {weeks.map((week, i) => {
        const isSelected = selected !== null && selected.from === week.start && selected.to === week.end;
        return (
          <g
            key={week.start}
            data-week={i}
            role="button"
            tabIndex={i === active ? 0 : -1}
            aria-label={weekDescription(week)}
            aria-pressed={isSelected}
            className={isSelected ? 'week-column selected' : 'week-column'}
            onClick={() => {
              onActive(i);
              onSelect(week);
            }}
            onFocus={() => onActive(i)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            <rect x={plot.x + i * band} y={plot.y} width={band} height={plot.height} className="week-column-hit" />
          </g>
        );
      })}
    </g>
  );
}

/** A rough width of a label in the 11px chart font, to decide where it fits. */
const textWidth = (text: string) => text.length * 5.6;

/**
 * The longer ranges, one lane each under the axis: a segment from the range's first to its last day (to the
 * day, not rounded to weeks), its count and dates written beside it. Each is a button that filters the list
 * to the persons whose date overlaps it.
 */
function RangeLanes({
  weeks,
  ranges,
  selected,
  onSelect,
}: {
  weeks: readonly WeekBin[];
  ranges: readonly DeathRange[];
  selected: WeekSelection | null;
  onSelect(range: DeathRange): void;
}) {
  const plot = usePlotArea();
  if (!plot || ranges.length === 0) return null;
  const top = plot.y + plot.height + AXIS_HEIGHT + 6;
  return (
    <g className="range-lanes">
      {ranges.map((range, lane) => {
        const x1 = plot.x + dayPosition(weeks, range.earliest, 'start') * plot.width;
        const x2 = plot.x + dayPosition(weeks, range.latest, 'end') * plot.width;
        const y = top + lane * LANE;
        const span = describeSpan(range.earliest, range.latest);
        const label = `${formatNumber(range.count)} · ${span.both}`;
        const width = textWidth(label);
        const right = plot.x + plot.width + RIGHT;
        // Beside the segment where there is room (after it, else before it), inside it when it fits there,
        // otherwise on the side with more room (the end may be cut off; the button's name has it all).
        const roomAfter = right - (x2 + 6);
        const roomBefore = x1 - 6;
        const place: 'after' | 'before' | 'inside' =
          width <= roomAfter ? 'after' : width <= roomBefore ? 'before' : width + 8 <= x2 - x1 ? 'inside' : roomAfter >= roomBefore ? 'after' : 'before';
        const textX = place === 'after' ? x2 + 6 : place === 'before' ? x1 - 6 : x1 + 4;
        const isSelected = selected !== null && selected.from === range.earliest && selected.to === range.latest;
        return (
          <g
            key={`${range.earliest}/${range.latest}`}
            role="button"
            tabIndex={0}
            aria-label={rangeDescription(range)}
            aria-pressed={isSelected}
            className={isSelected ? 'range-lane selected' : 'range-lane'}
            onClick={() => onSelect(range)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(range);
              }
            }}
          >
            <rect x={plot.x} y={y} width={plot.width} height={LANE} className="range-lane-hit" />
            <rect x={x1} y={y + 3} width={Math.max(2, x2 - x1)} height={LANE - 6} rx={3} className="range-segment" />
            <text x={textX} y={y + LANE / 2} dy="0.35em" textAnchor={place === 'before' ? 'end' : 'start'} className={place === 'inside' ? 'range-label inside' : 'range-label'}>
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/**
 * Deaths by week (see week-bins.ts for what is counted where): bars for deaths known to the week, and under
 * the axis one lane per longer range. Clicking a week or a range filters the list by it.
 */
export function WeekChart({
  timeline,
  selected,
  onSelectWeek,
  onSelectRange,
}: {
  timeline: DeathTimeline;
  selected: WeekSelection | null;
  onSelectWeek(week: WeekBin): void;
  onSelectRange(range: DeathRange): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const measured = useElementWidth(box);
  const { weeks } = timeline;
  const lanes = laneRanges(timeline.ranges);
  const [active, setActive] = useState(() => Math.max(0, weeks.findIndex((w) => w.known + w.possible > 0)));
  const activeIndex = Math.min(active, Math.max(0, weeks.length - 1));

  const width = Math.max(measured || FALLBACK_WIDTH, Y_AXIS_WIDTH + RIGHT + weeks.length * MIN_WEEK_PX);
  const plotWidth = width - Y_AXIS_WIDTH - RIGHT;
  const labelEvery = Math.max(1, Math.ceil(MIN_LABEL_PX / (plotWidth / Math.max(1, weeks.length))));
  const bottom = lanes.length > 0 ? lanes.length * LANE + 12 : 4;
  const height = TOP + BAR_AREA + AXIS_HEIGHT + bottom;
  const withYear = (index: number) => {
    if (index < labelEvery) return true;
    const here = weeks[index];
    const shown = weeks[index - labelEvery];
    return !here || !shown || here.start.slice(0, 4) !== shown.start.slice(0, 4);
  };

  return (
    <div ref={box} className="week-chart">
      <BarChart
        width={width}
        height={height}
        data={weeks}
        margin={{ top: TOP, right: RIGHT, bottom, left: 0 }}
        barCategoryGap="14%"
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e3e4e8" />
        <XAxis
          dataKey="start"
          height={AXIS_HEIGHT}
          interval={labelEvery - 1}
          tickLine={false}
          stroke="#b9b9bf"
          tick={<WeekTick withYear={withYear} />}
        />
        <YAxis width={Y_AXIS_WIDTH} allowDecimals={false} stroke="#b9b9bf" tick={{ fontSize: 11, fill: '#575b63' }} />
        <Tooltip content={<WeekTooltip />} cursor={{ fill: 'rgb(43 90 133 / 8%)' }} isAnimationActive={false} />
        <Bar dataKey="known" name="Known to the week" fill="#2b5a85" maxBarSize={56} isAnimationActive={false} className="week-bar" />
        <WeekColumns weeks={weeks} selected={selected} active={activeIndex} onActive={setActive} onSelect={onSelectWeek} />
        <RangeLanes weeks={weeks} ranges={lanes} selected={selected} onSelect={onSelectRange} />
      </BarChart>
    </div>
  );
}
