/**
 * The stored pixel size of a HEIF/HEIC/AVIF image: the `ispe` property of its primary item. Image libraries report
 * the size after the container's rotation (`irot`) is applied, so a portrait iPhone photo stored as 4032×3024 with
 * a 270° `irot` comes back as 3024×4032; Vigil records the stored size (as for a JPEG with EXIF orientation 6)
 * and the orientation separately, as exiftool does.
 */

interface Box {
  type: string;
  /** Start of the payload (after the header). */
  start: number;
  end: number;
}

function* boxes(buf: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      const large = buf.readBigUInt64BE(at + 8);
      if (large > BigInt(to - at)) return;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header || at + size > to) return;
    yield { type, start: at + header, end: at + size };
    at += size;
  }
}

function child(buf: Buffer, parent: Box, type: string, skip = 0): Box | undefined {
  for (const box of boxes(buf, parent.start + skip, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** The primary item's `ispe` width and height, or null when the file has none or is malformed. */
export function readHeifImageSize(buf: Buffer): { width: number; height: number } | null {
  try {
    const top = { type: '', start: 0, end: buf.byteLength };
    const meta = child(buf, top, 'meta');
    if (!meta) return null;
    // meta, pitm, ipma and ispe are "full boxes": one byte version and three bytes of flags before the payload.
    const pitm = child(buf, meta, 'pitm', 4);
    const iprp = child(buf, meta, 'iprp', 4);
    if (!pitm || !iprp) return null;
    const primary = buf[pitm.start] === 0 ? buf.readUInt16BE(pitm.start + 4) : buf.readUInt32BE(pitm.start + 4);
    const ipco = child(buf, iprp, 'ipco');
    const ipma = child(buf, iprp, 'ipma');
    if (!ipco || !ipma) return null;
    const properties = [...boxes(buf, ipco.start, ipco.end)];

    const version = buf[ipma.start] ?? 0;
    const wideIndex = ((buf[ipma.start + 3] ?? 0) & 1) === 1;
    let at = ipma.start + 4;
    const entries = buf.readUInt32BE(at);
    at += 4;
    for (let e = 0; e < entries && at < ipma.end; e++) {
      const itemId = version < 1 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
      at += version < 1 ? 2 : 4;
      const count = buf.readUInt8(at);
      at += 1;
      for (let a = 0; a < count; a++) {
        const index = wideIndex ? buf.readUInt16BE(at) & 0x7fff : buf.readUInt8(at) & 0x7f;
        at += wideIndex ? 2 : 1;
        if (itemId !== primary) continue;
        const property = properties[index - 1];
        if (property?.type === 'ispe' && property.start + 12 <= property.end) {
          const width = buf.readUInt32BE(property.start + 4);
          const height = buf.readUInt32BE(property.start + 8);
          return width > 0 && height > 0 ? { width, height } : null;
        }
      }
    }
    return null;
  } catch {
    // A read past the end of a truncated box.
    return null;
  }
}
