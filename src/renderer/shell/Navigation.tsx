import type { KeyboardEvent } from 'react';
import type { RecordCounts } from '../../shared/dto';
import { viewIds, viewLabels, type ViewId } from './selection';

const countKeys: Partial<Record<ViewId, keyof RecordCounts>> = {
  items: 'items',
  persons: 'persons',
  places: 'places',
  exhibits: 'exhibitSets',
};

const numberFormat = new Intl.NumberFormat('en-GB');

/**
 * The left pane. Every entry is a button in the tab order; the arrow keys, Home and End also move between
 * them, as in a desktop sidebar. The counts are decoration (the status bar says them in words).
 */
export function Navigation({
  current,
  counts,
  onNavigate,
}: {
  current: ViewId;
  counts: RecordCounts | null;
  onNavigate(view: ViewId): void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
    const index = buttons.findIndex((button) => button === document.activeElement);
    if (index < 0) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = (index + 1) % buttons.length;
        break;
      case 'ArrowUp':
        next = (index - 1 + buttons.length) % buttons.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = buttons.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Main navigation">
      <div className="brand">
        <span className="brand-name">Vigil</span>
        <span className="brand-sub">Evidence catalogue</span>
      </div>
      <ul className="nav-list" onKeyDown={onKeyDown}>
        {viewIds.map((view) => {
          const countKey = countKeys[view];
          const count = countKey && counts ? counts[countKey] : null;
          return (
            <li key={view}>
              <button
                type="button"
                className="nav-button"
                aria-current={view === current ? 'page' : undefined}
                aria-keyshortcuts={view === 'search' ? 'Control+K Meta+K /' : undefined}
                onClick={() => onNavigate(view)}
              >
                <span className="nav-label">{viewLabels[view]}</span>
                {count !== null && (
                  <span className="nav-count" aria-hidden="true">
                    {numberFormat.format(count)}
                  </span>
                )}
                {view === 'search' && (
                  <kbd className="nav-kbd" aria-hidden="true">
                    Ctrl K
                  </kbd>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
