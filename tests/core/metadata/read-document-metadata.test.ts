import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfMetadata } from '../../../src/core/metadata/read-document-metadata';
import { minimalPdf, pseudoRandomBytes } from './sample-images';

const expectSentences = (warnings: string[]) => {
  for (const warning of warnings) expect(warning).toMatch(/^[A-Z][^\n]*\.$/);
};

describe('readPdfMetadata', () => {
  const info = { Title: 'پرونده زندان اوین', Author: 'Archivist <script>alert(1)</script>', Producer: '=HYPERLINK("http://x")' };

  it('reads the page count, the Info title, author and producer, and the text of every page', async () => {
    const { document, raw, warnings } = await readPdfMetadata(minimalPdf(info, ['Prison records, summer 1988', 'Second page (continued)']));
    expect(warnings).toEqual([]);
    expect(document).toEqual({
      pageCount: 2,
      title: 'پرونده زندان اوین',
      author: 'Archivist <script>alert(1)</script>',
      producer: '=HYPERLINK("http://x")',
      text: 'Prison records, summer 1988\n\nSecond page (continued)',
    });
    expect(raw).toMatchObject({ pageCount: 2, textTruncated: false, info: { Title: 'پرونده زندان اوین' } });
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
  });

  it('caps the text and the pages read, and says so', async () => {
    const pdf = minimalPdf({}, ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']);
    const capped = await readPdfMetadata(pdf, { maxTextBytes: 15 });
    expect(capped.document.text).toBe('aaaaaaaaaa\n\nbbb');
    expect(capped.raw.textTruncated).toBe(true);
    expect(capped.warnings).toEqual(["The PDF's text is longer than 15 bytes; only the first 15 bytes are kept for search."]);

    const fewer = await readPdfMetadata(pdf, { maxPages: 1 });
    expect(fewer.document).toMatchObject({ pageCount: 3, text: 'aaaaaaaaaa' });
    expect(fewer.warnings).toEqual(["Only the text of the first 1 of the PDF's 3 pages was read."]);
  });

  it('never throws on a broken PDF, and warns in one sentence', async () => {
    const good = minimalPdf(info, ['text']);
    const broken: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from('%PDF-1.7\nthis is not a PDF at all'),
      good.subarray(0, Math.floor(good.byteLength / 3)),
      Buffer.concat([Buffer.from('%PDF-1.4\n'), pseudoRandomBytes(3000, 11)]),
    ];
    for (const buffer of broken) {
      const result = await readPdfMetadata(buffer);
      expect(result.document.text).toBe('');
      expect(result.warnings.length).toBeGreaterThan(0);
      expectSentences(result.warnings);
    }
    // A damaged xref table is repaired by pdfjs: the document still reads.
    const badXref = Buffer.from(good.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    expect((await readPdfMetadata(badXref)).document.text).toBe('text');
  });

  it('leaves the caller’s buffer usable', async () => {
    const pdf = minimalPdf(info, ['text']);
    const copy = Buffer.from(pdf);
    await readPdfMetadata(pdf);
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(pdf.equals(copy)).toBe(true);
  });
});

describe('loading pdfjs', () => {
  it('leaves the native JSON functions and Array push in place (its polyfills are much slower)', { timeout: 30_000 }, () => {
    // In a fresh process, so nothing else has loaded pdfjs before the native functions are captured.
    const reader = fileURLToPath(new URL('../../../src/core/metadata/read-document-metadata.ts', import.meta.url));
    const script = `
      const { parse, stringify } = JSON;
      const { push } = Array.prototype;
      const { toString } = Function.prototype;
      const { readPdfMetadata } = await import(${JSON.stringify(reader)});
      await readPdfMetadata(Buffer.from('%PDF-1.4\\n%%EOF\\n', 'latin1'));
      process.stdout.write(JSON.stringify([JSON.stringify === stringify, JSON.parse === parse, Array.prototype.push === push, Function.prototype.toString === toString]));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([true, true, true, true]);
  });
});
