import type { SourceId } from '../../../shared/ids';
import { SourcePicker } from '../../sources/SourcePicker';
import { UserText } from '../../ui/UserText';

export interface ChosenSource {
  id: SourceId;
  label: string;
}

/**
 * Which source a form cites: the one chosen, with a button to remove it, or a picker to find (or make) one.
 * `label` names the picker for screen readers ("Source for Death date").
 */
export function SourceField({ label, value, onChange }: { label: string; value: ChosenSource | null; onChange(next: ChosenSource | null): void }) {
  if (value) {
    return (
      <div className="source-field">
        <span className="source-note">
          Source: <UserText text={value.label} />
        </span>
        <button type="button" className="link-button" aria-label={`Remove the source of ${label.replace(/^Source for /, '')}`} onClick={() => onChange(null)}>
          Remove source
        </button>
      </div>
    );
  }
  return (
    <div className="source-field source-field-picking">
      <span className="source-field-label" aria-hidden="true">
        Source
      </span>
      <SourcePicker label={label} onPick={(id, option) => onChange({ id, label: `${option.detail ? `${option.detail.split(' · ')[0]} ` : ''}${option.label}` })} />
    </div>
  );
}
