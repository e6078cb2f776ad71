/**
 * Long work runs as jobs of one kind (issue 8): import, CSV import and export, verify. Each reports progress
 * as `job-progress` events, can be cancelled, and ends with a summary of its kind.
 */
import type { RecordCounts, VerifyReport } from './catalogue';
import type { ImportSummary } from './items';
import type { PersonsExportSummary, PersonsImportSummary } from './persons';

export type JobKind = 'import' | 'persons-import' | 'persons-export' | 'verify';
export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

/** What every job reports: how far it is, and what it is working on. */
export interface JobProgress {
  /** Units finished (files, rows, checks) and, once known, the total. */
  done: number;
  total: number | null;
  failed: number;
  /** What is being worked on now (a file name, a row): untrusted text. */
  current: string | null;
}

/** Where an import stands: what the CLI's bar and the UI's Jobs panel show. */
export interface ImportProgress extends JobProgress {
  /** Files are imported first, then the new items' previews are made (counted separately). */
  phase: 'importing' | 'previews';
  bytesDone: number;
  bytesTotal: number | null;
  previewsDone: number;
  previewsTotal: number;
}

interface JobEventBase {
  type: 'job-progress';
  jobId: string;
  state: JobState;
  startedAt: string;
  /** Present when state is failed: why the whole job stopped. */
  error?: string;
}

export type JobProgressEvent =
  | (JobEventBase & ImportProgress & { kind: 'import'; summary?: ImportSummary })
  | (JobEventBase & JobProgress & { kind: 'persons-import'; summary?: PersonsImportSummary })
  | (JobEventBase & JobProgress & { kind: 'persons-export'; summary?: PersonsExportSummary })
  | (JobEventBase & JobProgress & { kind: 'verify'; summary?: VerifyReport });

export type JobSummary<K extends JobKind> = NonNullable<Extract<JobProgressEvent, { kind: K }>['summary']>;

/** What changed, so each view reloads only what it shows. */
export type ChangedArea = keyof RecordCounts | 'settings' | 'links' | 'vocabularies';

/** Pushed from the core to every window or browser tab: over IPC in Electron, server-sent events on the web. */
export type VigilEvent =
  | { type: 'catalogue-changed'; what: ChangedArea[] }
  | JobProgressEvent
  | { type: 'preview-ready'; itemId: number; state: 'ready' | 'failed' };
