// Problems found while reading input: structured, never thrown, never silently skipped.

export interface Problem {
  file: string;
  /** 1-based line of the data row in the file (header is line 1), when the problem belongs to a row. */
  row?: number;
  /** Column name as the file wrote it. */
  column?: string;
  /** Machine-readable code, stable for tests and for the downloadable CSV. */
  code: string;
  /** Message in zh-CN and English. */
  zh: string;
  en: string;
}

/** Problems as CSV for download: UTF-8 with a BOM so Excel shows the Chinese, both languages side by side. */
export function problemsCsv(problems: readonly Problem[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['文件 file', '行 row', '列 column', '代码 code', '问题', 'problem'].join(',')];
  for (const p of problems) lines.push([p.file, p.row === undefined ? '' : String(p.row), p.column ?? '', p.code, p.zh, p.en].map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
