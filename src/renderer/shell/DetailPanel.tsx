import { useEffect, useRef } from 'react';
import { ExhibitSetPanel } from '../exhibits/ExhibitSetPanel';
import { ItemPanel } from '../items/ItemPanel';
import { PersonPanel } from '../persons/PersonPanel';
import { PlacePanel } from '../places/PlacePanel';
import { HitPanel } from '../search/HitPanel';
import type { ItemId, PersonId, PlaceId } from '../../shared/ids';
import type { Selection } from './selection';

/** Each kind of record brings its own panel (persons/, places/, ...); this pane only picks it. */
function Details({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'item':
      return <ItemPanel key={selection.record.id} itemId={selection.record.id} summary={selection.record} />;
    case 'person':
      return <PersonPanel key={selection.record.id} personId={selection.record.id} />;
    case 'place':
      return <PlacePanel key={selection.record.id} placeId={selection.record.id} />;
    case 'exhibitSet':
      return <ExhibitSetPanel set={selection.record} />;
    case 'hit':
      return <HitPanel hit={selection.record} />;
    case 'open': {
      const { type, id } = selection.record;
      if (type === 'item') return <ItemPanel key={`item-${id}`} itemId={id as ItemId} />;
      if (type === 'person') return <PersonPanel key={`person-${id}`} personId={id as PersonId} />;
      return <PlacePanel key={`place-${id}`} placeId={id as PlaceId} />;
    }
  }
}

/** Which record is shown, as one string: the pane scrolls back to the top when it changes. */
function selectionKey(selection: Selection | null): string {
  if (!selection) return '';
  return selection.kind === 'hit' || selection.kind === 'open' ? `${selection.record.type}:${selection.record.id}` : `${selection.kind}:${selection.record.id}`;
}

/** The right-hand pane: the selected record's panel. */
export function DetailPanel({ selection }: { selection: Selection | null }) {
  const pane = useRef<HTMLElement>(null);
  const key = selectionKey(selection);
  // Another record starts at its top, not where the last one was scrolled to.
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [key]);
  return (
    <aside ref={pane} className="detail" aria-label="Record details">
      <h2 className="pane-title">Details</h2>
      {selection ? (
        <div className="detail-body">
          <Details selection={selection} />
        </div>
      ) : (
        <p className="muted detail-placeholder">Select a record to see its details.</p>
      )}
    </aside>
  );
}
