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

export interface ItemSummary {
  id: ItemId;
  ref: string;
  kind: ItemKind;
  title: string | null;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  takenAt: string | null;
  sensitivity: Sensitivity;
  importedAt: string;
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
}

export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
}

/** Pushed from the core to every window or browser tab: over IPC in Electron, server-sent events on the web. */
export type VigilEvent =
  | { type: 'catalogue-changed'; what: Array<keyof RecordCounts | 'settings'> }
  | {
      type: 'job-progress';
      jobId: string;
      kind: string;
      state: 'running' | 'done' | 'cancelled' | 'failed';
      done: number;
      total: number | null;
      bytesDone: number;
      bytesTotal: number | null;
      current: string | null;
    };
