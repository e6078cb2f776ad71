import { useState } from 'react';
import type { PlaceCount } from '../../../shared/dto';
import { formatNumber } from '../../ui/format';
import { UserText } from '../../ui/UserText';

const FIRST_ROWS = 10;

/**
 * Counts by place as horizontal bars. Each bar is an HTML button (not SVG) so the place's name, which came
 * from people or files, goes through UserText (dir="auto", the Persian font) and every bar is reachable with
 * Tab; the bar's length is an SVG rectangle, since the page allows no inline styles. Clicking one filters the
 * list to the persons linked to that place by this link type.
 */
export function PlaceBars({
  title,
  counts,
  selectedPlaceId,
  onSelect,
  empty,
}: {
  title: string;
  counts: readonly PlaceCount[];
  selectedPlaceId: number | null;
  onSelect(place: PlaceCount): void;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  if (counts.length === 0) return <p className="muted timeline-empty">{empty}</p>;
  const max = Math.max(...counts.map((c) => c.count), 1);
  const shown = all ? counts : counts.slice(0, FIRST_ROWS);
  return (
    <div className="place-bars">
      <ul className="place-bar-list" aria-label={title}>
        {shown.map((place) => {
          const selected = place.placeId === selectedPlaceId;
          return (
            <li key={place.placeId}>
              <button
                type="button"
                className={selected ? 'place-bar selected' : 'place-bar'}
                aria-pressed={selected}
                title="Show the persons linked to this place"
                onClick={() => onSelect(place)}
              >
                <span className="place-bar-label">
                  <UserText text={place.label} />
                  {place.labelFa && place.labelFa !== place.label && (
                    <>
                      {' '}
                      <UserText text={place.labelFa} className="persian muted" />
                    </>
                  )}
                </span>
                <svg className="place-bar-track" aria-hidden="true" focusable="false" viewBox="0 0 100 10" preserveAspectRatio="none">
                  <rect x="0" y="0" width={(100 * place.count) / max} height="10" rx="1.5" />
                </svg>
                <span className="place-bar-count">{formatNumber(place.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {counts.length > FIRST_ROWS && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${formatNumber(counts.length)}`}
        </button>
      )}
    </div>
  );
}
