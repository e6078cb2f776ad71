/**
 * Turning the byte and string values that metadata parsers hand back into clean text, following the measured
 * pitfalls in `shared/notes/metadata-reading.md`: EXIF ASCII cut at the first NUL, IPTC re-decoded as UTF-8 when
 * its bytes are UTF-8, XMP entities decoded, Windows XP* tags as UCS-2, UserComment with its 8-byte charset prefix.
 *
 * Nothing here sanitises: text from a file is kept verbatim (markup, formulas and all) and only made well-formed.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Cut at the first NUL, trim, and return null when nothing is left. */
export function cleanText(value: string): string | null {
  const nul = value.indexOf('\u0000');
  const cut = (nul === -1 ? value : value.slice(0, nul)).trim();
  return cut === '' ? null : cut;
}

/** Bytes as UTF-8 when they are valid UTF-8, else as Latin-1 (so no byte is lost to U+FFFD). */
export function decodeUtf8OrLatin1(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
}

/**
 * A metadata value as clean text: strings are cut at NUL and trimmed, numbers written out, bytes decoded, arrays
 * give their first usable element. Anything else is null.
 */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (value instanceof Uint8Array) return cleanText(decodeUtf8OrLatin1(value));
  if (Array.isArray(value)) {
    for (const element of value) {
      const text = textOf(element);
      if (text !== null) return text;
    }
  }
  return null;
}

/** Every usable text of a value that may be one string or a list of them, in order. */
export function textsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const element of list) {
    const text = textOf(element);
    if (text !== null) out.push(text);
  }
  return out;
}

/**
 * IPTC text that a parser decoded as Latin-1, re-decoded as UTF-8 when its bytes hold non-ASCII and are valid
 * UTF-8 (Persian captions depend on it). Bytes that are not valid UTF-8 stay Latin-1, so none is lost; whether the
 * file declares UTF-8 (IPTC CodedCharacterSet) does not change the outcome.
 */
export function redecodeIptcText(value: string): string {
  // Only a string of byte-sized code units can be bytes decoded as Latin-1.
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character and entity references decoded (`&amp;` `&lt;` `&#1575;` `&#x627;`); unknown ones left as they are. */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** A Windows `XP*` tag (XPComment, XPKeywords, XPAuthor...): UCS-2 little-endian bytes, NUL-terminated. */
export function decodeUcs2(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (!(value instanceof Uint8Array) && !Array.isArray(value)) return null;
  const bytes = value instanceof Uint8Array ? value : Uint8Array.from(value as number[]);
  const even = bytes.byteLength - (bytes.byteLength % 2);
  return cleanText(Buffer.from(bytes.buffer, bytes.byteOffset, even).toString('utf16le'));
}

/**
 * UTF-16 whose byte order is not certain: a byte-order mark decides; else the order in which more of the text falls
 * in the alphabetic scripts below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic and Persian); else the file's
 * own byte order (the EXIF rule, which some cameras ignore).
 */
function decodeUtf16Guessing(bytes: Uint8Array, littleEndianHint: boolean): string {
  let start = 0;
  let bigEndian: boolean | null = null;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) [start, bigEndian] = [2, true];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [start, bigEndian] = [2, false];
  const body = Buffer.from(bytes.subarray(start, start + ((bytes.byteLength - start) & ~1)));
  if (bigEndian === null) {
    let scoreLE = 0;
    let scoreBE = 0;
    for (let i = 0; i + 1 < body.byteLength; i += 2) {
      const le = body.readUInt16LE(i);
      const be = body.readUInt16BE(i);
      if (le !== 0 && le < 0x0800) scoreLE++;
      if (be !== 0 && be < 0x0800) scoreBE++;
    }
    bigEndian = scoreBE === scoreLE ? !littleEndianHint : scoreBE > scoreLE;
  }
  if (bigEndian) body.swap16();
  return body.toString('utf16le');
}

/**
 * EXIF UserComment: an 8-byte character-code prefix (`ASCII\0\0\0`, `UNICODE\0`, `JIS\0\0\0\0\0`, or eight NULs
 * for undefined) and then the text. `littleEndianHint` is the byte order of the file's TIFF header.
 */
export function decodeUserComment(value: unknown, littleEndianHint = true): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (!(value instanceof Uint8Array)) return null;
  if (value.byteLength < 8) return cleanText(decodeUtf8OrLatin1(value));
  const prefix = Buffer.from(value.subarray(0, 8)).toString('latin1').replace(/\0+$/, '').trim().toUpperCase();
  const body = value.subarray(8);
  let text: string;
  if (prefix === 'UNICODE') text = decodeUtf16Guessing(body, littleEndianHint);
  else if (prefix === 'JIS') {
    try {
      text = new TextDecoder('shift_jis').decode(body);
    } catch {
      text = decodeUtf8OrLatin1(body);
    }
  } else text = decodeUtf8OrLatin1(prefix === 'ASCII' || prefix === '' ? body : value);
  return cleanText(text);
}
