import type { PlaceDetail } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { Modal } from '../ui/Modal';
import { useVocabularies } from '../ui/use-vocabularies';
import { detectScript } from '../../shared/names/name-key';
import { emptyPlaceForm, type PlaceFormValues } from './place-form';
import { PlaceForm } from './PlaceForm';

/** The label a change is remembered by (the Undo toast): the place's name, in either script. */
export function placeName(place: { nameFa: string | null; nameLatin: string | null; ref: string }): string {
  return place.nameLatin ?? place.nameFa ?? place.ref;
}

/** "New place": a place made in this window, through createPlace (one change, undoable). */
/** A name typed in a picker goes into the field of its script. */
function withName(values: PlaceFormValues, name: string | undefined): PlaceFormValues {
  if (!name?.trim()) return values;
  return detectScript(name) === 'persian' ? { ...values, nameFa: name.trim() } : { ...values, nameLatin: name.trim() };
}

export function NewPlaceDialog({ type, name, onClose, onCreated }: { type?: string; name?: string; onClose(): void; onCreated(place: PlaceDetail): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const { vocabularies } = useVocabularies();
  const types = vocabularies?.placeTypes ?? [];
  return (
    <Modal title="New place" onClose={onClose} className="place-dialog" wide>
      {types.length === 0 ? (
        <p className="muted">Loading the place types…</p>
      ) : (
        <PlaceForm
          initial={withName(emptyPlaceForm(types, type), name)}
          types={types}
          submitLabel="Create place"
          onCancel={onClose}
          onSubmit={async (input) => {
            const { record } = await changes.run(`Created place “${input.nameLatin ?? input.nameFa ?? ''}”`, () => api.createPlace(input));
            onCreated(record);
          }}
        />
      )}
    </Modal>
  );
}
