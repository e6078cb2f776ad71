/**
 * The whole fixture photo folder through the real pipeline: one item per distinct file, metadata agreeing
 * with exiftool's reference values field by field, and a second import adding nothing.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemJson } from '../../../src/cli/item-json';
import { hasPhotoFixtures, PHOTO_FIXTURES_DIR } from '../../helpers/fixtures';
import { useCores } from '../../helpers/open-core';

type Expected = Record<string, Record<string, unknown>>;
const FIELDS = ['make', 'model', 'serial', 'lens', 'software', 'takenAt', 'gps', 'orientation', 'width', 'height', 'caption', 'keywords', 'creator', 'copyright'] as const;

/** Where exifr and exiftool read the same bytes differently; each is a judgement, not a bug. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  // Software is the text "1.00"; exiftool -n printed it as the number 1, so the reference reads "1".
  'jpg/tests/35-empty.jpg software': 'we keep the text as recorded',
  // GPSAltitude 42.123 without GPSAltitudeRef: the reference (exiftool's composite) drops the altitude,
  // we keep it as recorded (above sea level, the EXIF default).
  'jpg/tests/87_OSError.jpg gps': 'we keep an altitude that has no reference',
};

function same(field: string, actual: unknown, expected: unknown): boolean {
  if (field === 'gps' && actual && expected) {
    const a = actual as { lat: number; lon: number; alt: number | null };
    const e = expected as { lat: number; lon: number; alt: number | null };
    const alt = a.alt === null || e.alt === null ? a.alt === e.alt : Math.abs(a.alt - e.alt) < 1e-3;
    return Math.abs(a.lat - e.lat) < 1e-6 && Math.abs(a.lon - e.lon) < 1e-6 && alt;
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

describe.skipIf(!hasPhotoFixtures)('importing the fixture photos', () => {
  const { openCore } = useCores();

  it('gives one item per distinct file with metadata matching the reference, and re-importing adds nothing', { timeout: 120_000 }, async () => {
    const core = await openCore();
    const first = await core.importPaths([PHOTO_FIXTURES_DIR]);
    expect(first.failed).toEqual([]);
    const distinct = new Set(
      readdirSync(PHOTO_FIXTURES_DIR, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')),
    );
    expect(first.imported).toBe(distinct.size);
    expect(first.imported + first.duplicates).toBe(countFiles(PHOTO_FIXTURES_DIR));

    const expected = JSON.parse(readFileSync(join(PHOTO_FIXTURES_DIR, 'expected.json'), 'utf8')) as Expected;
    const bySha = new Map<string, ReturnType<typeof itemJson>>();
    for (let offset = 0; ; offset += 200) {
      const page = await core.api.listItems({ offset, limit: 200 });
      for (const row of page.rows) bySha.set(row.sha256, itemJson(await core.api.getItem({ id: row.id })));
      if (offset + 200 >= page.total) break;
    }
    const differences: string[] = [];
    for (const [path, reference] of Object.entries(expected)) {
      const digest = createHash('sha256').update(readFileSync(join(PHOTO_FIXTURES_DIR, path))).digest('hex');
      const item = bySha.get(digest);
      expect(item, path).toBeDefined();
      for (const field of FIELDS) {
        if (!same(field, item![field], reference[field])) differences.push(`${path} ${field}`);
      }
    }
    expect(differences.sort()).toEqual(Object.keys(KNOWN_DIFFERENCES).sort());

    const again = await core.importPaths([PHOTO_FIXTURES_DIR]);
    expect(again).toMatchObject({ imported: 0, duplicates: first.imported + first.duplicates, failed: [] });
    expect((await core.api.listItems()).total).toBe(distinct.size);
    expect((await core.verify()).ok).toBe(true);
  });
});
