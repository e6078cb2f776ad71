/**
 * Reading a photo's metadata into Vigil's normalised fields (DESIGN.md §4), following the measured exifr pitfalls
 * in `shared/notes/metadata-reading.md`:
 * - the file is given as a Buffer, never a path;
 * - TIFF/EXIF/GPS blocks, IPTC and XMP are read in three separate exifr calls;
 * - dates are read unrevived and parsed here, so they are never shifted by the workstation's time zone;
 * - empty GPS (NaN) is absent, and GPSAltitudeRef 1 makes the altitude negative;
 * - text is cut at the first NUL and trimmed, IPTC re-decoded as UTF-8, XMP entities decoded, XP* tags as UCS-2;
 * - pixel width and height come from the image header (a JPEG's frame header, else sharp; the HEIF `ispe` box),
 *   not from EXIF.
 * Each parser call is raced against a time limit, and nothing here throws: a broken file gives what could be read,
 * and a warning sentence for each part that could not.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { readHeifImageSize } from './heif-image-size';
import { readJpegHead, type JpegHead } from './jpeg-frame';
import { defuseTiffCounts, type DefusedEntry } from './tiff-guard';
import { toJsonSafe, toJsonSafeObject } from './json-safe';
import type { PhotoMetadata } from './metadata-types';
import { decodeUcs2, decodeUserComment, redecodeIptcText, textOf, textsOf } from './text-decoding';
import { errorText, withTimeLimit } from './time-limit';
import { XmpPacket } from './xmp-fields';

/** How long one parser call may take before it is abandoned with a warning. */
export const PARSER_TIME_LIMIT_MS = 2000;

export interface PhotoReadResult {
  photo: PhotoMetadata;
  /**
   * Everything read, JSON-safe: `image` (header), `ifd0`, `exif`, `gps`, `userComment`, `iptc`, `xmp` (the packet
   * text), and `text` (XP* tags and UserComment decoded). Values are as exifr read them, not cleaned.
   */
  raw: Record<string, unknown>;
  warnings: string[];
  /** Names of the fields that identify people or places and have a value (see `extractMetadata`). */
  sensitive: string[];
}

export interface PhotoReadOptions {
  /** Time limit per parser call, in milliseconds. */
  timeLimitMs?: number;
}

type Tags = Record<string, unknown>;

const BASE_OPTIONS = {
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
  mergeOutput: false,
  silentErrors: true,
  icc: false,
  jfif: false,
  ihdr: false,
  makerNote: false,
} as const;

const TIFF_OPTIONS = {
  ...BASE_OPTIONS,
  tiff: true,
  ifd1: false,
  exif: true,
  gps: true,
  interop: false,
  userComment: true,
  xmp: false,
  iptc: false,
};
const IPTC_OPTIONS = { ...BASE_OPTIONS, tiff: false, xmp: false, iptc: true };
const XMP_OPTIONS = { ...BASE_OPTIONS, tiff: false, iptc: false, xmp: { parse: false, multiSegment: true } };

/** IPTC record 1 CodedCharacterSet = ESC % G (UTF-8). exifr reads only record 2, so this is looked for directly. */
const IPTC_UTF8_MARKER = Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]);

const isTags = (value: unknown): value is Tags => value !== null && typeof value === 'object' && !Array.isArray(value);

function tagsOf(output: unknown, block: string): Tags {
  if (!isTags(output)) return {};
  const value = output[block];
  return isTags(value) ? value : {};
}

function finite(value: unknown): number | null {
  const n = value instanceof Uint8Array || Array.isArray(value) ? Number(value[0]) : Number(value);
  return typeof value !== 'boolean' && value !== null && value !== '' && Number.isFinite(n) ? n : null;
}

// ----- dates -----

const EXIF_DATE = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const XMP_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;
const OFFSET = /^\s*([+-])(\d{2}):(\d{2})\s*$/;

type DateParse = { value: string } | { absent: true } | { invalid: string };

