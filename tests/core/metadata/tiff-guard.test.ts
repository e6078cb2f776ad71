import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/core/metadata/extract-metadata';
import { readPhotoMetadata } from '../../../src/core/metadata/read-photo-metadata';
import { defuseTiffCounts } from '../../../src/core/metadata/tiff-guard';
import { jpegWith, tiffBlock } from './sample-images';

/** A JPEG whose EXIF says ExposureTime (0x829a) holds 16 million rationals: one flipped bit in a real file. */
async function jpegWithAbsurdCount(): Promise<Buffer> {
  const exif = tiffBlock({
    ifd0: [{ tag: 0x010f, type: 'ascii', value: 'Cam' }],
    exif: [
      { tag: 0x829a, type: 'rational', value: [[1, 250]] },
      { tag: 0x9003, type: 'ascii', value: '2001:02:03 04:05:06' },
    ],
  });
  // Find the ExposureTime entry (little-endian tag 9a 82, type 5) and make its count absurd.
  const entry = exif.indexOf(Buffer.from([0x9a, 0x82, 0x05, 0x00]));
  exif.writeUInt32LE(0x00f70001, entry + 4);
  return jpegWith({ exif });
}

describe('defuseTiffCounts', () => {
  it('leaves sound files alone', async () => {
    const jpeg = await jpegWith({ exif: tiffBlock({ ifd0: [{ tag: 0x010f, type: 'ascii', value: 'Cam' }] }) });
    const guarded = defuseTiffCounts(jpeg);
    expect(guarded.buffer).toBe(jpeg);
    expect(guarded.defused).toEqual([]);
  });

  it('zeroes, in a copy, the count of an entry whose values cannot fit in the file', async () => {
    const jpeg = await jpegWithAbsurdCount();
    const before = Buffer.from(jpeg);
    const guarded = defuseTiffCounts(jpeg);
    expect(guarded.defused).toEqual([{ tag: 0x829a, count: 0x00f70001 }]);
    expect(guarded.buffer).not.toBe(jpeg);
    expect(jpeg.equals(before)).toBe(true);
  });

  it('keeps exifr from stalling on it: the rest is read, quickly, with a warning', async () => {
    const jpeg = await jpegWithAbsurdCount();
    const started = performance.now();
    const { photo, warnings } = await readPhotoMetadata(jpeg);
    expect(performance.now() - started).toBeLessThan(500);
    expect(photo).toMatchObject({ make: 'Cam', takenAt: '2001-02-03T04:05:06' });
    expect(warnings).toEqual(['The EXIF metadata is damaged: one entry (tag 0x829a) claims more data than the file holds and was skipped.']);
  });

  it('survives a deterministic mutation run without throwing or stalling', async () => {
    const exif = tiffBlock({
      ifd0: [
        { tag: 0x010f, type: 'ascii', value: 'Cam' },
        { tag: 0x0110, type: 'ascii', value: 'Model' },
        { tag: 0x011a, type: 'rational', value: [[72, 1]] },
      ],
      exif: [
        { tag: 0x829a, type: 'rational', value: [[1, 250]] },
        { tag: 0x9003, type: 'ascii', value: '2001:02:03 04:05:06' },
      ],
      gps: [
        { tag: 0x0002, type: 'rational', value: [[35, 1], [41, 1], [0, 1]] },
        { tag: 0x0004, type: 'rational', value: [[51, 1], [23, 1], [0, 1]] },
      ],
    });
    const jpeg = await jpegWith({ exif });
    let state = 2024;
    const next = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    let slowest = 0;
    for (let run = 0; run < 300; run++) {
      const mutated = Buffer.from(jpeg);
      for (let k = 0; k < 6; k++) mutated[next(Math.min(mutated.byteLength, 400))] = next(256);
      const started = performance.now();
      const result = await extractMetadata(mutated, 'mutated.jpg');
      slowest = Math.max(slowest, performance.now() - started);
      expect(() => JSON.stringify(result)).not.toThrow();
      for (const warning of result.warnings) expect(warning).toMatch(/^[A-Z][^\n]*\.$/);
    }
    expect(slowest).toBeLessThan(1000);
  });
});
