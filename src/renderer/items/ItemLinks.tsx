import { useEffect, useId, useRef, useState } from 'react';
import type { ItemDetail } from '../../shared/dto';
import type { PersonId, PlaceId } from '../../shared/ids';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { useOpenRecord } from '../shell/open-record-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { endName, linksFromItem, termLabel, type ItemLinkRow, type LinkTarget } from './item-links';
import { LinkForm, type LinkChoice } from './LinkForm';

function LinkRow({
  row,
  itemRef,
  onCertainty,
  onRemove,
}: {
  row: ItemLinkRow;
  itemRef: string;
  onCertainty(row: ItemLinkRow, certainty: string): void;
  onRemove(row: ItemLinkRow): void;
}) {
  const id = useId();
  const openRecord = useOpenRecord();
  const { vocabularies } = useVocabularies();
  const { link, label, other } = row;
  const name = endName(other);
  const levels = vocabularies?.certainty ?? [];
  const openable = other.type === 'person' || other.type === 'place' || other.type === 'item';
  return (
    <li className="item-link" aria-labelledby={`${id}-what`}>
      <div className="item-link-main" id={`${id}-what`}>
        <span className="item-link-type">{label}</span>{' '}
        {openable ? (
          <button type="button" className="link-button item-link-name" onClick={() => openRecord(other.type, other.id)} title={`Open ${other.ref}`}>
            <UserText text={name} />
          </button>
        ) : (
          <UserText text={name} className="item-link-name" />
        )}{' '}
        <span className="item-link-ref muted">{other.ref}</span>
      </div>
      <div className="item-link-facts">
        <label className="visually-hidden" htmlFor={`${id}-certainty`}>
          Certainty of “{label} {name}”
        </label>
        <select
          id={`${id}-certainty`}
          className="item-link-certainty"
          value={link.certainty}
          onChange={(event) => onCertainty(row, event.target.value)}
        >
          {/* A level the vocabulary no longer has still shows as it is stored. */}
          {!levels.some((l) => l.code === link.certainty) && <option value={link.certainty}>{link.certainty}</option>}
          {levels.map((level) => (
            <option key={level.code} value={level.code}>
              {level.labelEn}
            </option>
          ))}
        </select>
        <span className="item-link-source">
          {link.source ? (
            <>
              Source: <UserText text={link.source.title} /> <span className="muted">({link.source.ref})</span>
            </>
          ) : (
            <span className="muted">No source</span>
          )}
        </span>
        <button type="button" className="icon-button item-link-remove" aria-label={`Remove the link “${itemRef} ${label} ${name}”`} title="Remove this link" onClick={() => onRemove(row)}>
          ×
        </button>
      </div>
    </li>
  );
}

/**
 * The persons and places an item is linked to, read from the item's end ("Depicts", "Mentions", "Is about"),
 * each with its certainty (changeable here) and source; a name opens that record's panel. New links are made
 * with a person or place picker; removing one asks why (the reason is kept in the custody log). Every change
 * goes through the Undo machinery.
 */
export function ItemLinks({ item, onChanged }: { item: ItemDetail; onChanged(): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const { vocabularies } = useVocabularies();
  const [adding, setAdding] = useState<LinkTarget | null>(null);
  const [removing, setRemoving] = useState<ItemLinkRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addButtons = useRef<HTMLDivElement>(null);
  // After a form closes, the keyboard goes back to the button that opened it, so the next link is one key away.
  const returnTo = useRef<LinkTarget | null>(null);
  useEffect(() => {
    if (adding || !returnTo.current) return;
    addButtons.current?.querySelector<HTMLButtonElement>(`[data-target="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [adding]);

  const rows = linksFromItem(item.links, item.id, vocabularies);
  const persons = rows.filter((r) => r.other.type === 'person');
  const places = rows.filter((r) => r.other.type === 'place');
  const others = rows.filter((r) => r.other.type === 'item');

  const closeForm = (target: LinkTarget) => {
    returnTo.current = target;
    setAdding(null);
  };

  const create = async (choice: LinkChoice) => {
    await changes.run(`Linked ${item.ref} to “${choice.record.label}” (${choice.typeLabel})`, () =>
      api.createLink({
        type: choice.type,
        itemId: item.id,
        ...(choice.target === 'person' ? { personId: choice.record.id as PersonId } : { placeId: choice.record.id as PlaceId }),
        certainty: choice.certainty,
        sourceId: choice.source?.id ?? null,
      }),
    );
    onChanged();
    closeForm(choice.target);
  };

  const changeCertainty = (row: ItemLinkRow, certainty: string) => {
    setError(null);
    const level = termLabel(vocabularies?.certainty, certainty).toLowerCase();
    changes.run(`Marked the link to “${row.other.label}” ${level}`, () => api.updateLink({ id: row.link.id, patch: { certainty } })).then(onChanged, (caught: unknown) =>
      setError(errorMessage(caught)),
    );
  };

  const list = (title: string, items: ItemLinkRow[]) =>
    items.length > 0 && (
      <>
        <h5 className="item-links-heading">{title}</h5>
        <ul className="item-links">
          {items.map((row) => (
            <LinkRow key={row.link.id} row={row} itemRef={item.ref} onCertainty={changeCertainty} onRemove={setRemoving} />
          ))}
        </ul>
      </>
    );

  return (
    <div className="item-links-section">
      {rows.length === 0 && <p className="muted">Not linked to any person or place yet.</p>}
      {list('Persons', persons)}
      {list('Places', places)}
      {list('Other items', others)}
      {error && <ErrorMessage message={error} />}
      {adding ? (
        <LinkForm
          key={adding}
          target={adding}
          defaultType={adding === 'person' && item.kind === 'document' ? 'item-mentions-person' : undefined}
          submitLabel="Add link"
          onSubmit={create}
          onCancel={() => closeForm(adding)}
        />
      ) : (
        <div className="item-links-add" ref={addButtons}>
          <button type="button" className="secondary-button" data-target="person" onClick={() => setAdding('person')}>
            Link a person…
          </button>
          <button type="button" className="secondary-button" data-target="place" onClick={() => setAdding('place')}>
            Link a place…
          </button>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title="Remove this link?"
          confirmLabel="Remove link"
          askReason
          onClose={() => setRemoving(null)}
          onConfirm={async (reason) => {
            await changes.run(`Removed the link from ${item.ref} to “${removing.other.label}”`, () => api.deleteLink({ id: removing.link.id, reason }));
            onChanged();
          }}
        >
          <p>
            {item.ref} {removing.label.toLowerCase()} <UserText text={endName(removing.other)} /> ({removing.other.ref}). The link stays in the custody
            history, and the removal can be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
