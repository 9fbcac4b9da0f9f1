// Plain page data (text items + ruling lines) → DocModel lines, in reading order page after page:
// text inside a ruled table becomes that table's rows (split 'grid', one DocCell per cell, empty cells kept,
// vertical merges repeated as copies); all other text becomes lines of cells split at wide gaps (split 'gap'),
// each cell with its horizontal extent so numbers can be placed under their header columns.
import type { DocCell, DocLine, DocModel } from '../types';
import { findGrids, type Grid } from './grid';
import type { PdfPageData, PdfTextItem } from './types';

/** A gap wider than this many font sizes separates two cells of a line (not letter-spacing, not a space). */
const CELL_GAP = 1.2;
/**
 * A narrower gap (this many font sizes) still separates two runs of three or more characters each: two wide
 * header cells side by side ("社会公益组织  法律服务机构"), not the single glyphs of letter-spaced text ("总 计").
 */
const WORD_GAP = 0.5;
/** A gap wider than this many font sizes between Latin letters or digits is a space. */
const SPACE_GAP = 0.15;

const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u31ef\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Estimated horizontal extent of each character of a run (wide characters count double). */
function charSpans(item: PdfTextItem): { ch: string; x0: number; x1: number }[] {
  const chars = Array.from(item.str);
  const weights = chars.map((c) => (isCjk(c) ? 2 : /\s/.test(c) ? 0.8 : 1));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  const unit = (item.x1 - item.x0) / total;
  let x = item.x0;
  return chars.map((ch, i) => {
    const x0 = x;
    x += weights[i]! * unit;
    return { ch, x0, x1: x };
  });
}

function sub(item: PdfTextItem, spans: { ch: string; x0: number; x1: number }[]): PdfTextItem {
  return { ...item, str: spans.map((s) => s.ch).join(''), x0: spans[0]!.x0, x1: spans[spans.length - 1]!.x1 };
}

/**
 * Runs with spaces inside (a producer that typesets a row as one string padded with spaces, or pdf.js
 * joining glyphs across a gap) become one item per word, at estimated positions, so gaps decide cells.
 */
function splitWords(item: PdfTextItem): PdfTextItem[] {
  if (!item.horizontal || !/\S\s+\S/.test(item.str)) return [item];
  const spans = charSpans(item);
  const out: PdfTextItem[] = [];
  let run: typeof spans = [];
  for (const s of spans) {
    if (/\s/.test(s.ch)) {
      if (run.length) out.push(sub(item, run));
      run = [];
    } else run.push(s);
  }
  if (run.length) out.push(sub(item, run));
  return out;
}

/** Drops a run drawn twice at (nearly) the same place: "fake bold" prints each glyph twice, slightly offset. */
function dedupe(items: PdfTextItem[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  const seen = new Map<string, PdfTextItem[]>();
  for (const it of items) {
    const list = seen.get(it.str) ?? [];
    const tol = Math.max(1, it.size * 0.3);
    if (list.some((o) => Math.abs(o.x0 - it.x0) < tol && Math.abs(o.base - it.base) < tol)) continue;
    list.push(it);
    seen.set(it.str, list);
    out.push(it);
  }
  return out;
}

/** Items → visual lines: same baseline within a third of the font size; each line sorted left to right. */
function toLines(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: { base: number; size: number; items: PdfTextItem[] }[] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.base - line.base) <= Math.max(1.5, 0.35 * Math.min(it.size, line.size))) line.items.push(it);
    else lines.push({ base: it.base, size: it.size, items: [it] });
  }
  return lines.map((l) => l.items.sort((a, b) => a.x0 - b.x0));
}

/** Text of items on one line: CJK joined without spaces, Latin words and numbers kept apart by a space. */
function joinRun(items: PdfTextItem[]): string {
  let text = '';
  let prev: PdfTextItem | undefined;
  for (const it of items) {
    if (prev) {
      const gap = it.x0 - prev.x1;
      const a = text[text.length - 1];
      const b = it.str[0];
      if (gap > SPACE_GAP * Math.min(prev.size, it.size) && !isCjk(a) && !isCjk(b) && a !== ' ' && b !== ' ') text += ' ';
    }
    text += it.str;
    prev = it;
  }
  return text;
}

/** Text of a grid cell: its lines top to bottom, joined without a break ("社会 / 公益 / 组织" → "社会公益组织"). */
function cellText(items: PdfTextItem[]): string {
  let text = '';
  for (const line of toLines(items)) {
    const t = joinRun(line).trim();
    if (!t) continue;
    const a = text[text.length - 1];
    if (text && /[A-Za-z]/.test(a ?? '') && /^[A-Za-z]/.test(t)) text += ' ';
    text += t;
  }
  return text;
}

function centreY(it: PdfTextItem): number {
  return it.horizontal ? it.base - 0.35 * it.size : (it.y0 + it.y1) / 2;
}

