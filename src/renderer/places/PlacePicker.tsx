import type { PlaceSummary } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { RecordPicker, type PickerOption } from '../ui/RecordPicker';

export const placeOption = (p: PlaceSummary): PickerOption => ({
  id: p.id,
  label: p.nameLatin ?? p.nameFa ?? p.ref,
  detail: [p.ref, p.type, p.nameLatin ? p.nameFa : null, p.parentLabel].filter(Boolean).join(' · '),
});

/** Finds a place by its name in either script; with `onCreate`, offers to make one from the text typed. */
export function PlacePicker({
  label = 'Find a place',
  onPick,
  onCreate,
  exclude,
  autoFocus,
}: {
  label?: string;
  onPick(id: PlaceId, option: PickerOption): void;
  onCreate?(name: string): void;
  exclude?: number;
  autoFocus?: boolean;
}) {
  const { api } = useClient();
  return (
    <RecordPicker
      label={label}
      placeholder="Place name…"
      autoFocus={autoFocus}
      search={async (text) => (await api.listPlaces({ filter: { text }, limit: 10 })).rows.filter((p) => p.id !== exclude).map(placeOption)}
      onPick={(option) => onPick(option.id as PlaceId, option)}
      {...(onCreate ? { onCreate, createLabel: (text: string) => `New place “${text}”…` } : {})}
    />
  );
}
