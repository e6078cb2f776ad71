import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readJpegHead } from '../../../src/core/metadata/jpeg-frame';

async function jpeg(width: number, height: number, space?: 'b-w' | 'cmyk', progressive = false): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } });
  if (space) image = image.toColourspace(space);
  return image.jpeg({ progressive }).withExif({ IFD0: { ImageDescription: 'x'.repeat(3000) } }).toBuffer();
}

describe('JPEG frame header', () => {
  it('reads the same size and components as libvips for colour, greyscale, CMYK and progressive files', async () => {
    for (const [width, height, space, progressive] of [
      [640, 480, undefined, false],
      [17, 3001, 'b-w', false],
      [300, 200, 'cmyk', false],
      [1025, 769, undefined, true],
    ] as const) {
      const bytes = await jpeg(width, height, space, progressive);
      const library = await sharp(bytes).metadata();
      expect(readJpegHead(bytes)?.frame).toEqual({ width: library.width, height: library.height, components: library.channels, precision: 8 });
    }
  });

  it('finds where the metadata ends, and gives null for anything it cannot walk to the compressed data', async () => {
    const bytes = await jpeg(90, 60);
    const head = readJpegHead(bytes)!;
    expect(head.frame).toMatchObject({ width: 90, height: 60 });
    // The Start-of-Scan marker, after the 3000-character EXIF description.
    expect(bytes.readUInt16BE(head.metadataLength)).toBe(0xffda);
    expect(bytes.subarray(0, head.metadataLength).includes('x'.repeat(3000))).toBe(true);
    // The head alone is enough.
    expect(readJpegHead(bytes.subarray(0, head.metadataLength + 2))).toEqual(head);
    // Cut inside the EXIF segment: the compressed data is not reached.
    expect(readJpegHead(bytes.subarray(0, 200))).toBeNull();
    expect(readJpegHead(Buffer.from('not a jpeg at all'))).toBeNull();
    // A segment length that points into the middle of nowhere.
    const broken = Buffer.from(bytes);
    broken.writeUInt16BE(1, 4);
    expect(readJpegHead(broken)).toBeNull();
    // Start of scan before any frame header: no size to read, and nothing before it.
    expect(readJpegHead(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6]))).toEqual({ frame: null, metadataLength: 2 });
  });
});
