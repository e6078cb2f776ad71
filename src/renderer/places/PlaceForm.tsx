import { useId, useState, type FormEvent } from 'react';
import type { PlaceInput, PlaceTypeTerm } from '../../shared/dto';
import type { PlaceId } from '../../shared/ids';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { UserText } from '../ui/UserText';
import { readPlaceForm, sensitivities, withType, type PlaceFormErrors, type PlaceFormValues } from './place-form';
import { PlacePicker } from './PlacePicker';

/**
 * The fields of a place (DESIGN.md §4): its type, its names in both scripts, the place it is inside, its
 * coordinates with their own sensitivity (strictly confidential by default where the type holds graves, as
 * the form says), the record's sensitivity and notes. Used by "New place" and by the panel's Edit.
 * `onSubmit` gets the form as a PlaceInput; what it throws (a loop in the hierarchy, say) is shown here.
 */
export function PlaceForm({
  initial,
  types,
  placeId,
  submitLabel,
  onSubmit,
  onCancel,
  compact = false,
}: {
  initial: PlaceFormValues;
  types: readonly PlaceTypeTerm[];
  /** The place being edited: it cannot be inside itself, so the parent picker leaves it out. */
  placeId?: PlaceId;
  submitLabel: string;
  onSubmit(input: PlaceInput): Promise<void>;
  onCancel(): void;
  /** One column, for the narrow detail panel. */
  compact?: boolean;
}) {
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PlaceFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const type = types.find((t) => t.code === values.type) ?? null;
  const set = (patch: Partial<PlaceFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const read = readPlaceForm(values);
    setErrors(read.errors);
    if (!read.input) {
      setError('Check the fields marked below.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(read.input);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  const fieldError = (key: keyof PlaceFormErrors) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="field-hint field-error">
        {errors[key]}
      </p>
    ) : null;
  const describedBy = (key: keyof PlaceFormErrors, hint?: string) => [errors[key] ? `${id}-${key}-error` : null, hint].filter(Boolean).join(' ') || undefined;

  return (
    <form className={compact ? 'edit-form place-form compact' : 'edit-form place-form'} onSubmit={(event) => void submit(event)} noValidate>
      {error && <ErrorMessage message={error} />}
      <div className="form-grid">
        <div className="field span-2">
          <label htmlFor={`${id}-type`}>Type</label>
          <select id={`${id}-type`} value={values.type} onChange={(event) => setValues((v) => withType(v, event.target.value, types))} aria-invalid={errors.type ? true : undefined}>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.labelEn}
              </option>
            ))}
          </select>
          {fieldError('type')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-fa`}>Name in Persian script</label>
          <input
            id={`${id}-fa`}
            type="text"
            dir="rtl"
            lang="fa"
            maxLength={500}
            value={values.nameFa}
            onChange={(event) => set({ nameFa: event.target.value })}
            aria-invalid={errors.names ? true : undefined}
            aria-describedby={describedBy('names')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-latin`}>Name in Latin script</label>
          <input
            id={`${id}-latin`}
            type="text"
            dir="auto"
            maxLength={500}
            value={values.nameLatin}
            onChange={(event) => set({ nameLatin: event.target.value })}
            aria-invalid={errors.names ? true : undefined}
            aria-describedby={describedBy('names')}
          />
        </div>
        {errors.names && <div className="span-2">{fieldError('names')}</div>}
        <div className="field span-2">
          <span className="field-label" id={`${id}-parent`}>
            Inside
          </span>
          {values.parent ? (
            <p className="place-parent-choice" aria-labelledby={`${id}-parent`}>
              <UserText text={values.parent.label} />
              <button type="button" className="link-button" onClick={() => set({ parent: null })} aria-label={`Not inside ${values.parent.label}`}>
                Remove
              </button>
            </p>
          ) : (
            <PlacePicker
              label="Inside which place (a prison in a city, a grave in a cemetery)"
              exclude={placeId}
              onPick={(parentId, option) => set({ parent: { id: parentId, label: option.label } })}
            />
          )}
        </div>
        <fieldset className="span-2 place-coordinates">
          <legend>Coordinates</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-lat`}>Latitude</label>
              <input
                id={`${id}-lat`}
                type="text"
                inputMode="decimal"
                dir="ltr"
                placeholder="35.7983"
                value={values.lat}
                onChange={(event) => set({ lat: event.target.value })}
                aria-invalid={errors.lat ? true : undefined}
                aria-describedby={describedBy('lat')}
              />
              {fieldError('lat')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-lon`}>Longitude</label>
              <input
                id={`${id}-lon`}
                type="text"
                inputMode="decimal"
                dir="ltr"
                placeholder="51.3890"
                value={values.lon}
                onChange={(event) => set({ lon: event.target.value })}
                aria-invalid={errors.lon ? true : undefined}
                aria-describedby={describedBy('lon')}
              />
              {fieldError('lon')}
            </div>
            <div className="field span-2">
              <label htmlFor={`${id}-coord-sensitivity`}>Sensitivity of the coordinates</label>
              <select
                id={`${id}-coord-sensitivity`}
                value={values.coordinatesSensitivity}
                onChange={(event) => set({ coordinatesSensitivity: event.target.value as PlaceFormValues['coordinatesSensitivity'], coordinatesSensitivityChosen: true })}
                aria-describedby={`${id}-coord-hint`}
              >
                {sensitivities.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
              <p id={`${id}-coord-hint`} className={type?.graves ? 'field-hint place-graves-hint' : 'field-hint'}>
                {type?.graves
                  ? `${type.labelEn}: places of this type hold graves, so their coordinates are strictly confidential unless you decide otherwise. Where a grave lies can put families and witnesses at risk.`
                  : 'Coordinates are kept restricted unless you decide otherwise.'}
              </p>
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-sensitivity`}>Sensitivity of the record</label>
          <select id={`${id}-sensitivity`} value={values.sensitivity} onChange={(event) => set({ sensitivity: event.target.value as PlaceFormValues['sensitivity'] })}>
            {sensitivities.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field span-2">
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea id={`${id}-notes`} dir="auto" maxLength={20000} value={values.notes} onChange={(event) => set({ notes: event.target.value })} />
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
