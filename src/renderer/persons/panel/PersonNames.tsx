import { useId, useState, type FormEvent } from 'react';
import type { NameInput, NamePatch, NameScript, NameType, PersonDetail, PersonName } from '../../../shared/dto';
import { useClient } from '../../client/use-client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { UserText } from '../../ui/UserText';
import { detectedScriptLabel, nameTypeLabels, scriptLabels } from '../person-form';
import { PanelSection } from './PanelSection';
import { SourceField, type ChosenSource } from './SourceField';
import { SourceNote } from './SourceNote';
import { useSectionAction } from './use-section-action';

interface NameFormValue {
  name: string;
  script: NameScript | 'auto';
  type: NameType;
  preferred: boolean;
  source: ChosenSource | null;
}

/** Adding or changing one name: as written, its script (detected unless chosen), type, preferred, source. */
function NameForm({
  title,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: NameFormValue;
  submitLabel: string;
  busy: boolean;
  onSubmit(value: NameFormValue): void;
  onCancel(): void;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const detected = detectedScriptLabel(value.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.name.trim()) onSubmit(value);
  };
  return (
    <form className="edit-form name-form" aria-label={title} onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name, as written</label>
        <input id={`${id}-name`} type="text" dir="auto" maxLength={300} value={value.name} autoFocus onChange={(e) => setValue({ ...value, name: e.target.value })} />
        {value.script === 'auto' && detected && <p className="field-hint">Detected: {detected}</p>}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-script`}>Script</label>
          <select id={`${id}-script`} value={value.script} onChange={(e) => setValue({ ...value, script: e.target.value as NameScript | 'auto' })}>
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
          <select id={`${id}-type`} value={value.type} onChange={(e) => setValue({ ...value, type: e.target.value as NameType })}>
            {(Object.keys(nameTypeLabels) as NameType[]).map((t) => (
              <option key={t} value={t}>
                {nameTypeLabels[t]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="checkbox-label">
        <input type="checkbox" checked={value.preferred} onChange={(e) => setValue({ ...value, preferred: e.target.checked })} />
        Preferred name in its script
      </label>
      <SourceField label="Source for this name" value={value.source} onChange={(source) => setValue({ ...value, source })} />
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={busy || !value.name.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

const formValueOf = (name: PersonName): NameFormValue => ({
  name: name.name,
  script: name.script,
  type: name.type,
  preferred: name.preferred,
  source: name.source ? { id: name.source.id, label: `${name.source.ref} ${name.source.title}` } : null,
});

/** What changed in a name, or null when nothing did. */
function namePatch(before: PersonName, value: NameFormValue): NamePatch | null {
  const patch: NamePatch = {};
  if (value.name.trim() !== before.name) patch.name = value.name.trim();
  if (value.script !== 'auto' && value.script !== before.script) patch.script = value.script;
  if (value.type !== before.type) patch.type = value.type;
  if (value.preferred !== before.preferred) patch.preferred = value.preferred;
  if ((value.source?.id ?? null) !== (before.source?.id ?? null)) patch.sourceId = value.source?.id ?? null;
  return Object.keys(patch).length > 0 ? patch : null;
}

/**
 * Every name of the person (DESIGN.md §5): verbatim as recorded, with its script, type, the preferred flag and
 * the source it was found in; added, changed and removed here. The core keeps at least one name: removing the
 * last is refused, and its sentence is shown here.
 */
export function PersonNames({ person, onChanged }: { person: PersonDetail; onChanged(next: PersonDetail): void }) {
  const { api } = useClient();
  const { act, error, busy } = useSectionAction();
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  const add = (value: NameFormValue) => {
    const name: NameInput = {
      name: value.name.trim(),
      type: value.type,
      preferred: value.preferred,
      ...(value.script === 'auto' ? {} : { script: value.script }),
      ...(value.source ? { sourceId: value.source.id } : {}),
    };
    void act(`Added the name “${name.name}” to ${person.ref}`, () => api.addPersonName({ personId: person.id, name }), (result) => {
      setEditing(null);
      onChanged(result.record);
    });
  };
  const save = (before: PersonName, value: NameFormValue) => {
    const patch = namePatch(before, value);
    if (!patch) {
      setEditing(null);
      return;
    }
    void act(`Changed the name “${before.name}” of ${person.ref}`, () => api.updatePersonName({ id: before.id, patch }), (result) => {
      setEditing(null);
      onChanged(result.record);
    });
  };
  const remove = (name: PersonName) => {
    void act(`Removed the name “${name.name}” from ${person.ref}`, () => api.removePersonName({ id: name.id }), (result) => onChanged(result.record));
  };

  return (
    <PanelSection
      title={`Names (${person.names.length})`}
      actions={
        editing !== 'new' && (
          <button type="button" className="link-button" onClick={() => setEditing('new')}>
            Add a name
          </button>
        )
      }
    >
      <ul className="person-names">
        {person.names.map((name) =>
          editing === name.id ? (
            <li key={name.id}>
              <NameForm title={`Edit the name ${name.name}`} initial={formValueOf(name)} submitLabel="Save" busy={busy} onSubmit={(v) => save(name, v)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={name.id} className="person-name">
              <div className="person-name-main">
                <UserText text={name.name} className={name.script === 'persian' ? 'person-name-text persian' : 'person-name-text'} />
                <span className="person-name-meta">
                  {scriptLabels[name.script]} · {nameTypeLabels[name.type]}
                  {name.language && <> · {name.language}</>}
                  {name.preferred && <span className="badge badge-preferred">Preferred</span>}
                </span>
                <SourceNote source={name.source} />
              </div>
              <div className="person-row-actions">
                <button type="button" className="link-button" aria-label={`Edit the name ${name.name}`} onClick={() => setEditing(name.id)}>
                  Edit
                </button>
                <button type="button" className="link-button danger-link" aria-label={`Remove the name ${name.name}`} disabled={busy} onClick={() => remove(name)}>
                  Remove
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' && (
        <NameForm
          title="Add a name"
          initial={{ name: '', script: 'auto', type: 'variant', preferred: false, source: null }}
          submitLabel="Add name"
          busy={busy}
          onSubmit={add}
          onCancel={() => setEditing(null)}
        />
      )}
      {error && <ErrorMessage message={error} />}
    </PanelSection>
  );
}
