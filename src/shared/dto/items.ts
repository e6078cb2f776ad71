/**
 * Items: catalogued files. Fields that hold strings from files are untrusted text (render as text only).
 */
import type { HistoricalDate } from '../dates/historical-date';
import type { ItemId, SourceId } from '../ids';
import type { CustodyEvent, Sensitivity } from './catalogue';
import type { LinkView } from './links';
import type { SourceBrief } from './sources';
import type { TagRef } from './tags';

export type ItemKind = 'photo' | 'document' | 'other';

/** Thumbnails and previews are made in the background after import. */
export type PreviewState = 'pending' | 'ready' | 'failed' | 'none';

export interface ItemSummary {
  id: ItemId;
  ref: string;
  globalId: string;
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

/** How the file came to the archive (DESIGN.md §4). */
export interface Acquisition {
  source: SourceBrief | null;
  acquiredBy: string | null;
  method: string | null;
  date: HistoricalDate | null;
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
  acquisition: Acquisition;
  tags: TagRef[];
  /** Links to persons, places and other items, read from this item's end. */
  links: LinkView[];
  custody: CustodyEvent[];
}

/** The editable fields of an item; dates are typed text, read by the date parser (refused when unreadable). */
export interface ItemPatch {
  title?: string | null;
  description?: string | null;
  sensitivity?: Sensitivity;
  acquisition?: {
    sourceId?: SourceId | null;
    acquiredBy?: string | null;
    method?: string | null;
    date?: string | null;
  };
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
