/**
 * Exporting persons to CSV: the import format's columns, in its order, plus `global_id` (person-row.ts says
 * what each cell holds). UTF-8 with a byte-order mark (spreadsheets need it to read Persian), CRLF line ends,
 * every cell formula-guarded (formula-guard.ts), cells with line breaks quoted.
 *
 * The file is written beside the target under a temporary name and renamed into place once complete and
 * flushed to disk, so the path never holds half a file; a cancelled or failed export leaves no file. Persons
 * are read in batches of EXPORT_BATCH with one query per kind of data. The custody log gets one 'exported'
 * event (rows, filter, the file's name without its folder).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { JobProgress, PersonFilter } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { RecordContext } from '../changes/record-context';
import type { PersonsRepository } from '../persons/persons-repository';
import { guardCell } from './formula-guard';
import { EXPORT_HEADERS, personRows } from './person-row';
import type { PersonsCsvRepository } from './persons-csv-repository';

export const EXPORT_BATCH = 1000;
const BOM = '\ufeff';

export interface CsvExportOptions {
  filter?: PersonFilter;
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export interface CsvExportDeps {
  ctx: RecordContext;
  persons: PersonsRepository;
  repo: PersonsCsvRepository;
}

/** Rows as CSV text: CRLF line ends, cells with a line break (or a comma or a quote) quoted. */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return stringify(rows as string[][], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export async function exportPersonsCsv(deps: CsvExportDeps, path: string, options: CsvExportOptions = {}): Promise<{ rows: number; cancelled: boolean }> {
  deps.ctx.custody.requireActor();
  const filter = options.filter ?? {};
  const ids = deps.persons.ids(filter);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'Vigil may not write there' : (error as Error).message;
    throw new CatalogueError('IO', `The export cannot be written to ${path}: ${why}. Nothing was written.`, { cause: error });
  }
  let done = 0;
  const report = () => options.onProgress?.({ done, total: ids.length, failed: 0, current: null });
  let complete = false;
  try {
    await handle.write(BOM + csvText([EXPORT_HEADERS]));
    report();
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      if (options.signal?.aborted) return { rows: done, cancelled: true };
      const rows = personRows(deps.repo, ids.slice(start, start + EXPORT_BATCH));
      await handle.write(csvText(rows.map((cells) => cells.map(guardCell))));
      done = Math.min(start + EXPORT_BATCH, ids.length);
      report();
    }
    if (options.signal?.aborted) return { rows: done, cancelled: true };
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, path);
    complete = true;
  } catch (error) {
    if (error instanceof CatalogueError) throw error;
    throw new CatalogueError('IO', `The export could not be written to ${path}: ${(error as Error).message}. Nothing was written there.`, { cause: error });
  } finally {
    await handle?.close().catch(() => undefined);
    if (!complete) await rm(temp, { force: true }).catch(() => undefined);
  }
  deps.ctx.runChange([], () => {
    deps.ctx.custody.append({ action: 'exported', targetType: 'catalogue', details: { format: 'persons-csv', rows: done, filter, file: basename(path) } });
  });
  return { rows: done, cancelled: false };
}
