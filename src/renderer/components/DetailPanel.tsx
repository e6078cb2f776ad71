import { useEffect, useRef, type ReactNode } from 'react';
import type { Selection } from '../selection';
import { formatNumber } from '../views/format';
import { ItemPanel } from './ItemPanel';
import { UserText } from './UserText';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const hitKinds = { item: 'Item', person: 'Person', place: 'Place' } as const;

function Details({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'item':
      return <ItemPanel key={selection.record.id} itemId={selection.record.id} summary={selection.record} />;
    case 'person': {
      const person = selection.record;
      return (
        <>
          <UserText as="h3" text={person.nameFa ?? person.nameLatin} fallback="Unnamed person" className="detail-title" />
          <dl className="detail-fields">
            <Field label="Reference">{person.ref}</Field>
            <Field label="Name (Persian)">
              <UserText text={person.nameFa} className="persian" />
            </Field>
            <Field label="Name (Latin)">
              <UserText text={person.nameLatin} />
            </Field>
            <Field label="Fate">
              <UserText text={person.fate} />
            </Field>
            <Field label="Death date">
              <UserText text={person.deathDate} />
            </Field>
            <Field label="Prison">
              <UserText text={person.prison} />
            </Field>
          </dl>
        </>
      );
    }
    case 'place': {
      const place = selection.record;
      return (
        <>
          <UserText as="h3" text={place.nameFa ?? place.nameLatin} fallback="Unnamed place" className="detail-title" />
          <dl className="detail-fields">
            <Field label="Reference">{place.ref}</Field>
            <Field label="Name (Persian)">
              <UserText text={place.nameFa} className="persian" />
            </Field>
            <Field label="Name (Latin)">
              <UserText text={place.nameLatin} />
            </Field>
            <Field label="Type">
              <UserText text={place.type} />
            </Field>
          </dl>
        </>
      );
    }
    case 'exhibitSet': {
      const set = selection.record;
      return (
        <>
          <UserText as="h3" text={set.name} className="detail-title" />
          <dl className="detail-fields">
            <Field label="Prefix">
              <UserText text={set.prefix} />
            </Field>
            <Field label="Exhibits">{formatNumber(set.exhibitCount)}</Field>
          </dl>
        </>
      );
    }
    case 'hit': {
      const hit = selection.record;
      if (hit.type === 'item') return <ItemPanel key={hit.id} itemId={hit.id} />;
      return (
        <>
          <UserText as="h3" text={hit.label} className="detail-title" />
          <dl className="detail-fields">
            <Field label="Reference">{hit.ref}</Field>
            <Field label="Record type">{hitKinds[hit.type]}</Field>
          </dl>
        </>
      );
    }
  }
}

/** The right-hand pane: the selected record's panel (an item's in full; the others' summaries for now). */
function selectionKey(selection: Selection | null): string {
  if (!selection) return '';
  return selection.kind === 'hit' ? `${selection.record.type}:${selection.record.id}` : `${selection.kind}:${selection.record.id}`;
}

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
