import type { KeyboardEvent } from 'react';

/**
 * True when an Escape belongs to a field rather than to the form or dialog around it: a suggestion list just
 * closed by it (the combobox prevented its default), or a search box it is about to clear. The form then
 * keeps the key to itself, so one Escape never both clears a box and closes the form.
 */
export function escapeBelongsToField(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape') return false;
  if (event.defaultPrevented) return true;
  const target = event.target;
  return target instanceof HTMLInputElement && target.getAttribute('role') === 'combobox' && target.value !== '';
}

/** Stops an Escape that belongs to a field from reaching the dialog, which would close. */
export function keepFieldEscape(event: KeyboardEvent): boolean {
  if (!escapeBelongsToField(event)) return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}
