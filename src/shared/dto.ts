/**
 * The records as they cross the contract: camelCase, plain JSON, no database or file-system details.
 * Later issues widen these; fields that hold strings from files are untrusted text (render as text only).
 */
import type { ExhibitSetId, ItemId, PersonId, PlaceId } from './ids';

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}

export interface RecordCounts {
  items: number;
  persons: number;
  places: number;
  sources: number;
  tags: number;
  exhibitSets: number;
}

export interface Actor {
  name: string;
  organisation: string;
}

export interface CatalogueStatus {
  /** The catalogue folder's own name, shown in the status bar; never the full path. */
  name: string;
  catalogueId: string;
  schemaVersion: number;
  counts: RecordCounts;
  /** Who is recorded in the custody log for changes made now; null until the archivist has said. */
  actor: Actor | null;
}

export type ItemKind = 'photo' | 'document' | 'other';
export type Sensitivity = 'public' | 'restricted' | 'confidential';

/** Thumbnails and previews are made in the background after import. */
export type PreviewState = 'pending' | 'ready' | 'failed' | 'none';

export interface ItemSummary {
  id: ItemId;
  ref: string;
  kind: ItemKind;
  title: string | null;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  /** The camera's local time exactly as recorded (`YYYY-MM-DDTHH:MM:SS`, plus the offset only if the file has one). */
  takenAt: string | null;
  width: number | null;
  height: number | null;
  sensitivity: Sensitivity;
  /** True when the file's metadata identifies people or places (GPS, device serials, creators). */
  sensitiveMetadata: boolean;
  preview: PreviewState;
  importedAt: string;
}

export interface GpsPosition {
  lat: number;
  lon: number;
  alt: number | null;
}

/** The normalised photo metadata of DESIGN.md §4 (the `list --json` fields). */
export interface PhotoMetadata {
  takenAt: string | null;
  gps: GpsPosition | null;
  make: string | null;
  model: string | null;
  serial: string | null;
  lens: string | null;
  software: string | null;
  orientation: number | null;
  width: number | null;
  height: number | null;
  caption: string | null;
  keywords: string[];
  creator: string | null;
  copyright: string | null;
}

export interface DocumentInfo {
  pageCount: number | null;
  title: string | null;
  author: string | null;
  producer: string | null;
}

export interface ItemOccurrence {
  originalName: string;
  sourcePath: string | null;
  modifiedAt: string | null;
  createdAt: string | null;
  seenAt: string;
}

export interface CustodyEvent {
  seq: number;
  at: string;
  timeZone: string;
  actor: string;
  actorOrganisation: string | null;
  action: string;
  targetRef: string | null;
  sha256Before: string | null;
  sha256After: string | null;
  tool: string;
  toolVersion: string;
  details: Record<string, unknown>;
  hash: string;
}

export interface ItemDetail extends ItemSummary {
  description: string | null;
  photo: PhotoMetadata | null;
  document: DocumentInfo | null;
  /** Names of the metadata fields that identify people or places, e.g. `gps`, `serial`, `creator`. */
  sensitiveFields: string[];
  /** What could not be read, one sentence each (kept with the item, shown in its panel). */
  metadataWarnings: string[];
  /** The full extracted metadata, as read. Untrusted text: render as text only. */
  rawMetadata: Record<string, unknown> | null;
  occurrences: ItemOccurrence[];
  tags: string[];
  custody: CustodyEvent[];
}

export type ItemSort = 'imported' | 'taken' | 'name' | 'size';

export interface ImportProblem {
  path: string;
  reason: string;
}

/** The end of an import (DESIGN.md §9 `import --json`). */
export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: ImportProblem[];
  warnings: ImportProblem[];
  cancelled: boolean;
}

export interface PersonSummary {
  id: PersonId;
  ref: string;
  /** Preferred name in Persian script, if recorded. */
  nameFa: string | null;
  /** Preferred name in Latin script, if recorded. */
  nameLatin: string | null;
  fate: string | null;
  deathDate: string | null;
  prison: string | null;
}

export interface PlaceSummary {
  id: PlaceId;
  ref: string;
  type: string;
  nameFa: string | null;
  nameLatin: string | null;
}

export interface ExhibitSetSummary {
  id: ExhibitSetId;
  name: string;
  prefix: string;
  exhibitCount: number;
}

export type SearchHitType = 'item' | 'person' | 'place';

export interface SearchHit {
  type: SearchHitType;
  id: number;
  ref: string;
  label: string;
  score: number;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  problems: string[];
  /** What was found that is not a failure, such as a vault file no item refers to (untrusted text). */
  notes?: string[];
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
}

/** Where an import stands: what the CLI's bar and the UI's Jobs panel show. */
export interface ImportProgress {
  /** Files are imported first, then the new items' previews are made (counted separately). */
  phase: 'importing' | 'previews';
  /** Files finished (imported, duplicate or failed) and, once the walk is complete, the total. */
  done: number;
  total: number | null;
  bytesDone: number;
  bytesTotal: number | null;
  failed: number;
  /** The file being read now, as the user named it (untrusted text). */
  current: string | null;
  previewsDone: number;
  previewsTotal: number;
}

/** Pushed from the core to every window or browser tab: over IPC in Electron, server-sent events on the web. */
export type VigilEvent =
  | { type: 'catalogue-changed'; what: Array<keyof RecordCounts | 'settings'> }
  | ({
      type: 'job-progress';
      jobId: string;
      kind: 'import';
      state: 'running' | 'done' | 'cancelled' | 'failed';
      startedAt: string;
      /** Present when state is no longer running. */
      summary?: ImportSummary;
      /** Present when state is failed: why the whole job stopped. */
      error?: string;
    } & ImportProgress)
  | { type: 'preview-ready'; itemId: number; state: 'ready' | 'failed' };
