// Which reader a file needs, from its content (never its name): CSV and JSON keep their streaming reader; web
// pages, PDF, Word, Excel, report text and binary files of other kinds go to the document pipeline. Small on
// purpose: the worker decides with this alone and loads the document pipeline only for documents.
import { parseRecords, sniffDelimiter } from './csv';
import { decodeDocument, looksBinary, looksLikeHtml } from './document/decode';
import { isMhtml } from './document/mhtml';
import { sniffDocument } from './document/sniff';
import { metaRoles } from './labels';

export type Route = 'document' | 'data';

/** Does the first line name the columns of our long or wide CSV (organ and year at least)? */
export function isDataHeader(line: readonly string[]): boolean {
  const roles = metaRoles(line.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim()));
  return roles.includes('agency') && roles.includes('year');
}

/** Words every annual report prints: a text that has them and no data header is a report, not a CSV. */
export function looksLikeReportText(text: string): boolean {
  const t = text.normalize('NFKC');
  return /政府信息公开|政务公开|信息公開|政府信息公開/.test(t) && /主动公开|主動公開|依申请|依申請|年度报告|年度報告|行政复议|申请/.test(t);
}

/** The reader a file needs, from its first bytes (and last ones: a zip's directory is at its end). */
export function routeOf(head: Uint8Array, tail?: Uint8Array): Route {
  // Documents, and binary files of any other kind (an image renamed .pdf or .csv): the document reader names them.
  if (sniffDocument(head, tail) !== null || looksBinary(head)) return 'document';
  const text = decodeDocument(head, true).text.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'data';
  if (looksLikeHtml(text) || isMhtml(text)) return 'document';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = sniffDelimiter(firstLine);
  const header = parseRecords(`${firstLine}\n`, delimiter, '\n')[0] ?? [];
  if (isDataHeader(header)) return 'data';
  return looksLikeReportText(text) ? 'document' : 'data';
}
