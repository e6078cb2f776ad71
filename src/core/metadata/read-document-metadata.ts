/**
 * Reading a PDF's page count, Info title/author/producer and text (for full-text search) with pdfjs-dist, in
 * process: no worker thread, no eval, no fonts loaded, nothing rendered. Bounded in time, pages and text size;
 * a broken or password-protected PDF gives warnings, never an exception.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { toJsonSafeObject } from './json-safe';
import type { DocumentMetadata } from './metadata-types';
import { cleanText } from './text-decoding';
import { errorText, withTimeLimit } from './time-limit';

/** The text kept for full-text search is cut at this many UTF-8 bytes. */
export const MAX_DOCUMENT_TEXT_BYTES = 2 * 1024 * 1024;
/** Pages whose text is read; the rest are counted but not read. */
export const MAX_DOCUMENT_PAGES = 2000;
/** Time to open the document and read its Info, and time for all the text. */
export const DOCUMENT_OPEN_TIME_LIMIT_MS = 5000;
export const DOCUMENT_TEXT_TIME_LIMIT_MS = 20_000;

export interface DocumentReadOptions {
  openTimeLimitMs?: number;
  textTimeLimitMs?: number;
  maxPages?: number;
  maxTextBytes?: number;
}

export interface DocumentReadResult {
  document: DocumentMetadata;
  raw: Record<string, unknown>;
  warnings: string[];
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;

let pdfjsLoading: Promise<{ pdfjs: Pdfjs; dataDir: string | null }> | null = null;

/**
 * pdfjs in Node runs its "worker" on the main thread when `globalThis.pdfjsWorker` holds the worker module, which
 * avoids a dynamic import of a worker file by path (fragile under bundlers and test runners).
 */
function loadPdfjs(): Promise<{ pdfjs: Pdfjs; dataDir: string | null }> {
  pdfjsLoading ??= (async () => {
    // pdfjs's legacy build carries core-js polyfills that replace built-ins the whole process uses, with
    // spec-equivalent versions for edge cases Node 20 gets wrong or lacks (JSON.rawJSON; push onto array-likes
    // longer than 2^32) that pdfjs never meets. They are much slower: JSON.parse/stringify measured 8×, and
    // Array.prototype.push showed up in the intake profile once a PDF had been read, because every push in
    // every library goes through it. The native ones are put back. (Functions pdfjs only adds are left.)
    const natives = [
      [JSON, 'parse', JSON.parse],
      [JSON, 'stringify', JSON.stringify],
      [Array.prototype, 'push', Array.prototype.push],
      [Function.prototype, 'toString', Function.prototype.toString],
    ] as const;
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const [owner, name, native] of natives) {
      if (owner[name as keyof typeof owner] !== native) {
        Object.defineProperty(owner, name, { value: native, writable: true, configurable: true, enumerable: false });
      }
    }
    let dataDir: string | null = null;
    try {
      dataDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    } catch {
      // Without the character maps some CJK text may be missing; everything else still works.
    }
    return { pdfjs, dataDir };
  })();
  return pdfjsLoading;
}

const emptyDocument = (): DocumentMetadata => ({ pageCount: null, title: null, author: null, producer: null, text: '' });

function infoText(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' ? cleanText(value) : null;
}

function pdfProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'The PDF is protected by a password, so its text and details could not be read.';
  if (name === 'InvalidPDFException') return `The PDF could not be read: ${errorText(error)}.`;
  return `The PDF could not be read: ${errorText(error)}.`;
}

