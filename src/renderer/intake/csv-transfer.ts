/**
 * CSV files of persons in and out, each transport its own way (see CsvTransfer): the browser uploads the
 * chosen file and downloads exports from the web host; the desktop app asks the main process's native dialogs
 * for paths. Nothing here reads or writes a file itself.
 */
import type { SaveDialogKind } from '../../shared/client';
import type { ChosenCsv, CsvTransfer, ExportTarget, FileChooser } from './intake-port';
import { uploadFile } from './upload-file';

export const DOWNLOAD_URL = '/download';

/** The sentence shown when a CSV file could not be handed to the core. */
function uploadFailure(name: string, error: unknown): Error {
  const reason = error instanceof Error && error.message ? error.message.replace(/[.\s]+$/, '') : 'it could not be uploaded';
  return new Error(`“${name}” could not be sent to Vigil: ${reason}.`);
}

/** Follows a link to the file, which the host answers as an attachment: the browser saves it, the page stays. */
function clickDownloadLink(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

export function createUploadCsvTransfer(deps: { chooseFiles: FileChooser; fetch?: typeof fetch; download?: (url: string) => void }): CsvTransfer {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const download = deps.download ?? clickDownloadLink;
  const downloadUrl = (downloadId: string) => `${DOWNLOAD_URL}/${encodeURIComponent(downloadId)}`;
  return {
    transport: 'upload',
    async chooseCsv(options = {}): Promise<ChosenCsv | null> {
      const files = await deps.chooseFiles('csv');
      const file = files?.[0];
      if (!file) return null;
      try {
        const uploadId = await uploadFile(doFetch, file, file.name, options.signal);
        return { file: { uploadId }, name: file.name };
      } catch (error) {
        if (options.signal?.aborted) return null;
        throw uploadFailure(file.name, error);
      }
    },
    // The browser never names a path on the host (issue 11): the export is made there and downloaded.
    chooseExportTarget: async (): Promise<ExportTarget> => ({ download: true }),
    downloadUrl,
    startDownload: (downloadId) => download(downloadUrl(downloadId)),
  };
}

/** The members of `window.vigil` the desktop app's CSV transfer uses. */
export interface CsvDialogBridge {
  pickPaths(kind: 'csv'): Promise<string[]>;
  pickSavePath?(kind: SaveDialogKind): Promise<string | null>;
}

export function createPathCsvTransfer(bridge: CsvDialogBridge): CsvTransfer {
  return {
    transport: 'paths',
    async chooseCsv(): Promise<ChosenCsv | null> {
      const paths = await bridge.pickPaths('csv');
      const path = Array.isArray(paths) ? paths.find((p) => typeof p === 'string' && p !== '') : undefined;
      if (!path) return null;
      return { file: { path }, name: path.split(/[\\/]/).pop() || path };
    },
    async chooseExportTarget(): Promise<ExportTarget | null> {
      if (!bridge.pickSavePath) {
        throw new Error('This window cannot ask where to save. Use “vigil persons export FILE.csv” on the command line.');
      }
      const path = await bridge.pickSavePath('persons-csv');
      return typeof path === 'string' && path !== '' ? { path } : null;
    },
    // Exports from the desktop app go straight to the path chosen; there is nothing to download.
    downloadUrl: () => '',
    startDownload: () => undefined,
  };
}
