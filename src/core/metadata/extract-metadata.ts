/**
 * One file's metadata, whatever it is: the type from its content, then the photo or PDF reader, the fields that
 * identify people or places, and every problem as a one-sentence warning. Never throws for a bad file: the file is
 * still evidence, and what could not be read is recorded with it.
 */
import { detectFileType } from './detect-file-type';
import type { ExtractedMetadata } from './metadata-types';
import { readPdfMetadata, type DocumentReadOptions } from './read-document-metadata';
import { readPhotoMetadata, type PhotoReadOptions } from './read-photo-metadata';
import { errorText } from './time-limit';

export interface ExtractOptions {
  photo?: PhotoReadOptions;
  document?: DocumentReadOptions;
}

export async function extractMetadata(buffer: Buffer, fileName: string, options: ExtractOptions = {}): Promise<ExtractedMetadata> {
  const detected = await detectFileType(buffer, fileName);
  const result: ExtractedMetadata = {
    kind: detected.kind,
    mime: detected.mime,
    photo: null,
    document: null,
    raw: {},
    sensitive: [],
    warnings: [],
  };
  if (buffer.byteLength === 0) result.warnings.push('The file is empty.');
  if (detected.extensionMismatch) result.warnings.push(detected.extensionMismatch);

  try {
    if (detected.kind === 'photo') {
      const photo = await readPhotoMetadata(buffer, options.photo);
      result.photo = photo.photo;
      result.raw = photo.raw;
      result.sensitive = photo.sensitive;
      result.warnings.push(...photo.warnings);
    } else if (detected.kind === 'document') {
      const pdf = await readPdfMetadata(buffer, options.document);
      result.document = pdf.document;
      result.raw = pdf.raw;
      if (pdf.document.author) result.sensitive = ['author'];
      result.warnings.push(...pdf.warnings);
    }
  } catch (error) {
    // The readers catch what they expect; this is the last guard, so an import never fails on metadata.
    result.warnings.push(`The metadata could not be read: ${errorText(error)}.`);
  }
  return result;
}
