import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPhotoMetadata } from '../../../src/core/metadata/read-photo-metadata';
import { iptcBlock, jpegWith, pseudoRandomBytes, tiffBlock, xmpPacket, type TiffValue } from './sample-images';

const PERSIAN_CAPTION = 'اعدام‌های تابستان ۱۳۶۷ — گورستان خاوران';
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = '=HYPERLINK("http://x")';

const ucs2 = (text: string) => Buffer.from(`${text}\0`, 'utf16le');
const ascii = (tag: number, value: string | Buffer): TiffValue => ({ tag, type: 'ascii', value });

/** Each warning is one sentence: a capital first, a full stop last, no line breaks. */
function expectSentences(warnings: string[]): void {
  for (const warning of warnings) expect(warning).toMatch(/^[A-Z][^\n]*\.$/);
}

/** The raw record survives a JSON round trip unchanged: no Buffers, typed arrays, Dates or undefined. */
function expectJsonSafe(raw: Record<string, unknown>): void {
  expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  expect(JSON.stringify(raw)).not.toContain('"type":"Buffer"');
}

describe('readPhotoMetadata', () => {
  it('reads the normalised fields from EXIF, GPS and the JPEG header, following the measured pitfalls', async () => {
    const exif = tiffBlock({
      ifd0: [
        ascii(0x010f, Buffer.from('MAVICA\0\u0001\u0002garbage\0', 'latin1')),
        ascii(0x0110, '  Model X  '),
        ascii(0x010e, `${PERSIAN_CAPTION}`),
        ascii(0x0131, 'Vigil test 1.0'),
        ascii(0x013b, SCRIPT),
        ascii(0x8298, FORMULA),
        { tag: 0x0112, type: 'short', value: [6] },
        { tag: 0x9c9c, type: 'byte', value: ucs2('توضیح ویندوز') },
        { tag: 0x9c9d, type: 'byte', value: ucs2('نویسنده') },
      ],
      exif: [
        ascii(0x9003, '1988:07:29 10:11:12'),
        ascii(0x9011, '+03:30'),
        ascii(0xa431, 'SN-00123'),
        ascii(0xa434, 'EF 50mm f/1.8'),
        ascii(0xa435, 'LENS-77'),
        { tag: 0xa002, type: 'long', value: [4000] },
        { tag: 0xa003, type: 'long', value: [3000] },
        {
          tag: 0x9286,
          type: 'undefined',
          value: Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), Buffer.from('یادداشت', 'utf16le')]),
        },
      ],
      gps: [
        ascii(0x0001, 'S'),
        { tag: 0x0002, type: 'rational', value: [[35, 1], [41, 1], [2142, 100]] },
        ascii(0x0003, 'W'),
        { tag: 0x0004, type: 'rational', value: [[51, 1], [23, 1], [3000, 100]] },
        { tag: 0x0005, type: 'byte', value: Buffer.from([1]) },
        { tag: 0x0006, type: 'rational', value: [[255, 10]] },
      ],
    });
    const { photo, raw, warnings, sensitive } = await readPhotoMetadata(await jpegWith({ exif, width: 48, height: 32 }));

    expect(warnings).toEqual([]);
    expect(photo).toEqual({
      takenAt: '1988-07-29T10:11:12+03:30',
      gps: { lat: expect.closeTo(-(35 + 41 / 60 + 21.42 / 3600), 9), lon: expect.closeTo(-(51 + 23 / 60 + 30 / 3600), 9), alt: -25.5 },
      make: 'MAVICA',
      model: 'Model X',
      serial: 'SN-00123',
      lens: 'EF 50mm f/1.8',
      software: 'Vigil test 1.0',
      orientation: 6,
      // The pixels in the file, not the EXIF-declared 4000×3000, and not swapped for orientation 6.
      width: 48,
      height: 32,
      caption: PERSIAN_CAPTION,
      keywords: [],
      creator: SCRIPT,
      copyright: FORMULA,
    });
    expect(sensitive).toEqual(['gps', 'serial', 'creator', 'lensSerial', 'xpAuthor']);
    expect(raw.text).toEqual({ XPComment: 'توضیح ویندوز', XPAuthor: 'نویسنده', UserComment: 'یادداشت' });
    expectJsonSafe(raw);
  });

  it('treats zero and blank dates as absent, adds no offset the file lacks, and warns about a date that is not one', async () => {
    const withDate = async (date: string, offset?: string) => {
      const exifIfd = [ascii(0x9003, date)];
      if (offset !== undefined) exifIfd.push(ascii(0x9011, offset));
      return readPhotoMetadata(await jpegWith({ exif: tiffBlock({ ifd0: [ascii(0x010f, 'Cam')], exif: exifIfd }) }));
    };
    expect((await withDate('2001:02:03 04:05:06')).photo.takenAt).toBe('2001-02-03T04:05:06');
    expect((await withDate('2001:02:03 04:05:06', '   :  ')).photo.takenAt).toBe('2001-02-03T04:05:06');
    expect((await withDate('2001:02:03 04:05:06', '-05:00')).photo.takenAt).toBe('2001-02-03T04:05:06-05:00');
    const zero = await withDate('0000:00:00 00:00:00');
    expect(zero.photo.takenAt).toBeNull();
    expect(zero.warnings).toEqual([]);
    expect((await withDate('    :  :     :  :  ')).photo.takenAt).toBeNull();
    const garbage = await withDate('yesterday at noon');
    expect(garbage.photo.takenAt).toBeNull();
    expect(garbage.warnings).toHaveLength(1);
    expectSentences(garbage.warnings);
  });

  it('treats an empty GPS block (0/0 rationals) as no position', async () => {
    const exif = tiffBlock({
      ifd0: [ascii(0x010f, 'Cam')],
      gps: [
        ascii(0x0001, 'N'),
        { tag: 0x0002, type: 'rational', value: [[0, 0], [0, 0], [0, 0]] },
        ascii(0x0003, 'E'),
        { tag: 0x0004, type: 'rational', value: [[0, 0], [0, 0], [0, 0]] },
      ],
    });
    const { photo, sensitive } = await readPhotoMetadata(await jpegWith({ exif }));
    expect(photo.gps).toBeNull();
    expect(sensitive).not.toContain('gps');
  });

  it('re-decodes UTF-8 IPTC (Persian captions) and leaves Latin-1 IPTC alone', async () => {
    for (const declareUtf8 of [true, false]) {
      const iptc = iptcBlock(
        [[120, PERSIAN_CAPTION], [25, 'خاوران'], [25, 'Khavaran'], [80, 'عکاس'], [116, '© آرشیو'], [90, 'تهران']],
        declareUtf8,
      );
      const { photo, raw, sensitive } = await readPhotoMetadata(await jpegWith({ iptc }));
      expect(photo.caption).toBe(PERSIAN_CAPTION);
      expect(photo.keywords).toEqual(['خاوران', 'Khavaran']);
      expect(photo.creator).toBe('عکاس');
      expect(photo.copyright).toBe('© آرشیو');
      expect(sensitive).toEqual(['creator', 'location']);
      expectJsonSafe(raw);
    }
    const latin1 = await readPhotoMetadata(await jpegWith({ iptc: iptcBlock([[120, Buffer.from('Café in Zürich', 'latin1')]], false) }));
    expect(latin1.photo.caption).toBe('Café in Zürich');
  });

  it('reads XMP itself: entities decoded, values kept as text, XMP first for caption, creator and keywords', async () => {
    const xmp = xmpPacket(
      ' exif:DateTimeOriginal="2013-07-05T03:18:27Z">' +
        '<dc:description><rdf:Alt><rdf:li xml:lang="fa">نسخه فارسی</rdf:li>' +
        '<rdf:li xml:lang="x-default">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#1575;&#x0644;&quot;</rdf:li></rdf:Alt></dc:description>' +
        '<dc:subject><rdf:Bag><rdf:li>007</rdf:li><rdf:li>true</rdf:li><rdf:li>Evin</rdf:li><rdf:li>null</rdf:li></rdf:Bag></dc:subject>' +
        '<dc:creator><rdf:Seq><rdf:li>First Photographer</rdf:li><rdf:li>Second</rdf:li></rdf:Seq></dc:creator>' +
        '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">XMP rights</rdf:li></rdf:Alt></dc:rights>',
    );
    const iptc = iptcBlock([[120, 'IPTC caption'], [25, 'Evin'], [25, 'Gohardasht'], [80, 'IPTC by-line']], true);
    const exif = tiffBlock({ ifd0: [ascii(0x010e, 'EXIF description'), ascii(0x8298, 'EXIF copyright')] });
    const { photo, raw } = await readPhotoMetadata(await jpegWith({ exif, xmp, iptc }));

    expect(photo.caption).toBe('<script>alert(1)</script> & ال"');
    expect(photo.keywords).toEqual(['007', 'true', 'Evin', 'null', 'Gohardasht']);
    expect(photo.creator).toBe('First Photographer; Second');
    // Copyright prefers EXIF, as exiftool's reference does.
    expect(photo.copyright).toBe('EXIF copyright');
    // No EXIF date: the XMP one, local time only (its zone is not an OffsetTimeOriginal).
    expect(photo.takenAt).toBe('2013-07-05T03:18:27');
    expect(typeof raw.xmp).toBe('string');
    expectJsonSafe(raw);
  });

  it('falls back to XMP GPS, and flags it', async () => {
    const xmp = xmpPacket(' exif:GPSLatitude="35,41.357N" exif:GPSLongitude="51,23.5E" exif:GPSAltitude="1200/10" exif:GPSAltitudeRef="1">');
    const { photo, sensitive } = await readPhotoMetadata(await jpegWith({ xmp }));
    expect(photo.gps).toEqual({ lat: expect.closeTo(35 + 41.357 / 60, 9), lon: expect.closeTo(51 + 23.5 / 60, 9), alt: -120 });
    expect(sensitive).toEqual(['gps']);
  });

  it('reads the EXIF exifr cannot (WebP, AVIF) through the image library, and the size of a GIF', async () => {
    const webp = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#123456' } })
      .webp()
      .withExif({ IFD0: { Make: 'WebP Camera', Model: 'W1' }, IFD2: { DateTimeOriginal: '2020:01:02 03:04:05' } })
      .toBuffer();
    const fromWebp = await readPhotoMetadata(webp);
    expect(fromWebp.photo).toMatchObject({ make: 'WebP Camera', model: 'W1', takenAt: '2020-01-02T03:04:05', width: 30, height: 20 });
    expect(fromWebp.warnings).toEqual([]);

    // exifr calls the EXIF item sharp writes into an AVIF malformed; the image library's copy reads.
    const avif = await sharp({ create: { width: 12, height: 10, channels: 3, background: '#123456' } })
      .avif()
      .withExif({ IFD0: { Make: 'AVIF Camera' } })
      .toBuffer();
    const fromAvif = await readPhotoMetadata(avif);
    expect(fromAvif.photo).toMatchObject({ make: 'AVIF Camera', width: 12, height: 10 });
    expect(fromAvif.warnings).toEqual([]);

    const gif = await sharp({ create: { width: 7, height: 5, channels: 3, background: '#ff0000' } }).gif().toBuffer();
    const fromGif = await readPhotoMetadata(gif);
    expect(fromGif.photo).toMatchObject({ width: 7, height: 5, make: null, takenAt: null });
    expect(fromGif.warnings).toEqual(['The metadata could not be read: this GIF file has no EXIF, IPTC or XMP metadata that Vigil can read.']);
  });

  it('reads XMP from a TIFF', async () => {
    const tiff = await sharp({ create: { width: 9, height: 4, channels: 3, background: '#000000' } })
      .tiff()
      .withXmp(xmpPacket('><dc:description><rdf:Alt><rdf:li xml:lang="x-default">TIFF caption</rdf:li></rdf:Alt></dc:description>'))
      .toBuffer();
    const { photo } = await readPhotoMetadata(tiff);
    expect(photo).toMatchObject({ caption: 'TIFF caption', width: 9, height: 4 });
  });

  it('never throws on broken input, and says what it could not read in one sentence each', async () => {
    const good = await jpegWith({ exif: tiffBlock({ ifd0: [ascii(0x010f, 'Cam')], exif: [ascii(0x9003, '2001:02:03 04:05:06')] }) });
    // Cut inside the compressed image data: the headers are whole, the pixels are not.
    const truncatedJpeg = good.subarray(0, good.indexOf(Buffer.from([0xff, 0xda])) + 12);
    const inputs: Array<[string, Buffer]> = [
      ['empty', Buffer.alloc(0)],
      ['random', pseudoRandomBytes(5000, 7)],
      ['truncated JPEG', truncatedJpeg],
      ['JPEG cut before its frame header', good.subarray(0, good.indexOf(Buffer.from([0xff, 0xc0])) + 3)],
      ['JPEG header only', good.subarray(0, 40)],
      ['JPEG with random EXIF', await jpegWith({ exif: Buffer.concat([Buffer.from('II*\0\u0008\0\0\0', 'latin1'), pseudoRandomBytes(400, 3)]) })],
      ['TIFF header with a bad IFD offset', Buffer.from('MM\0*\u007f\u00ff\u00ff\u00ff', 'latin1')],
    ];
    for (const [label, buffer] of inputs) {
      const result = await readPhotoMetadata(buffer);
      expectSentences(result.warnings);
      expectJsonSafe(result.raw);
      expect(result.photo.keywords, label).toEqual([]);
    }
    const truncated = await readPhotoMetadata(truncatedJpeg);
    expect(truncated.photo).toMatchObject({ make: 'Cam', takenAt: '2001-02-03T04:05:06', width: 48, height: 32 });
    const noFrame = await readPhotoMetadata(good.subarray(0, good.indexOf(Buffer.from([0xff, 0xc0])) + 3));
    expect(noFrame.photo).toMatchObject({ make: 'Cam', width: null, height: null });
    expect(noFrame.warnings).toEqual([
      'The image size could not be read: Input buffer has corrupt header: VipsJpeg: premature end of JPEG image.',
      'Part of the metadata could not be read: Offset is outside the bounds of the DataView.',
    ]);
    const empty = await readPhotoMetadata(Buffer.alloc(0));
    expect(empty.warnings.length).toBeGreaterThan(0);
  });
});
