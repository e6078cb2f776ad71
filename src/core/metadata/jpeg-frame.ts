/**
 * A JPEG's frame header (SOFn): the stored pixel size, the number of colour components and the sample
 * precision, found by walking the segments from the start of the file. This is the one value libjpeg's header
 * read gives that exifr does not (exifr reports the EXIF-declared size, wrong for every resized file).
 *
 * Written by hand because no small library returns the frame's components and precision, and asking sharp
 * (libvips) for a JPEG's header cost more CPU than all the other metadata reading of a photo together on the
 * intake benchmark. sharp is still asked whenever this walk does not find a usable frame.
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

/** The frame header of a JPEG, or null when the bytes are not a JPEG whose segments lead cleanly to one. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
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
    // The compressed data starts after SOS, and the image ends at EOI: no frame header before them.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    if (isFrameMarker(marker)) {
      if (length < 8) return null;
      const frame = {
        precision: bytes[offset + 4]!,
        height: view.getUint16(offset + 5),
        width: view.getUint16(offset + 7),
        components: bytes[offset + 9]!,
      };
      // A height of 0 is set later by a DNL segment; leave such rare files to the image library.
      return frame.width > 0 && frame.height > 0 && frame.components > 0 ? frame : null;
    }
    offset += 2 + length;
  }
  return null;
}
