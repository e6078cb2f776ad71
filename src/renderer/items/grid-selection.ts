/**
 * Multi-select in the Items grid, as in a file manager: a click selects one, Ctrl/Cmd+click toggles one,
 * Shift+click selects the run from the anchor (the last item clicked or toggled), and the keyboard moves a
 * focus that Space toggles and Shift+arrows extend. Selection is kept by item id, so it survives refreshes
 * and re-sorting; positions are only used to find runs.
 */

export interface GridSelection {
  selected: ReadonlySet<number>;
  /** Where a Shift run starts. */
  anchor: number | null;
  /** The position the keyboard is on. */
  focus: number | null;
}

export const emptySelection: GridSelection = { selected: new Set(), anchor: null, focus: null };

export interface Modifiers {
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  toggle: boolean;
  range: boolean;
}

type IdAt = (index: number) => number | undefined;

function run(from: number, to: number, idAt: IdAt): number[] {
  const ids: number[] = [];
  const [a, b] = from <= to ? [from, to] : [to, from];
  for (let i = a; i <= b; i++) {
    const id = idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** A pointer click on the item at `index`. */
export function clickAt(state: GridSelection, index: number, modifiers: Modifiers, idAt: IdAt): GridSelection {
  const id = idAt(index);
  if (id === undefined) return state;
  if (modifiers.range && state.anchor !== null) {
    const ids = run(state.anchor, index, idAt);
    const selected = modifiers.toggle ? new Set([...state.selected, ...ids]) : new Set(ids);
    return { selected, anchor: state.anchor, focus: index };
  }
  if (modifiers.toggle) {
    const selected = new Set(state.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: index, focus: index };
  }
  return { selected: new Set([id]), anchor: index, focus: index };
}

/** Space on the focused item. */
export function toggleFocused(state: GridSelection, idAt: IdAt): GridSelection {
  if (state.focus === null) return state;
  return clickAt(state, state.focus, { toggle: true, range: false }, idAt);
}

/** The keyboard focus moves to `index`; with Shift the run from the anchor becomes the selection. */
export function moveFocus(state: GridSelection, index: number, extend: boolean, idAt: IdAt): GridSelection {
  if (!extend) return { ...state, focus: index };
  const anchor = state.anchor ?? state.focus ?? index;
  return { selected: new Set(run(anchor, index, idAt)), anchor, focus: index };
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

/**
 * Where a navigation key takes the focus in a grid of `count` items laid out `columns` to a row, with
 * `pageRows` rows visible at once. Left and right follow reading order across rows; Ctrl+Home/End go to
 * the very first and last item.
 */
export function targetOf(key: GridKey, from: number, count: number, columns: number, pageRows: number, ctrl: boolean): number {
  const last = count - 1;
  const clamp = (n: number) => Math.max(0, Math.min(last, n));
  switch (key) {
    case 'ArrowRight':
      return clamp(from + 1);
    case 'ArrowLeft':
      return clamp(from - 1);
    case 'ArrowDown':
      return from + columns <= last ? from + columns : from;
    case 'ArrowUp':
      return from - columns >= 0 ? from - columns : from;
    case 'Home':
      return ctrl ? 0 : from - (from % columns);
    case 'End':
      return ctrl ? last : clamp(from - (from % columns) + columns - 1);
    case 'PageDown':
      return clamp(from + Math.max(1, pageRows) * columns);
    case 'PageUp':
      return clamp(from - Math.max(1, pageRows) * columns);
  }
}

export const gridKeys: ReadonlySet<string> = new Set<GridKey>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
