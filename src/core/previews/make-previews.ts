/**
 * Thumbnails and previews of vault originals (DESIGN.md §3: derived/ holds rebuildable images named after the
 * original's hash). The original is only ever read; the derived WebP files carry no metadata at all (no EXIF,
 * GPS, XMP, IPTC or ICC), so a thumbnail can never leak where or with what a photo was taken (§1.6).
 *
 * Decoding policy, decided once here:
 * - Pixel limit: images whose header declares more than `maxInputPixels` (default 100 megapixels) are refused
 *   before any pixel is decoded. Cost follows the declared pixels, not the file size: a 400 KB PNG can declare
 *   20000×20000. libvips streams most decodes, but time still grows with pixels, and some layouts must be held
 *   whole: measured here, a 100 MP interlaced PNG took 5.7 s and 440 MB, an LZW TIFF 5 s, a JPEG 0.45 s (it is
 *   decoded at reduced scale). sharp's own default, 268 MP (0x3FFF²), would allow roughly three times that per
 *   job; Pillow warns from 89.5 MP and refuses above 179 MP (PIL.Image.MAX_IMAGE_PIXELS, "decompression bomb").
 *   100 MP covers phones in their usual modes and nearly every camera (24–61 MP full frame); 200 MP phone modes,
 *   medium format (Fujifilm GFX100, 102 MP), panoramas and big scans are refused with a reason that gives their
 *   size, and the caller can raise the limit.
 * - Damaged files: decode strictly first (`failOn: 'warning'`, sharp's advice for untrusted input). If that
 *   fails for any reason other than size, format, time or a missing codec, decode again with `failOn: 'none'`: a
 *   truncated photo from a damaged card or phone then still gets a preview of what is there (the missing part
 *   is grey), flagged `partial: true` so the UI can say the file is damaged. Files that fail even then get
 *   ok:false. Well-formed files are decoded once.
 * - HEIC/HEIF: sharp's prebuilt libvips has libheif with the AV1 decoder only (AVIF works) and no HEVC decoder
 *   (libde265, patent-encumbered), so ordinary iPhone/Android HEIC photos cannot be decoded: they get ok:false
 *   with a reason that says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import sharp, { type Channels, type FailOnOptions, type OutputInfo } from 'sharp';
import { derivedPath, derivedTempDir } from '../vault/vault-paths';

export interface MakePreviewsInput {
  /** The original in the vault. Opened read-only. */
  sourcePath: string;
  sha256: string;
  /** `<catalogue>/derived`; files go to derived/thumb/ab/<sha>.webp and derived/preview/ab/<sha>.webp. */
  derivedDir: string;
}

export interface MakePreviewsOptions {
  /** Longest side of the thumbnail in pixels (default 256). Smaller images are not enlarged (CSS can). */
  thumbSize?: number;
  /** Longest side of the preview in pixels (default 1600). Smaller images are not enlarged. */
  previewSize?: number;
  /** Decompression-bomb guard: refuse images with more pixels than this (default 100 megapixels; 0 = no limit). */
  maxInputPixels?: number;
}

export type MakePreviewsResult =
  | {
      ok: true;
      thumb: string;
      preview: string;
      /** The file is damaged (e.g. truncated): the images show what could be decoded, the rest is grey. */
      partial?: true;
    }
  | {
      ok: false;
      /** One sentence for the user. */
      reason: string;
      /** The library's own message, for logs only (it may contain file paths). */
      detail?: string;
    };

export const DEFAULT_THUMB_SIZE = 256;
export const DEFAULT_PREVIEW_SIZE = 1600;
export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;
/** A pathological file must not hold a worker for ever; a 100 MP PNG decodes in a few seconds. */
const DECODE_TIMEOUT_SECONDS = 60;
const THUMB_QUALITY = 75;
const PREVIEW_QUALITY = 80;
/**
 * libwebp effort 2 instead of sharp's default 4: on a 1600 px preview it encodes in ~75 ms instead of ~180 ms
 * for a file ~3 % larger (measured on a 12 MP photo); the encode was the slowest step of the job.
 */
