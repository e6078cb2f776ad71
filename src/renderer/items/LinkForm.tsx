import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { PersonId, PlaceId, SourceId } from '../../shared/ids';
import { PersonPicker } from '../persons/PersonPicker';
import { PlacePicker } from '../places/PlacePicker';
import { SourcePicker } from '../sources/SourcePicker';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { PickerOption } from '../ui/RecordPicker';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { escapeBelongsToField } from '../ui/field-escape';
import { defaultCertainty, linkTypesFor, type LinkTarget } from './item-links';

export interface LinkChoice {
  target: LinkTarget;
  /** The person or place picked. */
  record: { id: PersonId | PlaceId; label: string; detail: string | null };
  type: string;
  /** The type's label as read from the item ("Depicts"). */
  typeLabel: string;
  certainty: string;
  certaintyLabel: string;
  source: { id: SourceId; label: string } | null;
}

const nouns: Record<LinkTarget, string> = { person: 'person', place: 'place' };

/**
 * What a new link from items to one person or place needs (issue 8): the record, found as you type in either
 * script; for a person, the role the items have (depicts, mentions, is about); the certainty (reported
 * unless said otherwise); and, optionally, the source that says so. Used by the item panel and, for a whole
 * selection, by the selection bar. After a record is picked, the keyboard goes on to the role (or the
 * certainty); Escape cancels unless it is clearing a search box.
 */
export function LinkForm({
  target,
  submitLabel,
  defaultType,
  initial,
  onSubmit,
  onCancel,
  autoFocus = true,
}: {
  target: LinkTarget;
  submitLabel: string;
  defaultType?: string;
  /** The choices to start from (going back from a confirmation). */
  initial?: LinkChoice;
  onSubmit(choice: LinkChoice): Promise<void>;
  onCancel(): void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const { vocabularies } = useVocabularies();
  const types = linkTypesFor(vocabularies, target);
  const levels = vocabularies?.certainty ?? [];
  const [record, setRecord] = useState<LinkChoice['record'] | null>(initial?.record ?? null);
  const [type, setType] = useState<string>(initial?.type ?? defaultType ?? '');
  const [certainty, setCertainty] = useState<string>(initial?.certainty ?? '');
  const [source, setSource] = useState<LinkChoice['source']>(initial?.source ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = useRef<HTMLSelectElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLDivElement>(null);
  // Where the keyboard goes once the record shown changes: on to the next choice, or back to the search box.
  const moveFocus = useRef<'next' | 'picker' | null>(null);
  useEffect(() => {
    const where = moveFocus.current;
    moveFocus.current = null;
    if (where === 'next') (next.current ?? changeButton.current)?.focus();
    else if (where === 'picker') picker.current?.querySelector('input')?.focus();
  }, [record]);

  // Until the archivist chooses, the first role that exists (or the one asked for) and the default certainty.
  const chosenType = types.some((t) => t.code === type) ? type : (types[0]?.code ?? '');
  const chosenCertainty = certainty || defaultCertainty(vocabularies);
  const noun = nouns[target];

  const pick = (pickedId: number, option: PickerOption) => {
    setRecord({ id: pickedId as PersonId | PlaceId, label: option.label, detail: option.detail ?? null });
    setError(null);
    moveFocus.current = 'next';
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!record) {
      setError(`Pick a ${noun} first: type part of a name and choose from the list.`);
      return;
    }
    const term = types.find((t) => t.code === chosenType);
    if (!term) {
      setError(`This catalogue has no link type for an item and a ${noun}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        target,
        record,
        type: term.code,
        typeLabel: term.labelEn,
        certainty: chosenCertainty,
        certaintyLabel: levels.find((l) => l.code === chosenCertainty)?.labelEn ?? chosenCertainty,
        source,
      });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || escapeBelongsToField(event)) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  return (
    <form className="link-form edit-form" aria-label={`Link to a ${noun}`} onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      {record ? (
        <div className="link-form-record">
          <span className="link-form-record-label">{target === 'person' ? 'Person' : 'Place'}</span>
          <span className="link-form-record-name">
            <UserText text={record.label} />
            {record.detail && <UserText text={record.detail} className="picker-detail" />}
          </span>
          <button
            ref={changeButton}
            type="button"
            className="link-button"
            onClick={() => {
              moveFocus.current = 'picker';
              setRecord(null);
            }}
          >
            Change<span className="visually-hidden"> {noun}</span>
          </button>
        </div>
      ) : (
        <div ref={picker}>
          {target === 'person' ? (
            <PersonPicker label="Find a person to link" autoFocus={autoFocus} onPick={pick} />
          ) : (
            <PlacePicker label="Find a place to link" autoFocus={autoFocus} onPick={pick} allowCreate />
          )}
        </div>
      )}
      <div className="form-grid">
        {types.length > 1 ? (
          <div className="field">
            <label htmlFor={`${id}-type`}>{target === 'person' ? 'Role of the item' : 'Link type'}</label>
            <select id={`${id}-type`} ref={next} value={chosenType} onChange={(event) => setType(event.target.value)}>
              {types.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.labelEn}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-certainty`}>Certainty</label>
          <select
            id={`${id}-certainty`}
            ref={types.length > 1 ? undefined : next}
            value={chosenCertainty}
            onChange={(event) => setCertainty(event.target.value)}
          >
            {levels.map((level) => (
              <option key={level.code} value={level.code}>
                {level.labelEn}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field link-form-source">
        <span className="field-label" id={`${id}-source`}>
          Source <span className="muted">(optional)</span>
        </span>
        {source ? (
          <div className="link-form-record" aria-labelledby={`${id}-source`} role="group">
            <UserText text={source.label} />
            <button type="button" className="link-button" onClick={() => setSource(null)}>
              Remove<span className="visually-hidden"> source</span>
            </button>
          </div>
        ) : (
          <SourcePicker label="Source of the link (optional)" onPick={(sourceId, option) => setSource({ id: sourceId, label: option.label })} />
        )}
      </div>
      {error && <ErrorMessage message={error} />}
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={busy || !record}>
          {busy ? 'Working…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
