import { useId, useRef, useState, type FormEvent } from 'react';
import type { NameScript, NameType, PersonDetail } from '../../shared/dto';
import { useChanges } from '../changes/use-changes';
import { useClient } from '../client/use-client';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Modal } from '../ui/Modal';
import { dateProblems, detectedScriptLabel, emptyFacts, nameTypeLabels, namesInput, newPersonFacts, scriptLabels, type FactsDraft, type NameDraft } from './person-form';
import { PersonFactFields } from './PersonFactFields';

let nextRowKey = 1;
const newRow = (): NameDraft => ({ key: nextRowKey++, name: '', script: 'auto', type: 'legal' });

/** One name of the new person: the name as written, its script (detected unless chosen) and type. */
function NameRow({ row, index, onChange, onRemove }: { row: NameDraft; index: number; onChange(next: NameDraft): void; onRemove?(): void }) {
  const id = useId();
  const detected = detectedScriptLabel(row.name);
  return (
    <li className="name-row">
      <div className="field name-row-name">
        <label htmlFor={`${id}-name`}>Name {index + 1}</label>
        <input
          id={`${id}-name`}
          type="text"
          dir="auto"
          maxLength={300}
          value={row.name}
          aria-describedby={`${id}-script-hint`}
          onChange={(e) => onChange({ ...row, name: e.target.value })}
        />
        <p id={`${id}-script-hint`} className="field-hint">
          {row.script === 'auto' ? (detected ? `Detected: ${detected}` : 'Persian or Latin script, as written in the source.') : `Marked as ${scriptLabels[row.script]}`}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-script`}>Script</label>
        <select id={`${id}-script`} value={row.script} onChange={(e) => onChange({ ...row, script: e.target.value as NameScript | 'auto' })}>
          <option value="auto">Detect</option>
          {(Object.keys(scriptLabels) as NameScript[]).map((s) => (
            <option key={s} value={s}>
              {scriptLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={row.type} onChange={(e) => onChange({ ...row, type: e.target.value as NameType })}>
          {(Object.keys(nameTypeLabels) as NameType[]).map((t) => (
            <option key={t} value={t}>
              {nameTypeLabels[t]}
            </option>
          ))}
        </select>
      </div>
      {onRemove && (
        <button type="button" className="icon-button name-row-remove" aria-label={`Remove name ${index + 1}`} onClick={onRemove}>
          ×
        </button>
      )}
    </li>
  );
}

/**
 * New person (issue 8): at least one name (more rows for the other script, aliases and variants), roles, the
 * facts of DESIGN.md §4 and the sensitivity. Dates the parser cannot read are refused here with its sentence,
 * before anything is sent; what the core refuses is shown in the dialog.
 */
export function NewPersonDialog({ onClose, onCreated }: { onClose(): void; onCreated(person: PersonDetail): void }) {
  const { api } = useClient();
  const changes = useChanges();
  const [names, setNames] = useState<NameDraft[]>(() => [newRow(), newRow()]);
  const [facts, setFacts] = useState<FactsDraft>(emptyFacts);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const input = namesInput(names);
    const found: string[] = [];
    if (input.length === 0) found.push('Write at least one name: a person is found by their names.');
    for (const p of dateProblems(facts)) found.push(`${p.label}: ${p.message}`);
    setProblems(found);
    setError(null);
    if (found.length > 0) {
      // Take the archivist to the first field to fix.
      const first = input.length === 0 ? form.current?.querySelector<HTMLInputElement>('.name-row input') : form.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
      first?.focus();
      return;
    }
    setBusy(true);
    try {
      const label = input[0]!.name;
      const created = await changes.run(`Added person “${label}”`, () => api.createPerson({ names: input, ...newPersonFacts(facts) }));
      onCreated(created.record);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Modal title="New person" onClose={onClose} wide className="person-dialog">
      <form ref={form} className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="name-rows">
          <legend>Names</legend>
          <ul className="name-row-list">
            {names.map((row, i) => (
              <NameRow
                key={row.key}
                row={row}
                index={i}
                onChange={(next) => setNames((list) => list.map((r) => (r.key === row.key ? next : r)))}
                onRemove={names.length > 1 ? () => setNames((list) => list.filter((r) => r.key !== row.key)) : undefined}
              />
            ))}
          </ul>
          <button type="button" className="secondary-button" onClick={() => setNames((list) => [...list, newRow()])}>
            Add another name
          </button>
        </fieldset>
        <div className="form-grid">
          <PersonFactFields draft={facts} onChange={setFacts} />
        </div>
        {problems.length > 0 && (
          <div role="alert" className="error-message form-problems">
            <p>The person was not added:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {error && <ErrorMessage message={`The person was not added: ${error}`} />}
        <div className="modal-actions">
          <button type="button" className="secondary-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? 'Adding…' : 'Add person'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
