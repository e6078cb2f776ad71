/**
 * What the metadata reader returns for one file (DESIGN.md §4): the normalised photo or document fields, the full
 * extracted metadata as JSON, which fields identify people or places, and what could not be read.
 *
 * Every string here comes from the file and is untrusted: it is kept verbatim and must be rendered as text only.
 */

export type FileKind = 'photo' | 'document' | 'other';

/** The normalised photo fields, with the meanings of `fixtures/photos/expected.json` (the `list --json` fields). */
export interface PhotoMetadata {
  /** DateTimeOriginal as recorded, `YYYY-MM-DDTHH:MM:SS`, plus OffsetTimeOriginal only when the file has one. */
  takenAt: string | null;
  /** Signed decimal degrees; altitude in metres, negative below sea level. */
  gps: { lat: number; lon: number; alt: number | null } | null;
  make: string | null;
  model: string | null;
  /** The camera body serial number (EXIF BodySerialNumber). */
  serial: string | null;
  lens: string | null;
  software: string | null;
  /** The EXIF orientation, 1–8, as recorded; width and height are of the stored pixels, not rotated. */
  orientation: number | null;
  width: number | null;
  height: number | null;
  caption: string | null;
  keywords: string[];
  creator: string | null;
  copyright: string | null;
}

export interface DocumentMetadata {
  pageCount: number | null;
  title: string | null;
  author: string | null;
  producer: string | null;
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
