/**
 * The browser's intake (`vigil web`): each file's bytes go to the host's POST /upload, one request per file,
 * and the upload ids then go to `importUploads`, which starts the import job. The page never sees a path on
 * the host; the name sent is the one the user sees (relative to a picked or dropped folder).
 */
import type { CatalogueApi, JobRef } from '../../shared/api';
import { createUploadCsvTransfer } from './csv-transfer';
import { nameOf, walkEntries, type NamedFile } from './dropped-files';
import { startInChunks, type DroppedItems, type FileChooser, type IntakeOptions, type IntakePort } from './intake-port';
import { uploadFile } from './upload-file';

export { UPLOAD_URL } from './upload-file';

/** Files in flight at once: enough to hide request latency, few enough to keep the host's disk sequential-ish. */
const CONCURRENCY = 3;
/** Upload ids per importUploads call: the host reads at most 1 MiB of JSON per request. */
const IDS_PER_JOB = 20_000;

export interface UploadIntakeDeps {
  api: Pick<CatalogueApi, 'importUploads'>;
  chooseFiles: FileChooser;
  fetch?: typeof fetch;
}

export function createUploadIntake(deps: UploadIntakeDeps): IntakePort {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const uploadOne = ({ file, name }: NamedFile, signal: AbortSignal | undefined): Promise<string> => uploadFile(doFetch, file, name, signal);

  const uploadAll = async (files: NamedFile[], options: IntakeOptions = {}): Promise<JobRef | null> => {
    const { onUploadProgress, onProblem, signal } = options;
    const progress = {
      filesDone: 0,
      filesTotal: files.length,
      bytesDone: 0,
      bytesTotal: files.reduce((sum, f) => sum + f.file.size, 0),
      current: null as string | null,
    };
    onUploadProgress?.({ ...progress });
    const ids: Array<string | null> = new Array<string | null>(files.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        if (signal?.aborted) return;
        const index = next++;
        const named = files[index]!;
        progress.current = named.name;
        onUploadProgress?.({ ...progress });
        try {
          ids[index] = await uploadOne(named, signal);
        } catch (error) {
          if (signal?.aborted) return;
          const reason = error instanceof Error && error.message ? error.message : 'it could not be uploaded';
          onProblem?.({ path: named.name, reason: `Not uploaded: ${reason}` });
        }
        progress.filesDone += 1;
        progress.bytesDone += named.file.size;
        onUploadProgress?.({ ...progress, current: progress.filesDone === progress.filesTotal ? null : progress.current });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
    if (signal?.aborted) return null;
    const uploadIds = ids.filter((id): id is string => id !== null);
    if (uploadIds.length === 0) return null;
    return startInChunks(uploadIds, IDS_PER_JOB, (chunk) => deps.api.importUploads({ uploadIds: chunk }));
  };

  const importFiles = (files: File[], options?: IntakeOptions) => uploadAll(files.map((file) => ({ file, name: nameOf(file) })), options);

  return {
    transport: 'upload',
    csv: createUploadCsvTransfer({ chooseFiles: deps.chooseFiles, fetch: doFetch }),
    importFiles,
    async importDropped(drop: DroppedItems, options?: IntakeOptions) {
      const entries = drop.entries.filter((entry): entry is FileSystemEntry => entry !== null);
      if (entries.length === 0) return importFiles(drop.files, options);
      let named: NamedFile[];
      try {
        named = await walkEntries(entries);
      } catch (error) {
        const reason = error instanceof Error && error.message ? error.message : 'the browser did not allow it';
        throw new Error(`Vigil could not read the dropped folder: ${reason}.`);
      }
      return uploadAll(named, options);
    },
    async pickAndImport(kind, options) {
      const files = await deps.chooseFiles(kind);
      if (!files || files.length === 0) return null;
      return importFiles(files, options);
    },
  };
}
