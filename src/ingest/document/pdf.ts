// PDF → DocModel in the browser (inside the import worker). pdf.js is loaded on first use (a lazy chunk) and runs
// with its "fake worker" in our worker: no second worker, no eval, no fonts installed, cMaps and standard fonts
// fetched from the app's own origin (dist/pdfjs/, shipped by the build; see vite.config.ts).
import { extractPdf, type ExtractOptions } from './pdf/extract';
import { pdfToDocModel } from './pdf/layout';
import { sniffDocument } from './sniff';
import { DocumentError, type DocModel } from './types';

export { pdfToDocModel } from './pdf/layout';
export type { PdfPageData, PdfSegment, PdfTextItem } from './pdf/types';

export interface ReadPdfOptions extends ExtractOptions {
  /**
   * URL of the folder holding pdf.js's cmaps/ and standard_fonts/, with a trailing slash. Default: the build's
   * pdfjs/ folder beside assets/ (in `vite dev`, /pdfjs/).
   */
  assetBase?: string;
}

/** Where the build puts pdf.js's assets, relative to this chunk (assets/…js → ../pdfjs/). */
function defaultAssetBase(): string {
  const relative = import.meta.env.DEV ? '/pdfjs/' : '../pdfjs/';
  return new URL(relative, import.meta.url).href;
}

let loading: Promise<typeof import('pdfjs-dist')> | undefined;

function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist');
    // The worker module registers itself as globalThis.pdfjsWorker; pdf.js then runs it in this thread (its
    // "fake worker"). Evaluated in a worker, it also starts listening on `self` (harmless: it answers only
    // messages addressed to it) and posts a "ready" message to the page, which is kept from reaching it here.
    const scope = globalThis as unknown as { pdfjsWorker?: unknown; postMessage?: (message: unknown, ...rest: unknown[]) => void };
    const post = scope.postMessage;
    const own = Object.prototype.hasOwnProperty.call(scope, 'postMessage');
    if (typeof post === 'function') {
      scope.postMessage = function (this: unknown, message: unknown, ...rest: unknown[]) {
        const m = message as { sourceName?: unknown; targetName?: unknown } | null;
        if (m && typeof m === 'object' && m.sourceName === 'worker' && m.targetName === 'main') return;
        return post.call(this ?? scope, message, ...rest);
      };
    }
    try {
      const worker = await import('pdfjs-dist/build/pdf.worker.mjs');
      scope.pdfjsWorker ??= worker;
    } finally {
      if (typeof post === 'function') {
        if (own) scope.postMessage = post;
        else delete scope.postMessage;
      }
    }
    return pdfjs;
  })();
  return loading;
}

/**
 * A PDF as a DocModel (format 'pdf'): lines in reading order page after page; ruled tables as 'grid' lines
 * (one cell per table cell, spans expanded, vertical merges repeated with copy: true), other text as 'gap' lines
 * whose cells carry x0/x1. Throws DocumentError: 'unsupported' (not a PDF), 'encrypted', 'truncated',
 * 'no-text-layer' (a scan).
 */
export async function readPdf(bytes: Uint8Array, name: string, options: ReadPdfOptions = {}): Promise<DocModel> {
  if (sniffDocument(bytes.subarray(0, 1100)) !== 'pdf') throw new DocumentError('unsupported', '不是 PDF 文件', 'Not a PDF file');
  const pdfjs = await loadPdfjs();
  const base = options.assetBase ?? defaultAssetBase();
  const { pages, title } = await extractPdf(
    pdfjs,
    bytes,
    { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/`, useWorkerFetch: true },
    options,
  );
  return pdfToDocModel(pages, name, title);
}