const WEBP_EFFORT = 2;

export async function makePreviews(input: MakePreviewsInput, options: MakePreviewsOptions = {}): Promise<MakePreviewsResult> {
  const thumbSize = options.thumbSize ?? DEFAULT_THUMB_SIZE;
  const previewSize = options.previewSize ?? DEFAULT_PREVIEW_SIZE;
  const maxInputPixels = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  try {
    const thumbPath = derivedPath(input.derivedDir, 'thumb', input.sha256);
    const previewPath = derivedPath(input.derivedDir, 'preview', input.sha256);

    const missing = await checkSource(input.sourcePath);
    if (missing) return missing;

    let partial = false;
    let decoded = await decode(input.sourcePath, 'warning', maxInputPixels, previewSize);
    if (!decoded.ok) {
      let failure = explain(decoded.error, maxInputPixels);
      // A truncated TIFF (its directory is often at the end) or a damaged header no longer looks like any
      // format to libvips; if the first bytes say it is an image, call it damaged rather than "not an image".
      if (failure.kind === 'format' && (await looksLikeImage(input.sourcePath))) failure = { kind: 'decode', result: { ...failure.result, reason: DECODE_FAILED } };
      if (failure.kind !== 'decode') return await withSize(failure.result, input.sourcePath, failure.kind);
      decoded = await decode(input.sourcePath, 'none', maxInputPixels, previewSize);
      if (!decoded.ok) return failure.result;
      partial = true;
    }

    const { data, info } = decoded.pixels;
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels as Channels } };
    // One decode serves both sizes (so a thumbSize above previewSize is capped at it); the encodes run one
    // after the other so a job holds one libuv thread at a time.
    const preview = await sharp(data, raw).webp({ quality: PREVIEW_QUALITY, effort: WEBP_EFFORT }).toBuffer();
    const thumb = await sharp(data, raw)
      .resize(thumbSize, thumbSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: THUMB_QUALITY, effort: WEBP_EFFORT })
      .toBuffer();

    const tempDir = derivedTempDir(input.derivedDir);
    await writeAtomically(previewPath, preview, tempDir);
    await writeAtomically(thumbPath, thumb, tempDir);
    return partial ? { ok: true, thumb: thumbPath, preview: previewPath, partial: true } : { ok: true, thumb: thumbPath, preview: previewPath };
  } catch (error) {
    return { ok: false, reason: writeFailureReason(error), detail: messageOf(error) };
  }
}

type Decoded =
  | { ok: true; pixels: { data: Buffer; info: OutputInfo } }
  | { ok: false; error: unknown };

async function decode(sourcePath: string, failOn: FailOnOptions, maxInputPixels: number, previewSize: number): Promise<Decoded> {
  try {
    const pixels = await sharp(sourcePath, {
      failOn,
      limitInputPixels: maxInputPixels,
      autoOrient: true,
      sequentialRead: true,
    })
      .resize(previewSize, previewSize, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, pixels };
  } catch (error) {
    return { ok: false, error };
  }
}

async function checkSource(sourcePath: string): Promise<MakePreviewsResult | undefined> {
  try {
    const info = await stat(sourcePath);
    if (!info.isFile()) return { ok: false, reason: 'The original is not a file in the vault, so no preview was made; run verify to check the vault.' };
    if (info.size === 0) return { ok: false, reason: 'The file is empty, so there is no image to preview.' };
    return undefined;
  } catch (error) {
    return {
      ok: false,
      reason: 'The original could not be found or read in the vault, so no preview was made; run verify to check the vault.',
      detail: messageOf(error),
    };
  }
}

type FailureKind = 'pixels' | 'channels' | 'format' | 'codec' | 'timeout' | 'decode';

