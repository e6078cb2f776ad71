import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PersonFilter, PlaceCount } from '../../../shared/dto';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatNumber } from '../../ui/format';
import type { PlaceFilter } from '../person-query';
import { PlaceBars } from './PlaceBars';
import { describeSpan } from './span-label';
import { usePersonStats } from './use-person-stats';
import { binDeathsByWeek, type DeathRange, type WeekBin } from './week-bins';
import { laneRanges, MAX_LANES, WeekChart, type WeekSelection } from './WeekChart';

export const DETAINED_AT = 'person-detained-at';
export const BURIED_AT = 'person-buried-at';

type Tab = 'weeks' | 'prisons' | 'burials';
const tabs: Array<{ id: Tab; label: string }> = [
  { id: 'weeks', label: 'Deaths by week' },
  { id: 'prisons', label: 'Prisons' },
  { id: 'burials', label: 'Burial places' },
];

function WeeksTable({ weeks, ranges, onWeek, onRange }: { weeks: WeekBin[]; ranges: DeathRange[]; onWeek(week: WeekBin): void; onRange(range: DeathRange): void }) {
  const counted = weeks.filter((w) => w.known + w.possible > 0);
  return (
    <div className="timeline-tables">
      <table className="timeline-table">
        <caption>Deaths by week</caption>
        <thead>
          <tr>
            <th scope="col">Week (Saturday to Friday)</th>
            <th scope="col" className="numeric">
              Known to the week
            </th>
            <th scope="col" className="numeric">
              Possibly (longer range)
            </th>
            <th scope="col">
              <span className="visually-hidden">Filter</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {counted.map((week) => {
            const span = describeSpan(week.start, week.end).both;
            return (
              <tr key={week.start}>
                <th scope="row">{span}</th>
                <td className="numeric">{formatNumber(week.known)}</td>
                <td className="numeric">{formatNumber(week.possible)}</td>
                <td>
                  <button type="button" className="link-button" aria-label={`Show the persons who died or may have died in the week ${span}`} onClick={() => onWeek(week)}>
                    Show
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ranges.length > 0 && (
        <table className="timeline-table">
          <caption>Deaths known only as a longer range</caption>
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col" className="numeric">
                Persons
              </th>
              <th scope="col">
                <span className="visually-hidden">Filter</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ranges.map((range) => {
              const span = describeSpan(range.earliest, range.latest).both;
              return (
                <tr key={`${range.earliest}/${range.latest}`}>
                  <th scope="row">{span}</th>
                  <td className="numeric">{formatNumber(range.count)}</td>
                  <td>
                    <button type="button" className="link-button" aria-label={`Show the persons whose death date overlaps ${span}`} onClick={() => onRange(range)}>
                      Show
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * The Persons timeline (issue 8, item 10), above the list and collapsible: known death dates by week with
 * uncertain dates as ranges, and counts by prison and by burial place, for exactly the persons the list shows
 * (the same filter). Clicking a week, a range or a place filters the list; its chip takes the filter off.
 */
export function PersonsTimeline({
  filter,
  death,
  place,
  onDeath,
  onPlace,
}: {
  filter: PersonFilter;
  death: WeekSelection | null;
  place: PlaceFilter | null;
  onDeath(range: WeekSelection): void;
  onPlace(place: PlaceFilter): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<Tab>('weeks');
  const [asTable, setAsTable] = useState(false);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ weeks: null, prisons: null, burials: null });
  const { stats, error, loading } = usePersonStats(filter, open);
  const timeline = useMemo(() => (stats ? binDeathsByWeek(stats.deaths) : null), [stats]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((t) => t.id === tab);
    const next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length]!;
    setTab(target.id);
    tabRefs.current[target.id]?.focus();
  };

  const pickPlace = (link: string) => (count: PlaceCount) => onPlace({ placeId: count.placeId, link, label: count.labelFa && count.label !== count.labelFa ? `${count.label} (${count.labelFa})` : count.label });
  const hiddenRanges = timeline ? timeline.ranges.length - laneRanges(timeline.ranges).length : 0;

  return (
    <section className="persons-timeline" aria-labelledby={`${id}-title`}>
      <div className="timeline-header">
        <h2 id={`${id}-title`} className="timeline-title">
          <button type="button" className="disclosure-button timeline-toggle" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
            Timeline
          </button>
        </h2>
        {open && stats && (
          <p className="timeline-summary muted">
            {formatNumber(stats.total)} {stats.total === 1 ? 'person' : 'persons'} · {formatNumber(stats.undated)} with no death date
            {timeline && timeline.notDrawn > 0 && <> · {formatNumber(timeline.notDrawn)} with a date too vague to draw</>}
          </p>
        )}
      </div>
      <div id={`${id}-body`} hidden={!open} className="timeline-body">
        {open && (
          <>
            <div role="tablist" aria-label="Timeline charts" className="timeline-tabs">
              {tabs.map((t) => (
                <button
                  key={t.id}
                  ref={(el) => {
                    tabRefs.current[t.id] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls={`${id}-panel-${t.id}`}
                  tabIndex={tab === t.id ? 0 : -1}
                  className="timeline-tab"
                  onClick={() => setTab(t.id)}
                  onKeyDown={onTabKey}
                >
                  {t.label}
                  {stats && t.id === 'prisons' && <span className="timeline-tab-count">{formatNumber(stats.prisons.length)}</span>}
                  {stats && t.id === 'burials' && <span className="timeline-tab-count">{formatNumber(stats.burialPlaces.length)}</span>}
                </button>
              ))}
            </div>
            {error && <ErrorMessage message={`Vigil could not count the persons for the timeline: ${error}`} />}
            {!stats && loading && <p className="muted timeline-empty">Counting…</p>}
            {stats && timeline && (
              <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} className="timeline-panel">
                {tab === 'weeks' &&
                  (timeline.weeks.length === 0 ? (
                    <p className="muted timeline-empty">
                      {stats.total === 0 ? 'No persons to count.' : 'None of these persons has a death date that can be drawn by week.'}
                    </p>
                  ) : (
                    <>
                      <div className="timeline-legend" aria-label="Legend">
                        <span className="legend-item">
                          <svg className="legend-swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                            <rect width="12" height="12" rx="2" className="legend-bar" />
                          </svg>
                          Known to the week: {formatNumber(timeline.known)}
                        </span>
                        <span className="legend-item">
                          <svg className="legend-swatch wide" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
                            <rect y="2" width="24" height="8" rx="3" className="range-segment" />
                          </svg>
                          Known only as a longer range: {formatNumber(timeline.inRanges)} (each range drawn once across its weeks, not added to the bars)
                        </span>
                        <span className="legend-item muted">Weeks run Saturday to Friday.</span>
                      </div>
                      <WeekChart
                        timeline={timeline}
                        selected={death}
                        onSelectWeek={(week) => onDeath({ from: week.start, to: week.end })}
                        onSelectRange={(range) => onDeath({ from: range.earliest, to: range.latest })}
                      />
                      {hiddenRanges > 0 && (
                        <p className="muted timeline-note">
                          {formatNumber(hiddenRanges)} smaller ranges are not drawn (the chart shows the {MAX_LANES} largest); they are in the table.
                        </p>
                      )}
                      <button type="button" className="link-button timeline-table-toggle" aria-expanded={asTable} onClick={() => setAsTable((t) => !t)}>
                        {asTable ? 'Hide the table' : 'Show as a table'}
                      </button>
                      {asTable && (
                        <WeeksTable
                          weeks={timeline.weeks}
                          ranges={timeline.ranges}
                          onWeek={(week) => onDeath({ from: week.start, to: week.end })}
                          onRange={(range) => onDeath({ from: range.earliest, to: range.latest })}
                        />
                      )}
                    </>
                  ))}
                {tab === 'prisons' && (
                  <PlaceBars
                    title="Persons by prison"
                    counts={stats.prisons}
                    selectedPlaceId={place?.link === DETAINED_AT ? place.placeId : null}
                    onSelect={pickPlace(DETAINED_AT)}
                    empty="None of these persons is linked to a place of detention."
                  />
                )}
                {tab === 'burials' && (
                  <PlaceBars
                    title="Persons by burial place"
                    counts={stats.burialPlaces}
                    selectedPlaceId={place?.link === BURIED_AT ? place.placeId : null}
                    onSelect={pickPlace(BURIED_AT)}
                    empty="None of these persons is linked to a burial place."
                  />
                )}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
