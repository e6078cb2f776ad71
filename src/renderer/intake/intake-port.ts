/**
 * How files get into the catalogue from this window. The transport decides: a browser served by `vigil web`
 * uploads each file's bytes to the host's /upload and then asks the core to import the uploads; the desktop
 * app hands the core the files' paths on this computer. Components only see this interface (through the
 * intake context), so the same Items view, drop overlay and job panel work over either.
 */
import type { FileSource, JobRef } from '../../shared/api';
import type { ImportProblem } from '../../shared/dto';

export type PickKind = 'files' | 'folder';
/** What the browser's file chooser can ask for: files or a folder to import, or one CSV file of persons. */
export type ChooseKind = PickKind | 'csv';

/** Bytes going to the web host before the import job takes over (web transport only). */
export interface UploadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** The file being sent now, as the user named it (untrusted text). */
  current: string | null;
}

export interface IntakeOptions {
  onUploadProgress?(progress: UploadProgress): void;
  /** A file that never reached the import job (not uploaded, not on this computer's disks). */
  onProblem?(problem: ImportProblem): void;
  /** Stops uploading; nothing is imported once aborted. */
  signal?: AbortSignal;
}

/**
 * What a drop carried, captured while the drop event runs (the browser empties the DataTransfer once the
 * handler returns): the top-level files, and for each the file-system entry when the browser offers one, so
 * dropped folders can be walked.
 */
export interface DroppedItems {
  files: File[];
  entries: Array<FileSystemEntry | null>;
}

export type FileChooser = (kind: ChooseKind) => Promise<File[] | null>;

/** A CSV file chosen for reading: where the core finds it, and its name as the user knows it (untrusted text). */
export interface ChosenCsv {
  file: FileSource;
  name: string;
}

/** Where a CSV export goes: a path from the desktop app's save dialog, or (browser) a download once it is made. */
export type ExportTarget = { path: string } | { download: true };

/**
 * CSV files in and out, the transport's way (issue 8 item 7; DESIGN.md §2): a browser uploads the file to the
 * web host's /upload and receives exports as downloads (GET /download/<id>); the desktop app asks the main
 * process for a path with a native open or save dialog. No path on the host ever reaches the browser.
 */
export interface CsvTransfer {
  readonly transport: 'upload' | 'paths';
  /** Asks for one CSV file (and, in a browser, uploads it); null when the user chose nothing. */
  chooseCsv(options?: { signal?: AbortSignal }): Promise<ChosenCsv | null>;
  /** Asks where an export goes; null when the user cancelled (or, in the desktop app, cannot be asked). */
  chooseExportTarget(): Promise<ExportTarget | null>;
  /** The address of a finished browser export (same origin: the host's session cookie authorises it). */
  downloadUrl(downloadId: string): string;
  /** Saves a finished browser export through the browser's downloads (nothing to do in the desktop app). */
  startDownload(downloadId: string): void;
}

export interface IntakePort {
  /** 'upload' in a browser, 'paths' in the desktop app. */
  readonly transport: 'upload' | 'paths';
  /** CSV import and export files, when this transport can carry them. */
  readonly csv?: CsvTransfer;
  /** Starts importing these files; null when none of them could be handed to the core. */
  importFiles(files: File[], options?: IntakeOptions): Promise<JobRef | null>;
  /** Starts importing what was dropped on the window, folders included. */
  importDropped(drop: DroppedItems, options?: IntakeOptions): Promise<JobRef | null>;
  /** Asks the user for files or a folder and imports them; null when the user chose nothing. */
  pickAndImport(kind: PickKind, options?: IntakeOptions): Promise<JobRef | null>;
}

/** Reads a drop's DataTransfer synchronously, inside the drop handler. */
export function captureDrop(data: DataTransfer): DroppedItems {
  const files = Array.from(data.files ?? []);
  const entries: Array<FileSystemEntry | null> = [];
  const items = data.items ? Array.from(data.items) : [];
  for (const item of items) {
    if (item.kind !== 'file') continue;
    entries.push(typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null);
  }
  return { files, entries };
}

/** Starts one job per chunk when a list exceeds what one request may carry; the first job is returned. */
export async function startInChunks<T>(values: T[], size: number, start: (chunk: T[]) => Promise<JobRef>): Promise<JobRef | null> {
  let first: JobRef | null = null;
  for (let at = 0; at < values.length; at += size) {
    const job = await start(values.slice(at, at + size));
    first ??= job;
  }
  return first;
}
