import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflate } from 'node:zlib';
import sharp, { type Exif, type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { makePreviews } from '../../../src/core/previews/make-previews';
import { derivedPath } from '../../../src/core/vault/vault-paths';
import { useTempDirs } from '../../helpers/temp-dir';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/photos/', import.meta.url));
const HEIC_DIR = join(FIXTURES, 'heic');

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every file under dir, relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A photo-like JPEG (not flat colour, so decoding does real work) with the given EXIF. */
async function photo(width: number, height: number, extra: { orientation?: number; exif?: Exif } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .composite([{ input: { create: { width: Math.round(width / 5), height: Math.round(height / 5), channels: 3, background: '#00f' } }, left: 0, top: 0 }])
    .jpeg({ quality: 85 });
  if (extra.exif) image = image.withExif(extra.exif);
  if (extra.orientation) image = image.withMetadata({ orientation: extra.orientation });
  return image.toBuffer();
}

/**
 * A valid greyscale PNG whose header declares width×height pixels. Deflate makes 400 MP of zeros about
 * 400 KB, the classic decompression bomb, built in about a second without sharp having to encode it.
 */
async function pngBomb(width: number, height: number): Promise<Buffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Each row is a filter byte and `width` zero bytes; deflate them in slices, never holding 400 MB at once.
  const deflate = createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (data: Buffer) => compressed.push(data));
  const finished = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const rowsPerSlice = 100;
  const slice = Buffer.alloc((width + 1) * rowsPerSlice);
  for (let row = 0; row < height; row += rowsPerSlice) deflate.write(slice.subarray(0, (width + 1) * Math.min(rowsPerSlice, height - row)));
  deflate.end();
  await finished;
  const rows = Buffer.concat(compressed);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

