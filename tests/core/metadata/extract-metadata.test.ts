import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/core/metadata/extract-metadata';
import type { DocumentMetadata, ExtractedMetadata, PhotoMetadata } from '../../../src/core/metadata/metadata-types';
import type { DocumentInfo, PhotoMetadata as SharedPhotoMetadata } from '../../../src/shared/dto';
import { jpegWith, minimalPdf, pseudoRandomBytes, tiffBlock, xmpPacket } from './sample-images';

// The reader's types stay interchangeable with the contract's (src/shared/dto.ts).
const _toShared = (p: PhotoMetadata): SharedPhotoMetadata => p;
const _fromShared = (p: SharedPhotoMetadata): PhotoMetadata => p;
const _documentInfo = (d: DocumentMetadata): DocumentInfo => d;
void [_toShared, _fromShared, _documentInfo];

const expectSentences = (warnings: string[]) => {
  for (const warning of warnings) expect(warning).toMatch(/^[A-Z][^\n]*\.$/);
};

function expectWellFormed(result: ExtractedMetadata): void {
  expect(JSON.parse(JSON.stringify(result.raw))).toEqual(result.raw);
  expectSentences(result.warnings);
}

describe('extractMetadata', () => {
  it('reads a photo and names the fields that identify people or places', async () => {
    const exif = tiffBlock({
      ifd0: [{ tag: 0x013b, type: 'ascii', value: 'Photographer' }],
      exif: [{ tag: 0xa431, type: 'ascii', value: 'BODY-1' }],
    });
    const xmp = xmpPacket(' exif:GPSLatitude="35,41.357N" exif:GPSLongitude="51,23.5E">');
    const result = await extractMetadata(await jpegWith({ exif, xmp }), 'IMG_0001.JPG');
    expect(result).toMatchObject({ kind: 'photo', mime: 'image/jpeg', document: null, warnings: [] });
    expect(result.photo).toMatchObject({ creator: 'Photographer', serial: 'BODY-1', width: 48, height: 32 });
    expect(result.sensitive).toEqual(['gps', 'serial', 'creator']);
    expectWellFormed(result);
  });

  it('reads a PDF, whatever it is named, and flags its author', async () => {
    const result = await extractMetadata(minimalPdf({ Title: 'Letter', Author: 'A. Witness' }, ['Dear family']), 'letter.jpg');
    expect(result).toMatchObject({ kind: 'document', mime: 'application/pdf', photo: null, sensitive: ['author'] });
    expect(result.document).toMatchObject({ pageCount: 1, title: 'Letter', author: 'A. Witness', text: 'Dear family' });
    expect(result.warnings).toEqual(['The file name ends in .jpg, which suggests a JPEG image, but its content is a PDF document.']);
    expectWellFormed(result);
  });

  it('warns about a PNG named .jpg and still reads it', async () => {
    const png = await sharp({ create: { width: 5, height: 3, channels: 4, background: '#00000000' } }).png().toBuffer();
    const result = await extractMetadata(png, 'photo.jpg');
    expect(result).toMatchObject({ kind: 'photo', mime: 'image/png', photo: { width: 5, height: 3 } });
    expect(result.warnings[0]).toBe('The file name ends in .jpg, which suggests a JPEG image, but its content is a PNG image.');
    expectWellFormed(result);
  });

  it('reads nothing from other files, and never throws on empty, random or truncated input', async () => {
    const empty = await extractMetadata(Buffer.alloc(0), 'empty.dat');
    expect(empty).toEqual({
      kind: 'other', mime: 'application/octet-stream', photo: null, document: null, raw: {}, sensitive: [], warnings: ['The file is empty.'],
    });
    const text = await extractMetadata(Buffer.from('Testimony, typed.\n'), 'testimony.txt');
    expect(text).toMatchObject({ kind: 'other', photo: null, document: null, warnings: [] });

    const jpeg = await jpegWith({ exif: tiffBlock({ ifd0: [{ tag: 0x010f, type: 'ascii', value: 'Cam' }] }) });
    const inputs: Array<[string, Buffer]> = [
      ['random.jpg', pseudoRandomBytes(10_000, 42)],
      ['random.pdf', pseudoRandomBytes(10_000, 43)],
      ['truncated.jpg', jpeg.subarray(0, 30)],
      ['only-magic.jpg', Buffer.from([0xff, 0xd8, 0xff])],
      ['only-magic.pdf', Buffer.from('%PDF-')],
      ['only-magic.heic', Buffer.from('\0\0\0\u0018ftypheic\0\0\0\0mif1heic', 'latin1')],
    ];
    for (const [name, buffer] of inputs) {
      const result = await extractMetadata(buffer, name);
      expectWellFormed(result);
    }
  });
});
