// Problems found while reading input: structured, never thrown, never silently skipped.
import { csvDocument, csvField, neutralise } from '../model/csvText';

export interface Problem {
  file: string;
  /**
   * Where in the file, when the problem belongs to a row: the 1-based record number as a spreadsheet numbers
   * rows (header is 1; a quoted field broken over lines stays one record); in JSON, the report's position.
   */
  row?: number;
  /** Column name as the file wrote it. */
  column?: string;
  /** Machine-readable code, stable for tests and for the downloadable CSV. */
  code: string;
  /** Message in zh-CN and English. */
  zh: string;
  en: string;
}

/**
 * Problems as CSV for download: UTF-8 with a BOM so Excel shows the Chinese, both languages side by side. File
 * names, headers and cell texts come from users' files: every text is neutralised against formula injection.
 */
export function problemsCsv(problems: readonly Problem[]): string {
  const field = (s: string) => csvField(neutralise(s));
  const lines = [['文件 file', '行 row', '列 column', '代码 code', '问题', 'problem'].join(',')];
  for (const p of problems) lines.push([p.file, p.row === undefined ? '' : String(p.row), p.column ?? '', p.code, p.zh, p.en].map(field).join(','));
  return csvDocument(lines);
}