/** `YYYY:MM:DD HH:MM:SS` as recorded → `YYYY-MM-DDTHH:MM:SS`; zeros and blanks are absent. */
function parseExifDate(raw: unknown): DateParse {
  const text = textOf(raw);
  if (text === null || /^[\s:0-]*$/.test(text)) return { absent: true };
  const m = EXIF_DATE.exec(text) ?? XMP_DATE.exec(text);
  if (!m) return { invalid: text };
  const [, y, mo, d, h, mi, s] = m;
  if (`${y}${mo}${d}` === '00000000') return { absent: true };
  return { value: `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}` };
}

function offsetOf(raw: unknown): string | null {
  const text = textOf(raw);
  const m = text === null ? null : OFFSET.exec(text);
  return m ? `${m[1]}${m[2]}:${m[3]}` : null;
}

// ----- GPS -----

function dmsToDegrees(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return null;
  const parts = Array.from(value as ArrayLike<number>, Number);
  if (parts.length === 0 || parts.length > 3) return null;
  const [d = 0, m = 0, s = 0] = parts;
  const degrees = d + m / 60 + s / 3600;
  return Number.isFinite(degrees) ? degrees : null;
}

function refOf(value: unknown): string {
  if (value instanceof Uint8Array) return String.fromCharCode(value[0] ?? 0).toUpperCase();
  if (typeof value === 'number') return String(value);
  return (textOf(value) ?? '').toUpperCase().slice(0, 1);
}

