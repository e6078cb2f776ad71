/**
 * Small files made in the tests, byte by byte where a library cannot write what is needed (EXIF ASCII with NULs or
 * UTF-8, GPSAltitudeRef 1, UserComment in UNICODE, IPTC in UTF-8): a TIFF/EXIF block writer, JPEG segment
 * insertion (EXIF APP1, XMP APP1, Photoshop APP13 with IPTC), and a minimal PDF with a correct xref table.
 */
import sharp from 'sharp';

export type TiffValue =
  | { tag: number; type: 'ascii'; value: string | Buffer }
  | { tag: number; type: 'byte' | 'undefined'; value: Buffer }
  | { tag: number; type: 'short' | 'long'; value: number[] }
  | { tag: number; type: 'rational'; value: Array<[number, number]> };

const TYPE_CODE = { byte: 1, ascii: 2, short: 3, long: 4, rational: 5, undefined: 7 } as const;

function valueBytes(entry: TiffValue): Buffer {
  switch (entry.type) {
    case 'ascii':
      return typeof entry.value === 'string' ? Buffer.from(`${entry.value}\0`, 'utf8') : entry.value;
    case 'byte':
    case 'undefined':
      return entry.value;
    case 'short': {
      const b = Buffer.alloc(entry.value.length * 2);
      entry.value.forEach((v, i) => b.writeUInt16LE(v, i * 2));
      return b;
    }
    case 'long': {
      const b = Buffer.alloc(entry.value.length * 4);
      entry.value.forEach((v, i) => b.writeUInt32LE(v, i * 4));
      return b;
    }
    case 'rational': {
      const b = Buffer.alloc(entry.value.length * 8);
      entry.value.forEach(([n, d], i) => {
        b.writeUInt32LE(n, i * 8);
        b.writeUInt32LE(d, i * 8 + 4);
      });
      return b;
    }
  }
}

function count(entry: TiffValue, bytes: Buffer): number {
  if (entry.type === 'short') return entry.value.length;
  if (entry.type === 'long') return entry.value.length;
  if (entry.type === 'rational') return entry.value.length;
  return bytes.byteLength;
}

const even = (n: number) => n + (n % 2);

/** A little-endian TIFF structure holding IFD0 and, when given, the EXIF and GPS IFDs. */
export function tiffBlock(ifds: { ifd0: TiffValue[]; exif?: TiffValue[]; gps?: TiffValue[] }): Buffer {
  const ifd0 = [...ifds.ifd0];
  if (ifds.exif) ifd0.push({ tag: 0x8769, type: 'long', value: [0] });
  if (ifds.gps) ifd0.push({ tag: 0x8825, type: 'long', value: [0] });
  const lists = [ifd0, ifds.exif, ifds.gps].filter((l): l is TiffValue[] => l !== undefined).map((l) => [...l].sort((a, b) => a.tag - b.tag));

  const size = (list: TiffValue[]) =>
    2 + 12 * list.length + 4 + list.reduce((sum, e) => { const n = valueBytes(e).byteLength; return sum + (n > 4 ? even(n) : 0); }, 0);
  const starts: number[] = [];
  let at = 8;
  for (const list of lists) {
    starts.push(at);
    at += size(list);
  }
  let pointer = 1;
  for (const tag of [0x8769, 0x8825]) {
    const entry = lists[0]?.find((e) => e.tag === tag);
    if (entry && entry.type === 'long') entry.value = [starts[pointer++] ?? 0];
  }

  const out = Buffer.alloc(at);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  lists.forEach((list, i) => {
    const start = starts[i] ?? 0;
    let data = start + 2 + 12 * list.length + 4;
    out.writeUInt16LE(list.length, start);
    list.forEach((entry, j) => {
      const bytes = valueBytes(entry);
      const e = start + 2 + 12 * j;
      out.writeUInt16LE(entry.tag, e);
      out.writeUInt16LE(TYPE_CODE[entry.type], e + 2);
      out.writeUInt32LE(count(entry, bytes), e + 4);
      if (bytes.byteLength <= 4) bytes.copy(out, e + 8);
      else {
        out.writeUInt32LE(data, e + 8);
        bytes.copy(out, data);
        data += even(bytes.byteLength);
      }
    });
    out.writeUInt32LE(0, start + 2 + 12 * list.length);
  });
  return out;
}

/** IPTC record 2 datasets (caption 120, keywords 25, by-line 80, copyright 116...), optionally declaring UTF-8. */
export function iptcBlock(datasets: Array<[number, string | Buffer]>, declareUtf8: boolean): Buffer {
  const parts: Buffer[] = [];
  if (declareUtf8) parts.push(Buffer.from([0x1c, 0x01, 0x5a, 0x00, 0x03, 0x1b, 0x25, 0x47]));
  for (const [tag, value] of datasets) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    const head = Buffer.from([0x1c, 0x02, tag, 0, 0]);
    head.writeUInt16BE(bytes.byteLength, 3);
    parts.push(head, bytes);
  }
  return Buffer.concat(parts);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.byteLength + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A small plain JPEG with the given metadata segments placed right after its start marker. */
export async function jpegWith(parts: { exif?: Buffer; xmp?: string; iptc?: Buffer; width?: number; height?: number }): Promise<Buffer> {
  const base = await sharp({
    create: { width: parts.width ?? 48, height: parts.height ?? 32, channels: 3, background: '#6a7f5c' },
  })
    .jpeg()
    .toBuffer();
  const segments: Buffer[] = [];
  if (parts.exif) segments.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), parts.exif])));
  if (parts.xmp) segments.push(segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(parts.xmp, 'utf8')])));
  if (parts.iptc) {
    const resource = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), Buffer.alloc(4), parts.iptc]);
    resource.writeUInt32BE(parts.iptc.byteLength, 8);
    const padded = parts.iptc.byteLength % 2 === 1 ? Buffer.concat([resource, Buffer.alloc(1)]) : resource;
    segments.push(segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), padded])));
  }
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2)]);
}

/** An XMP packet with the given rdf:Description body and the usual namespaces declared. */
export function xmpPacket(body: string): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"',
    `${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`,
  ].join('');
}

function pdfString(value: string): string {
  // A PDF text string: UTF-16BE with a byte-order mark, written as hex so no escaping is needed.
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}

/** A minimal valid PDF: an Info dictionary and one page per text, Helvetica, xref offsets computed. */
export function minimalPdf(info: Record<string, string>, pages: string[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pages.forEach((text, i) => {
    const id = pageIds[i] ?? 0;
    const escaped = text.replace(/([\\()])/g, '\\$1');
    const stream = `BT /F1 12 Tf 72 720 Td (${escaped}) Tj ET`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${id + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  objects[infoId] = `<< ${Object.entries(info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ')} >>`;

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Deterministic pseudo-random bytes (a linear congruential generator), so a failing case can be reproduced. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}
