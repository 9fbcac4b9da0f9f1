// The one entry point for published reports: a document (file bytes, pasted text or clipboard HTML) → the reports
// it holds, each with the source of every figure and what a person should check. Tests and the import worker
// call the same function; the heavy front ends (pdf.js, mammoth, read-excel-file) are passed in, so the worker
// loads each only when such a file is dropped and Node tests use Node builds.
import { decodeDocument, looksBinary, looksLikeHtml } from './decode';
import { htmlToDoc } from './html';
import { interpret, type ExtractedReport } from './interpret';
import { isMhtml, mhtmlPage } from './mhtml';
import { textToDoc } from './plainText';
import { isEncryptedOoxml, sniffDocument } from './sniff';
import { DocumentError, type DocFormat, type DocModel } from './types';

export interface DocumentInput {
  name: string;
  /** A file's bytes, whatever its kind (recognised by content, not by name). */
  bytes?: Uint8Array;
  /** Pasted plain text. */
  text?: string;
  /** HTML from the clipboard (copied tables survive there). */
  html?: string;
  /** Decode a web page or text file in this encoding (a TextDecoder label) instead of detecting one. */
  encoding?: string;
}

export interface FrontEnds {
  pdf(bytes: Uint8Array, name: string, options?: { onPage?: (done: number, total: number) => void }): Promise<DocModel>;
  docx(bytes: Uint8Array): Promise<{ html: string; messages: string[] }>;
  xlsx(bytes: Uint8Array, name: string): Promise<DocModel>;
}

export interface DocumentResult {
  name: string;
  format?: DocFormat;
  /** Text encoding used, for web pages and text files. */
  encoding?: string;
  reports: ExtractedReport[];
  error?: { code: string; zh: string; en: string };
}

const LEGACY = new DocumentError(
  'legacy-office',
  '这是旧版 Word/Excel 文件(.doc/.xls),浏览器中无法读取:请在 Word 或 Excel 中“另存为” .docx 或 .xlsx 后再导入,或按模板录入数字。(加密的 .docx/.xlsx 也是这种格式:请先取消密码。)',
  'This is a legacy Word/Excel file (.doc/.xls), which a browser cannot read: open it in Word or Excel, "Save as" .docx or .xlsx and import that, or enter the figures with the template. (Password-protected .docx/.xlsx files look the same: remove the password first.)',
);

const ENCRYPTED_OFFICE = new DocumentError(
  'encrypted',
  '这个 Word/Excel 文件设置了打开密码,浏览器中无法读取:请在 Word 或 Excel 中取消密码(文件 → 信息 → 保护)后另存,再导入。',
  'This Word/Excel file is password-protected and cannot be read in the browser: remove the password in Word or Excel (File → Info → Protect), save, and import again.',
);

const UNSUPPORTED = new DocumentError(
  'unsupported',
  '无法识别的文件类型:可以导入网页(.html)、PDF、Word(.docx)、Excel(.xlsx)、文本(.txt)和 CSV/JSON。',
  'File type not recognised: web pages (.html), PDF, Word (.docx), Excel (.xlsx), text (.txt) and CSV/JSON can be imported.',
);

const NO_TABLES = new DocumentError(
  'no-tables',
  '文件已读取,但没有找到年报的表格(二、三、四)或正文中的统计数字:它似乎不是政府信息公开工作年度报告。如果是扫描件,请先用 OCR 转成文字;也可以按模板录入。',
  'The file was read, but no report tables (二, 三, 四) or figures in its text were found: it does not look like an annual report on government information disclosure. If it is a scan, run OCR first; or enter the figures with the template.',
);


/** The document as lines of cells, whatever it was. Throws DocumentError with a reason a person can act on. */
/**
 * The largest document read. An annual report's page or text is some tens of kilobytes, its PDF a few megabytes;
 * far larger input is something else, and reading it would keep the reader busy for minutes.
 */
export const MAX_TEXT_CHARS = 10 * 1024 * 1024;
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

function tooLarge(size: number, limit: number): DocumentError {
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  return new DocumentError(
    'too-large',
    `文件太大(${mb(size)} MB,上限 ${mb(limit)} MB),不像一份年报:请只导入年报本身,或把多份年报分成多个文件。`,
    `The file is too large (${mb(size)} MB, the limit is ${mb(limit)} MB) to be an annual report: import the report itself, or split several reports into several files.`,
  );
}

export async function readDocument(input: DocumentInput, frontEnds: FrontEnds): Promise<{ doc: DocModel; encoding?: string }> {
  const pasted = input.html ?? input.text;
  if (pasted !== undefined && pasted.length > MAX_TEXT_CHARS) throw tooLarge(pasted.length, MAX_TEXT_CHARS);
  if (input.html !== undefined) return { doc: htmlToDoc(input.name, input.html) };
  if (input.text !== undefined) return { doc: looksLikeHtml(input.text) ? htmlToDoc(input.name, input.text) : textToDoc(input.name, input.text) };
  const bytes = input.bytes ?? new Uint8Array();
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(bytes.length, MAX_FILE_BYTES);
  const kind = sniffDocument(bytes.subarray(0, 65536), bytes.length > 65536 ? bytes.subarray(bytes.length - 65536) : undefined);
  if (kind === null && bytes.length > MAX_TEXT_CHARS) throw tooLarge(bytes.length, MAX_TEXT_CHARS);
  if (kind === 'ole') throw isEncryptedOoxml(bytes) ? ENCRYPTED_OFFICE : LEGACY;
  if (kind === 'pdf') return { doc: await frontEnds.pdf(bytes, input.name) };
  if (kind === 'xlsx') return { doc: await frontEnds.xlsx(bytes, input.name) };
  if (kind === 'docx') {
    const { html } = await frontEnds.docx(bytes);
    return { doc: htmlToDoc(input.name, html, 'docx') };
  }
  if (kind === 'zip' || looksBinary(bytes)) throw UNSUPPORTED;
  const probe = decodeDocument(bytes.subarray(0, 8192), true);
  if (isMhtml(probe.text)) {
    const page = mhtmlPage(new TextDecoder('latin1').decode(bytes));
    if (!page) throw UNSUPPORTED;
    const doc = htmlToDoc(input.name, page.html);
    if (page.url && !doc.meta.url) doc.meta.url = page.url;
    return { doc };
  }
  const html = looksLikeHtml(probe.text);
  const decoded = decodeDocument(bytes, html, input.encoding);
  return { doc: html ? htmlToDoc(input.name, decoded.text) : textToDoc(input.name, decoded.text), encoding: decoded.encoding };
}

export async function extractReports(input: DocumentInput, frontEnds: FrontEnds): Promise<DocumentResult> {
  try {
    const { doc, encoding } = await readDocument(input, frontEnds);
    const report = interpret(doc);
    const result: DocumentResult = { name: input.name, format: doc.format, reports: report ? [report] : [] };
    if (encoding) result.encoding = encoding;
    if (!report) result.error = { code: NO_TABLES.code, zh: NO_TABLES.zh, en: NO_TABLES.en };
    return result;
  } catch (e) {
    if (e instanceof DocumentError) return { name: input.name, reports: [], error: { code: e.code, zh: e.zh, en: e.en } };
    throw e;
  }
}
