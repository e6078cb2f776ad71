import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { LinkEnd, LinkView, PersonDetail } from '../../../shared/dto';
import type { PersonId, PlaceId } from '../../../shared/ids';
import { useChanges } from '../../changes/use-changes';
import { useClient } from '../../client/use-client';
import { PlacePicker } from '../../places/PlacePicker';
import { useOpenRecord } from '../../shell/open-record-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useVocabularies } from '../../ui/use-vocabularies';
import { UserText } from '../../ui/UserText';
import { PersonPicker } from '../PersonPicker';
import { PanelSection } from './PanelSection';
import { SourceField, type ChosenSource } from './SourceField';
import { SourceNote } from './SourceNote';
import { useSectionAction } from './use-section-action';

const RELATIVE_OF = 'person-relative-of';

/** The other record of a link, read from this person's end. */
export function otherEnd(link: LinkView, personId: number): LinkEnd {
  return link.from.type === 'person' && link.from.id === personId ? link.to : link.from;
}

/** A linked place or person: a button that opens its panel, with its name in both scripts. */
function EndButton({ end }: { end: LinkEnd }) {
  const open = useOpenRecord();
  const type = end.type;
  const latin = end.label;
  const fa = end.labelFa && end.labelFa !== end.label ? end.labelFa : null;
  return (
    <button type="button" className="link-button end-button" onClick={() => open(type, end.id)} aria-label={`Open ${end.ref}: ${latin}${fa ? ` (${fa})` : ''}`}>
      <UserText text={latin} />
      {fa && (
        <>
          {' '}
          <UserText text={fa} className="persian" />
        </>
      )}
    </button>
  );
}

