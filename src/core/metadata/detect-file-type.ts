/**
 * What a file is, from its content (file-type's signatures), never from its name; and a warning when the name's
 * extension says something else (a PNG named `.jpg`, a PDF named `.jpg`).
 */
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from './metadata-types';

export const UNKNOWN_MIME = 'application/octet-stream';

/** How many bytes from the start of a file `detectFileType` wants (more does no harm). */
export const DETECT_HEAD_BYTES = 64 * 1024;

export interface DetectedFileType {
  mime: string;
  kind: FileKind;
  /** One sentence when the file name's extension does not match the content, else null. */
  extensionMismatch: string | null;
}

/**
 * Extensions whose meaning Vigil knows, with the content types they promise. Only these are checked: an unknown
 * or missing extension is never a mismatch.
 */
const EXTENSION_TYPES: Record<string, { label: string; mimes: string[] }> = {
  jpg: { label: 'JPEG image', mimes: ['image/jpeg'] },
  jpeg: { label: 'JPEG image', mimes: ['image/jpeg'] },
  jpe: { label: 'JPEG image', mimes: ['image/jpeg'] },
  jfif: { label: 'JPEG image', mimes: ['image/jpeg'] },
  png: { label: 'PNG image', mimes: ['image/png', 'image/apng'] },
  gif: { label: 'GIF image', mimes: ['image/gif'] },
  webp: { label: 'WebP image', mimes: ['image/webp'] },
  tif: { label: 'TIFF image', mimes: ['image/tiff'] },
  tiff: { label: 'TIFF image', mimes: ['image/tiff'] },
  heic: { label: 'HEIC/HEIF image', mimes: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'] },
  heif: { label: 'HEIC/HEIF image', mimes: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'] },
  hif: { label: 'HEIC/HEIF image', mimes: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'] },
  avif: { label: 'AVIF image', mimes: ['image/avif'] },
  bmp: { label: 'BMP image', mimes: ['image/bmp'] },
  pdf: { label: 'PDF document', mimes: ['application/pdf'] },
};

/** TIFF whose first directory lies beyond the bytes given: file-type cannot confirm it, the header can. */
function looksLikeTiff(head: Buffer): boolean {
  if (head.byteLength < 8) return false;
  const order = head.toString('latin1', 0, 2);
  if (order === 'II') return head.readUInt16LE(2) === 42 || head.readUInt16LE(2) === 43;
  if (order === 'MM') return head.readUInt16BE(2) === 42 || head.readUInt16BE(2) === 43;
  return false;
}

export function kindOfMime(mime: string): FileKind {
  if (mime.startsWith('image/')) return 'photo';
  if (mime === 'application/pdf') return 'document';
  return 'other';
}

function describe(mime: string): string {
  for (const { label, mimes } of Object.values(EXTENSION_TYPES)) if (mimes.includes(mime)) return `a ${label}`;
  return mime === UNKNOWN_MIME ? 'not of a recognised type' : `of type ${mime}`;
}

export async function detectFileType(head: Buffer, fileName: string): Promise<DetectedFileType> {
  let mime = UNKNOWN_MIME;
  try {
    const found = await fileTypeFromBuffer(head);
    if (found) mime = found.mime;
    else if (looksLikeTiff(head)) mime = 'image/tiff';
  } catch {
    // file-type reads only what it is given; a malformed header is simply an unknown type.
    if (looksLikeTiff(head)) mime = 'image/tiff';
  }

  const extension = extname(fileName).slice(1).toLowerCase();
  const promised = EXTENSION_TYPES[extension];
  let extensionMismatch: string | null = null;
  if (promised && !promised.mimes.includes(mime)) {
    extensionMismatch = `The file name ends in .${extension}, which suggests a ${promised.label}, but its content is ${describe(mime)}.`;
  }
  return { mime, kind: kindOfMime(mime), extensionMismatch };
}
