import type { SourceId } from '../../shared/ids';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { RecordPicker, type PickerOption } from '../ui/RecordPicker';

/** Finds a source by title, or makes a new one (a document, reliability unknown) from the title typed. */
export function SourcePicker({ label = 'Find a source', onPick, autoFocus }: { label?: string; onPick(id: SourceId, option: PickerOption): void; autoFocus?: boolean }) {
  const { api } = useClient();
  const changes = useChanges();
  return (
    <RecordPicker
      label={label}
      placeholder="Source title…"
      autoFocus={autoFocus}
      search={async (text) =>
        (await api.listSources({ text, limit: 10 })).rows.map((s) => ({ id: s.id, label: s.title, detail: `${s.ref} · reliability ${s.reliability}` }))
      }
      onPick={(option) => onPick(option.id as SourceId, option)}
      onCreate={(title) => {
        void changes.run(`Added source “${title}”`, () => api.createSource({ title, kind: 'document' })).then((created) =>
          onPick(created.record.id, { id: created.record.id, label: created.record.title, detail: created.record.ref }),
        );
      }}
      createLabel={(text) => `New source “${text}”`}
    />
  );
}
