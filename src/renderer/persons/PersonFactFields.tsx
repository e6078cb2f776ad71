import { useId, type ReactNode } from 'react';
import type { PersonFact, Sensitivity, Sex } from '../../shared/dto';
import { DateInput } from '../ui/DateInput';
import { useVocabularies } from '../ui/use-vocabularies';
import { dateFields, sensitivityOptions, sexOptions, type FactsDraft } from './person-form';

/**
 * The facts of a person as form fields, shared by the New person dialog and the panel's editor. `source(fact)`
 * puts something under a fact (the editor's source picker); `biography` adds the biography box.
 */
export function PersonFactFields({
  draft,
  onChange,
  biography = false,
  source,
}: {
  draft: FactsDraft;
  onChange(next: FactsDraft): void;
  biography?: boolean;
  source?(fact: PersonFact): ReactNode;
}) {
  const id = useId();
  const { vocabularies } = useVocabularies();
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <fieldset className="span-2 person-roles">
        <legend>Roles</legend>
        <div className="checkbox-row">
          {vocabularies?.roles.map((role) => (
            <label key={role.code} className="checkbox-label">
              <input
                type="checkbox"
                checked={draft.roles.includes(role.code)}
                onChange={(event) => set('roles', event.target.checked ? [...draft.roles, role.code] : draft.roles.filter((r) => r !== role.code))}
              />
              {role.labelEn}
            </label>
          ))}
        </div>
        {source?.('roles')}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-father-fa`}>Father’s name (Persian script)</label>
        <input id={`${id}-father-fa`} type="text" dir="auto" lang="fa" maxLength={300} value={draft.fatherNameFa} onChange={(e) => set('fatherNameFa', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-father-latin`}>Father’s name (Latin script)</label>
        <input id={`${id}-father-latin`} type="text" dir="auto" maxLength={300} value={draft.fatherNameLatin} onChange={(e) => set('fatherNameLatin', e.target.value)} />
      </div>
      {source && <div className="span-2">{source('fatherName')}</div>}
      <div className="field">
        <label htmlFor={`${id}-sex`}>Sex</label>
        <select id={`${id}-sex`} value={draft.sex} onChange={(e) => set('sex', e.target.value as Sex | '')}>
          {sexOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {source?.('sex')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-fate`}>Fate</label>
        <select id={`${id}-fate`} value={draft.fate} onChange={(e) => set('fate', e.target.value)}>
          <option value="">Not recorded</option>
          {vocabularies?.fates.map((fate) => (
            <option key={fate.code} value={fate.code}>
              {fate.labelEn}
            </option>
          ))}
        </select>
        {source?.('fate')}
      </div>
      {dateFields.map(({ field, label }) => (
        <div key={field} className="date-field">
          <DateInput label={label} name={field} value={draft[field]} onChange={(text) => set(field, text)} />
          {source?.(field)}
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-affiliation`}>Affiliation</label>
        <input id={`${id}-affiliation`} type="text" dir="auto" maxLength={300} value={draft.affiliation} onChange={(e) => set('affiliation', e.target.value)} />
        {source?.('affiliation')}
      </div>
      {biography && (
        <div className="field span-2">
          <label htmlFor={`${id}-biography`}>Biography</label>
          <textarea id={`${id}-biography`} dir="auto" maxLength={20000} value={draft.biography} onChange={(e) => set('biography', e.target.value)} />
          {source?.('biography')}
        </div>
      )}
      <div className="field span-2">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} dir="auto" maxLength={20000} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sensitivity`}>Sensitivity</label>
        <select id={`${id}-sensitivity`} value={draft.sensitivity} onChange={(e) => set('sensitivity', e.target.value as Sensitivity)}>
          {sensitivityOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
