/** pdfjs-dist ships no types for its worker module; Vigil only hands its handler to pdfjs (read-document-metadata.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