function CertaintySelect({ value, onChange }: { value: string; onChange(code: string): void }) {
  const id = useId();
  const { vocabularies } = useVocabularies();
  return (
    <div className="field">
      <label htmlFor={id}>Certainty</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {vocabularies?.certainty.map((c) => (
          <option key={c.code} value={c.code}>
            {c.labelEn}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One link in a list: what it is, the other record, certainty, source, and Remove (asks why). */
function LinkRow({ link, personId, kind, kindText, onRemove }: { link: LinkView; personId: number; kind: ReactNode; kindText: string; onRemove(link: LinkView): void }) {
  const vocab = useVocabularies();
  const end = otherEnd(link, personId);
  return (
    <li className="person-link">
      <div className="person-link-main">
        <span className="person-link-kind">{kind}</span> <EndButton end={end} />
        <span className="person-link-meta">
          <span className="person-link-certainty">{vocab.label('certainty', link.certainty)}</span>
          {link.note && (
            <>
              {' · '}
              <UserText text={link.note} />
            </>
          )}
          {link.source && ' · '}
          <SourceNote source={link.source} />
        </span>
      </div>
      <div className="person-row-actions">
        <button type="button" className="link-button danger-link" aria-label={`Remove the link: ${kindText} ${end.label}`} onClick={() => onRemove(link)}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** Asks why before a link is removed (a soft delete, kept in the custody log and undoable). */
function RemoveLinkDialog({ link, personId, kindText, onDone, onClose }: { link: LinkView; personId: number; kindText: string; onDone(): void; onClose(): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const end = otherEnd(link, personId);
  return (
    <ConfirmDialog
      title="Remove this link?"
      confirmLabel="Remove link"
      askReason
      onClose={onClose}
      onConfirm={async (reason) => {
        // A refusal is thrown on to the dialog, which shows it beside the reason.
        await changes.run(`Removed the link “${kindText}” to ${end.ref}`, () => api.deleteLink({ id: link.id, reason }));
        onDone();
      }}
    >
      <p>
        {kindText} <UserText text={end.label} /> ({end.ref}). The link is kept in the custody history and can be undone.
      </p>
    </ConfirmDialog>
  );
}

const placeTypeOrder = ['person-born-at', 'person-detained-at', 'person-killed-at', 'person-buried-at'];

/**
 * Where the person was born, detained, killed or buried: links to places with certainty and source (one fact,
 * one home: DESIGN.md §4). Each place opens its panel; a link is added with a place picker and removed with a
 * reason.
 */
export function PersonPlaces({ person, onChanged }: { person: PersonDetail; onChanged(): void }) {
  const { api } = useClient();
  const { vocabularies, label } = useVocabularies();
  const { act, error, busy } = useSectionAction();
  const id = useId();
  const types = (vocabularies?.linkTypes ?? []).filter((t) => t.shape === 'person-place');
  const [adding, setAdding] = useState(false);
  const [type, setType] = useState('person-detained-at');
  const [place, setPlace] = useState<{ id: PlaceId; label: string } | null>(null);
  const [certainty, setCertainty] = useState('confirmed');
  const [source, setSource] = useState<ChosenSource | null>(null);
  const [removing, setRemoving] = useState<LinkView | null>(null);

  const order = (code: string) => {
    const i = placeTypeOrder.indexOf(code);
    return i < 0 ? placeTypeOrder.length : i;
  };
  const links = [...person.places].sort((a, b) => order(a.type) - order(b.type));
  const chosenType = types.some((t) => t.code === type) ? type : (types[0]?.code ?? type);

  const reset = () => {
    setAdding(false);
    setPlace(null);
    setSource(null);
    setCertainty('confirmed');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!place) return;
    void act(
      `Linked ${person.ref}: ${label('linkTypes', chosenType)} ${place.label}`,
      () => api.createLink({ type: chosenType, personId: person.id, placeId: place.id, certainty, sourceId: source?.id ?? null }),
      () => {
        reset();
        onChanged();
      },
    );
  };

  return (
    <PanelSection
      title="Places"
      actions={
        !adding && (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            Link a place
          </button>
        )
      }
    >
      {links.length > 0 ? (
        <ul className="person-links">
          {links.map((link) => (
            <LinkRow key={link.id} link={link} personId={person.id} kind={`${label('linkTypes', link.type)}:`} kindText={label('linkTypes', link.type)} onRemove={setRemoving} />
          ))}
        </ul>
      ) : (
        !adding && <p className="muted">No places linked.</p>
      )}
      {adding && (
        <form className="edit-form" aria-label="Link a place" onSubmit={submit}>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-type`}>Link type</label>
              <select id={`${id}-type`} value={chosenType} onChange={(e) => setType(e.target.value)}>
                {types.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.labelEn}
                  </option>
                ))}
              </select>
            </div>
            <CertaintySelect value={certainty} onChange={setCertainty} />
          </div>
          {place ? (
            <p className="chosen-record">
              Place: <UserText text={place.label} />{' '}
              <button type="button" className="link-button" onClick={() => setPlace(null)}>
                Change
              </button>
            </p>
          ) : (
            <PlacePicker label="Place to link" autoFocus allowCreate onPick={(placeId, option) => setPlace({ id: placeId, label: option.label })} />
          )}
          <SourceField label="Source for this link" value={source} onChange={setSource} />
          <div className="form-actions">
            <button type="button" className="secondary-button" onClick={reset}>
              Cancel
            </button>
            <button type="submit" className="primary-button" disabled={busy || !place}>
              Link place
            </button>
          </div>
        </form>
      )}
      {error && <ErrorMessage message={error} />}
      {removing && (
        <RemoveLinkDialog
          link={removing}
          personId={person.id}
          kindText={label('linkTypes', removing.type)}
          onClose={() => setRemoving(null)}
          onDone={onChanged}
        />
      )}
    </PanelSection>
  );
}

/**
 * The person's relatives: person-relative-of links, with the relation ("mother", "brother"). A link reads from
 * both ends: when this person is the link's second person, the relation is theirs to the other, and says so.
 */
export function PersonRelatives({ person, onChanged }: { person: PersonDetail; onChanged(): void }) {
  const { api } = useClient();
  const { act, error, busy } = useSectionAction();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [relative, setRelative] = useState<{ id: PersonId; label: string } | null>(null);
  const [relationship, setRelationship] = useState('');
  const [certainty, setCertainty] = useState('confirmed');
  const [source, setSource] = useState<ChosenSource | null>(null);
  const [removing, setRemoving] = useState<LinkView | null>(null);

  const reset = () => {
    setAdding(false);
    setRelative(null);
    setRelationship('');
    setSource(null);
    setCertainty('confirmed');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!relative) return;
    void act(
      `Linked ${person.ref} to the relative ${relative.label}`,
      () =>
        api.createLink({
          type: RELATIVE_OF,
          personId: person.id,
          relatedPersonId: relative.id,
          relationship: relationship.trim() || null,
          certainty,
          sourceId: source?.id ?? null,
        }),
      () => {
        reset();
        onChanged();
      },
    );
  };
  /** "mother:" when the relation is the relative's; "relative (this person is their mother):" when it is this person's. */
  const kindText = (link: LinkView) => {
    const mine = link.from.type === 'person' && link.from.id === person.id;
    if (!link.relationship) return 'Relative';
    return mine ? link.relationship : `Relative (this person is their ${link.relationship})`;
  };
  const kindOf = (link: LinkView): ReactNode => {
    const mine = link.from.type === 'person' && link.from.id === person.id;
    if (!link.relationship) return 'Relative:';
    return mine ? (
      <>
        <UserText text={link.relationship} />:
      </>
    ) : (
      <>
        Relative (this person is their <UserText text={link.relationship} />):
      </>
    );
  };

  return (
    <PanelSection
      title="Relatives"
      actions={
        !adding && (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            Add a relative
          </button>
        )
      }
    >
      {person.relatives.length > 0 ? (
        <ul className="person-links">
          {person.relatives.map((link) => (
            <LinkRow key={link.id} link={link} personId={person.id} kind={kindOf(link)} kindText={kindText(link)} onRemove={setRemoving} />
          ))}
        </ul>
      ) : (
        !adding && <p className="muted">No relatives linked.</p>
      )}
      {adding && (
        <form className="edit-form" aria-label="Add a relative" onSubmit={submit}>
          {relative ? (
            <p className="chosen-record">
              Relative: <UserText text={relative.label} />{' '}
              <button type="button" className="link-button" onClick={() => setRelative(null)}>
                Change
              </button>
            </p>
          ) : (
            <PersonPicker label="Relative to link" autoFocus exclude={person.id} onPick={(personId, option) => setRelative({ id: personId, label: option.label })} />
          )}
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-relationship`}>Their relation to this person</label>
              <input
                id={`${id}-relationship`}
                type="text"
                dir="auto"
                maxLength={100}
                placeholder="mother, brother, spouse…"
                value={relationship}
                onChange={(e) => setRelationship(e.target.value)}
              />
            </div>
            <CertaintySelect value={certainty} onChange={setCertainty} />
          </div>
          <SourceField label="Source for this link" value={source} onChange={setSource} />
          <div className="form-actions">
            <button type="button" className="secondary-button" onClick={reset}>
              Cancel
            </button>
            <button type="submit" className="primary-button" disabled={busy || !relative}>
              Add relative
            </button>
          </div>
        </form>
      )}
      {error && <ErrorMessage message={error} />}
      {removing && <RemoveLinkDialog link={removing} personId={person.id} kindText={kindText(removing)} onClose={() => setRemoving(null)} onDone={onChanged} />}
    </PanelSection>
  );
}
