// The figures printed between one row label and the next: numbers (with the separator that stood before each —
// a table cell, a line break, a space, or nothing at all) and blank cells. Ordinals of labels ("2.其他…"), article
// numbers ("第二十条第(五)项"), years and page numbers are not figures and are left out here.
import { ZERO_LOOKALIKES } from './normalize';
import { lineAt, type Stream } from './stream';

export type Separator = 'start' | 'line' | 'cell' | 'text' | 'space' | 'none';

export interface ValueToken {
  kind: 'num' | 'blank';
  /** As printed (normalised). */
  text: string;
  /** Numbers: sign, integer digits and decimals kept apart, so a glued run can be split between digits. */
  sign?: '-';
  int?: string;
  frac?: string;
  unit?: string;
  approx?: boolean;
  /** A letter read as zero (OCR): "О", "O". */
  ocr?: boolean;
  sep: Separator;
  /** Stream offsets. */
  start: number;
  end: number;
  /** Horizontal extent, where the line gives one (text set out in columns): see DocCell.x0. */
  x0?: number;
  x1?: number;
  /** Index of the stream cell it is in. */
  cell: number;
}

/** Text that looks like numbers but is not a figure: article numbers, dates, page numbers, footnote marks. */
const NOISE: readonly RegExp[] = [
  /第\s*[((]?\s*[\d一二三四五六七八九十]+\s*[))]?\s*[条项款]/g,
  /\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*日/g,
  /(^|\n)\s*[-—]\s*\d{1,3}\s*[-—]\s*(?=\n|$)/g,
  /第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?/g,
  /[((]\s*\d\s*[))]/g,
  /[①-⑳]/g,
  /\d+\s*\/\s*\d+\s*页/g,
];

const PLACEHOLDER = /^(?:[-_/\\]+|无)$/;
const UNITS = '万元|元|件|条|个|项|份|篇|次';
// An amount's unit may stand apart ("73802895.90 元" in text from PDFs); a count's unit follows it directly.
const NUMBER = new RegExp(`(约|近|逾)?(-)?(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(\\.\\d+)?(余|多)?(?:(${UNITS})|[ \\t]+(万元|元)(?![\\u3400-\\u9fff]))?`, 'g');
const CJK_AFTER = /^[.、．]\s*[\u3400-\u9fff]/;

