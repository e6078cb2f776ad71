import { useContext, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PlaceSummary } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { RecordPicker, type PickerOption } from '../ui/RecordPicker';
import { VocabulariesContext } from '../ui/vocabularies-context';
import { NewPlaceDialog } from './NewPlaceDialog';

/** A place as the picker offers it: its name, then its reference, type, Persian name and the place it is inside. */
export const placeOption = (p: PlaceSummary, typeLabel: (code: string) => string = (code) => code): PickerOption => ({
  id: p.id,
  label: p.nameLatin ?? p.nameFa ?? p.ref,
  detail: [p.ref, typeLabel(p.type), p.nameLatin ? p.nameFa : null, p.parentLabel ? `in ${p.parentLabel}` : null].filter(Boolean).join(' · '),
});

/**
 * Finds a place by its name in either script. With `allowCreate`, offers to make one from the text typed: the
 * New place form opens with that name, and the place made is picked (issue 8: chosen or created inline).
 */
export function PlacePicker({
  label = 'Find a place',
  onPick,
  allowCreate = false,
  exclude,
  autoFocus,
}: {
  label?: string;
  onPick(id: PlaceId, option: PickerOption): void;
  allowCreate?: boolean;
  exclude?: number;
  autoFocus?: boolean;
}) {
  const [creating, setCreating] = useState<string | null>(null);
  const { api } = useClient();
  // Read without requiring the provider: the picker is also used in forms rendered on their own.
  const vocabularies = useContext(VocabulariesContext);
  const typeLabel = (code: string) => vocabularies?.label('placeTypes', code) || code;
  return (
    <>
    <RecordPicker
      label={label}
      placeholder="Place name…"
      autoFocus={autoFocus}
      search={async (text) => (await api.listPlaces({ filter: { text }, limit: 10 })).rows.filter((p) => p.id !== exclude).map((p) => placeOption(p, typeLabel))}
      onPick={(option) => onPick(option.id as PlaceId, option)}
      {...(allowCreate ? { onCreate: setCreating, createLabel: (text: string) => `New place “${text}”…` } : {})}
    />
    {creating !== null &&
      // In <body>, and its events kept to itself: the picker usually sits in a form (a link form), and the
      // New place form must neither nest in it nor submit it.
      createPortal(
        <div onSubmit={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <NewPlaceDialog
        name={creating}
        onClose={() => setCreating(null)}
        onCreated={(place) => {
          setCreating(null);
          onPick(place.id, placeOption(place, typeLabel));
        }}
      />
        </div>,
        document.body,
      )}
    </>
  );
}
