/** Reading metadata from imported files (DESIGN.md §4): the public surface of src/core/metadata. */
export type { DocumentMetadata, ExtractedMetadata, FileKind, PhotoMetadata } from './metadata-types';
export { detectFileType, DETECT_HEAD_BYTES, UNKNOWN_MIME, type DetectedFileType } from './detect-file-type';
export { readPhotoMetadata, PARSER_TIME_LIMIT_MS, type PhotoReadOptions, type PhotoReadResult } from './read-photo-metadata';
export {
  readPdfMetadata,
  MAX_DOCUMENT_PAGES,
  MAX_DOCUMENT_TEXT_BYTES,
  type DocumentReadOptions,
  type DocumentReadResult,
} from './read-document-metadata';
export { extractMetadata, type ExtractOptions } from './extract-metadata';
