// Table → CSV/TSV text for exports and the clipboard. Pure. Text cells (labels, organ names) are neutralised;
// numbers are written as plain digits, so "-15" stays a number.
import { csvDocument, csvField, neutralise } from '../model/csvText';
import type { TableView } from './table';


function rows(table: TableView, header: string): string[][] {
  return [
    [header, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.label, ...r.cells.map((c) => (c.value === null ? '' : String(c.value)))]),
  ];
}

/** UTF-8 with BOM, so Excel opens Chinese text correctly; CRLF line ends. Missing values are empty, never 0. */
export function tableCsv(table: TableView, header: string): string {
  return csvDocument(rows(table, header).map((r, i) => r.map((cell, j) => csvField(i > 0 && j > 0 ? cell : neutralise(cell))).join(',')));
}

/** Tab-separated for pasting into a spreadsheet. */
export function tableTsv(table: TableView, header: string): string {
  return rows(table, header)
    .map((r, i) => r.map((cell, j) => (i > 0 && j > 0 ? cell : neutralise(cell)).replace(/[\t\r\n]/g, ' ')).join('\t'))
    .join('\n');
}

/** A file name from a chart caption: no characters file systems refuse. */
export function fileName(caption: string, ext: string): string {
  return `${caption.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.${ext}`;
}