function explain(error: unknown, maxInputPixels: number): { kind: FailureKind; result: MakePreviewsResult & { ok: false } } {
  const detail = messageOf(error);
  const fail = (kind: FailureKind, reason: string) => ({ kind, result: { ok: false as const, reason, detail } });
  if (detail.includes('exceeds pixel limit')) {
    return fail('pixels', `The image is larger than ${megapixels(maxInputPixels)} megapixels, so no preview was made.`);
  }
  if (detail.includes('exceeds channel limit')) {
    return fail('channels', 'The image has more colour channels than Vigil can preview (e.g. a multispectral scan), so no preview was made.');
  }
  if (detail.includes('unsupported image format')) {
    return fail('format', 'The file is not an image Vigil can preview (JPEG, PNG, TIFF, WebP, GIF or AVIF), so no preview was made.');
  }
  if (/HEVC|libde265/.test(detail)) {
    return fail(
      'codec',
      'This HEIC/HEIF photo is HEVC-compressed, which this build of Vigil cannot decode, so no preview was made; the original is unchanged and opens in a viewer that supports HEIC.',
    );
  }
  if (detail.includes('has not been built in')) {
    return fail('codec', 'The image uses a compression format this build of Vigil cannot decode, so no preview was made; the original is unchanged.');
  }
  if (/\btimeout\b/.test(detail)) {
    return fail('timeout', `The image took longer than ${DECODE_TIMEOUT_SECONDS} seconds to decode, so no preview was made.`);
  }
  return fail('decode', DECODE_FAILED);
}

const DECODE_FAILED = 'The image could not be decoded (corrupt or truncated), so no preview was made.';

/** Magic numbers of the formats Vigil previews (and of HEIF/AVIF's ftyp box). */
async function looksLikeImage(sourcePath: string): Promise<boolean> {
  try {
    const handle = await open(sourcePath, 'r');
    try {
      const head = Buffer.alloc(16);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const b = head.subarray(0, bytesRead);
      const ascii = (start: number, text: string) => b.subarray(start, start + text.length).toString('latin1') === text;
      return (
        (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
        ascii(0, '\x89PNG') ||
        ascii(0, 'II*\0') || ascii(0, 'MM\0*') || // TIFF
        ascii(0, 'GIF8') ||
        (ascii(0, 'RIFF') && ascii(8, 'WEBP')) ||
        ascii(4, 'ftyp')
      );
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** For the pixel limit, name the image's declared size (read from the header only) so the user sees why. */
async function withSize(result: MakePreviewsResult & { ok: false }, sourcePath: string, kind: FailureKind): Promise<MakePreviewsResult> {
  if (kind !== 'pixels') return result;
  try {
    const { width, height } = await sharp(sourcePath, { limitInputPixels: false }).metadata();
    if (!width || !height) return result;
    const reason = result.reason.replace(
      /^The image is larger than/,
      `The image is ${width}×${height} pixels (${megapixels(width * height)} megapixels), more than`,
    );
    return { ...result, reason };
  } catch {
    return result;
  }
}

/**
 * Write to a temporary file in derived/.tmp, flush, then rename: a crash or power cut leaves either no file or
 * a complete one under the final name, never a half-written preview. The temporary file is removed on failure;
 * one left by a hard crash is removed when the catalogue is next opened, with everything else in derived/.tmp.
 */
async function writeAtomically(finalPath: string, data: Buffer, tempDir: string): Promise<void> {
  await mkdir(dirname(finalPath), { recursive: true });
  await mkdir(tempDir, { recursive: true });
  const temp = join(tempDir, `${basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, finalPath);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'The disk is full, so the preview could not be saved; free some space and rebuild previews.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return "The catalogue's derived folder is not writable, so the preview could not be saved; check its permissions.";
  }
  return UNEXPECTED_FAILURE;
}

export const UNEXPECTED_FAILURE = 'The preview could not be made because of an unexpected error; rebuilding previews may fix it.';

function megapixels(pixels: number): string {
  return String(Math.round(pixels / 100_000) / 10);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
