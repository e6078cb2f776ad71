import type { PersonSummary } from '../../shared/dto';
import type { PersonId } from '../../shared/ids';
import { useClient } from '../client/use-client';
import { RecordPicker, type PickerOption } from '../ui/RecordPicker';

export const personOption = (p: PersonSummary): PickerOption => ({
  id: p.id,
  label: p.nameLatin ?? p.nameFa ?? p.ref,
  detail: [p.ref, p.nameLatin ? p.nameFa : null].filter(Boolean).join(' · '),
});

/** Finds a person by any of their names, in either script, as you type. */
export function PersonPicker({ label = 'Find a person', onPick, exclude, autoFocus }: { label?: string; onPick(id: PersonId, option: PickerOption): void; exclude?: number; autoFocus?: boolean }) {
  const { api } = useClient();
  return (
    <RecordPicker
      label={label}
      placeholder="Name in Persian or Latin script…"
      autoFocus={autoFocus}
      search={async (text) => (await api.listPersons({ filter: { text }, limit: 10 })).rows.filter((p) => p.id !== exclude).map(personOption)}
      onPick={(option) => onPick(option.id as PersonId, option)}
    />
  );
}
