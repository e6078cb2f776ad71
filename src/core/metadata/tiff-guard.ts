/**
 * A guard against one measured way a damaged file stalls exifr: a TIFF entry whose value count is absurd (a flipped
 * bit turns 3 rationals into 16 million) makes exifr allocate a typed array that large before it notices the values
 * lie outside the file, which costs a second or more and hundreds of megabytes, synchronously, so no time limit can
 * interrupt it. Before exifr reads the TIFF blocks, this walks the IFDs (IFD0 and its chain, EXIF, GPS, Interop) and,
 * in a copy of the file, sets the count of every entry whose values cannot fit in the block to zero. Vigil's own
 * bytes are never changed; only the copy handed to the parser.
 */

const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
const SUB_IFD_TAGS = new Set([0x8769, 0x8825, 0xa005]);
const MAX_IFDS = 16;
const MAX_ENTRIES = 4096;

export interface DefusedEntry {
  /** The IFD tag, e.g. 0x829d. */
  tag: number;
  count: number;
}

/**
 * Where TIFF structures start and end in the file: the whole file for a TIFF, each `Exif` APP1 for a JPEG, and for
 * other containers (HEIF's Exif item) the first `Exif\0\0` + TIFF header up to the end of the file.
 */
function tiffBlocks(buf: Buffer): Array<{ start: number; end: number }> {
  const magic = buf.toString('latin1', 0, 4);
  if (magic === 'II*\u0000' || magic === 'MM\u0000*') return [{ start: 0, end: buf.byteLength }];
  if (buf[0] !== 0xff || buf[1] !== 0xd8) {
    for (const header of ['Exif\u0000\u0000II*\u0000', 'Exif\u0000\u0000MM\u0000*']) {
      const at = buf.indexOf(header, 0, 'latin1');
      if (at !== -1) return [{ start: at + 6, end: buf.byteLength }];
    }
    return [];
  }
  const blocks: Array<{ start: number; end: number }> = [];
  let at = 2;
  while (at + 4 <= buf.byteLength) {
    if (buf[at] !== 0xff) break;
    const marker = buf[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = buf.readUInt16BE(at + 2);
    if (length < 2) break;
    const end = Math.min(at + 2 + length, buf.byteLength);
    if (marker === 0xe1 && buf.toString('latin1', at + 4, at + 10) === 'Exif\u0000\u0000') blocks.push({ start: at + 10, end });
    at = at + 2 + length;
  }
  return blocks;
}

/**
 * The file unchanged when every TIFF entry's values fit, else a copy in which those that do not have count zero,
 * with the list of what was defused.
 */
export function defuseTiffCounts(buf: Buffer): { buffer: Buffer; defused: DefusedEntry[] } {
  const defused: DefusedEntry[] = [];
  let copy: Buffer | null = null;
  for (const { start, end } of tiffBlocks(buf)) {
    if (end - start < 8) continue;
    const order = buf.toString('latin1', start, start + 2);
    if (order !== 'II' && order !== 'MM') continue;
    const le = order === 'II';
    const u16 = (at: number) => (le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
    const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
    const length = end - start;
    const pending: number[] = [u32(start + 4)];
    const seen = new Set<number>();
    while (pending.length > 0 && seen.size < MAX_IFDS) {
      const ifd = pending.shift() ?? 0;
      if (ifd < 8 || ifd + 2 > length || seen.has(ifd)) continue;
      seen.add(ifd);
      const entries = Math.min(u16(start + ifd), MAX_ENTRIES);
      for (let i = 0; i < entries; i++) {
        const entry = start + ifd + 2 + 12 * i;
        if (entry + 12 > end) break;
        const tag = u16(entry);
        const size = TYPE_SIZES[u16(entry + 2)];
        const count = u32(entry + 4);
        if (size === undefined) continue;
        const bytes = size * count;
        if (bytes > 4 && u32(entry + 8) + bytes > length) {
          copy ??= Buffer.from(buf);
          if (le) copy.writeUInt32LE(0, entry + 4);
          else copy.writeUInt32BE(0, entry + 4);
          defused.push({ tag, count });
        } else if (SUB_IFD_TAGS.has(tag) && count >= 1) {
          pending.push(u32(entry + 8));
        }
      }
      const nextAt = start + ifd + 2 + 12 * entries;
      if (nextAt + 4 <= end) pending.push(u32(nextAt));
    }
  }
  return { buffer: copy ?? buf, defused };
}