function edgeIndex(edges: number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i]! && v < edges[i + 1]!) return i;
  return v < edges[0]! ? 0 : edges.length - 2;
}

interface Block {
  top: number;
  lines: DocLine[];
}

/** A table's rows as grid lines. `items` are the text items whose centre lies inside the table. */
function tableLines(grid: Grid, items: PdfTextItem[], page: number, table: number): DocLine[] {
  const { xs, ys, slot, cells } = grid;
  const texts: PdfTextItem[][] = cells.map(() => []);
  for (const item of items) {
    const r = edgeIndex(ys, centreY(item));
    // A run that crosses a column wall of its row is cut there (a producer's single run over two cells).
    const walls: number[] = [];
    if (item.horizontal) {
      for (let c = 1; c + 1 < xs.length; c++) {
        if (xs[c]! > item.x0 + 1 && xs[c]! < item.x1 - 1 && slot[r]![c - 1] !== slot[r]![c]) walls.push(xs[c]!);
      }
    }
    if (!walls.length) {
      texts[slot[r]![edgeIndex(xs, (item.x0 + item.x1) / 2)]!]!.push(item);
      continue;
    }
    const spans = charSpans(item);
    const bounds = [-Infinity, ...walls, Infinity];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const part = spans.filter((s) => (s.x0 + s.x1) / 2 >= bounds[k]! && (s.x0 + s.x1) / 2 < bounds[k + 1]!);
      if (!part.length) continue;
      const piece = sub(item, part);
      if (piece.str.trim() === '') continue;
      texts[slot[r]![edgeIndex(xs, (piece.x0 + piece.x1) / 2)]!]!.push(piece);
    }
  }
  const lines: DocLine[] = [];
  // Where each cell was printed: its row and 1-based position among the cells printed in that row.
  const printedAt = new Map<number, { row: number; col: number }>();
  for (let r = 0; r + 1 < ys.length; r++) {
    // The cells of this grid row, left to right.
    const here: { k: number; c: number; span: number }[] = [];
    for (let c = 0; c + 1 < xs.length; ) {
      const k = slot[r]![c]!;
      let span = 1;
      while (c + span + 1 < xs.length && slot[r]![c + span] === k) span++;
      here.push({ k, c, span });
      c += span;
    }
    const subRows = stackedRows(here.filter((h) => cells[h.k]!.r0 === r && cells[h.k]!.r1 === r).map((h) => h.k), texts);
    for (let sub = 0; sub < Math.max(1, subRows?.count ?? 1); sub++) {
      const row: DocCell[] = [];
      let printed = 0;
      for (const { k, c, span } of here) {
        const cell = cells[k]!;
        const box = [round(xs[cell.c0]!), round(ys[cell.r0]!), round(xs[cell.c1 + 1]! - xs[cell.c0]!), round(ys[cell.r1 + 1]! - ys[cell.r0]!)] as const;
        const split = subRows?.parts.get(k);
        const text = split ? (split[sub] ?? '') : cellText(texts[k]!);
        // Printed here: a cell cut into sub-rows (each part), a cell starting in this row (on its first sub-row),
        // a cell from above not seen yet; otherwise a repeat of a cell printed above or on an earlier sub-row.
        const printedHere = split ? true : cell.r0 === r ? sub === 0 : !printedAt.has(k);
        if (printedHere) {
          printed++;
          if (sub === 0) printedAt.set(k, { row: r + 1, col: printed });
          row.push({ text, ref: { page, table, row: r + 1, col: printed, box }, gridCol: c, gridSpan: span });
        } else {
          const at = printedAt.get(k) ?? { row: r + 1, col: printed };
          row.push({ text, ref: { page, table, row: at.row, col: at.col, box }, gridCol: c, gridSpan: span, copy: true });
        }
      }
      lines.push({ cells: row, table, page, split: 'grid' });
    }
  }
  return lines;
}

/** A cell's text that is only figures (numbers, placeholders for blank), line by line. */
const FIGURES = /^[-+−—–－_/\d.,，%]+$/u;

/**
 * A table ruled with columns but not rows puts several rows' figures into one grid row: cells holding two or more
 * lines that are all figures, in two or more cells, with the lines at the same heights. Then the grid row is cut
 * into one row per height, every cell's lines going to the nearest one. null: the grid row is one row.
 */
