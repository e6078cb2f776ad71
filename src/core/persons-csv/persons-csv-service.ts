/**
 * CSV import and export of persons (fixtures/persons/README.md; DESIGN.md §9 `persons import`/`export`).
 * The parts: csv-reading.ts (bytes to rows), column-mapping.ts (headers to columns), row-values.ts (a row to
 * normalised values), csv-import.ts (matching, batches, what a re-import changes), person-row.ts (a person
 * to a row), csv-export.ts (writing the file), formula-guard.ts (cells safe in a spreadsheet, read back
 * verbatim), persons-csv-repository.ts (the bulk reads).
 */
import { withBulkWrites } from '../db/bulk-writes';
import type { JobProgress, PersonFilter, PersonsCsvMapping, PersonsCsvPreview, PersonsImportSummary } from '../../shared/dto';
import type { RecordContext } from '../changes/record-context';
import type { RecordServices } from '../api/wire-services';
import { proposeMapping } from './column-mapping';
import { exportPersonsCsv } from './csv-export';
import { importPersonsCsv } from './csv-import';
import { readCsvFile } from './csv-reading';
import { createPersonsCsvRepository } from './persons-csv-repository';

export interface CsvRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** The rows a preview shows. */
export const PREVIEW_ROWS = 5;

export function createPersonsCsvService(ctx: RecordContext, services: RecordServices) {
  const repo = createPersonsCsvRepository(ctx.db);
  return {
    /** The file's headers, its first rows as read, how many data rows it has, and the mapping Vigil proposes. */
    async preview(path: string): Promise<PersonsCsvPreview> {
      const table = await readCsvFile(path);
      return {
        headers: table.headers,
        rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells),
        mapping: proposeMapping(table.headers),
        rowCount: table.rows.length,
      };
    },
    async importFile(path: string, options: CsvRunOptions & { mapping?: PersonsCsvMapping; fileName?: string } = {}): Promise<PersonsImportSummary> {
      return withBulkWrites(ctx.db, () => importPersonsCsv({ ctx, services, repo }, path, options));
    },
    async exportFile(path: string, options: CsvRunOptions & { filter?: PersonFilter } = {}): Promise<{ rows: number; cancelled: boolean }> {
      return exportPersonsCsv({ ctx, persons: services.repos.persons, repo }, path, options);
    },
  };
}

export type PersonsCsvService = ReturnType<typeof createPersonsCsvService>;