function blankOut(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

function separatorBetween(text: string, from: number, to: number): Separator {
  if (from < 0) return 'start';
  const gap = text.slice(from, to);
  if (gap.includes('\n')) return 'line';
  if (gap.includes('\t')) return 'cell';
  if (gap === '') return 'none';
  if (/^\s+$/.test(gap)) return 'space';
  return 'text';
}

/**
 * Value tokens of stream[from, to). An empty cell of a real grid is a blank cell (a web page's &nbsp;); in text an
 * empty split is only spacing, so it is no token.
 */
export function valueTokens(stream: Stream, from: number, to: number): ValueToken[] {
  let region = stream.text.slice(from, to);
  for (const re of NOISE) region = blankOut(region, re);
  const tokens: ValueToken[] = [];
  let lastEnd = -1;
  const push = (t: Omit<ValueToken, 'sep' | 'cell'>, cellIndex?: number) => {
    const cell = cellIndex ?? stream.cellAt[t.start];
    tokens.push({ ...t, sep: separatorBetween(stream.text, lastEnd, t.start), cell });
    lastEnd = t.end;
  };
  // Cells inside the region, in order: grid blanks and placeholders are whole cells; numbers are found in the text.
  for (let ci = firstCellFrom(stream, from); ci < stream.cells.length && stream.cells[ci].start < to; ci++) {
    const c = stream.cells[ci];
    if (c.end <= from && c.start !== c.end) continue;
    const a = Math.max(from, c.start);
    const b = Math.min(to, c.end);
    const part = region.slice(a - from, b - from);
    const whole = a === c.start && b === c.end;
    const trimmed = part.trim();
    const grid = stream.lines[c.line]?.split === 'grid';
    if (whole && trimmed === '' && grid) {
      push({ kind: 'blank', text: '', start: a, end: b }, ci);
      continue;
    }
    if (whole && PLACEHOLDER.test(trimmed)) {
      push({ kind: 'blank', text: trimmed, start: a, end: b }, ci);
      continue;
    }
    if (whole && ZERO_LOOKALIKES.test(trimmed)) {
      const at = a + part.indexOf(trimmed);
      push({ kind: 'num', text: trimmed, int: '0', ocr: true, start: at, end: at + 1 });
      continue;
    }
    for (const m of part.matchAll(NUMBER)) {
      const [all, about, sign, int, frac, more, joined, apart] = m;
      const unit = joined ?? apart;
      const at = a + (m.index ?? 0);
      const after = part.slice((m.index ?? 0) + all.length);
      let digits = int.replace(/,/g, '');
      let end = at + all.length;
      // A digit opening a line before Chinese words ("1 昆工园党秘密" — OCR lost the dot) is a row's ordinal.
      const lineStart = stream.text.lastIndexOf('\n', at - 1) + 1;
      if (digits.length === 1 && !frac && !unit && /^[\s\t]*$/.test(stream.text.slice(lineStart, at)) && /^[.、．]?\s*[\u3400-\u9fff]/.test(after)) continue;
      // "00000002.其他…": the last digit is the next label's ordinal, not a figure.
      if (!frac && !unit && CJK_AFTER.test(after)) {
        if (digits.length === 1) continue;
        digits = digits.slice(0, -1);
        end -= 1;
      }
      const t: Omit<ValueToken, 'sep' | 'cell'> = { kind: 'num', text: stream.text.slice(at, end), int: digits, start: at, end };
      if (sign) t.sign = '-';
      if (frac) t.frac = frac.slice(1);
      if (unit && end === at + all.length) t.unit = unit;
      if (about || more) t.approx = true;
      push(t);
    }
    // OCR zeros inside a cell of several tokens ("0 O 0").
    for (const m of part.matchAll(/(?<![A-Za-z\u0400-\u04ff])[OoОо〇](?![A-Za-z\u0400-\u04ff])/g)) {
      const at = a + (m.index ?? 0);
      if (whole && trimmed.length === 1) continue;
      if (!/^[\s\d]*$/.test(part.replace(/[OoОо〇]/g, ''))) continue;
      tokens.push({ kind: 'num', text: m[0], int: '0', ocr: true, start: at, end: at + 1, sep: 'space', cell: ci });
    }
  }
  tokens.sort((x, y) => x.start - y.start);
  for (const t of tokens) placeToken(stream, t);
  const kept = withoutLabelColumns(stream, tokens);
  // Separators again, now that OCR zeros sit in their places.
  let prev = -1;
  for (const t of kept) {
    if (t.kind === 'num' || t.kind === 'blank') t.sep = prev < 0 ? 'start' : separatorBetween(stream.text, prev, t.start);
    prev = t.end;
  }
  return kept;
}

/**
 * Empty cells before a row's label are label columns, not blank figures: a group label merged over rows leaves
 * them empty where a table continues on the next page ("" | "" | "1.属于国家秘密" | 0 | …).
 */
function withoutLabelColumns(stream: Stream, tokens: ValueToken[]): ValueToken[] {
  // The last Chinese-text cell of each line the blank tokens are on (the whole line: its label may lie past the region).
  const lastLabel = new Map<number, number>();
  for (const t of tokens) {
    if (t.kind !== 'blank' || t.text !== '') continue;
    const line = stream.cells[t.cell]?.line ?? lineAt(stream, t.start);
    if (lastLabel.has(line)) continue;
    const l = stream.lines[line];
    let at = -1;
    for (let ci = firstCellFrom(stream, l.start); ci < stream.cells.length && stream.cells[ci].start < l.end; ci++) {
      const c = stream.cells[ci];
      if (/[\u3400-\u9fff]/.test(stream.text.slice(c.start, c.end))) at = c.start;
    }
    lastLabel.set(line, at);
  }
  return tokens.filter((t) => {
    if (t.kind !== 'blank' || t.text !== '') return true;
    const label = lastLabel.get(stream.cells[t.cell]?.line ?? lineAt(stream, t.start)) ?? -1;
    return t.start > label;
  });
}

/** A token's horizontal extent, in proportion to where it stands in its cell's text. */
function placeToken(stream: Stream, t: ValueToken): void {
  const c = stream.cells[t.cell];
  const x0 = c?.source.x0;
  const x1 = c?.source.x1;
  if (!c || x0 === undefined || x1 === undefined) return;
  const chars = Math.max(1, c.end - c.start);
  const scale = (x1 - x0) / chars;
  t.x0 = x0 + (t.start - c.start) * scale;
  t.x1 = x0 + (t.end - c.start) * scale;
}

/** The first cell that ends after `offset` (empty cells included: they are blank cells of a grid). */
function firstCellFrom(stream: Stream, offset: number): number {
  const cells = stream.cells;
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].end < offset || (cells[mid].end === offset && cells[mid].start < offset)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number a token reads as, alone. */
export function tokenValue(t: ValueToken): number | null {
  if (t.kind === 'blank' || t.int === undefined) return null;
  const n = Number(t.int + (t.frac ? `.${t.frac}` : ''));
  return t.sign === '-' ? -n : n;
}
