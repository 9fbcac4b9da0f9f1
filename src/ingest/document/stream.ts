// The document as one string the interpreter can search: every cell's normalised text, cells joined by a tab,
// lines by a newline. Labels are found in a compact view (letters, digits and Chinese only), so a label reads the
// same whether it is letter-spaced, wrapped, glued to the numbers before it or split over cells; every offset
// maps back to the cell it came from, so each figure keeps its source.
import { normalizeKeepingLength } from './normalize';
import type { DocCell, DocLine, DocModel, SourceRef } from './types';

export interface StreamCell {
  /** Index of the line in the document and of the cell in the line. */
  line: number;
  cell: number;
  /** Offsets of the cell's text in the stream. */
  start: number;
  end: number;
  source: DocCell;
}

export interface StreamLine {
  start: number;
  end: number;
  split: DocLine['split'];
  table?: number;
  page?: number;
}

export interface Stream {
  text: string;
  cells: StreamCell[];
  lines: StreamLine[];
  /** For each offset of `text`, the index in `cells` (-1 on a separator). */
  cellAt: Int32Array;
  /** The searchable view: letters, digits and Chinese characters of `text` only. */
  compact: string;
  /** For each offset of `compact`, its offset in `text`. */
  toText: Int32Array;
}

/** Characters the compact view keeps. */
const KEPT = /[\p{L}\p{N}]/u;

export function buildStream(doc: DocModel): Stream {
  const parts: string[] = [];
  const cells: StreamCell[] = [];
  const lines: StreamLine[] = [];
  let pos = 0;
  doc.lines.forEach((line, li) => {
    const start = pos;
    let first = true;
    line.cells.forEach((cell, ci) => {
      // A cell repeated from a row span is context already read where it was printed.
      if (cell.copy) return;
      if (!first) {
        parts.push('\t');
        pos++;
      }
      first = false;
      const text = normalizeKeepingLength(cell.text).replace(/[\t\n\r]/g, ' ');
      cells.push({ line: li, cell: ci, start: pos, end: pos + text.length, source: cell });
      parts.push(text);
      pos += text.length;
    });
    const l: StreamLine = { start, end: pos, split: line.split };
    if (line.table !== undefined) l.table = line.table;
    if (line.page !== undefined) l.page = line.page;
    lines.push(l);
    parts.push('\n');
    pos++;
  });
  const text = parts.join('');
  const cellAt = new Int32Array(text.length).fill(-1);
  cells.forEach((c, i) => cellAt.fill(i, c.start, c.end));
  let compact = '';
  const toText: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (KEPT.test(ch)) {
      compact += ch;
      toText.push(i);
    }
  }
  return { text, cells, lines, cellAt, compact, toText: Int32Array.from(toText) };
}

/** The compact offset at or after a text offset. */
export function compactIndex(stream: Stream, textOffset: number): number {
  const t = stream.toText;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] < textOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Text offset of a compact offset; the end of the text past the last one. */
export function textOffset(stream: Stream, compactOffset: number): number {
  return compactOffset < stream.toText.length ? stream.toText[compactOffset] : stream.text.length;
}

/** The line holding a text offset. */
export function lineAt(stream: Stream, offset: number): number {
  const ls = stream.lines;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where a span of the stream came from: the cell's own reference, narrowed to the characters for text read as
 * one block (a figure glued into a paragraph), so the person sees exactly which digits were read.
 */
export function refOf(stream: Stream, start: number, end: number): { ref: SourceRef; cell: number; span?: [number, number] } | undefined {
  const ci = stream.cellAt[start];
  if (ci < 0) return undefined;
  const c = stream.cells[ci];
  const span: [number, number] = [start - c.start, Math.min(end, c.end) - c.start];
  const whole = span[0] === 0 && span[1] === c.end - c.start;
  return whole ? { ref: c.source.ref, cell: ci } : { ref: c.source.ref, cell: ci, span };
}
