/** The fields a change altered, before and after: what a custody event records, and what undo restores. */
export interface FieldDiff {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compares the keys of `next` with `current`; null when nothing differs. */
export function fieldDiff(current: Record<string, unknown>, next: Record<string, unknown>): FieldDiff | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    if (same(current[key], value)) continue;
    before[key] = current[key] ?? null;
    after[key] = value ?? null;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return same(a, b);
}

/**
 * Undo of an edit: refuses when a field the edit set has changed again since (naming the field), otherwise
 * applies the values it replaced.
 */
export function undoEdit(
  ref: string,
  current: Record<string, unknown>,
  details: Record<string, unknown>,
  apply: (before: Record<string, unknown>) => void,
  changedSince: (ref: string, field: string) => Error,
): void {
  const after = (details.after ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(after)) if (!same(current[key], after[key])) throw changedSince(ref, key);
  apply((details.before ?? {}) as Record<string, unknown>);
}
