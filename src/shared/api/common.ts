/** Argument shapes several parts of the contract share, and the compile-time check each part makes. */
import type { ItemId } from '../ids';
import type { ItemKind, ItemSort } from '../dto';

export interface PageArgs {
  offset?: number;
  limit?: number;
}

/** Methods without arguments take an optional empty object so every method has the same shape. */
export type NoArgs = Record<string, never> | undefined;

export interface JobRef {
  jobId: string;
}

/**
 * A file to read: one a browser uploaded to the web host's /upload (its id), or, from the desktop app and the
 * command line, a path on this computer that the user chose.
 */
export type FileSource = { uploadId: string } | { path: string };

export interface ItemFilter {
  kind?: ItemKind;
  /** A tag label (English or Persian); only items with that tag. */
  tag?: string;
  /** ISO days (YYYY-MM-DD), inclusive, on the date the photo was taken. */
  takenFrom?: string;
  takenTo?: string;
}

export interface ItemListArgs extends PageArgs, ItemFilter {
  sort?: ItemSort;
  order?: 'asc' | 'desc';
}

/** Items chosen in the grid: by id, or every item a filter shows (Ctrl+A) except the ones deselected. */
export type ItemSelection = { ids: ItemId[] } | { filter: ItemFilter; except?: ItemId[] };

/**
 * True only when `List` names every method of `Api`; otherwise the type names the missing ones, so
 * `const _check: EveryMethodListed<Api, typeof list> = true` fails to compile until the list is complete.
 */
export type EveryMethodListed<Api, List extends readonly (keyof Api)[]> = [Exclude<keyof Api, List[number]>] extends [never]
  ? true
  : Exclude<keyof Api, List[number]>;
