// One document → the report it holds, in canonical cells, each with where it was read and whether a person
// should look at it. Tables come from their labels (tables.ts), the rest of the report from its prose and its
// head (prose.ts, meta.ts); the format from the labels, the year only where the labels say nothing.
import type { Cell, FormatId, Report } from '../../model/report';
import { readMeta } from './meta';
import { readProse } from './prose';
import { buildStream, lineAt, refOf, type Stream } from './stream';
import { readTables, type Doubt, type FigureReading, type RowOptions } from './tables';
import type { DocFormat, DocModel, SourceRef } from './types';

/** Where one figure was read, shown beside it in the review sheet. */
export interface FigureSource {
  from: 'table' | 'prose';
  ref?: SourceRef;
  /** Characters of the cell's text that were read, when the cell holds more than this figure. */
  span?: [number, number];
  /** The printed line or table row around the figure (cells separated by " | "), and the figure's place in it. */
  context: string;
  mark?: [number, number];
  /** What was printed, when it differs from the figure's digits (a blank's dash, a split run). */
  printed?: string;
  doubt?: Doubt;
  alternatives?: (number | null)[];
  /** The reading was chosen by the identities that relate this report to the neighbouring years. */
  byNeighbours?: boolean;
  /** The person typed or confirmed this figure in the review: it is final. */
  edited?: boolean;
}

export interface ExtractedReport {
  report: Report;
  sources: Record<string, FigureSource>;
  /** The organ or year could not be read: the person must give them before the report can be stored. */
  needs: { agency: boolean; year: boolean };
  /** Figures a person should check (ambiguous readings, repairs, OCR). */
  doubtful: number;
  /** Rows printed so that several readings fit: the neighbouring years may choose among them. */
  rowOptions: RowOptions[];
  document: { name: string; format: DocFormat; pages?: number };
}

const CONTEXT = 48;

/** The printed surroundings of stream[start, end): its line, cut to a window, cells shown as " | ". */
function contextOf(stream: Stream, start: number, end: number): { context: string; mark: [number, number] } {
  const line = stream.lines[lineAt(stream, start)];
  const from = Math.max(line.start, start - CONTEXT);
  const to = Math.min(line.end, end + CONTEXT);
  const raw = stream.text.slice(from, to);
  // Tabs become " | ": shift the mark by the characters added before it.
  const before = stream.text.slice(from, start);
  const tabsBefore = (before.match(/\t/g) ?? []).length;
  const inside = (stream.text.slice(start, end).match(/\t/g) ?? []).length;
  const context = (from > line.start ? '…' : '') + raw.replace(/\t/g, ' | ') + (to < line.end ? '…' : '');
  const lead = from > line.start ? 1 : 0;
  const markStart = lead + (start - from) + tabsBefore * 2;
  return { context, mark: [markStart, markStart + (end - start) + inside * 2] };
}

function sourceOf(stream: Stream, f: { start?: number; end?: number; labelAt: number }, from: 'table' | 'prose'): FigureSource {
  const start = f.start ?? f.labelAt;
  const end = f.end ?? f.labelAt;
  const { context, mark } = contextOf(stream, start, Math.max(end, start));
  const out: FigureSource = { from, context };
  if (f.start !== undefined) {
    out.mark = mark;
    const r = refOf(stream, start, end);
    if (r) {
      out.ref = r.ref;
      if (r.span) out.span = r.span;
    }
  } else {
    const r = refOf(stream, f.labelAt, f.labelAt + 1);
    if (r) out.ref = r.ref;
  }
  return out;
}

/**
 * A figure as a stored cell: the unit only where the report prints one (the fee column's 万元 is in its header);
 * counts need none, and an amount's unit is never guessed.
 */
function cellOf(f: FigureReading): Cell {
  const cell: Cell = { value: f.value };
  const column = f.key.split('.')[2];
  if (f.unit) cell.unit = f.unit;
  else if (column === 'fee_amount' && f.value !== null) cell.unit = '万元';
  if (f.approx) {
    cell.approx = true;
    if (f.printed) cell.note = `原文:${f.printed}`;
  }
  if (f.value === null && f.printed) cell.printed = f.printed;
  return cell;
}

/** Prose outside the tables: the stream with the tables' text blanked out (offsets kept). */
function proseText(stream: Stream, figures: readonly FigureReading[]): string {
  const tableLines = new Set<number>();
  for (const f of figures) if (f.start !== undefined) tableLines.add(lineAt(stream, f.start));
  let text = stream.text;
  for (const l of tableLines) {
    const line = stream.lines[l];
    // A glued block holds prose and tables together: blank only the tables' figures, keep its sentences.
    if (line.split === 'none') continue;
    text = text.slice(0, line.start) + ' '.repeat(line.end - line.start) + text.slice(line.end);
  }
  for (const f of figures) {
    if (f.start === undefined || f.end === undefined) continue;
    text = text.slice(0, f.start) + ' '.repeat(f.end - f.start) + text.slice(f.end);
  }
  return text;
}

export function interpret(doc: DocModel): ExtractedReport | null {
  const stream = buildStream(doc);
  const lines = doc.lines.map((l) => l.cells.filter((c) => !c.copy).map((c) => c.text).join(' '));
  const meta = readMeta(lines, doc.meta);
  const tables = readTables(stream, meta.year);
  const prose = readProse(proseText(stream, tables.figures));
  if (tables.figures.length === 0 && prose.length === 0) return null;

  const cells: Record<string, Cell> = {};
  const sources: Record<string, FigureSource> = {};
  let doubtful = 0;
  for (const f of tables.figures) {
    if (f.key in cells) continue;
    cells[f.key] = cellOf(f);
    const s = sourceOf(stream, f, 'table');
    if (f.printed && f.printed !== String(f.value)) s.printed = f.printed;
    if (f.doubt) {
      s.doubt = f.doubt;
      doubtful++;
    }
    if (f.alternatives && f.alternatives.length > 0) s.alternatives = f.alternatives;
    sources[f.key] = s;
  }
  for (const p of prose) {
    if (p.key in cells) continue;
    const cell: Cell = { value: p.value, unit: p.unit };
    if (p.approx) {
      cell.approx = true;
      cell.note = `原文:${p.value}余${p.unit}`;
    }
    cells[p.key] = cell;
    sources[p.key] = sourceOf(stream, { start: p.start, end: p.end, labelAt: p.start }, 'prose');
  }
  const anyTable = tables.found.active || tables.found.requests || tables.found.review;
  const stats = tables.figures.some((f) => f.key.startsWith('stats_pre2019.'));
  const format: FormatId =
    tables.format ?? (stats ? 'pre2019' : anyTable && tables.figures.length > 0 ? (meta.year !== undefined && meta.year >= 2021 ? 'GB2021' : 'GB2019') : 'text-only');
  const report: Report = {
    agency: meta.agency ?? '',
    year: meta.year ?? 0,
    region: '',
    level: '',
    format,
    source: meta.url ?? doc.name,
    cells,
  };
  if (meta.published) report.published = meta.published;
  if (meta.url) report.file = doc.name;
  const out: ExtractedReport = {
    report,
    sources,
    needs: { agency: meta.agency === undefined, year: meta.year === undefined },
    doubtful,
    rowOptions: tables.rowOptions,
    document: { name: doc.name, format: doc.format },
  };
  if (doc.pages !== undefined) out.document.pages = doc.pages;
  return out;
}
