// Every stored cell as one long CSV ("导出全部"), for DuckDB, pandas or R: one line per cell, canonical keys split
// into section, row and column, the number bare in `value`, its printed unit and remarks in their own columns.
// The importer reads the file back to the same reports (the long reader knows every column written here).
import { csvDocument, csvField, neutralise } from '../model/csvText';
import type { Cell, Report } from '../model/report';
import { KEY_DEFS } from '../model/vocabulary';
import { parseFormat } from './figureRows';

/** The columns, in order; the first thirteen are the ones the README documents for analysis tools. */
export const LONG_EXPORT_HEADER = [
  'agency',
  'year',
  'region',
  'level',
  'format',
  'section',
  'row',
  'column',
  'value',
  'approx',
  'unit',
  'note',
  'source',
  'printed',
  'published',
  'file',
] as const;

const ORDER: ReadonlyMap<string, number> = new Map([...KEY_DEFS.keys()].map((k, i) => [k, i]));

/** A text field: formulas neutralised (names and sources come from users' files), quoted when it must be. */
function text(s: string): string {
  return csvField(neutralise(s));
}

/** The format note when it reads back as the same format ("pre2019-local(无统计表)"), else the format's id. */
function formatText(r: Report): string {
  if (r.formatNote === undefined) return r.format;
  const back = parseFormat(r.formatNote);
  return back?.format === r.format && back.note === r.formatNote ? r.formatNote : r.format;
}

function cellLine(r: Report, key: string, cell: Cell, head: string, tail: string): string {
  const [section, row, column] = key.split('.');
  // Numbers are written bare: a leading minus of 本年增/减 is a number, not a formula, and stays readable as one.
  const value = cell.value === null ? '' : String(cell.value);
  return [
    head,
    section,
    row,
    column,
    value,
    cell.approx ? 'yes' : '',
    text(cell.unit ?? ''),
    text(cell.note ?? ''),
    text(cell.source ?? r.source),
    text(cell.value === null ? (cell.printed ?? '') : ''),
    tail,
  ].join(',');
}

/** The lines of one report (no header), its cells in the order of the national tables. */
export function reportLongLines(r: Report): string[] {
  const head = [text(r.agency), String(r.year), text(r.region), text(r.level), text(formatText(r))].join(',');
  const tail = [r.published ?? '', text(r.file ?? '')].join(',');
  const keys = Object.keys(r.cells).sort((a, b) => (ORDER.get(a) ?? Infinity) - (ORDER.get(b) ?? Infinity));
  return keys.map((k) => cellLine(r, k, r.cells[k], head, tail));
}

/** The file's first part: BOM and header. Reports follow as parts of their own (a Blob joins them, no giant string). */
export function longExportHead(): string {
  return csvDocument([LONG_EXPORT_HEADER.join(',')]);
}

/** One report's part of the file, ending with a line end; empty for a report without cells. */
export function longExportPart(r: Report): string {
  const lines = reportLongLines(r);
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/** The whole file as one string: for tests and small stores. */
export function allFiguresCsv(reports: readonly Report[]): string {
  return longExportHead() + reports.map(longExportPart).join('');
}
