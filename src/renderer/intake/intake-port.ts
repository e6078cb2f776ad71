/**
 * How files get into the catalogue from this window. The transport decides: a browser served by `vigil web`
 * uploads each file's bytes to the host's /upload and then asks the core to import the uploads; the desktop
 * app hands the core the files' paths on this computer. Components only see this interface (through the
 * intake context), so the same Items view, drop overlay and job panel work over either.
 */
import type { JobRef } from '../../shared/api';
import type { ImportProblem } from '../../shared/dto';

export type PickKind = 'files' | 'folder';

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

export type FileChooser = (kind: PickKind) => Promise<File[] | null>;

export interface IntakePort {
  /** 'upload' in a browser, 'paths' in the desktop app. */
  readonly transport: 'upload' | 'paths';
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
