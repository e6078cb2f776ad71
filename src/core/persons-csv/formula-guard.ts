/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-` or `@` is run as a
 * formula by Excel, LibreOffice and Google Sheets, and a leading tab or carriage return lets such a cell slip
 * past naive checks. Every cell Vigil exports passes through `guardCell`, and every cell it imports through
 * `unguardCell`, under one rule that round-trips every value verbatim:
 *
 * - Export: a cell that starts with one of `= + - @ \t \r` gets one leading apostrophe (`'`), which
 *   spreadsheets read as "this is text". A cell that already starts with one or more apostrophes followed by
 *   one of those characters gets one more apostrophe as well, so it cannot be mistaken for a guarded cell.
 * - Import: a cell that matches /^'+[=+\-@\t\r]/ loses exactly one leading apostrophe; every other cell is
 *   kept as it is.
 *
 * So `=SUM(1)` is written `'=SUM(1)` and read back as `=SUM(1)`; `'=x` is written `''=x` and read back as
 * `'=x`; `'hello` (an apostrophe not followed by a formula character) is written and read as it is. The one
 * consequence for files made elsewhere: a cell typed as `'=x` in another tool (to keep a spreadsheet from
 * running it) imports as `=x`, which is what that cell displays.
 *
 * The import trims the whitespace around a cell before it unguards it (see row-values.ts), so a guarded
 * value that starts with a tab or a carriage return keeps it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The cell as it is written to a CSV file: safe to open in a spreadsheet, and read back by `unguardCell`. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) || GUARDED.test(value) ? `'${value}` : value;
}

/** The value a cell written by `guardCell` (or any cell of a file) stands for. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
