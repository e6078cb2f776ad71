import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ItemDetail, Sensitivity } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { SourcePicker } from '../sources/SourcePicker';
import { DateInput } from '../ui/DateInput';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { UserText } from '../ui/UserText';
import { escapeBelongsToField } from '../ui/field-escape';
import { draftOf, itemPatch, type ItemDraft } from './item-patch';

const sensitivities: Array<{ value: Sensitivity; label: string }> = [
  { value: 'public', label: 'Public' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'confidential', label: 'Confidential' },
];

/**
 * Edits what the archivist knows about an item (issue 8): title, description, sensitivity, and how it was
 * acquired (source, by whom, how, when: a date as archivists type it, read in both calendars as they type).
 * Save sends one change through the Undo machinery; the core logs it with before and after, and a refusal
 * (an unreadable date) is shown here, with the form kept as typed. Escape or Cancel leaves it unchanged.
 */
export function ItemEditForm({ item, onSaved, onCancel }: { item: ItemDetail; onSaved(next: ItemDetail): void; onCancel(): void }) {
  const id = useId();
  const { api } = useClient();
  const changes = useChanges();
  const [draft, setDraft] = useState<ItemDraft>(() => draftOf(item));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  useEffect(() => titleInput.current?.focus(), []);

  const set = <K extends keyof ItemDraft>(key: K, value: ItemDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const patch = itemPatch(item, draft);
    if (!patch) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await changes.run(`Edited ${item.ref}`, () => api.updateItem({ id: item.id, patch }));
      onSaved(result.record);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || escapeBelongsToField(event)) return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form className="edit-form item-edit-form" aria-label={`Edit ${item.ref}`} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          ref={titleInput}
          id={`${id}-title`}
          type="text"
          dir="auto"
          maxLength={500}
          value={draft.title}
          placeholder={item.originalName}
          onChange={(event) => set('title', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea id={`${id}-description`} dir="auto" maxLength={20000} rows={4} value={draft.description} onChange={(event) => set('description', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sensitivity`}>Sensitivity</label>
        <select id={`${id}-sensitivity`} value={draft.sensitivity} onChange={(event) => set('sensitivity', event.target.value as Sensitivity)}>
          {sensitivities.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="edit-fieldset">
        <legend>Acquisition</legend>
        <div className="field">
          <span className="field-label" id={`${id}-source`}>
            Source
          </span>
          {draft.source ? (
            <div className="link-form-record" role="group" aria-labelledby={`${id}-source`}>
              <UserText text={draft.source.label} />
              <button type="button" className="link-button" onClick={() => set('source', null)}>
                Remove<span className="visually-hidden"> source</span>
              </button>
            </div>
          ) : (
            <SourcePicker label="Source the item came from" onPick={(sourceId, option) => set('source', { id: sourceId, label: option.label })} />
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-by`}>Acquired by</label>
          <input id={`${id}-by`} type="text" dir="auto" maxLength={500} value={draft.acquiredBy} onChange={(event) => set('acquiredBy', event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>Method</label>
          <input
            id={`${id}-method`}
            type="text"
            dir="auto"
            maxLength={500}
            value={draft.method}
            placeholder="Given by a relative, copied from a USB stick…"
            onChange={(event) => set('method', event.target.value)}
          />
        </div>
        <DateInput label="Date acquired" value={draft.date} onChange={(text) => set('date', text)} />
      </fieldset>
      {error && <ErrorMessage message={`Not saved: ${error}`} />}
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
