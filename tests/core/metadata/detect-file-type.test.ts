import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectFileType } from '../../../src/core/metadata/detect-file-type';
import { minimalPdf, pseudoRandomBytes } from './sample-images';

const image = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#445566' } });

describe('detectFileType', () => {
  it('goes by the content, and says in one sentence when the extension disagrees', async () => {
    const png = await image().png().toBuffer();
    expect(await detectFileType(png, 'photo.png')).toEqual({ mime: 'image/png', kind: 'photo', extensionMismatch: null });
    expect(await detectFileType(png, 'photo.jpg')).toEqual({
      mime: 'image/png',
      kind: 'photo',
      extensionMismatch: 'The file name ends in .jpg, which suggests a JPEG image, but its content is a PNG image.',
    });

    const pdf = minimalPdf({ Title: 'T' }, ['x']);
    expect(await detectFileType(pdf, 'scan.jpg')).toEqual({
      mime: 'application/pdf',
      kind: 'document',
      extensionMismatch: 'The file name ends in .jpg, which suggests a JPEG image, but its content is a PDF document.',
    });
    expect((await detectFileType(pdf, 'letter.PDF')).extensionMismatch).toBeNull();
  });

  it('knows the photo formats, whatever the case or variant of the extension', async () => {
    const jpeg = await image().jpeg().toBuffer();
    for (const name of ['a.jpg', 'a.JPG', 'a.jpeg', 'a.jfif', 'no-extension', 'a.unknownext']) {
      expect(await detectFileType(jpeg, name)).toEqual({ mime: 'image/jpeg', kind: 'photo', extensionMismatch: null });
    }
    expect(await detectFileType(await image().webp().toBuffer(), 'a.webp')).toMatchObject({ mime: 'image/webp', kind: 'photo' });
    expect(await detectFileType(await image().gif().toBuffer(), 'a.gif')).toMatchObject({ mime: 'image/gif', kind: 'photo' });
    expect(await detectFileType(await image().avif().toBuffer(), 'a.avif')).toMatchObject({ mime: 'image/avif', kind: 'photo', extensionMismatch: null });
  });

  it('recognises a TIFF from its header even when only the start of a large file is given', async () => {
    const tiff = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#102030' } }).tiff({ compression: 'none' }).toBuffer();
    // sharp writes the first directory after the pixels, beyond this head.
    expect(await detectFileType(tiff.subarray(0, 4096), 'scan.tif')).toEqual({ mime: 'image/tiff', kind: 'photo', extensionMismatch: null });
  });

  it('calls anything unknown application/octet-stream, kind other', async () => {
    expect(await detectFileType(Buffer.alloc(0), 'empty.txt')).toEqual({ mime: 'application/octet-stream', kind: 'other', extensionMismatch: null });
    expect(await detectFileType(Buffer.from('plain words\n'), 'notes.txt')).toEqual({ mime: 'application/octet-stream', kind: 'other', extensionMismatch: null });
    expect(await detectFileType(pseudoRandomBytes(2000, 1), 'photo.jpg')).toEqual({
      mime: 'application/octet-stream',
      kind: 'other',
      extensionMismatch: 'The file name ends in .jpg, which suggests a JPEG image, but its content is not of a recognised type.',
    });
  });
});
