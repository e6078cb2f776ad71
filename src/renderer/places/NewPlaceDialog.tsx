import type { PlaceDetail } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { Modal } from '../ui/Modal';
import { useVocabularies } from '../ui/use-vocabularies';
import { emptyPlaceForm } from './place-form';
import { PlaceForm } from './PlaceForm';

/** The label a change is remembered by (the Undo toast): the place's name, in either script. */
export function placeName(place: { nameFa: string | null; nameLatin: string | null; ref: string }): string {
  return place.nameLatin ?? place.nameFa ?? place.ref;
}

/** "New place": a place made in this window, through createPlace (one change, undoable). */
export function NewPlaceDialog({ type, onClose, onCreated }: { type?: string; onClose(): void; onCreated(place: PlaceDetail): void }) {
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
          initial={emptyPlaceForm(types, type)}
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
