import { useId, useMemo, useRef, useState } from 'react';
import type { TagRef, TagSpec } from '../../shared/dto';
import { errorMessage } from '../ui/error-message';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useCombobox } from '../ui/use-combobox';
import { useVocabularies } from '../ui/use-vocabularies';
import { UserText } from '../ui/UserText';
import { hasExactTag, indexTags, suggestTags, tagLabel } from './tag-matching';
import { useTags } from './use-tags';

type Suggestion = { kind: 'tag'; spec: TagSpec; label: string; detail: string } | { kind: 'new'; spec: TagSpec; label: string; detail: string };

/**
 * Keyboard-first tags (issue 8): type to see matching tags from every vocabulary, Down/Up and Enter to add
 * one, or Enter on new text to make a free tag; each tag shows as a chip with its own Remove button, and
 * Backspace in the empty box removes the last one. Filtering happens here over the whole list, so it stays
 * instant with thousands of tags.
 */
export function TagEditor({
  label,
  inputLabel,
  placeholder = 'Add a tag…',
  allowNew = true,
  emptyText = 'No tags yet.',
  value,
  onAdd,
  onRemove,
  disabled = false,
}: {
  /** The accessible name of the editor ("Tags of ITM-000012"). */
  label: string;
  /** The text box's accessible name; by default "Add a tag to ITM-000012", from `label`. */
  inputLabel?: string;
  placeholder?: string;
  /** Offer to make a free tag from text no tag has (off where only existing tags make sense, as in removing). */
  allowNew?: boolean;
  /** What the chip list says while it is empty. */
  emptyText?: string;
  value: TagRef[];
  onAdd(spec: TagSpec): Promise<void>;
  onRemove(tag: TagRef): Promise<void>;
  disabled?: boolean;
}) {
  const id = useId();
  const { tags } = useTags();
  const vocabularies = useVocabularies();
  const index = useMemo(() => indexTags(tags), [tags]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const applied = useMemo(() => new Set<number>(value.map((t) => t.id)), [value]);

  const typed = text.trim();
  const suggestions: Suggestion[] = useMemo(() => {
    const found: Suggestion[] = suggestTags(index, typed, applied).map((entry) => ({
      kind: 'tag',
      spec: { id: entry.tag.id },
      label: tagLabel(entry.tag),
      detail: entry.path || vocabularies.label('tagVocabularies', entry.tag.vocabulary),
    }));
    if (allowNew && typed && !hasExactTag(index, typed)) found.push({ kind: 'new', spec: { label: typed }, label: `Add new tag “${typed}”`, detail: 'free tag' });
    return found;
  }, [index, typed, applied, allowNew, vocabularies]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };
  const choose = (s: Suggestion) => {
    setText('');
    void act(() => onAdd(s.spec));
  };
  const combo = useCombobox(suggestions, choose, () => setText(''));
  const listId = `${id}-list`;

  return (
    <div className="tag-editor" role="group" aria-label={label}>
      <ul className="tag-chips" aria-label="Tags">
        {value.map((tag) => (
          <li key={tag.id} className="tag-chip">
            <UserText text={tagLabel(tag)} />
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tagLabel(tag)}`} disabled={disabled || busy} onClick={() => void act(() => onRemove(tag))}>
              ×
            </button>
          </li>
        ))}
        {value.length === 0 && <li className="muted tag-none">{emptyText}</li>}
      </ul>
      <div className="picker">
        <input
          ref={input}
          type="text"
          dir="auto"
          role="combobox"
          aria-label={inputLabel ?? `Add a tag to ${label.replace(/^Tags of /, '')}`}
          aria-expanded={combo.open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={combo.open && combo.active >= 0 ? `${id}-s${combo.active}` : undefined}
          placeholder={placeholder}
          value={text}
          disabled={disabled}
          onChange={(event) => {
            setText(event.target.value);
            combo.setOpen(true);
            combo.setActive(-1);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Backspace' && text === '' && value.length > 0) {
              event.preventDefault();
              const last = value[value.length - 1]!;
              void act(() => onRemove(last));
              return;
            }
            combo.onKeyDown(event);
          }}
          onFocus={() => combo.setOpen(true)}
          onBlur={() => combo.setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching tags" className="picker-options" hidden={!combo.open}>
          {suggestions.map((s, i) => (
            <li
              key={`${s.kind}-${'id' in s.spec ? s.spec.id : s.label}`}
              id={`${id}-s${i}`}
              role="option"
              aria-selected={i === combo.active}
              className={i === combo.active ? 'picker-option active' : 'picker-option'}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(s);
              }}
            >
              <UserText text={s.label} className="picker-label" />
              <span className="picker-detail">{s.detail}</span>
            </li>
          ))}
        </ul>
      </div>
      {error && <ErrorMessage message={error} />}
    </div>
  );
}
