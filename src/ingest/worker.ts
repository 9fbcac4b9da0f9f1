// The import worker: all decoding and parsing happens here, off the page's thread. Our own module
// worker calling PapaParse, not PapaParse's `worker: true`, which hangs in a minified Vite build.
import type { FrontEnds } from './document/extract';
import { isDataHeader, looksLikeReportText } from './route';
import { looksLikeHtml } from './document/decode';
import { parseRecords, sniffDelimiter } from './csv';
import { toStored } from '../model/storedShape';
import { parseText, type Progress } from './parse';
import { readSource } from './read';
import type { ParseRequest, WorkerInput, WorkerReply } from './protocol';
import type { FileResult, ParseOptions } from './types';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Reports per message, in the compact shape (plain cells as numbers, which clone about eight times cheaper than
 * `{ value }` objects): 100 reports of ~200 cells deserialise on the page in a few milliseconds, so the page
 * never holds a long task while a large file's reports arrive.
 */
const BATCH = 100;

/** Progress at most every 100 ms: a message per chunk would flood the page on a fast disk. */
function throttled(id: number): (p: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < 100 && progress.bytes < progress.total) return;
    last = now;
    scope.postMessage({ id, type: 'progress', progress });
  };
}

/**
 * The document readers load only when such a file arrives: pdf.js, mammoth and read-excel-file are lazy chunks,
 * so reading a CSV never downloads them.
 */
const frontEnds: FrontEnds = {
  pdf: async (bytes, name, options) => (await import('./document/pdf')).readPdf(bytes, name, options),
  docx: async (bytes) => (await import('./document/docx')).docxToHtml(bytes),
  xlsx: async (bytes, name) => (await import('./document/xlsx')).readXlsx(bytes, name),
};

function readFile(file: File, options: ParseOptions, onProgress: (p: Progress) => void): Promise<FileResult> {
  return readSource({ name: file.name, size: file.size, read: async (s, end) => new Uint8Array(await file.slice(s, end).arrayBuffer()) }, options, frontEnds, onProgress);
}

/** Pasted text is CSV when its first line names our columns, a report when it reads like one. */
async function readPasted(input: Exclude<WorkerInput, { kind: 'file' }>, options: ParseOptions, onProgress: (p: Progress) => void): Promise<FileResult> {
  if (input.kind === 'html') {
    const { readDocumentInput } = await import('./documentFile');
    return readDocumentInput({ name: input.name, html: input.html }, input.html.length, frontEnds, { onProgress });
  }
  const text = input.text;
  const firstLine = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  const header = parseRecords(`${firstLine}\n`, sniffDelimiter(firstLine), '\n')[0] ?? [];
  if (looksLikeHtml(text) || (!isDataHeader(header) && !/^[[{]/.test(text.trimStart()) && looksLikeReportText(text))) {
    const { readDocumentInput } = await import('./documentFile');
    return readDocumentInput({ name: input.name, text }, text.length, frontEnds, { onProgress });
  }
  return parseText(input.name, text, options, onProgress);
}

scope.onmessage = (e) => {
  const { id, input, options } = e.data;
  const onProgress = throttled(id);
  const started = performance.now();
  const job = input.kind === 'file' ? readFile(input.file, options, onProgress) : readPasted(input, options, onProgress);
  job.then(
    (result) => {
      result.readMs = Math.round(performance.now() - started);
      for (let i = 0; i < result.reports.length; i += BATCH) scope.postMessage({ id, type: 'reports', reports: result.reports.slice(i, i + BATCH).map(toStored) });
      scope.postMessage({ id, type: 'done', result: { ...result, reports: [] } });
    },
    (err: unknown) => scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
