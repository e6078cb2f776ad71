import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readHeifImageSize } from '../../../src/core/metadata/heif-image-size';
import { toJsonSafe } from '../../../src/core/metadata/json-safe';
import {
  cleanText,
  decodeUcs2,
  decodeUserComment,
  decodeXmlEntities,
  redecodeIptcText,
} from '../../../src/core/metadata/text-decoding';
import { errorText, withTimeLimit } from '../../../src/core/metadata/time-limit';
import { XmpPacket } from '../../../src/core/metadata/xmp-fields';
import { xmpPacket } from './sample-images';

describe('text decoding', () => {
  it('cuts at the first NUL and trims; nothing left is null', () => {
    expect(cleanText('MAVICA\u0000\u0001junk')).toBe('MAVICA');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText('\u0000abc')).toBeNull();
  });

  it('re-decodes IPTC Latin-1 strings that are UTF-8 bytes, and only those', () => {
    const persian = 'خاوران';
    expect(redecodeIptcText(Buffer.from(persian, 'utf8').toString('latin1'))).toBe(persian);
    expect(redecodeIptcText('Café')).toBe('Café');
    expect(redecodeIptcText('plain')).toBe('plain');
  });

  it('decodes XML entities, leaving unknown ones as they are', () => {
    expect(decodeXmlEntities('&lt;b&gt; &amp;amp; &quot;&apos; &#1575;&#x644; &nbsp; &#0;')).toBe(`<b> &amp; "' ال &nbsp; &#0;`);
  });

  it('decodes XP tags as UCS-2 and UserComment by its charset prefix', () => {
    expect(decodeUcs2(new Uint8Array(Buffer.from('کلیدواژه\0junk', 'utf16le')))).toBe('کلیدواژه');
    const unicodeBE = Buffer.from('یادداشت', 'utf16le').swap16();
    expect(decodeUserComment(new Uint8Array(Buffer.concat([Buffer.from('UNICODE\0', 'latin1'), unicodeBE])))).toBe('یادداشت');
    expect(decodeUserComment(new Uint8Array(Buffer.from('ASCII\0\0\0hello\0\0', 'latin1')))).toBe('hello');
    expect(decodeUserComment(new Uint8Array(Buffer.alloc(16)))).toBeNull();
  });
});

describe('XmpPacket', () => {
  it('resolves prefixes by namespace URI, reads attribute and element forms, skips structures', () => {
    const packet =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:e="http://ns.adobe.com/exif/1.0/" e:DateTimeOriginal="2001-01-01T10:00:00">' +
      '<d:subject><rdf:Bag><rdf:li><rdf:Description><x:y>structure</x:y></rdf:Description></rdf:li><rdf:li> kept </rdf:li><rdf:li/></rdf:Bag></d:subject>' +
      '<d:description><![CDATA[<not markup>]]></d:description>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const xmp = new XmpPacket(packet);
    expect(xmp.value('exif', 'DateTimeOriginal')).toBe('2001-01-01T10:00:00');
    expect(xmp.values('dc', 'subject')).toEqual(['kept']);
    expect(xmp.value('dc', 'description')).toBe('<not markup>');
    expect(xmp.value('dc', 'creator')).toBeNull();
  });

  it('takes linear time on a hostile packet', () => {
    const hostile =
      '<dc:description'.repeat(50_000) + ' dc:description="' + '<rdf:li>'.repeat(50_000) + ' xmlns:'.repeat(100_000) + ' xmlns:a="'.repeat(50_000);
    const started = performance.now();
    const xmp = new XmpPacket(xmpPacket(hostile));
    xmp.value('dc', 'description');
    xmp.values('dc', 'subject');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('readHeifImageSize', () => {
  it('reads the stored size of the primary item', async () => {
    const avif = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#808080' } }).avif().toBuffer();
    expect(readHeifImageSize(avif)).toEqual({ width: 64, height: 40 });
    expect(readHeifImageSize(avif.subarray(0, 60))).toBeNull();
    expect(readHeifImageSize(Buffer.alloc(0))).toBeNull();
  });
});

describe('toJsonSafe', () => {
  it('turns bytes into hex, typed arrays into arrays, dates into strings, non-finite numbers into null', () => {
    const big = new Uint8Array(5000);
    expect(
      toJsonSafe({
        bytes: new Uint8Array([1, 2, 255]),
        big,
        floats: new Float64Array([0.5, NaN]),
        date: new Date(Date.UTC(1988, 6, 29)),
        map: new Map([['k', 1n]]),
        nested: [undefined, Infinity, 'text'],
        skip: undefined,
      }),
    ).toEqual({
      bytes: 'hex:0102ff',
      big: 'binary:5000 bytes',
      floats: [0.5, null],
      date: '1988-07-29T00:00:00.000Z',
      map: { k: '1' },
      nested: [null, null, 'text'],
    });
  });
});

describe('withTimeLimit', () => {
  it('gives up on a call that does not settle in time, and reports errors as values', async () => {
    expect(await withTimeLimit(() => new Promise<never>(() => undefined), 20)).toEqual({ ok: false, timedOut: true });
    expect(await withTimeLimit(async () => 5, 1000)).toEqual({ ok: true, value: 5 });
    const failed = await withTimeLimit(() => Promise.reject(new Error('Bad thing.\nmore detail')), 1000);
    expect(failed.ok).toBe(false);
    if (!failed.ok && !failed.timedOut) expect(errorText(failed.error)).toBe('Bad thing');
  });
});
