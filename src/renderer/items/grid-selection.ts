/**
 * Multi-select in the Items grid, as in a file manager: a click selects one, Ctrl/Cmd+click toggles one,
 * Shift+click selects the run from the anchor (the last item clicked or toggled), and the keyboard moves a
 * focus that Space toggles and Shift+arrows extend. Selection is kept by item id, so it survives refreshes
 * and re-sorting; positions are only used to find runs.
 *
 * Ctrl/Cmd+A selects every item the current filter shows, loaded or not: the selection then says "all,
 * except these" (`all` with the deselected ids in `except`), which is what is sent to the core as
 * `{ filter, except }`, never a list of 100,000 ids.
 */
import type { ItemFilter, ItemSelection } from '../../shared/api';
import type { ItemId } from '../../shared/ids';

export interface GridSelection {
  /** The items chosen one by one (used while `all` is false). */
  selected: ReadonlySet<number>;
  /** Every item the filter shows is selected, except the ones in `except`. */
  all: boolean;
  except: ReadonlySet<number>;
  /** Where a Shift run starts. */
  anchor: number | null;
  /** The position the keyboard is on. */
  focus: number | null;
}

export const emptySelection: GridSelection = { selected: new Set(), all: false, except: new Set(), anchor: null, focus: null };

export function isSelected(state: GridSelection, id: number): boolean {
  return state.all ? !state.except.has(id) : state.selected.has(id);
}

/** How many items are selected, out of the `total` the filter shows. */
export function selectedCount(state: GridSelection, total: number): number {
  return state.all ? Math.max(0, total - state.except.size) : state.selected.size;
}

/** Ctrl/Cmd+A: every item the filter shows, the keyboard focus left where it was. */
export function selectAll(state: GridSelection): GridSelection {
  return { ...state, selected: new Set(), all: true, except: new Set() };
}

/** Escape: nothing selected (the keyboard focus stays). */
export function clearSelection(state: GridSelection): GridSelection {
  return { ...state, selected: new Set(), all: false, except: new Set(), anchor: null };
}

/** Selects or deselects one item by id, keeping the kind of selection ("these" or "all but these"). */
export function setSelected(state: GridSelection, id: number, on: boolean): GridSelection {
  if (state.all) {
    const except = new Set(state.except);
    if (on) except.delete(id);
    else except.add(id);
    return { ...state, except };
  }
  const selected = new Set(state.selected);
  if (on) selected.add(id);
  else selected.delete(id);
  return { ...state, selected };
}

/** What the core is sent for a selection: the ids, or the filter and the ids taken out of it. */
export function toItemSelection(state: GridSelection, filter: ItemFilter): ItemSelection {
  if (state.all) return state.except.size > 0 ? { filter, except: [...state.except] as ItemId[] } : { filter };
  return { ids: [...state.selected] as ItemId[] };
}

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
    if (modifiers.toggle && state.all) {
      const except = new Set(state.except);
      for (const each of ids) except.delete(each);
      return { ...state, except, focus: index };
    }
    const selected = modifiers.toggle ? new Set([...state.selected, ...ids]) : new Set(ids);
    return { selected, all: false, except: new Set(), anchor: state.anchor, focus: index };
  }
  if (modifiers.toggle) {
    return { ...setSelected(state, id, !isSelected(state, id)), anchor: index, focus: index };
  }
  return { selected: new Set([id]), all: false, except: new Set(), anchor: index, focus: index };
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
  return { selected: new Set(run(anchor, index, idAt)), all: false, except: new Set(), anchor, focus: index };
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
