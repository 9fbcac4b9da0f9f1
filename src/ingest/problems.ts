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
