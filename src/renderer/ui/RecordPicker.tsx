import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from './error-message';
import { useCombobox } from './use-combobox';
import { useDebouncedValue } from './use-debounced-value';
import { UserText } from './UserText';

export interface PickerOption {
  id: number;
  /** The record's name (untrusted text). */
  label: string;
  /** A second line: its reference, its name in the other script. */
  detail?: string | null;
}

export const PICKER_DEBOUNCE_MS = 120;

/**
 * Finds a record as you type (a person, a place, a source) and picks it with the keyboard or the mouse. The
 * search runs after a short pause; answers to older text are dropped. `onCreate` offers to make a new record
 * from the text typed when nothing fits.
 */
export function RecordPicker({
  label,
  placeholder,
  search,
  onPick,
  onCreate,
  createLabel = (text) => `Create “${text}”`,
  autoFocus = false,
}: {
  /** The accessible name of the box ("Find a person"). */
  label: string;
  placeholder?: string;
  search(text: string): Promise<PickerOption[]>;
  onPick(option: PickerOption): void;
  onCreate?(text: string): void;
  createLabel?(text: string): string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ text: string; options: PickerOption[]; error: string | null }>({ text: '', options: [], error: null });
  const settled = useDebouncedValue(text.trim(), PICKER_DEBOUNCE_MS);
  const request = useRef(0);
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  });

  useEffect(() => {
    const mine = ++request.current;
    if (!settled) {
      setFound({ text: '', options: [], error: null });
      return;
    }
    searchRef.current(settled).then(
      (options) => mine === request.current && setFound({ text: settled, options, error: null }),
      (error: unknown) => mine === request.current && setFound({ text: settled, options: [], error: errorMessage(error) }),
    );
  }, [settled]);

  const typed = text.trim();
  const creating = onCreate && typed && found.text === typed ? [{ id: -1, label: createLabel(typed) }] : [];
  const options: PickerOption[] = [...found.options, ...creating];
  const choose = (option: PickerOption) => {
    if (option.id === -1) onCreate?.(typed);
    else onPick(option);
    setText('');
    combo.setOpen(false);
  };
  const combo = useCombobox(options, choose, () => setText(''));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className="picker">
      <input
        ref={input}
        type="text"
        dir="auto"
        role="combobox"
        aria-label={label}
        aria-expanded={combo.open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={combo.open && combo.active >= 0 ? optionId(combo.active) : undefined}
        placeholder={placeholder}
        autoFocus={autoFocus}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          combo.setOpen(true);
          combo.setActive(-1);
        }}
        onKeyDown={combo.onKeyDown}
        onBlur={() => combo.setOpen(false)}
        onFocus={() => combo.setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: results`} className="picker-options" hidden={!combo.open}>
        {options.map((option, i) => (
          <li
            key={`${option.id}-${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === combo.active}
            className={i === combo.active ? 'picker-option active' : 'picker-option'}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            <UserText text={option.label} className="picker-label" />
            {option.detail && <UserText text={option.detail} className="picker-detail" />}
          </li>
        ))}
      </ul>
      {found.error && <p className="picker-error">{found.error}</p>}
      {typed && found.text === typed && options.length === 0 && !found.error && <p className="picker-empty muted">Nothing found for “{typed}”.</p>}
    </div>
  );
}