describe('makePreviews', () => {
  const tempDir = useTempDirs();

  async function setup(name: string, bytes: Buffer) {
    const root = tempDir('vigil-previews');
    const vault = join(root, 'vault');
    const derivedDir = join(root, 'derived');
    await mkdir(vault, { recursive: true });
    const sourcePath = join(vault, name);
    await writeFile(sourcePath, bytes);
    return { root, derivedDir, sourcePath, sha256: sha(name + bytes.length) };
  }

  it('applies EXIF orientation, fits the thumbnail in 256 px and the preview in 1600 px, as WebP at derivedPath', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('rotated.jpg', await photo(3000, 2000, { orientation: 6 }));
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result).toEqual({ ok: true, thumb: derivedPath(derivedDir, 'thumb', sha256), preview: derivedPath(derivedDir, 'preview', sha256) });
    if (!result.ok) return;
    const thumb = await sharp(result.thumb).metadata();
    const preview = await sharp(result.preview).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 171, 256]);
    expect([preview.format, preview.width, preview.height]).toEqual(['webp', 1067, 1600]);
    // The blue block was top-left before rotation by 90° clockwise, so it is top-right now.
    const { data, info } = await sharp(result.thumb).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(pixel(info.width - 5, 5)[2]).toBeGreaterThan(200);
    expect(pixel(5, 5)[2]).toBeLessThan(200);
  });

  it('keeps no EXIF, GPS, XMP or ICC data in the derived images', async () => {
    const exif = {
      IFD0: { Make: 'SecretCam', Model: 'X1', Artist: 'Witness A' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 41/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '51/1 25/1 0/1', GPSMapDatum: 'WGS-84' },
    };
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XmpWitness</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
    const bytes = await sharp(await photo(800, 600, { exif })).keepExif().withIccProfile('p3').withXmp(xmp).jpeg().toBuffer();
    const source = await sharp(bytes).metadata();
    expect(source.xmpAsString).toContain('XmpWitness');
    expect(source.exif?.includes('WGS-84')).toBe(true);
    expect(source.exif?.includes('Witness A')).toBe(true);
    expect(source.icc).toBeDefined();

    const { derivedDir, sourcePath, sha256 } = await setup('gps.jpg', bytes);
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const file of [result.thumb, result.preview]) {
      const meta = await sharp(file).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      const raw = readFileSync(file);
      for (const secret of ['WGS-84', 'Witness A', 'SecretCam', 'XmpWitness', 'EXIF', 'XMP ', 'ICCP']) expect(raw.includes(secret)).toBe(false);
    }
  });

  it('never enlarges a small image', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('small.png', await sharp({ create: { width: 120, height: 80, channels: 4, background: '#0f08' } }).png().toBuffer());
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const file of [result.thumb, result.preview]) {
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height, meta.hasAlpha]).toEqual([120, 80, true]);
    }
  });

  it('honours custom sizes', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('custom.jpg', await photo(1000, 500));
    const result = await makePreviews({ sourcePath, sha256, derivedDir }, { thumbSize: 100, previewSize: 400 });
    if (!result.ok) throw new Error(result.reason);
    expect(await sharp(result.thumb).metadata()).toMatchObject({ width: 100, height: 50 });
    expect(await sharp(result.preview).metadata()).toMatchObject({ width: 400, height: 200 });
  });

  it.each([
    ['png', (s: Sharp) => s.png()],
    ['tiff', (s: Sharp) => s.tiff({ compression: 'lzw' })],
    ['webp', (s: Sharp) => s.webp()],
    ['gif', (s: Sharp) => s.gif()],
    ['avif', (s: Sharp) => s.avif({ effort: 0 })], // AV1 in a HEIF container: this libheif decodes it
    ['cmyk.jpg', (s: Sharp) => s.toColourspace('cmyk').jpeg()],
    ['16bit.png', (s: Sharp) => s.toColourspace('rgb16').png()],
  ])('makes previews of %s', async (name, encode) => {
    const bytes = await encode(sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })).toBuffer();
    const { derivedDir, sourcePath, sha256 } = await setup(`image.${name}`, bytes);
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    if (!result.ok) throw new Error(result.reason);
    expect(await sharp(result.thumb).metadata()).toMatchObject({ format: 'webp', width: 256, height: 192 });
    const { dominant } = await sharp(result.preview).stats();
    expect(Math.abs(dominant.g - 0xaa)).toBeLessThan(20); // colour survives CMYK and 16-bit input
  });

  it('never writes the original (read-only file, same bytes and times afterwards)', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('original.jpg', await photo(1200, 900, { orientation: 3 }));
    chmodSync(sourcePath, 0o444);
    const before = { bytes: readFileSync(sourcePath), mtime: statSync(sourcePath).mtimeMs, mode: statSync(sourcePath).mode };
    expect((await makePreviews({ sourcePath, sha256, derivedDir })).ok).toBe(true);
    expect(readFileSync(sourcePath).equals(before.bytes)).toBe(true);
    expect(statSync(sourcePath).mtimeMs).toBe(before.mtime);
    expect(statSync(sourcePath).mode).toBe(before.mode);
    chmodSync(sourcePath, 0o644); // so the temp folder can be removed on every platform
  });

  it('replaces existing previews atomically and leaves no temporary files', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('again.jpg', await photo(900, 600));
    const first = await makePreviews({ sourcePath, sha256, derivedDir });
    const second = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(second).toEqual(first);
    const prefix = sha256.slice(0, 2);
    expect(filesUnder(derivedDir)).toEqual([join('preview', prefix, `${sha256}.webp`), join('thumb', prefix, `${sha256}.webp`)].sort());
  });

  it('reports a derived folder it cannot write to, without throwing or leaving temporary files', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('blocked.jpg', await photo(600, 400));
    await mkdir(join(derivedDir, 'preview', sha256.slice(0, 2)), { recursive: true });
    // A directory where the preview file should go: the rename fails after the temporary file was written.
    await mkdir(derivedPath(derivedDir, 'preview', sha256));
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/could not be (made|saved)/);
    expect(filesUnder(derivedDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('makes a partial preview of a truncated JPEG and says so', async () => {
    const full = await photo(3000, 2000);
    const { derivedDir, sourcePath, sha256 } = await setup('truncated.jpg', full.subarray(0, Math.floor(full.length / 2)));
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result).toMatchObject({ ok: true, partial: true });
    if (!result.ok) return;
    expect(await sharp(result.thumb).metadata()).toMatchObject({ width: 256, height: 171 });
    // The top half is the photo (the blue block top-left), the missing bottom is flat grey.
    const { data, info } = await sharp(result.thumb).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(at(5, 5)[2]).toBeGreaterThan(200);
    const bottom = at(128, info.height - 3);
    expect(Math.max(...bottom) - Math.min(...bottom)).toBeLessThan(8);
    expect(filesUnder(derivedDir).some((file) => file.endsWith('.tmp'))).toBe(false);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['random bytes named .jpg', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), /not an image Vigil can preview/],
    ['a JPEG cut inside its header', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), /could not be decoded/],
    ['text', Buffer.from('<html><body>not a photo</body></html>'), /not an image Vigil can preview/],
  ])('refuses %s with a clear reason and writes nothing', async (_label, bytes, reason) => {
    const { derivedDir, sourcePath, sha256 } = await setup('bad.jpg', bytes);
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.reason).toMatch(/^[A-Z].*\.$/); // one sentence
    expect(result.reason).not.toContain(sourcePath);
    expect(filesUnder(derivedDir)).toEqual([]);
  });

  it('calls a truncated TIFF damaged, not "not an image"', async () => {
    const tiff = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } }).tiff().toBuffer();
    const { derivedDir, sourcePath, sha256 } = await setup('cut.tiff', tiff.subarray(0, tiff.length >> 1));
    expect(await makePreviews({ sourcePath, sha256, derivedDir })).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be decoded \(corrupt or truncated\)/) });
  });

  it('refuses a missing original and a malformed hash without throwing', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('present.jpg', await photo(100, 100));
    expect(await makePreviews({ sourcePath: sourcePath + '.gone', sha256, derivedDir })).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be found/) });
    expect(await makePreviews({ sourcePath, sha256: 'not-a-hash', derivedDir })).toMatchObject({ ok: false });
  });

  it('refuses a decompression bomb by its header, quickly', { timeout: 30_000 }, async () => {
    const bomb = await pngBomb(20000, 20000);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata())).toMatchObject({ format: 'png', width: 20000, height: 20000 });
    expect(bomb.length).toBeLessThan(1_000_000); // 400 megapixels in well under a megabyte
    const { derivedDir, sourcePath, sha256 } = await setup('bomb.png', bomb);
    const started = performance.now();
    const result = await makePreviews({ sourcePath, sha256, derivedDir });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({
      ok: false,
      reason: 'The image is 20000×20000 pixels (400 megapixels), more than 100 megapixels, so no preview was made.',
    });
    expect(elapsed).toBeLessThan(1000); // decoding it would take seconds and 400 MB
    expect(filesUnder(derivedDir)).toEqual([]);
  });

  it('applies a custom pixel limit', async () => {
    const { derivedDir, sourcePath, sha256 } = await setup('two-mp.jpg', await photo(2000, 1000));
    const result = await makePreviews({ sourcePath, sha256, derivedDir }, { maxInputPixels: 1_500_000 });
    expect(result).toMatchObject({ ok: false, reason: 'The image is 2000×1000 pixels (2 megapixels), more than 1.5 megapixels, so no preview was made.' });
    expect((await makePreviews({ sourcePath, sha256, derivedDir }, { maxInputPixels: 2_000_000 })).ok).toBe(true);
  });

  describe.skipIf(!existsSync(join(FIXTURES, 'jpg', 'corrupted.jpg')))('fixture: corrupted.jpg', () => {
    it('fails with the decode reason even in lenient mode', async () => {
      const { derivedDir, sourcePath, sha256 } = await setup('corrupted.jpg', readFileSync(join(FIXTURES, 'jpg', 'corrupted.jpg')));
      expect(await makePreviews({ sourcePath, sha256, derivedDir })).toMatchObject({
        ok: false,
        reason: 'The image could not be decoded (corrupt or truncated), so no preview was made.',
      });
      expect(filesUnder(derivedDir)).toEqual([]);
    });
  });

  describe.skipIf(!existsSync(HEIC_DIR))('fixture HEIC/HEIF photos', () => {
    const heics = existsSync(HEIC_DIR) ? filesUnder(HEIC_DIR).filter((file) => /\.(heic|heif)$/i.test(file)) : [];

    it.each(heics)('%s: a preview, or a reason naming HEVC when the decoder is not built in', async (file) => {
      const { derivedDir, sourcePath, sha256 } = await setup('photo.heic', readFileSync(join(HEIC_DIR, file)));
      const result = await makePreviews({ sourcePath, sha256, derivedDir });
      if (result.ok) {
        const meta = await sharp(result.thumb).metadata();
        expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(256);
        expect(meta.exif).toBeUndefined();
      } else {
        // sharp 0.35's prebuilt libvips ships libheif with AV1 only: HEVC-coded HEIC cannot be decoded.
        expect(result.reason).toContain('HEVC');
        expect(result.reason).not.toContain(HEIC_DIR);
        expect(filesUnder(derivedDir)).toEqual([]);
      }
    });
  });

  it('writes nothing outside derived/ (the temporary files live next to their final names)', async () => {
    const { root, derivedDir, sourcePath, sha256 } = await setup('neighbour.jpg', await photo(400, 300));
    writeFileSync(join(root, 'marker'), '');
    await makePreviews({ sourcePath, sha256, derivedDir });
    expect(readdirSync(root).sort()).toEqual(['derived', 'marker', 'vault']);
    expect(readdirSync(join(root, 'vault'))).toEqual(['neighbour.jpg']);
  });
});
