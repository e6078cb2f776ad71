/**
 * CSV import and export of persons (fixtures/persons/README.md). Placeholder until the CSV module lands.
 */
import type { JobProgress, PersonFilter, PersonsCsvMapping, PersonsCsvPreview, PersonsImportSummary } from '../../shared/dto';
import { CatalogueError } from '../../shared/errors';
import type { RecordContext } from '../changes/record-context';
import type { RecordServices } from '../api/wire-services';

export interface CsvRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export function createPersonsCsvService(_ctx: RecordContext, _services: RecordServices) {
  const unavailable = () => new CatalogueError('INTERNAL', 'CSV import and export are not built yet.');
  return {
    async preview(_path: string): Promise<PersonsCsvPreview> {
      throw unavailable();
    },
    async importFile(_path: string, _options: CsvRunOptions & { mapping?: PersonsCsvMapping; fileName?: string } = {}): Promise<PersonsImportSummary> {
      throw unavailable();
    },
    async exportFile(_path: string, _options: CsvRunOptions & { filter?: PersonFilter } = {}): Promise<{ rows: number; cancelled: boolean }> {
      throw unavailable();
    },
  };
}

export type PersonsCsvService = ReturnType<typeof createPersonsCsvService>;
