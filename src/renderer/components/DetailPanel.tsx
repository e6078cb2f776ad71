import { useState, type ReactNode } from 'react';
import { useClient } from '../client/use-client';
import type { Selection } from '../selection';
import { capitalise, formatBytes, formatNumber } from '../views/format';
import { UserText } from './UserText';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Thumbnail({ itemId, label }: { itemId: number; label: string }) {
  const { mediaUrl } = useClient();
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return <img className="detail-thumb" src={mediaUrl(itemId, 'thumb')} alt={label} onError={() => setFailed(true)} />;
}

const hitKinds = { item: 'Item', person: 'Person', place: 'Place' } as const;

function Details({ selection }: { selection: Selection }) {
  switch (selection.kind) {
    case 'item': {
      const item = selection.record;
      return (
        <>
          {item.kind === 'photo' && <Thumbnail key={item.id} itemId={item.id} label={`Thumbnail of ${item.ref}`} />}
          <UserText as="h3" text={item.title ?? item.originalName} className="detail-title" />
          <dl className="detail-fields">
            <Field label="Reference">{item.ref}</Field>
            <Field label="Kind">{capitalise(item.kind)}</Field>
            <Field label="Original file name">
              <UserText text={item.originalName} />
            </Field>
            <Field label="Type">{item.mime}</Field>
            <Field label="Size">{formatBytes(item.size)}</Field>
            <Field label="Taken">
              <UserText text={item.takenAt} />
            </Field>
            <Field label="Sensitivity">{capitalise(item.sensitivity)}</Field>
            <Field label="Imported">{item.importedAt}</Field>
            <Field label="SHA-256">
              <code className="hash">{item.sha256}</code>
            </Field>
          </dl>
        </>
      );
    }
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

/** The right-hand pane: the selected record's summary. Full record panels arrive with each screen's issue. */
export function DetailPanel({ selection }: { selection: Selection | null }) {
  return (
    <aside className="detail" aria-label="Record details">
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
