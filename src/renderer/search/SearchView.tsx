import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit, SearchHitType } from '../../shared/dto';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { UserText } from '../ui/UserText';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 60;

/** Groups in the order they are shown; arrow keys walk them in this order too. */
const groups: Array<{ type: SearchHitType; title: string }> = [
  { type: 'person', title: 'Persons' },
  { type: 'item', title: 'Items' },
  { type: 'place', title: 'Places' },
];

interface SearchState {
  query: string;
  hits: SearchHit[];
  error: string | null;
}

/**
 * One box over everything (DESIGN.md §12). The box is a combobox: focus stays in it while Up and Down move
 * through the results (grouped by record type) and Enter opens the highlighted one, or the first.
 */
export function SearchView({
  query,
  onQueryChange,
  focusRequest,
  openedKey,
  onOpen,
}: {
  query: string;
  onQueryChange(query: string): void;
  /** Changes each time something (a shortcut, the navigation) asks for the box to take focus. */
  focusRequest: number;
  openedKey: string | null;
  onOpen(hit: SearchHit): void;
}) {
  const { api } = useClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const listbox = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<SearchState>({ query: '', hits: [], error: null });
  const [active, setActive] = useState(-1);
  const settled = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const request = useRef(0);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  useEffect(() => {
    const mine = ++request.current;
    if (!settled) {
      setResult({ query: '', hits: [], error: null });
      setActive(-1);
      return;
    }
    api.search({ query: settled, limit: SEARCH_LIMIT }).then(
      (hits) => {
        if (mine !== request.current) return;
        setResult({ query: settled, hits, error: null });
        setActive(-1);
      },
      (caught: unknown) => {
        if (mine !== request.current) return;
        setResult({ query: settled, hits: [], error: errorMessage(caught) });
        setActive(-1);
      },
    );
  }, [api, settled]);

  const grouped = useMemo(
    () => groups.map((group) => ({ ...group, hits: result.hits.filter((hit) => hit.type === group.type) })).filter((group) => group.hits.length > 0),
    [result.hits],
  );
  const flat = useMemo(() => grouped.flatMap((group) => group.hits), [grouped]);
  const optionId = (index: number) => `${id}-option-${index}`;
  const hitKey = (hit: SearchHit) => `${hit.type}:${hit.id}`;

  useEffect(() => {
    if (active < 0) return;
    const element = listbox.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        if (flat.length === 0) return;
        event.preventDefault();
        setActive((index) => Math.min(flat.length - 1, index + 1));
        break;
      case 'ArrowUp':
        if (flat.length === 0) return;
        event.preventDefault();
        setActive((index) => Math.max(0, index - 1));
        break;
      case 'Enter': {
        const hit = flat[active >= 0 ? active : 0];
        if (!hit) return;
        event.preventDefault();
        onOpen(hit);
        break;
      }
      case 'Escape':
        if (active >= 0) setActive(-1);
        else if (query) onQueryChange('');
        else return;
        event.preventDefault();
        break;
      default:
    }
  };

  const pending = query.trim() !== '' && query.trim() !== result.query;
  const expanded = flat.length > 0;
  let index = 0;

  return (
    <section className="view search-view" aria-labelledby="view-title">
      <header className="view-header">
        <h1 id="view-title">Search</h1>
      </header>
      <div className="search-box">
        <label htmlFor={`${id}-input`} className="search-label">
          Search the catalogue
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="search"
          dir="auto"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-results`}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          placeholder="Names in Persian or Latin script, reference codes, titles…"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} className="muted search-hint">
          Spelling and transliteration mistakes are forgiven. Up and Down move through the results, Enter opens one.
        </p>
      </div>
      <p role="status" className="search-summary">
        {pending ? 'Searching…' : result.query ? summary(result.hits.length, grouped.length) : ''}
      </p>
      {result.error && <ErrorMessage message={`Search failed: ${result.error}`} />}
      {!pending && result.query && !result.error && result.hits.length === 0 && (
        <div className="empty-state">
          <p className="empty-state-title">
            No records match <q><UserText text={result.query} /></q>.
          </p>
          <p className="empty-state-body">Try fewer words, another spelling, or the name in the other script.</p>
        </div>
      )}
      <div ref={listbox} id={`${id}-results`} role="listbox" aria-label="Search results" className="search-results" hidden={!expanded}>
        {grouped.map((group) => (
          <div key={group.type} role="group" aria-labelledby={`${id}-group-${group.type}`} className="search-group">
            <div role="presentation" id={`${id}-group-${group.type}`} className="search-group-title">
              {group.title}
            </div>
            {group.hits.map((hit) => {
              const at = index++;
              const isActive = at === active;
              const isOpen = hitKey(hit) === openedKey;
              return (
                <div
                  key={hitKey(hit)}
                  id={optionId(at)}
                  data-index={at}
                  role="option"
                  aria-selected={isActive}
                  className={`search-option${isActive ? ' active' : ''}${isOpen ? ' opened' : ''}`}
                  onMouseMove={() => setActive(at)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onOpen(hit)}
                >
                  <UserText text={hit.label} className="search-option-label" />
                  <span className="search-option-ref">{hit.ref}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}

function summary(hits: number, groupCount: number): string {
  if (hits === 0) return 'No results.';
  const noun = hits === 1 ? 'result' : 'results';
  return groupCount > 1 ? `${hits} ${noun} in ${groupCount} groups.` : `${hits} ${noun}.`;
}
