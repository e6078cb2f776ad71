/**
 * Branded ids: an item id cannot be passed where a person id is expected, although both are numbers in
 * SQLite. The brand exists only for the type checker.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ItemId = Brand<number, 'ItemId'>;
export type PersonId = Brand<number, 'PersonId'>;
export type PlaceId = Brand<number, 'PlaceId'>;
export type ExhibitSetId = Brand<number, 'ExhibitSetId'>;
export type PersonNameId = Brand<number, 'PersonNameId'>;
export type SourceId = Brand<number, 'SourceId'>;
export type TagId = Brand<number, 'TagId'>;
export type LinkId = Brand<number, 'LinkId'>;

/** Human-facing reference codes (DESIGN.md §4): stable, zero-padded, never reused. */
export const refPrefixes = { item: 'ITM', person: 'V', place: 'PL', source: 'SRC', exhibitSet: 'EXS' } as const;
export type RefKind = keyof typeof refPrefixes;

export function formatRef(kind: RefKind, id: number): string {
  return `${refPrefixes[kind]}-${String(id).padStart(6, '0')}`;
}

/** Reads `ITM-000123` back into its kind and number; null for anything else. */
export function parseRef(ref: string): { kind: RefKind; id: number } | null {
  const match = /^([A-Z]{1,3})-(\d{1,12})$/.exec(ref.trim().toUpperCase());
  if (!match) return null;
  const kind = (Object.keys(refPrefixes) as RefKind[]).find((k) => refPrefixes[k] === match[1]);
  if (!kind) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id > 0 ? { kind, id } : null;
}
