import { useState, type KeyboardEvent } from 'react';

/**
 * The keyboard of an ARIA combobox (the input keeps focus; the options are a listbox it controls): Down/Up
 * move the highlight, Enter chooses it, Escape closes the list, then clears the text. Shared by the record
 * pickers and the tag editor.
 */
export function useCombobox<T>(options: readonly T[], onChoose: (option: T) => void, onEscape?: () => void) {
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const index = active >= options.length ? options.length - 1 : active;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive(options.length === 0 ? -1 : (index + 1) % options.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive(options.length === 0 ? -1 : (index - 1 + options.length) % options.length);
        return;
      case 'Enter': {
        const chosen = options[index >= 0 ? index : 0];
        if (open && chosen !== undefined) {
          event.preventDefault();
          onChoose(chosen);
          setActive(-1);
        }
        return;
      }
      case 'Escape':
        if (open && options.length > 0) {
          event.preventDefault();
          setOpen(false);
        } else onEscape?.();
        return;
    }
  };

  return {
    active: index,
    setActive,
    open: open && options.length > 0,
    setOpen,
    onKeyDown,
  };
}
