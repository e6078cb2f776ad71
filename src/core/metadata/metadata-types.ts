/**
 * What the metadata reader returns for one file (DESIGN.md §4): the normalised photo or document fields, the full
 * extracted metadata as JSON, which fields identify people or places, and what could not be read.
 *
 * Every string here comes from the file and is untrusted: it is kept verbatim and must be rendered as text only.
 */

import type { DocumentInfo, ItemKind, PhotoMetadata } from '../../shared/dto';

export type FileKind = ItemKind;

/**
 * The normalised photo fields are the contract's own (src/shared/dto.ts), with the meanings of
 * `fixtures/photos/expected.json`: takenAt as recorded (plus the offset only when the file has one), signed
 * decimal GPS with altitude negative below sea level, orientation as recorded with width and height of the
 * stored pixels.
 */
export type { PhotoMetadata };

export interface DocumentMetadata extends DocumentInfo {
  /** The text of the pages, for full-text search; capped (see `MAX_DOCUMENT_TEXT_BYTES`). */
  text: string;
}

export interface ExtractedMetadata {
  kind: FileKind;
  /** From the content, never from the file name; `application/octet-stream` when unknown. */
  mime: string;
  photo: PhotoMetadata | null;
  document: DocumentMetadata | null;
  /** Everything that was read, JSON-serialisable: byte values as hex strings, no Buffers, typed arrays or Dates. */
  raw: Record<string, unknown>;
  /** Names of the fields that identify people or places and have a value, e.g. `gps`, `serial`, `creator`. */
  sensitive: string[];
  /** What could not be read or looks wrong, one sentence each. */
  warnings: string[];
}
