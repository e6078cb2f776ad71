/**
 * What a host (Electron main, the web host, the CLI) gets from `createCore`: the contract implemented once,
 * a dispatcher that validates untrusted arguments, events, and media resolved by id (never by path from
 * the outside).
 */
import type { CatalogueApi } from '../../shared/api';
import type { MediaVariant } from '../../shared/client';
import type {
  ImportSummary,
  JobProgress,
  PersonFilter,
  PersonsCsvMapping,
  PersonsCsvPreview,
  PersonsExportSummary,
  PersonsImportSummary,
  VerifyReport,
  VigilEvent,
} from '../../shared/dto';
import type { Readable } from 'node:stream';
import type { ImportOptions } from '../ingest/import-service';
import type { ApiResult } from '../../shared/errors';

export interface CoreOptions {
  /** The catalogue folder. It must hold a catalogue unless `create` is set. */
  catalogueDir: string;
  /**
   * Create the catalogue if the folder does not exist or is empty (`vigil init`, the desktop app's own default
   * catalogue). Without it, a folder that is not a catalogue is refused and nothing is written there.
   */
  create?: boolean;
  /** This workstation's random id, recorded with every custody event (see `loadWorkstationId`). Hosts always
   *  pass it; without it events are recorded as from an unregistered workstation. */
  workstationId?: string;
  /** Vigil's version, recorded as the tool version in the custody log; default: this build's version. */
  appVersion?: string;
  /** A better-sqlite3 native binding built for the running runtime (Electron); default: the Node build. */
  nativeBinding?: string;
  /** Injected clock and time zone so tests are deterministic; defaults: the system's. */
  now?: () => Date;
  timeZone?: string;
  /** Make thumbnails and previews after import (default true); the benchmark measures import without them. */
  previews?: boolean;
}

export interface MediaFile {
  /** Absolute path inside the catalogue's vault or derived folder; for the hosts' eyes only. */
  path: string;
  mime: string;
  size: number;
}

/** A finished export waiting for a browser to download it (GET /download/<id>). */
export interface DownloadFile extends MediaFile {
  /** The name to offer in the save dialog. */
  fileName: string;
}

export type Dispatch = (method: string, args: unknown) => Promise<ApiResult<unknown>>;

/** Long work the CLI runs in the foreground, with its own progress bar and cancel (Ctrl+C). */
export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export interface Core {
  readonly catalogueDir: string;
  readonly api: CatalogueApi;
  /** Validates `args` for `method` with zod, calls it, and turns every failure into an error value. */
  readonly dispatch: Dispatch;
  onEvent(listener: (event: VigilEvent) => void): () => void;
  /** Finds the file behind `/media/<id>/<variant>`; throws CatalogueError NOT_FOUND when there is none. */
  resolveMedia(itemId: number, variant: MediaVariant): MediaFile;
  /** Finds a finished browser export by its id; throws CatalogueError NOT_FOUND when there is none. */
  resolveDownload(downloadId: string): DownloadFile;
  /** Imports files and folders and resolves with the summary: the CLI's path (the UI's is api.importPaths). */
  importPaths(paths: readonly string[], options?: ImportOptions): Promise<ImportSummary>;
  /** The CLI's CSV import and export, and verify, run in the foreground with progress. */
  importPersonsCsv(path: string, options?: RunOptions & { mapping?: PersonsCsvMapping }): Promise<PersonsImportSummary>;
  previewPersonsCsv(path: string): Promise<PersonsCsvPreview>;
  exportPersons(path: string, options?: RunOptions & { filter?: PersonFilter }): Promise<PersonsExportSummary>;
  verify(options?: RunOptions): Promise<VerifyReport>;
  /** Receives one browser upload for a later `importUploads` (the web host's POST /upload); returns its id. */
  stageUpload(body: Readable, info: { name: string; modifiedAt: string | null }): Promise<string>;
  /** Resolves when no job is running and no preview is waiting. */
  idle(): Promise<void>;
  /**
   * Stops running jobs (each file either fully imported or not at all), closes the database and releases the
   * catalogue lock. Safe to call twice; the returned promise settles when everything is released.
   */
  close(): Promise<void>;
}
