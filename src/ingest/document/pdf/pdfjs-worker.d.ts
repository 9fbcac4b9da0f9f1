// pdfjs-dist ships no types for its worker module; importing it only registers globalThis.pdfjsWorker.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
