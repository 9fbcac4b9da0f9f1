// The Node loader (tests, scripts): pdf.js's legacy build (the modern one needs APIs Node 20 lacks), its own
// fake worker, cMaps and standard fonts read from node_modules. Never imported by the app.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DocumentError, type DocModel } from '../types';
import { extractPdf, type ExtractOptions } from './extract';
import { pdfToDocModel } from './layout';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** readPdf for Node: the same DocModel the browser worker builds. */
export async function readPdfNode(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<DocModel> {
  if (!isPdf(bytes)) throw new DocumentError('unsupported', '不是 PDF 文件', 'Not a PDF file');
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as typeof import('pdfjs-dist');
  const { pages, title } = await extractPdf(
    pdfjs,
    bytes,
    { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/', useWorkerFetch: false },
    options,
  );
  return pdfToDocModel(pages, name, title);
}

function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
