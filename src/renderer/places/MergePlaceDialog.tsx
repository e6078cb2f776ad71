import { useId, useState, type FormEvent } from 'react';
import type { PlaceDetail } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { formatNumber } from '../ui/format';
import { Modal } from '../ui/Modal';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { placeName } from './NewPlaceDialog';
import { PlacePicker } from './PlacePicker';

const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** “Name” (PL-000012): how the dialog names a place. */
function Named({ place }: { place: PlaceDetail }) {
  return (
    <>
      “<UserText text={placeName(place)} />” ({place.ref})
    </>
  );
}

/** What the confirmation says the merge will do, counted from the place that goes. */
function MergeQuestion({ kept, merged }: { kept: PlaceDetail; merged: PlaceDetail }) {
  const keptName = <UserText text={placeName(kept)} />;
  const items = merged.links.filter((l) => l.shape === 'item-place').length;
  const children = merged.children.filter((c) => c.id !== kept.id).length;
  const names = [
    !kept.nameFa && merged.nameFa ? { script: 'Persian', name: merged.nameFa } : null,
    !kept.nameLatin && merged.nameLatin ? { script: 'Latin', name: merged.nameLatin } : null,
  ].filter((n) => n !== null);
  return (
    <>
      <p className="place-merge-question">
        Merge <Named place={merged} /> into <Named place={kept} />?{' '}
        {merged.personCount > 0 ? (
          <>
            {count(merged.personCount, 'person', 'persons')} linked to it will be linked to {keptName} instead.
          </>
        ) : (
          <>No persons are linked to it.</>
        )}
      </p>
      {(items > 0 || children > 0 || names.length > 0) && (
        <ul className="place-merge-effects">
          {items > 0 && (
            <li>
              {count(items, 'photo or document', 'photos and documents')} of it will show {keptName} instead.
            </li>
          )}
          {children > 0 && (
            <li>
              {count(children, 'place', 'places')} inside it will be inside {keptName}.
            </li>
          )}
          {names.map((n) => (
            <li key={n.script}>
              {keptName} gets its name in {n.script} script, “<UserText text={n.name} />”.
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        A link {keptName} already has (the same person, the same way) is not made twice. <Named place={merged} /> is then
        deleted with the reason “Merged into {kept.ref}”; its history stays, and Undo takes the whole merge back.
      </p>
    </>
  );
}

/**
 * Merges a place with its duplicate (the same prison entered as “Evin” and as “اوین”): pick the other place,
 * choose which of the two to keep (this one unless said otherwise), then confirm a sentence that names both
 * and counts what moves. One change through useChanges, so Undo takes it back.
 */
export function MergePlaceDialog({
  place,
  onMerge,
  onClose,
}: {
  place: PlaceDetail;
  /** Runs the merge (through useChanges); resolves once it is done. */
  onMerge(kept: PlaceDetail, merged: PlaceDetail): Promise<void>;
  onClose(): void;
}) {
  const id = useId();
  const { api } = useClient();
  const { label } = useVocabularies();
  const [other, setOther] = useState<PlaceDetail | null>(null);
  const [keepOther, setKeepOther] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = async (otherId: PlaceId) => {
    setError(null);
    try {
      setOther(await api.getPlace({ id: otherId }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  if (other && confirming) {
    const [kept, merged] = keepOther ? [other, place] : [place, other];
    return (
      <ConfirmDialog title="Merge these places?" confirmLabel="Merge places" onConfirm={() => onMerge(kept, merged)} onClose={() => setConfirming(false)}>
        <MergeQuestion kept={kept} merged={merged} />
      </ConfirmDialog>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!other) {
      setError('Choose the other place first: type part of its name in either script and pick it from the list.');
      return;
    }
    setConfirming(true);
  };

  const option = (keep: PlaceDetail, merge: PlaceDetail, checked: boolean, onChange: () => void) => (
    <label className="place-merge-option">
      <input type="radio" name={`${id}-keep`} checked={checked} onChange={onChange} />
      <span>
        Keep <Named place={keep} />
        <span className="place-merge-option-detail muted">
          {count(keep.personCount, 'person', 'persons')} · “<UserText text={placeName(merge)} />” is merged into it
        </span>
      </span>
    </label>
  );

  return (
    <Modal title="Merge with another place" onClose={onClose}>
      <form className="modal-form place-merge-form" onSubmit={submit}>
        <p className="modal-message">
          When one place was entered twice (under names in different scripts, or spelt two ways), merge the two: one of
          them keeps every link, and the other is deleted as merged into it.
        </p>
        {other ? (
          <div className="place-merge-other">
            <span className="place-merge-other-label">Same place as <Named place={place} /></span>
            <span className="place-merge-other-name">
              <UserText text={placeName(other)} />
              <span className="picker-detail">
                {[other.ref, label('placeTypes', other.type), other.nameLatin ? other.nameFa : null, count(other.personCount, 'person', 'persons')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setOther(null);
                setKeepOther(false);
              }}
            >
              Change<span className="visually-hidden"> the other place</span>
            </button>
          </div>
        ) : (
          <PlacePicker label={`Find the place that is the same as ${placeName(place)}`} exclude={place.id} autoFocus onPick={(pickedId) => void pick(pickedId)} />
        )}
        {other && (
          <fieldset className="place-merge-keep">
            <legend>Which one to keep?</legend>
            {option(place, other, !keepOther, () => setKeepOther(false))}
            {option(other, place, keepOther, () => setKeepOther(true))}
          </fieldset>
        )}
        {error && <ErrorMessage message={error} />}
        <div className="modal-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={!other}>
            Merge…
          </button>
        </div>
      </form>
    </Modal>
  );
}