function stackedRows(ks: number[], texts: PdfTextItem[][]): { count: number; parts: Map<number, string[]> } | null {
  const linesOf = new Map(ks.map((k) => [k, toLines(texts[k]!).map((l) => ({ base: l.reduce((s, i) => s + i.base, 0) / l.length, size: l[0]!.size, text: joinRun(l).trim() }))]));
  const stacked = ks.filter((k) => linesOf.get(k)!.length >= 2 && linesOf.get(k)!.every((l) => FIGURES.test(l.text)));
  if (stacked.length < 2) return null;
  const bases: { base: number; size: number }[] = [];
  for (const l of stacked.flatMap((k) => linesOf.get(k)!).sort((a, b) => a.base - b.base)) {
    const last = bases[bases.length - 1];
    if (last && l.base - last.base <= 0.5 * Math.min(l.size, last.size)) continue;
    bases.push({ base: l.base, size: l.size });
  }
  if (bases.length < 2) return null;
  const parts = new Map<number, string[]>();
  for (const k of ks) {
    const out: string[] = bases.map(() => '');
    for (const l of linesOf.get(k)!) {
      let best = 0;
      for (let i = 1; i < bases.length; i++) if (Math.abs(bases[i]!.base - l.base) < Math.abs(bases[best]!.base - l.base)) best = i;
      out[best] = out[best] ? out[best] + l.text : l.text;
    }
    parts.set(k, out);
  }
  return { count: bases.length, parts };
}

function cellBreak(prev: PdfTextItem, next: PdfTextItem): boolean {
  const gap = next.x0 - prev.x1;
  const size = Math.max(prev.size, next.size);
  if (gap > CELL_GAP * size) return true;
  return gap > WORD_GAP * size && Array.from(prev.str.trim()).length >= 3 && Array.from(next.str.trim()).length >= 3;
}

/** Text outside tables: visual lines, cut into cells at gaps wider than CELL_GAP font sizes. */
function streamLines(items: PdfTextItem[], page: number): Block[] {
  const blocks: Block[] = [];
  for (const line of toLines(items.flatMap(splitWords))) {
    const groups: PdfTextItem[][] = [];
    for (const it of line) {
      const g = groups[groups.length - 1];
      const prev = g?.[g.length - 1];
      if (g && prev && !cellBreak(prev, it)) g.push(it);
      else groups.push([it]);
    }
    const cells: DocCell[] = groups.map((g) => {
      const x0 = Math.min(...g.map((i) => i.x0));
      const x1 = Math.max(...g.map((i) => i.x1));
      const y0 = Math.min(...g.map((i) => i.y0));
      const y1 = Math.max(...g.map((i) => i.y1));
      return { text: joinRun(g), ref: { page, box: [round(x0), round(y0), round(x1 - x0), round(y1 - y0)] }, x0: round(x0), x1: round(x1) };
    });
    blocks.push({ top: Math.min(...line.map((i) => i.y0)), lines: [{ cells, page, split: 'gap' }] });
  }
  return blocks;
}

/** A lone page number: "3", "-3-", "— 3 —", "第 3 页", "第3页 共10页", "3 / 10", "Page 3". */
const PAGE_NUMBER = /^(?:[-—–－─\s]*\d{1,4}[-—–－─\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

function isPageFurniture(block: Block, height: number, first: boolean, last: boolean): boolean {
  const line = block.lines[0]!;
  if (line.split === 'grid' || line.cells.length !== 1) return false;
  if (!PAGE_NUMBER.test(line.cells[0]!.text.trim())) return false;
  const top = block.top;
  return (last && top > height * 0.85) || (first && top < height * 0.1);
}

/** The lines of one page, in reading order; `nextTable` numbers its tables. */
export function pageLines(page: PdfPageData, nextTable: () => number): DocLine[] {
  const items = dedupe(page.items);
  const grids = findGrids(page.segments);
  const inGrid: PdfTextItem[][] = grids.map(() => []);
  const rest: PdfTextItem[] = [];
  for (const it of items) {
    const cx = (it.x0 + it.x1) / 2;
    const cy = centreY(it);
    const g = grids.findIndex((gr) => cx >= gr.xs[0]! - 1 && cx <= gr.xs[gr.xs.length - 1]! + 1 && cy >= gr.ys[0]! - 1 && cy <= gr.ys[gr.ys.length - 1]! + 1);
    if (g >= 0) inGrid[g]!.push(it);
    else rest.push(it);
  }
  const blocks: Block[] = streamLines(rest, page.page);
  grids.forEach((grid, i) => {
    // A ruled box with no text in it is decoration (a signature box, an empty form), not a table of the report.
    if (!inGrid[i]!.length) return;
    blocks.push({ top: grid.ys[0]!, lines: tableLines(grid, inGrid[i]!, page.page, nextTable()) });
  });
  blocks.sort((a, b) => a.top - b.top);
  const kept = blocks.filter((b, i) => !isPageFurniture(b, page.height, i === 0, i === blocks.length - 1));
  return kept.flatMap((b) => b.lines);
}

/** Pages → DocModel (format 'pdf'). Pure: the same data gives the same model in Node and in the worker. */
export function pdfToDocModel(pages: readonly PdfPageData[], name: string, title?: string): DocModel {
  let table = 0;
  const next = () => ++table;
  const lines: DocLine[] = [];
  for (const page of pages) lines.push(...pageLines(page, next));
  return { name, format: 'pdf', lines, meta: title ? { title } : {}, pages: pages.length };
}
