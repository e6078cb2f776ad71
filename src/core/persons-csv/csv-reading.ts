/**
 * Reads a CSV file into its header and rows, or refuses it with one sentence before anything is written.
 *
 * Accepted: UTF-8 with or without a byte-order mark, CRLF or LF line ends, quoted cells holding commas,
 * doubled quotes and line breaks (csv-parse). Refused: a file that is empty, not UTF-8 (a photo, a UTF-16
 * export), holds NUL bytes, or is not valid CSV (the sentence names the line the parser stopped at).
 *
 * Rows are numbered as a spreadsheet numbers them: the header is row 1 and each record is one row, however
 * many line breaks its quoted cells hold; a blank line is a row too (it is skipped, but counted). The number
 * comes from the parser's record count, never from counting lines.
 */
import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { CatalogueError } from '../../shared/errors';

export interface CsvRow {
  /** The row's number as a spreadsheet shows it (header = 1). */
  row: number;
  /** The cells as read (untrusted text, not trimmed). */
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  /** The data rows, blank rows left out. */
  rows: CsvRow[];
}

function refuse(message: string, cause?: unknown): CatalogueError {
  return new CatalogueError('INVALID_ARGUMENT', message, cause === undefined ? undefined : { cause });
}

/** The parser's complaint as a sentence a person can act on, naming the line it stopped at. */
function parseErrorSentence(error: CsvError): string {
  const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as unknown as { lines: number }).lines : null;
  const at = line ? ` at line ${line}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `The file is not valid CSV: a quoted cell opened${line ? ` on or before line ${line}` : ''} is never closed. Nothing was imported.`;
    case 'INVALID_OPENING_QUOTE':
      return `The file is not valid CSV: a quote appears inside a cell that does not start with one${at} (write the whole cell in quotes and double the quote). Nothing was imported.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `The file is not valid CSV: text follows a closing quote${at} (a quote inside a quoted cell must be doubled). Nothing was imported.`;
    default:
      return `The file is not valid CSV${at}: ${error.message}. Nothing was imported.`;
  }
}

/** Decodes the bytes as UTF-8 (a byte-order mark dropped), or refuses them. */
export function decodeCsvText(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw refuse(`${name} is not a UTF-8 text file, so it cannot be read as CSV (save it from the spreadsheet as "CSV UTF-8"). Nothing was imported.`, error);
  }
  if (text.includes('\0')) {
    throw refuse(`${name} holds NUL bytes, so it is not a CSV text file (save it from the spreadsheet as "CSV UTF-8"). Nothing was imported.`);
  }
  if (text.trim() === '') throw refuse(`${name} is empty: there is no header row and no data to import.`);
  return text;
}

/** Parses CSV text: the header and the non-blank data rows, each with its spreadsheet row number. */
export function parseCsvText(text: string): CsvTable {
  let records: Array<{ record: string[]; info: { records: number } }>;
  try {
    records = parse(text, {
      info: true,
      // Rows of another length are the import's to report, row by row; blank lines are kept so rows are counted.
      relax_column_count: true,
      skip_empty_lines: false,
    }) as unknown as Array<{ record: string[]; info: { records: number } }>;
  } catch (error) {
    if (error instanceof CsvError) throw refuse(parseErrorSentence(error), error);
    throw error;
  }
  const first = records[0];
  if (!first || first.record.every((h) => h.trim() === '')) throw refuse('The file has no header row: its first row must name the columns (ref, name_fa, name_latin, ...).');
  const rows: CsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((cell) => cell.trim() === '')) continue;
    rows.push({ row: info.records, cells: record });
  }
  return { headers: first.record, rows };
}

/** Reads and parses a CSV file; every refusal is a CatalogueError (INVALID_ARGUMENT or IO) with one sentence. */
export async function readCsvFile(path: string): Promise<CsvTable> {
  const name = path.split(/[\\/]/).pop() ?? path;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CatalogueError('NOT_FOUND', `There is no file ${path}.`, { cause: error });
    if (code === 'EISDIR') throw refuse(`${path} is a folder, not a CSV file.`, error);
    throw new CatalogueError('IO', `${path} could not be read: ${(error as Error).message}`, { cause: error });
  }
  return parseCsvText(decodeCsvText(bytes, name));
}