/** XMP GPS coordinate: `DDD,MM,SSk` or `DDD,MM.mmk`. */
function xmpCoordinate(text: string | null): number | null {
  const m = text === null ? null : /^\s*(\d{1,3}),(\d{1,2}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(text);
  if (!m) return null;
  const degrees = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
  return /[SW]/i.test(m[4] ?? '') ? -degrees : degrees;
}

function rationalOf(text: string | null): number | null {
  if (text === null) return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?\s*$/.exec(text);
  if (!m) return null;
  const value = m[2] === undefined ? Number(m[1]) : Number(m[1]) / Number(m[2]);
  return Number.isFinite(value) ? value : null;
}

function readGps(gps: Tags, xmp: XmpPacket | null, warnings: string[]): PhotoMetadata['gps'] {
  let lat = dmsToDegrees(gps.GPSLatitude);
  let lon = dmsToDegrees(gps.GPSLongitude);
  let alt: number | null = null;
  if (lat !== null && lon !== null) {
    if (refOf(gps.GPSLatitudeRef) === 'S') lat = -lat;
    if (refOf(gps.GPSLongitudeRef) === 'W') lon = -lon;
    alt = finite(gps.GPSAltitude);
    if (alt !== null && refOf(gps.GPSAltitudeRef) === '\u0001') alt = -alt;
    else if (alt !== null && refOf(gps.GPSAltitudeRef) === '1') alt = -alt;
  } else if (xmp) {
    lat = xmpCoordinate(xmp.value('exif', 'GPSLatitude'));
    lon = xmpCoordinate(xmp.value('exif', 'GPSLongitude'));
    alt = rationalOf(xmp.value('exif', 'GPSAltitude'));
    if (alt !== null && xmp.value('exif', 'GPSAltitudeRef') === '1') alt = -alt;
  }
  if (lat === null || lon === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    warnings.push('The GPS position in the metadata is out of range and was left out.');
    return null;
  }
  return { lat, lon, alt };
}

// ----- the reader -----

/** The EXIF, XMP and IPTC blocks as the image library found them. */
interface LibraryBlocks {
  exif: Buffer | null;
  xmp: Buffer | null;
  iptc: Buffer | null;
}

interface ImageHeader {
  format: string | null;
  width: number | null;
  height: number | null;
  raw: Record<string, unknown>;
  /**
   * The image library's copy of the metadata blocks, asked for only when exifr finds none of a kind: `exif`,
   * `xmp`, or `any` of the three.
   */
  blocks(need: 'exif' | 'xmp' | 'any'): Promise<LibraryBlocks>;
}

const NO_BLOCKS: LibraryBlocks = { exif: null, xmp: null, iptc: null };

/** sharp's header read: size and format, and the metadata blocks libvips found. */
async function readLibraryHeader(buffer: Buffer, limit: number, warnings: string[] | null): Promise<(Omit<ImageHeader, 'blocks'> & LibraryBlocks) | null> {
  const result = await withTimeLimit(() => sharp(buffer, { failOn: 'none' }).metadata(), limit);
  if (!result.ok) {
    warnings?.push(
      result.timedOut
        ? `Reading the image size took longer than ${limit / 1000} seconds and was abandoned.`
        : `The image size could not be read: ${errorText(result.error)}.`,
    );
    return null;
  }
  const m = result.value;
  let width = Number.isInteger(m.width) && m.width > 0 ? m.width : null;
  let height = Number.isInteger(m.height) && m.height > 0 ? m.height : null;
  const raw: Record<string, unknown> = {
    format: m.format,
    width: m.width,
    height: m.height,
    space: m.space,
    channels: m.channels,
    depth: m.depth,
    density: m.density,
    hasAlpha: m.hasAlpha,
    pages: m.pages,
    compression: m.compression,
  };
  if (m.format === 'heif') {
    // libheif reports the size after the container's rotation; the stored size is the primary item's ispe.
    const stored = readHeifImageSize(buffer);
    if (stored) {
      raw.storedWidth = stored.width;
      raw.storedHeight = stored.height;
      width = stored.width;
      height = stored.height;
    }
  }
  return { format: m.format ?? null, width, height, raw, exif: m.exif ?? null, xmp: m.xmp ?? null, iptc: m.iptc ?? null };
}

/**
 * Text that opens the JPEG segments the readers take metadata from: libvips' EXIF (APP1 `Exif`), XMP (APP1
 * `http://ns.adobe.com/xap/1.0/`) and IPTC (APP13 `Photoshop 3.0`), and the wider prefixes exifr accepts for XMP
 * and IPTC. A JPEG whose metadata segments do not contain one cannot have that block, so the reader is not run.
 */
const EXIF_SIGNATURE = Buffer.from('Exif', 'latin1');
const XMP_SIGNATURE = Buffer.from('http://ns.adobe.com/xap/1.0/', 'latin1');
const IPTC_SIGNATURE = Buffer.from('Photoshop 3.0', 'latin1');
const EXIFR_XMP_SIGNATURE = Buffer.from('http://ns.adobe.com/', 'latin1');
const EXIFR_IPTC_SIGNATURE = Buffer.from('Photoshop', 'latin1');

async function readImageHeader(
  buffer: Buffer,
  jpeg: JpegHead | null,
  has: (signature: Buffer) => boolean,
  limit: number,
  warnings: string[],
): Promise<ImageHeader> {
  const frame = jpeg?.frame;
  if (jpeg && frame) {
    // A JPEG: the size from its frame header. The library is asked for its copy of the metadata blocks only when
    // exifr found none and the file has a segment that could hold them, so results match asking it every time.
    let library: Promise<LibraryBlocks> | null = null;
    return {
      format: 'jpeg',
      width: frame.width,
      height: frame.height,
      raw: {
        format: 'jpeg',
        width: frame.width,
        height: frame.height,
        space: frame.components === 1 ? 'b-w' : frame.components === 4 ? 'cmyk' : 'srgb',
        channels: frame.components,
        depth: frame.precision <= 8 ? 'uchar' : 'ushort',
        hasAlpha: false,
      },
      blocks(need) {
        const worth =
          need === 'exif' ? has(EXIF_SIGNATURE) : need === 'xmp' ? has(XMP_SIGNATURE) : has(EXIF_SIGNATURE) || has(XMP_SIGNATURE) || has(IPTC_SIGNATURE);
        if (!worth) return Promise.resolve(NO_BLOCKS);
        library ??= readLibraryHeader(buffer, limit, null).then((h) => (h ? { exif: h.exif, xmp: h.xmp, iptc: h.iptc } : NO_BLOCKS));
        return library;
      },
    };
  }
  const header = await readLibraryHeader(buffer, limit, warnings);
  if (!header) return { format: null, width: null, height: null, raw: {}, blocks: () => Promise.resolve(NO_BLOCKS) };
  const { exif, xmp, iptc, ...rest } = header;
  return { ...rest, blocks: () => Promise.resolve({ exif, xmp, iptc }) };
}

/**
 * exifr over the buffer, bounded in time; a failure becomes a warning (unless quiet) and an empty result. The errors
 * exifr swallowed while still returning something (`silentErrors`) are collected in `partial`: the three calls walk
 * the same segments and often hit the same problem, which is reported once.
 */
async function runExifr(
  input: Buffer,
  options: object,
  part: string,
  limit: number,
  warnings: string[],
  partial: Set<string>,
  quietFailure = false,
): Promise<Tags> {
  const result = await withTimeLimit(() => exifr.parse(input, options) as Promise<unknown>, limit);
  if (!result.ok) {
    if (result.timedOut) warnings.push(`Reading the ${part} took longer than ${limit / 1000} seconds and was abandoned.`);
    else if (!quietFailure) warnings.push(`The ${part} could not be read: ${errorText(result.error)}.`);
    return {};
  }
  const output = isTags(result.value) ? result.value : {};
  const errors = Array.isArray(output.errors) ? output.errors : [];
  for (const error of errors) partial.add(errorText(error));
  return output;
}

/** The EXIF bytes sharp found (`Exif\0\0` + TIFF), as a TIFF exifr can read. */
function tiffFromExifBlock(exif: Buffer): Buffer | null {
  const start = exif.subarray(0, 6).toString('latin1') === 'Exif\u0000\u0000' ? 6 : 0;
  const tiff = exif.subarray(start);
  const order = tiff.subarray(0, 2).toString('latin1');
  return order === 'II' || order === 'MM' ? tiff : null;
}

/** The byte order of the EXIF block: `II` little-endian, `MM` big-endian (TIFF header, or after `Exif\0\0`). */
function exifIsLittleEndian(buffer: Buffer): boolean {
  const head = buffer.toString('latin1', 0, 2);
  if (head === 'II' || head === 'MM') return head === 'II';
  const at = buffer.subarray(0, 256 * 1024).indexOf('Exif\u0000\u0000', 0, 'latin1');
  return at === -1 || buffer.toString('latin1', at + 6, at + 8) !== 'MM';
}

/** exifr over the TIFF blocks of a copy whose impossible value counts are defused (see tiff-guard.ts). */
async function runExifrTiff(
  input: Buffer,
  limit: number,
  warnings: string[],
  partial: Set<string>,
  defused: DefusedEntry[],
): Promise<Tags> {
  const guarded = defuseTiffCounts(input);
  defused.push(...guarded.defused);
  return runExifr(guarded.buffer, TIFF_OPTIONS, 'EXIF metadata', limit, warnings, partial);
}

function firstText(...candidates: Array<string | null | undefined>): string | null {
  for (const candidate of candidates) if (candidate) return candidate;
  return null;
}

function joinedText(values: string[]): string | null {
  return values.length === 0 ? null : values.join('; ');
}

export async function readPhotoMetadata(buffer: Buffer, options: PhotoReadOptions = {}): Promise<PhotoReadResult> {
  const limit = options.timeLimitMs ?? PARSER_TIME_LIMIT_MS;
  const warnings: string[] = [];
  const jpeg = readJpegHead(buffer);
  // Whether the file may hold a block: always, unless it is a JPEG whose metadata segments lack its signature.
  const segments = jpeg === null ? null : buffer.subarray(0, jpeg.metadataLength);
  const mayHold = (signature: Buffer) => segments === null || segments.includes(signature);
  const header = await readImageHeader(buffer, jpeg, mayHold, limit, warnings);

  // 1. TIFF blocks (IFD0, EXIF, GPS). When exifr finds none (formats it does not know, such as WebP and GIF; AVIF
  //    EXIF it calls malformed), the EXIF block the image library found, if any, is read instead.
  const partial = new Set<string>();
  const defused: DefusedEntry[] = [];
  const firstWarnings: string[] = [];
  const firstPartial = new Set<string>();
  let tiffOutput = await runExifrTiff(buffer, limit, firstWarnings, firstPartial, defused);
  const unknownFormat = firstWarnings.some((w) => w.includes('Unknown file format'));
  const libraryExif = isTags(tiffOutput.ifd0) ? null : (await header.blocks('exif')).exif;
  const fromLibrary = libraryExif ? tiffFromExifBlock(libraryExif) : null;
  const fallback = fromLibrary ? await runExifrTiff(fromLibrary, limit, warnings, partial, defused) : null;
  if (fallback && isTags(fallback.ifd0)) tiffOutput = fallback;
  else {
    const library = unknownFormat ? await header.blocks('any') : NO_BLOCKS;
    if (unknownFormat && !library.exif && !library.xmp && !library.iptc) {
      warnings.push(
        header.format
          ? `The metadata could not be read: this ${header.format.toUpperCase()} file has no EXIF, IPTC or XMP metadata that Vigil can read.`
          : 'The metadata could not be read: Unknown file format.',
      );
    } else if (!unknownFormat) {
      warnings.push(...firstWarnings);
      for (const message of firstPartial) partial.add(message);
    }
  }
  const ifd0 = tagsOf(tiffOutput, 'ifd0');
  const exif = tagsOf(tiffOutput, 'exif');
  const gps = tagsOf(tiffOutput, 'gps');

  // 2. IPTC, decoded by exifr as Latin-1 and re-decoded here.
  const iptcInput = unknownFormat || !mayHold(EXIFR_IPTC_SIGNATURE) ? null : buffer;
  const iptcRaw = iptcInput ? tagsOf(await runExifr(iptcInput, IPTC_OPTIONS, 'IPTC metadata', limit, warnings, partial, true), 'iptc') : {};
  const iptc: Tags = {};
  for (const [key, value] of Object.entries(iptcRaw)) {
    const fix = (v: unknown) => (typeof v === 'string' ? redecodeIptcText(v) : v);
    iptc[key] = Array.isArray(value) ? value.map(fix) : fix(value);
  }
  if (Object.keys(iptc).length > 0 && buffer.includes(IPTC_UTF8_MARKER)) iptc.CodedCharacterSet = 'UTF-8';

  // 3. XMP, as the packet text (read here, see xmp-fields.ts); the image library's copy when exifr finds none
  //    (exifr does not read XMP from HEIF).
  let packet: string | null = null;
  if (!unknownFormat && mayHold(EXIFR_XMP_SIGNATURE)) {
    const xmpOutput = await runExifr(buffer, XMP_OPTIONS, 'XMP metadata', limit, warnings, partial, true);
    if (typeof xmpOutput.xmp === 'string' && xmpOutput.xmp.trim() !== '') packet = xmpOutput.xmp;
  }
  if (packet === null) {
    const libraryXmp = (await header.blocks('xmp')).xmp;
    if (libraryXmp && libraryXmp.byteLength > 0) packet = libraryXmp.toString('utf8');
  }
  const xmp = packet === null ? null : new XmpPacket(packet);
  if (defused.length > 0) {
    const tags = defused.slice(0, 5).map((d) => `0x${d.tag.toString(16).padStart(4, '0')}`).join(', ');
    warnings.push(
      defused.length === 1
        ? `The EXIF metadata is damaged: one entry (tag ${tags}) claims more data than the file holds and was skipped.`
        : `The EXIF metadata is damaged: ${defused.length} entries (tags ${tags}${defused.length > 5 ? '…' : ''}) claim more data than the file holds and were skipped.`,
    );
  }
  for (const message of [...partial].slice(0, 2)) warnings.push(`Part of the metadata could not be read: ${message}.`);

  // Normalised fields.
  let takenAt: string | null = null;
  const original = parseExifDate(exif.DateTimeOriginal ?? ifd0.DateTimeOriginal);
  if ('value' in original) {
    const offset = offsetOf(exif.OffsetTimeOriginal);
    takenAt = offset ? `${original.value}${offset}` : original.value;
  } else {
    if ('invalid' in original) {
      warnings.push(`The date taken in the EXIF metadata is not a date (${JSON.stringify(original.invalid.slice(0, 40))}) and was left out.`);
    }
    // Files whose EXIF block is missing or unreadable may still carry the date in XMP; its time zone is not an
    // OffsetTimeOriginal, so only the local time is kept.
    const fromXmp = xmp ? parseExifDate(xmp.value('exif', 'DateTimeOriginal')) : { absent: true as const };
    if ('value' in fromXmp) takenAt = fromXmp.value;
  }

  let orientation = finite(ifd0.Orientation);
  if (orientation !== null && !(Number.isInteger(orientation) && orientation >= 1 && orientation <= 8)) {
    warnings.push(`The orientation in the EXIF metadata (${orientation}) is not one of 1 to 8 and was left out.`);
    orientation = null;
  }

  const keywords = [...new Set([...(xmp?.values('dc', 'subject') ?? []), ...textsOf(iptc.Keywords)])];

  const photo: PhotoMetadata = {
    takenAt,
    gps: readGps(gps, xmp, warnings),
    make: textOf(ifd0.Make),
    model: textOf(ifd0.Model),
    serial: firstText(
      textOf(exif.SerialNumber),
      xmp?.value('exifEX', 'BodySerialNumber'),
      xmp?.value('aux', 'SerialNumber'),
    ),
    lens: firstText(textOf(exif.LensModel), xmp?.value('exifEX', 'LensModel')),
    software: textOf(ifd0.Software),
    orientation,
    width: header.width,
    height: header.height,
    caption: firstText(xmp?.value('dc', 'description'), textOf(iptc.Caption), textOf(ifd0.ImageDescription)),
    keywords,
    creator: firstText(
      joinedText(xmp?.values('dc', 'creator') ?? []),
      joinedText(textsOf(iptc.Byline)),
      textOf(ifd0.Artist),
    ),
    copyright: firstText(textOf(ifd0.Copyright), textOf(iptc.CopyrightNotice), xmp?.value('dc', 'rights')),
  };

  // Text that exifr leaves as bytes, decoded for the raw record (not used for the normalised fields).
  const text: Record<string, string> = {};
  for (const key of ['XPTitle', 'XPComment', 'XPAuthor', 'XPKeywords', 'XPSubject']) {
    const decoded = decodeUcs2(ifd0[key]);
    if (decoded !== null) text[key] = decoded;
  }
  // exifr puts UserComment at the top of its output, beside the blocks.
  const userCommentRaw = exif.UserComment ?? tiffOutput.userComment;
  const userComment = userCommentRaw === undefined ? null : decodeUserComment(userCommentRaw, exifIsLittleEndian(buffer));
  if (userComment !== null) text.UserComment = userComment;

  const raw: Record<string, unknown> = { image: toJsonSafe(header.raw) };
  if (Object.keys(ifd0).length > 0) raw.ifd0 = toJsonSafeObject(ifd0);
  if (Object.keys(exif).length > 0) raw.exif = toJsonSafeObject(exif);
  if (Object.keys(gps).length > 0) raw.gps = toJsonSafeObject(gps);
  if (tiffOutput.userComment !== undefined) raw.userComment = toJsonSafe(tiffOutput.userComment);
  if (Object.keys(iptc).length > 0) raw.iptc = toJsonSafeObject(iptc);
  if (packet !== null) raw.xmp = toJsonSafe(packet);
  if (Object.keys(text).length > 0) raw.text = text;

  const sensitive: string[] = [];
  // A position that was left out as out of range is still in the raw record, so it still counts.
  const anyPosition =
    photo.gps !== null ||
    (dmsToDegrees(gps.GPSLatitude) !== null && dmsToDegrees(gps.GPSLongitude) !== null) ||
    (xmp?.value('exif', 'GPSLatitude') ?? null) !== null;
  if (anyPosition) sensitive.push('gps');
  if (photo.serial) sensitive.push('serial');
  if (photo.creator) sensitive.push('creator');
  if (firstText(textOf(exif.LensSerialNumber), xmp?.value('exifEX', 'LensSerialNumber'), xmp?.value('aux', 'LensSerialNumber')))
    sensitive.push('lensSerial');
  if (firstText(textOf(exif.OwnerName), xmp?.value('exifEX', 'CameraOwnerName'), xmp?.value('aux', 'OwnerName')))
    sensitive.push('ownerName');
  if (text.XPAuthor) sensitive.push('xpAuthor');
  const place = firstText(
    ...['City', 'Sublocation', 'State', 'Country', 'ContentLocationName'].map((key) => textOf(iptc[key])),
    xmp?.value('photoshop', 'City'),
    xmp?.value('photoshop', 'State'),
    xmp?.value('photoshop', 'Country'),
    xmp?.value('Iptc4xmpCore', 'Location'),
  );
  if (place) sensitive.push('location');

  return { photo, raw, warnings, sensitive };
}

