// Published reports read into the import's FileResult, through the document pipeline (loaded by the worker
// only when such a file arrives). An Excel sheet laid out like our long or wide CSV is read as that CSV.
import { extractReports, readDocument, type DocumentInput, type DocumentResult, type FrontEnds } from './document/extract';
import { interpret } from './document/interpret';
import { sniffDocument } from './document/sniff';
import { DocumentError, type DocModel } from './document/types';
import { csvDocument, csvField } from '../model/csvText';
import { parseText, type Progress } from './parse';
import { isDataHeader } from './route';
import { MAX_PROBLEMS, type FileResult } from './types';

/** A sheet whose first row names our CSV's columns, as CSV text (read then by the CSV reader). */
function dataSheetAsCsv(doc: DocModel): string | null {
  const lines = doc.lines;
  if (lines.length === 0) return null;
  const sheetOf = (i: number) => lines[i].cells[0]?.ref.sheet;
  const first = lines[0].cells.map((c) => c.text);
  if (!isDataHeader(first)) return null;
  const width = Math.max(...lines[0].cells.map((c) => (c.gridCol ?? 0) + 1));
  const rows: string[] = [];
  for (let i = 0; i < lines.length && sheetOf(i) === sheetOf(0); i++) {
    const fields = new Array<string>(width).fill('');
    for (const c of lines[i].cells) if (!c.copy && c.gridCol !== undefined && c.gridCol < width) fields[c.gridCol] = c.text;
    rows.push(fields.map((f) => csvField(f)).join(','));
  }
  return csvDocument(rows);
}

function documentResult(name: string, bytes: number, res: DocumentResult): FileResult {
  const problems = res.error ? [{ file: name, code: res.error.code, zh: res.error.zh, en: res.error.en }] : [];
  const result: FileResult = {
    file: name,
    bytes,
    kind: 'document',
    encoding: res.encoding === 'gb18030' ? 'gb18030' : res.encoding === 'utf-8' ? 'utf-8' : 'text',
    encodingSource: 'document',
    replacementChars: 0,
    columns: [],
    rows: res.reports.length,
    emptyLines: 0,
    reports: res.reports.map((r) => r.report),
    problems: problems.slice(0, MAX_PROBLEMS),
    problemsTotal: problems.length,
    documents: { format: res.format ?? 'text', extracted: res.reports },
  };
  return result;
}

export interface DocumentReadOptions {
  onProgress: (p: Progress) => void;
  /** Read a web page or text file in this encoding instead of detecting one. */
  encoding?: string;
}

/** A published report (any kind) → FileResult. Excel sheets shaped like our CSV go to the CSV reader instead. */
export async function readDocumentInput(input: DocumentInput, size: number, frontEnds: FrontEnds, options: DocumentReadOptions): Promise<FileResult> {
  const progress = (done: number, total: number) => options.onProgress({ bytes: Math.round((done / Math.max(total, 1)) * size), total: size, rows: 0 });
  const withProgress: FrontEnds = {
    ...frontEnds,
    pdf: (b, n) => frontEnds.pdf(b, n, { onPage: progress }),
  };
  if (input.bytes && sniffDocument(input.bytes.subarray(0, 65536), input.bytes.subarray(Math.max(0, input.bytes.length - 65536))) === 'xlsx') {
    try {
      const { doc } = await readDocument(input, withProgress);
      const csv = dataSheetAsCsv(doc);
      if (csv !== null) {
        const r = await parseText(input.name, csv, {}, options.onProgress);
        return { ...r, bytes: size };
      }
      const report = interpret(doc);
      const res: DocumentResult = { name: input.name, format: 'xlsx', reports: report ? [report] : [] };
      if (!report) res.error = { code: 'no-tables', zh: NO_TABLES_ZH, en: NO_TABLES_EN };
      return documentResult(input.name, size, res);
    } catch (e) {
      if (e instanceof DocumentError) return documentResult(input.name, size, { name: input.name, reports: [], error: { code: e.code, zh: e.zh, en: e.en } });
      throw e;
    }
  }
  const res = await extractReports(options.encoding ? { ...input, encoding: options.encoding } : input, withProgress);
  options.onProgress({ bytes: size, total: size, rows: res.reports.length });
  return documentResult(input.name, size, res);
}

const NO_TABLES_ZH = '工作簿已读取,但既不是本工具的长表/宽表(第一行需有“机构”“年度”列),也没有找到年报的表格二、三、四。';
const NO_TABLES_EN = 'The workbook was read, but it is neither our long/wide table (the first row needs 机构/agency and 年度/year columns) nor a report with tables 二, 三, 四.';
