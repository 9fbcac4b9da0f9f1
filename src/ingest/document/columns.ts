// A row's figures put in their columns where the print gives their places: text set out in columns without
// rules (PDF-to-text output, PDF tables with no lines) leaves blank cells unprinted and may print a cell a line
// higher than its row; the columns' places come from rows printed in full, else from the header.
import { labelKey } from './normalize';
import { wholeValue, type ReadValue, type Reading } from './readings';
import type { Region } from './locate';
import { lineAt, textOffset, type Stream } from './stream';
import type { ValueToken } from './tokens';

/**
 * A row's figures set out in columns over several lines (a cell printed higher than the others, "20" above
 * "19 1 0 0 0 0"): in column order, left to right, where the text gives their places.
 */
export function byColumn(stream: Stream, tokens: ValueToken[]): ValueToken[] {
  if (tokens.length < 2 || tokens.some((t) => t.x0 === undefined || t.x1 === undefined)) return tokens;
  const lines = new Set(tokens.map((t) => lineAt(stream, t.start)));
  if (lines.size < 2) return tokens;
  return [...tokens].sort((a, b) => (a.x0 ?? 0) + (a.x1 ?? 0) - (b.x0 ?? 0) - (b.x1 ?? 0));
}

/**
 * More cells than columns, with a line of blanks only: a row split over two pages (its label's last characters and
 * empty value cells at the top of the next page). The blank line is not a second set of figures.
 */
export function withoutBlankLines(stream: Stream, tokens: ValueToken[], n: number): ValueToken[] {
  if (tokens.length <= n) return tokens;
  const byLine = new Map<number, ValueToken[]>();
  for (const t of tokens) {
    const line = lineAt(stream, t.start);
    byLine.set(line, [...(byLine.get(line) ?? []), t]);
  }
  const blankOnly = new Set([...byLine].filter(([, list]) => list.every((t) => t.kind === 'blank' && t.text === '')).map(([line]) => line));
  if (blankOnly.size === 0 || blankOnly.size === byLine.size) return tokens;
  return tokens.filter((t) => !blankOnly.has(lineAt(stream, t.start)));
}

const middle = (t: ValueToken) => ((t.x0 ?? 0) + (t.x1 ?? 0)) / 2;

/** Each column's horizontal place, from rows whose every cell is printed (the median of their figures' middles). */
export function columnAnchors(rows: readonly ValueToken[][], n: number): number[] | null {
  const full = rows.filter((r) => r.length === n && r.every((t) => t.kind === 'num' && t.x0 !== undefined && t.x1 !== undefined));
  if (full.length < 2) return null;
  const anchors = Array.from({ length: n }, (_, c) => {
    const xs = full.map((r) => middle(r[c])).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  });
  for (let c = 1; c < n; c++) if (anchors[c] <= anchors[c - 1]) return null;
  return anchors;
}

/** How table 三's header names each applicant column, by its first characters (headers break over lines: "自/然/人"). */
const HEADER_STARTS: readonly string[] = ['自', '商业', '科研', '社会', '法律', '其', '总'];

/**
 * Each column's place from the header, where no row is printed in full (blank cells are simply not printed):
 * the first short header cell that starts like each column's name, left to right.
 */
export function headerAnchors(stream: Stream, region: Region, firstRow: number | undefined): number[] | null {
  const from = textOffset(stream, region.from);
  const to = firstRow === undefined ? from : textOffset(stream, firstRow);
  // Header words with their places: a cell of text laid out with spaces may hold several ("人 商业 科研 …").
  const words: { text: string; x: number }[] = [];
  for (const c of stream.cells) {
    const { x0, x1 } = c.source;
    if (c.start < from || c.end > to || x0 === undefined || x1 === undefined) continue;
    const text = stream.text.slice(c.start, c.end);
    const scale = (x1 - x0) / Math.max(1, text.length);
    for (const m of text.matchAll(/\S+/g)) words.push({ text: labelKey(m[0]), x: x0 + ((m.index ?? 0) + m[0].length / 2) * scale });
  }
  const anchors: number[] = [];
  for (const start of HEADER_STARTS) {
    const w = words.find((x) => x.text.length <= 6 && x.text.startsWith(start) && (anchors.length === 0 || x.x > anchors[anchors.length - 1]));
    if (!w) return null;
    anchors.push(w.x);
  }
  return anchors;
}

/**
 * A row printed with fewer figures than columns, each figure placed under the nearest column; the columns left
 * empty are blank cells. null when the figures do not sit clearly under distinct columns, in order.
 */
export function placeUnderColumns(tokens: readonly ValueToken[], anchors: readonly number[]): Reading | null {
  if (tokens.some((t) => t.kind !== 'num' || t.x0 === undefined || t.x1 === undefined)) return null;
  let gap = Infinity;
  for (let c = 1; c < anchors.length; c++) gap = Math.min(gap, anchors[c] - anchors[c - 1]);
  const at = new Array<number>(anchors.length).fill(-1);
  let last = -1;
  for (let i = 0; i < tokens.length; i++) {
    const x = middle(tokens[i]);
    let best = 0;
    for (let c = 1; c < anchors.length; c++) if (Math.abs(anchors[c] - x) < Math.abs(anchors[best] - x)) best = c;
    if (Math.abs(anchors[best] - x) > gap / 2 || at[best] !== -1 || best <= last) return null;
    at[best] = i;
    last = best;
  }
  const values = anchors.map((_, c): ReadValue => (at[c] >= 0 ? wholeValue(tokens[at[c]], at[c]) : { value: null, tokens: [], printed: '' }));
  return { values, cost: 1, holds: 0, fails: 0, dropped: 0 };
}
