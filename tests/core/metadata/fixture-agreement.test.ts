/**
 * Agreement with exiftool (the reference) over the shared photo fixtures: every field of every file in
 * `fixtures/photos/expected.json`, compared field by field. Runs when the shared fixtures sit beside the checkout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/core/metadata/extract-metadata';
import type { PhotoMetadata } from '../../../src/core/metadata/metadata-types';

const dir = new URL('../../../../shared/fixtures/photos/', import.meta.url);
const expectedPath = fileURLToPath(new URL('expected.json', dir));

const FIELDS = [
  'takenAt', 'gps', 'make', 'model', 'serial', 'lens', 'software', 'orientation',
  'width', 'height', 'caption', 'keywords', 'creator', 'copyright',
] as const satisfies ReadonlyArray<keyof PhotoMetadata>;
type Field = (typeof FIELDS)[number];

/**
 * Where Vigil deliberately or necessarily differs from the reference: the value Vigil gives instead, and why.
 * Each must still occur (a stale exception fails the test).
 */
const EXCEPTIONS: Record<string, { field: Field; vigil: unknown; reason: string }> = {
  'jpg/tests/35-empty.jpg': {
    field: 'software',
    vigil: '1.00',
    reason: 'Software is recorded as the text "1.00"; exiftool prints it as the JSON number 1.0, so the reference says "1".',
  },
  'jpg/tests/87_OSError.jpg': {
    field: 'gps',
    vigil: { lat: 43.7855944333333, lon: 11.2346194333333, alt: 42.123 },
    reason: 'GPSAltitude 42.123 is recorded without GPSAltitudeRef; exiftool\'s composite altitude needs the ref, Vigil keeps the recorded altitude (above sea level, the EXIF default).',
  },
};

function sameGps(a: PhotoMetadata['gps'], b: PhotoMetadata['gps']): boolean {
  if (a === null || b === null) return a === b;
  const close = (x: number, y: number) => Math.abs(x - y) <= 1e-6;
  return close(a.lat, b.lat) && close(a.lon, b.lon) && (a.alt === null || b.alt === null ? a.alt === b.alt : close(a.alt, b.alt));
}

function same(field: Field, a: unknown, b: unknown): boolean {
  if (field === 'gps') return sameGps(a as PhotoMetadata['gps'], b as PhotoMetadata['gps']);
  return JSON.stringify(a) === JSON.stringify(b);
}

describe.skipIf(!existsSync(expectedPath))('photo metadata agrees with exiftool on the shared fixtures', () => {
  it('matches every field of every file, apart from the listed exceptions', async () => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, PhotoMetadata>;
    const files = Object.keys(expected);
    const agree = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
    const unexpected: string[] = [];
    const exceptionsSeen = new Set<string>();
    let bytes = 0;
    let elapsed = 0;

    for (const file of files) {
      const buffer = readFileSync(new URL(file, dir));
      bytes += buffer.byteLength;
      const started = performance.now();
      const result = await extractMetadata(buffer, file);
      elapsed += performance.now() - started;

      expect(result.kind, file).toBe('photo');
      expect(result.warnings.filter((w) => w.startsWith('The file name ends in')), file).toEqual([]);
      expect(() => JSON.stringify(result.raw), file).not.toThrow();
      const photo = result.photo;
      expect(photo, file).not.toBeNull();
      if (!photo) continue;

      const reference = expected[file] as PhotoMetadata;
      for (const field of FIELDS) {
        if (same(field, photo[field], reference[field])) {
          agree[field]++;
          continue;
        }
        const exception = EXCEPTIONS[file];
        if (exception?.field === field && same(field, photo[field], exception.vigil)) {
          exceptionsSeen.add(file);
          continue;
        }
        unexpected.push(`${file} ${field}: got ${JSON.stringify(photo[field])}, exiftool ${JSON.stringify(reference[field])}`);
      }
    }

    const table = FIELDS.map((f) => `${f.padEnd(12)} ${agree[f]}/${files.length} (${((100 * agree[f]) / files.length).toFixed(1)} %)`);
    console.info(
      [
        `Agreement with exiftool over ${files.length} files:`,
        ...table,
        `Exceptions: ${Object.entries(EXCEPTIONS).map(([file, e]) => `${file} ${e.field}`).join('; ')}`,
        `Speed: ${(files.length / (elapsed / 1000)).toFixed(0)} files/s, ${(bytes / 1024 / 1024 / (elapsed / 1000)).toFixed(1)} MB/s (extractMetadata, one at a time)`,
      ].join('\n'),
    );

    expect(unexpected).toEqual([]);
    expect([...exceptionsSeen].sort()).toEqual(Object.keys(EXCEPTIONS).sort());
  }, 120_000);
});
