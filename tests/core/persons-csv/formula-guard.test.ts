import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from '../../../src/core/persons-csv/formula-guard';

describe('formula guard', () => {
  const hostile = ["=cmd|' /C calc'!A0", '@SUM(1)', '+1', '-1', '\t=1', '\r+1', '=', "'=x", "''=x", "'@", "'\t"];

  it('puts one apostrophe before every cell a spreadsheet would run, and before cells that look guarded', () => {
    for (const value of hostile) expect(guardCell(value)).toBe(`'${value}`);
  });

  it('leaves every other cell alone', () => {
    for (const value of ['', 'Evin', "'quoted", "'", "''", 'a=b', ' =x', '<script>alert(1)</script>', 'محمد', '1988-08?']) {
      expect(guardCell(value)).toBe(value);
    }
  });

  it('reads every guarded cell back as the value it guards', () => {
    for (const value of [...hostile, '', 'Evin', "'quoted", "'", 'a=b', '<script>']) expect(unguardCell(guardCell(value))).toBe(value);
  });

  it('takes exactly one apostrophe off a cell written elsewhere that matches the rule', () => {
    expect(unguardCell("'=SUM(1)")).toBe('=SUM(1)');
    expect(unguardCell("'''-1")).toBe("''-1");
    expect(unguardCell("'hello")).toBe("'hello");
  });
});
