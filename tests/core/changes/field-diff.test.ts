import { describe, expect, it } from 'vitest';
import { fieldDiff, sameValue, undoEdit } from '../../../src/core/changes/field-diff';
import { changedSince } from '../../../src/core/changes/record-context';

describe('field diff', () => {
  it('records only the fields a patch changes, with their values before and after', () => {
    const current = { title: 'Evin', notes: null, roles: ['victim'], sources: { deathDate: 1 } };
    expect(fieldDiff(current, { title: 'Evin', notes: 'New', roles: ['victim'] })).toEqual({ before: { notes: null }, after: { notes: 'New' } });
    expect(fieldDiff(current, { roles: ['victim', 'witness'], sources: { deathDate: 2 } })).toEqual({
      before: { roles: ['victim'], sources: { deathDate: 1 } },
      after: { roles: ['victim', 'witness'], sources: { deathDate: 2 } },
    });
  });

  it('treats a field left out as unchanged and null as equal to a missing value', () => {
    expect(fieldDiff({ title: 'A', notes: null }, { title: undefined, notes: null })).toBeNull();
    expect(fieldDiff({ title: 'A' }, { notes: null })).toBeNull();
    expect(fieldDiff({ title: 'A' }, { title: null })).toEqual({ before: { title: 'A' }, after: { title: null } });
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue('', null)).toBe(false);
  });

  it('undoes an edit by applying the values before it, unless a field it set has changed again', () => {
    const applied: Array<Record<string, unknown>> = [];
    const details = { before: { notes: 'Old', sex: null }, after: { notes: 'New', sex: 'male' } };
    undoEdit('V-000001', { notes: 'New', sex: 'male', fate: 'executed' }, details, (before) => applied.push(before), changedSince);
    expect(applied).toEqual([{ notes: 'Old', sex: null }]);
    expect(() => undoEdit('V-000001', { notes: 'Newer', sex: 'male' }, details, (before) => applied.push(before), changedSince)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/V-000001 was changed again.*\(notes\)/) }),
    );
    expect(applied).toHaveLength(1);
  });
});
