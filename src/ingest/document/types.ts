// The one shape every published-report front end produces (web page, PDF, Word, Excel, text) and the one
// interpreter reads: the document as lines of cells, each cell keeping where it was found. Plain data only: it
// crosses the worker boundary and is shown beside every figure in the review sheet.

/** The document types a person can drop. */
export type DocFormat = 'html' | 'pdf' | 'docx' | 'xlsx' | 'text';

/**
 * Where a piece of text was found, precise enough for a person to find it again in the original:
 * a text line, a table cell (HTML, Word, Excel), or a box on a PDF page.
 */
export interface SourceRef {
  /** Text files: 1-based line number. */
  line?: number;
  /** Tables (HTML, Word, Excel, and PDF tables rebuilt from ruling lines): 1-based table number in the document. */
  table?: number;
  /** 1-based row within the table or sheet. */
  row?: number;
  /** 1-based cell within the row (the printed cell, spans counted once). */
  col?: number;
  /** Excel: the sheet's name. */
  sheet?: string;
  /** PDF: 1-based page number. */
  page?: number;
  /** PDF: the text's box in points, origin at the page's top-left: x, y, width, height. */
  box?: readonly [number, number, number, number];
}

export interface DocCell {
  /** The cell's text as printed (not yet normalised: the interpreter applies NFKC). */
  text: string;
  ref: SourceRef;
  /**
   * A cell repeated from a row span above (a group label such as 三、本年度办理结果): context for the rows it
   * covers, never a value of its own.
   */
  copy?: boolean;
  /** Grid position after spans are expanded (0-based) and the columns the cell covers, when the source is a grid. */
  gridCol?: number;
  gridSpan?: number;
  /**
   * Text set out in columns without ruling lines: the horizontal extent (PDF: points; text laid out with spaces,
   * such as PDF-to-text output: character columns), to place the cell under its table column.
   */
  x0?: number;
  x1?: number;
}

/** A line of the document: a paragraph (one cell), a table row (its cells), or a PDF line of text items. */
export interface DocLine {
  cells: DocCell[];
  /** Lines of one table share its 1-based number; prose has none. A table split over pages keeps one number per part. */
  table?: number;
  /** PDF: the page the line is on. */
  page?: number;
  /**
   * How the cells of the line were separated: 'grid' (real cells: HTML, Word, Excel, PDF ruling lines),
   * 'gap' (runs of spaces, tabs, `|`, or PDF spacing), or 'none' (one block of text: cells may be glued).
   */
  split: 'grid' | 'gap' | 'none';
}

/** What the document says about itself, outside its tables. */
export interface DocMeta {
  /** The page or document title (<title>, the first heading, PDF metadata). */
  title?: string;
  /** The address the page was saved from, when the saved page records it (canonical link, og:url, "saved from url"). */
  url?: string;
}

export interface DocModel {
  /** The file name, or a name given to pasted text. */
  name: string;
  format: DocFormat;
  lines: DocLine[];
  meta: DocMeta;
  /** PDF: pages read. */
  pages?: number;
}

/**
 * A document the front ends could not read, with a reason the person can act on (zh and en). Codes:
 * 'legacy-office' (.doc/.xls), 'no-text-layer' (scanned PDF), 'encrypted', 'truncated' (damaged or cut short),
 * 'unsupported' (not a report format), 'no-tables' (read, but no report tables or figures found), 'too-large'.
 */
export class DocumentError extends Error {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  constructor(code: string, zh: string, en: string) {
    super(en);
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}
