/**
 * A JPEG's head: its frame header (SOFn: the stored pixel size, the number of colour components and the sample
 * precision) and where its metadata segments end, found by walking the segments from the start of the file.
 * The frame is the one value libjpeg's header read gives that exifr does not (exifr reports the EXIF-declared
 * size, wrong for every resized file); the end tells the reader which metadata segments a file has at all.
 *
 * Written by hand because no small library returns the frame's components and precision, and asking sharp
 * (libvips) for a JPEG's header cost more CPU than all the other metadata reading of a photo together on the
 * intake benchmark. sharp is still asked whenever this walk does not reach the compressed data cleanly.
 */

export interface JpegFrame {
  width: number;
  height: number;
  /** 1 for greyscale, 3 for YCbCr/RGB, 4 for CMYK/YCCK. */
  components: number;
  /** Bits per sample: 8 for nearly every photo, 12 or 16 for some medical and scientific images. */
  precision: number;
}

/** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range but are not frame headers. */
function isFrameMarker(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export interface JpegHead {
  /** The frame header, or null when the file has none before its compressed data (or one with no size). */
  frame: JpegFrame | null;
  /**
   * Where the compressed data starts (the Start-of-Scan marker). Every segment that can hold metadata comes
   * before it, and exifr and libvips stop reading there.
   */
  metadataLength: number;
}

/**
 * Walks a JPEG's segments up to its compressed data. Null when the bytes are not a JPEG whose segments lead
 * cleanly there (truncated or damaged): callers then read the file the general way.
 */
export function readJpegHead(bytes: Uint8Array): JpegHead | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let frame: JpegFrame | null = null;
  let sawFrame = false;
  let offset = 2;
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return null; // the image ends before any compressed data
    if (marker === 0xda) return { frame, metadataLength: offset };
    if (offset + 4 > bytes.length) return null;
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    if (isFrameMarker(marker) && !sawFrame) {
      sawFrame = true;
      if (length >= 8) {
        const found = {
          precision: bytes[offset + 4]!,
          height: view.getUint16(offset + 5),
          width: view.getUint16(offset + 7),
          components: bytes[offset + 9]!,
        };
        // A height of 0 is set later by a DNL segment; such rare files are left to the image library.
        if (found.width > 0 && found.height > 0 && found.components > 0) frame = found;
      }
    }
    offset += 2 + length;
  }
  return null;
}