export async function readPdfMetadata(buffer: Buffer, options: DocumentReadOptions = {}): Promise<DocumentReadResult> {
  const openLimit = options.openTimeLimitMs ?? DOCUMENT_OPEN_TIME_LIMIT_MS;
  const textLimit = options.textTimeLimitMs ?? DOCUMENT_TEXT_TIME_LIMIT_MS;
  const maxPages = options.maxPages ?? MAX_DOCUMENT_PAGES;
  const maxTextBytes = options.maxTextBytes ?? MAX_DOCUMENT_TEXT_BYTES;
  const warnings: string[] = [];
  const document = emptyDocument();
  const raw: Record<string, unknown> = {};

  let loaded: { pdfjs: Pdfjs; dataDir: string | null };
  try {
    loaded = await loadPdfjs();
  } catch (error) {
    warnings.push(`The PDF reader could not be started: ${errorText(error)}.`);
    return { document, raw, warnings };
  }
  const { pdfjs, dataDir } = loaded;

  // pdfjs takes ownership of the bytes it is given; give it a copy so the caller's buffer is never detached.
  const task = pdfjs.getDocument({
    data: new Uint8Array(buffer),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(dataDir
      ? { cMapUrl: join(dataDir, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(dataDir, 'standard_fonts') + '/' }
      : {}),
  });

  try {
    const opened = await withTimeLimit(async () => {
      const pdf = await task.promise;
      const meta = await pdf.getMetadata().catch(() => null);
      return { pdf, meta };
    }, openLimit);
    if (!opened.ok) {
      warnings.push(
        opened.timedOut ? `Opening the PDF took longer than ${openLimit / 1000} seconds and was abandoned.` : pdfProblem(opened.error),
      );
      return { document, raw, warnings };
    }
    const { pdf, meta } = opened.value;
    document.pageCount = pdf.numPages;
    raw.pageCount = pdf.numPages;

    const info = (meta?.info ?? {}) as Record<string, unknown>;
    raw.info = toJsonSafeObject(info);
    let xmp: Record<string, unknown> = {};
    try {
      xmp = toJsonSafeObject(meta?.metadata ? Object.fromEntries(meta.metadata as Iterable<[string, unknown]>) : {});
      if (Object.keys(xmp).length > 0) raw.xmp = xmp;
    } catch {
      // An unreadable XMP stream leaves the Info dictionary, which is what the fields come from.
    }
    const xmpText = (key: string) => (typeof xmp[key] === 'string' ? cleanText(xmp[key]) : null);
    document.title = infoText(info, 'Title') ?? xmpText('dc:title');
    document.author = infoText(info, 'Author') ?? xmpText('dc:creator');
    document.producer = infoText(info, 'Producer') ?? xmpText('pdf:producer');

    const text = await readText(pdf, Math.min(pdf.numPages, maxPages), maxTextBytes, textLimit, warnings);
    document.text = text.text;
    raw.textBytes = text.bytes;
    raw.textTruncated = text.truncated;
    if (pdf.numPages > maxPages) {
      warnings.push(`Only the text of the first ${maxPages} of the PDF's ${pdf.numPages} pages was read.`);
    }
    return { document, raw, warnings };
  } catch (error) {
    warnings.push(pdfProblem(error));
    return { document, raw, warnings };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readText(
  pdf: PdfDocument,
  pages: number,
  maxBytes: number,
  limit: number,
  warnings: string[],
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  const parts: string[] = [];
  let bytes = 0;
  let truncated = false;
  let failedPages = 0;
  const deadline = Date.now() + limit;
  for (let n = 1; n <= pages; n++) {
    const remaining = deadline - Date.now();
    const page = remaining > 0 ? await withTimeLimit(() => pageText(pdf, n), remaining) : ({ ok: false, timedOut: true } as const);
    if (!page.ok && page.timedOut) {
      warnings.push(`Reading the PDF's text took longer than ${limit / 1000} seconds; the text from page ${n} on was left out.`);
      truncated = true;
      break;
    }
    if (!page.ok) {
      failedPages++;
      continue;
    }
    const chunk = parts.length > 0 ? `\n\n${page.value}` : page.value;
    const size = Buffer.byteLength(chunk, 'utf8');
    if (bytes + size > maxBytes) {
      const kept = Buffer.from(chunk, 'utf8').subarray(0, maxBytes - bytes).toString('utf8').replace(/\uFFFD$/, '');
      parts.push(kept);
      bytes += Buffer.byteLength(kept, 'utf8');
      truncated = true;
      warnings.push(`The PDF's text is longer than ${formatBytes(maxBytes)}; only the first ${formatBytes(maxBytes)} are kept for search.`);
      break;
    }
    parts.push(chunk);
    bytes += size;
  }
  if (failedPages > 0) warnings.push(`The text of ${failedPages} ${failedPages === 1 ? 'page' : 'pages'} of the PDF could not be read.`);
  return { text: parts.join(''), bytes, truncated };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

async function pageText(pdf: PdfDocument, n: number): Promise<string> {
  const page = await pdf.getPage(n);
  try {
    const content = await page.getTextContent();
    let out = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      out += item.str;
      if (item.hasEOL) out += '\n';
    }
    return out.trim();
  } finally {
    page.cleanup();
  }
}
