// Tables 二, 三 and 四 of one report, found in the document stream by their labels: each row's figures are read
// from what is printed between its label and the next one, the identities choose among readings where the print
// is ambiguous, and every figure keeps where it came from and whether a person should check it.
import { SECTION_BY_KEY } from '../../model/vocabulary';
import { REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS } from '../../model/officialLayout';
import { allowedEdits, findApprox, type Match } from './fuzzy';
import { labelKey } from './normalize';
import { activeRowScore } from './priors';
import { asPrinted, readings, wholeValue, type ReadValue, type Reading } from './readings';
import {
  ACTIVE_ROWS,
  GB2019_ACTIVE_HEADERS,
  GB2021_ACTIVE_HEADERS,
  REQUEST_ROWS,
  SECTION_ANCHORS,
  TABLE_HEADER_ANCHORS,
  patternsOf,
  type RowLabel,
} from './rows';
import { lineAt, textOffset, type Stream } from './stream';
import { readStatsTable } from './statsTable';
import { valueTokens, type ValueToken } from './tokens';

/** Why a person should look at a figure before it is stored. */
export type Doubt =
  /** Several readings fit what is printed; the identities could not choose. */
  | 'ambiguous'
  /** Read by discarding or joining printed characters (a stray OCR digit). */
  | 'repaired'
  /** A letter read as zero. */
  | 'ocr'
  /** Not printed; computed from an identity of the table. */
  | 'inferred'
  /** No reading makes the row's identity hold. */
  | 'identity';

export interface FigureReading {
  key: string;
  value: number | null;
  printed?: string;
  unit?: string;
  approx?: boolean;
  /** Stream offsets of what was read (absent for inferred figures). */
  start?: number;
  end?: number;
  /** The row label's position, for context when nothing was printed. */
  labelAt: number;
  doubt?: Doubt;
  /** Other values the print could mean, best first. */
  alternatives?: (number | null)[];
}

/**
 * A row whose print allows several readings that nothing in the report can choose between: its keys and every
 * reading, best first (the first is the one taken). The neighbouring years' reports can still choose (crossYear.ts).
 */
export interface RowOptions {
  keys: string[];
  options: (number | null)[][];
}

export interface TablesResult {
  /** The table format the labels say, when they say it. */
  format?: 'GB2019' | 'GB2021';
  figures: FigureReading[];
  rowOptions: RowOptions[];
  found: { active: boolean; requests: boolean; review: boolean };
}

interface Region {
  /** Compact offsets. */
  from: number;
  to: number;
}

interface FoundRow {
  key: string;
  /** Compact offsets of the label (ordinal included). */
  start: number;
  end: number;
}

/**
 * The first place one of the labels is printed. A heading's ordinal must be printed as such ("二、主动公开…"):
 * the report's introduction names the same sections without ordinals ("总体情况、主动公开政府信息情况…").
 */
function findFirst(stream: Stream, labels: readonly string[], from: number, to: number): Match | undefined {
  let best: Match | undefined;
  for (const label of labels) {
    for (const p of patternsOf({ key: '', printed: label })) {
      const ordinal = p.ordinal ?? '';
      // Printed exactly is the common case, and an exact search is fast on a long document; only then edits.
      const withOrdinal = (found: Match[]) => found.find((x) => stream.compact.slice(x.start - ordinal.length, x.start) === ordinal);
      const m = withOrdinal(findApprox(stream.compact, p.core, from, to, 0)) ?? withOrdinal(findApprox(stream.compact, p.core, from, to, Math.min(2, allowedEdits(p.core.length))));
      if (m && (!best || m.start < best.start)) best = { ...m, start: m.start - ordinal.length };
    }
  }
  return best;
}

/** Where each table's section begins and ends, by its heading, else by its header words. */
function sections(stream: Stream): { active?: Region; requests?: Region; review?: Region } {
  const len = stream.compact.length;
  const active = findFirst(stream, SECTION_ANCHORS.active, 0, len) ?? findFirst(stream, TABLE_HEADER_ANCHORS.active, 0, len);
  const requests =
    findFirst(stream, SECTION_ANCHORS.requests, active?.end ?? 0, len) ?? findFirst(stream, TABLE_HEADER_ANCHORS.requests, active?.end ?? 0, len);
  const reviewFrom = requests?.end ?? active?.end ?? 0;
  let review = findFirst(stream, SECTION_ANCHORS.review, reviewFrom, len);
  if (!review && requests) {
    // Without its heading, table 四 begins at its first header word after table 三's last row.
    const lastRow = findFirst(stream, ['四、结转下年度继续办理'], requests.end, len);
    review = findFirst(stream, TABLE_HEADER_ANCHORS.review, lastRow?.end ?? requests.end, len);
  }
  const end = findFirst(stream, SECTION_ANCHORS.end, review?.end ?? requests?.end ?? active?.end ?? 0, len);
  const stop = end?.start ?? len;
  const out: { active?: Region; requests?: Region; review?: Region } = {};
  // A heading alone is not a table: reports before 2019 have the same headings over prose. The table's own
  // header words must be there too.
  const holds = (r: Region, words: RegExp) => words.test(stream.compact.slice(r.from, r.to));
  const a = active && { from: active.end, to: requests?.start ?? review?.start ?? stop };
  const q = requests && { from: requests.end, to: review?.start ?? stop };
  const v = review && { from: review.end, to: stop };
  if (a && holds(a, /第二十条|信息内容|本年新制作|本年制发/)) out.active = a;
  if (q && holds(q, /申请人情况|自然人|本年度办理结果/)) out.requests = q;
  if (v && holds(v, /维持|纠正|尚未|审结|复议|诉讼/)) out.review = v;
  return out;
}

const PREFIX = 6;

/** The rows' labels, found in order within a region. */
function findRows(stream: Stream, rows: readonly RowLabel[], region: Region): FoundRow[] {
  const found: FoundRow[] = [];
  let pos = region.from;
  for (const row of rows) {
    let best: { m: Match; ordinal?: string } | undefined;
    for (const p of patternsOf(row)) {
      // Short labels ("3.其他", "(七)总计") are only themselves with their ordinal.
      const needsOrdinal = p.core.length <= 2 && p.ordinal !== undefined;
      const search = needsOrdinal ? `${p.ordinal}${p.core}` : p.core.slice(0, PREFIX);
      const m = findApprox(stream.compact, search, pos, region.to, allowedEdits(search.length))[0];
      if (!m) continue;
      const better = !best || m.start < best.m.start || (m.start === best.m.start && m.end - m.start > best.m.end - best.m.start);
      if (better) best = needsOrdinal ? { m } : { m, ...(p.ordinal ? { ordinal: p.ordinal } : {}) };
    }
    if (!best) continue;
    // An edit may have taken a figure's digit for a label character ("三安全0" for "三安全一"): give it back.
    while (best.m.end > best.m.start + 1 && /\d/.test(stream.compact[best.m.end - 1])) best.m = { ...best.m, end: best.m.end - 1 };
    let start = best.m.start;
    // The ordinal before the label ("2." of "2.其他法律…") belongs to it, even glued to the figures before.
    if (best.ordinal && stream.compact.slice(start - best.ordinal.length, start) === best.ordinal) start -= best.ordinal.length;
    found.push({ key: row.key, start, end: best.m.end });
    pos = best.m.end;
  }
  return found;
}

/** Text offsets of the figures' region of each found row: from its label to the next label (or the region's end). */
function rowSpans(stream: Stream, rows: readonly FoundRow[], region: Region): { row: FoundRow; from: number; to: number }[] {
  return rows.map((row, i) => ({
    row,
    // Right after the label's last character: blank cells between it and the next label belong to this row.
    from: textOffset(stream, row.end - 1) + 1,
    to: textOffset(stream, i + 1 < rows.length ? rows[i + 1].start : region.to),
  }));
}

/**
 * Drops the figures of lines inside a row's region that begin with a label of their own (an OCR duplicate of a
 * row, a row the format does not have): a wrapped label's continuation ("法规禁止公开") is kept.
 */
function ownTokens(stream: Stream, tokens: ValueToken[], row: RowLabel | undefined, labelLine: number): ValueToken[] {
  if (!row) return tokens;
  const full = labelKey(row.printed);
  const foreign = new Set<number>();
  const byLine = new Map<number, ValueToken[]>();
  for (const t of tokens) {
    const line = lineAt(stream, t.start);
    const list = byLine.get(line) ?? [];
    list.push(t);
    byLine.set(line, list);
  }
  for (const [line, list] of byLine) {
    if (line === labelLine) continue;
    const l = stream.lines[line];
    const before = labelKey(stream.text.slice(l.start, list[0].start));
    const words = before.replace(/[^\u3400-\u9fff]/g, '');
    if (words.length < 2) continue;
    const probe = words.slice(0, PREFIX);
    if (findApprox(full, probe, 0, full.length, allowedEdits(probe.length)).length === 0) foreign.add(line);
  }
  return foreign.size === 0 ? tokens : tokens.filter((t) => !foreign.has(lineAt(stream, t.start)));
}

/**
 * A row's figures set out in columns over several lines (a cell printed higher than the others, "20" above
 * "19 1 0 0 0 0"): in column order, left to right, where the text gives their places.
 */
function byColumn(stream: Stream, tokens: ValueToken[]): ValueToken[] {
  if (tokens.length < 2 || tokens.some((t) => t.x0 === undefined || t.x1 === undefined)) return tokens;
  const lines = new Set(tokens.map((t) => lineAt(stream, t.start)));
  if (lines.size < 2) return tokens;
  return [...tokens].sort((a, b) => (a.x0 ?? 0) + (a.x1 ?? 0) - (b.x0 ?? 0) - (b.x1 ?? 0));
}

/**
 * More cells than columns, with a line of blanks only: a row split over two pages (its label's last characters and
 * empty value cells at the top of the next page). The blank line is not a second set of figures.
 */
function withoutBlankLines(stream: Stream, tokens: ValueToken[], n: number): ValueToken[] {
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

function splitCostOf(stream: Stream): (t: ValueToken) => number {
  // Digits glued in a block of text are usually several cells; in a table cell they are one number.
  return (t) => {
    const split = stream.lines[stream.cells[t.cell]?.line ?? 0]?.split;
    return split === 'none' ? 0 : split === 'gap' ? 1 : 3;
  };
}

function figure(key: string, v: ReadValue, labelAt: number): FigureReading {
  const f: FigureReading = { key, value: v.value, labelAt };
  if (v.printed !== undefined) f.printed = v.printed;
  if (v.unit) f.unit = v.unit;
  if (v.approx) f.approx = true;
  if (v.start !== undefined) f.start = v.start;
  if (v.end !== undefined) f.end = v.end;
  if (v.repair === 'inferred') f.doubt = 'inferred';
  else if (v.repair === 'ocr') f.doubt = 'ocr';
  else if (v.repair === 'drop' || v.repair === 'merge') f.doubt = 'repaired';
  return f;
}

/** Readings of one row: as printed where the tokens are its cells; otherwise every reading, best first. */
function rowReadings(tokens: ValueToken[], n: number, stream: Stream, groups: number[] | undefined, signed?: (i: number) => boolean): Reading[] {
  const printed = asPrinted(tokens, n, groups ? { sizes: groups } : undefined);
  if (printed && !tokens.some((t) => t.ocr)) {
    // A real table's row is what it prints, identities or not (the checks report a printed inconsistency).
    // Text set out with spaces may have shifted a figure: an identity that fails there asks for a look.
    const grid = tokens.every((t) => stream.lines[stream.cells[t.cell]?.line ?? -1]?.split === 'grid');
    return [grid ? { ...printed, fails: 0 } : printed];
  }
  const options = { n, splitCost: splitCostOf(stream), ...(groups ? { groups: { sizes: groups } } : {}), ...(signed ? { signed } : {}) };
  const holding = groups ? readings(tokens, options, true) : [];
  if (holding.length > 0) return holding;
  return readings(tokens, options, false);
}

/** Marks a row's figures when more than one reading is as good as the chosen one, or a repair was needed. */
function rowFigures(keys: string[], chosen: Reading, rivals: Reading[], labelAt: number, identityFails: boolean): FigureReading[] {
  return keys.map((key, i) => {
    const f = figure(key, chosen.values[i], labelAt);
    const others = [...new Set(rivals.map((r) => r.values[i].value).filter((v) => v !== chosen.values[i].value))];
    if (others.length > 0) {
      f.doubt ??= 'ambiguous';
      f.alternatives = others;
    }
    if ((chosen.dropped > 0 || chosen.values.some((v) => v.repair === 'merge' || v.repair === 'inferred')) && !f.doubt) f.doubt = 'repaired';
    if (identityFails && !f.doubt) f.doubt = 'identity';
    return f;
  });
}

/** The format table 二's header words say, if it prints any. */
function activeFormat(stream: Stream, region: Region): 'GB2019' | 'GB2021' | undefined {
  const text = stream.compact.slice(region.from, region.to);
  const score = (words: readonly string[]) => words.filter((w) => text.includes(labelKey(w))).length;
  const gb2019 = score(GB2019_ACTIVE_HEADERS);
  const gb2021 = score(GB2021_ACTIVE_HEADERS);
  return gb2019 === 0 && gb2021 === 0 ? undefined : gb2021 > gb2019 ? 'GB2021' : 'GB2019';
}

function readActive(stream: Stream, region: Region, format: 'GB2019' | 'GB2021', rowOptions: RowOptions[]): FigureReading[] {
  const section = SECTION_BY_KEY.get(format === 'GB2021' ? 'active_2021' : 'active_2019');
  const rows = findRows(stream, ACTIVE_ROWS, region);
  const figures: FigureReading[] = [];
  for (const { row, from, to } of rowSpans(stream, rows, region)) {
    const def = section?.rows.find((r) => r.key === row.key);
    if (!def) continue;
    const labelAt = textOffset(stream, row.start);
    const n = def.columns.length;
    const own = ownTokens(stream, valueTokens(stream, from, to), ACTIVE_ROWS.find((r) => r.key === row.key), lineAt(stream, labelAt));
    const tokens = withoutBlankLines(stream, own, n);
    if (tokens.length === 0) continue;
    const signedAt = def.columns.indexOf('change_this_year');
    const all = rowReadings(tokens, n, stream, undefined, (i) => i === signedAt).slice(0, 200);
    if (all.length === 0) {
      // Fewer figures than columns (a page cut short): read what is there, in order, the rest stays absent.
      tokens.slice(0, n).forEach((t, i) => {
        const r = asPrinted([t], 1);
        if (r) figures.push(figure(`${section?.key}.${row.key}.${def.columns[i]}`, r.values[0], labelAt));
      });
      continue;
    }
    // No identity relates these figures: rank readings by what such rows usually look like.
    const ranked = all
      .filter((r) => r.cost === all[0].cost)
      .map((r) => ({
        r,
        s: activeRowScore(
          def.columns,
          r.values.map((v) => v.value),
          r.values.map((v) => (v.printed ?? '').replace(/\..*$/, '').replace(/\D/g, '').length),
          r.values[r.values.length - 1]?.unit,
        ),
      }))
      .sort((a, b) => b.s - a.s);
    const chosen = ranked[0].r;
    const keys = def.columns.map((c) => `${section?.key}.${row.key}.${c}`);
    figures.push(...rowFigures(keys, chosen, ranked.slice(1, 6).map((x) => x.r), labelAt, false));
    if (ranked.length > 1) rowOptions.push({ keys, options: ranked.slice(0, 40).map((x) => x.r.values.map((v) => v.value)) });
  }
  return figures;
}

interface RequestRow {
  key: string;
  labelAt: number;
  candidates: Reading[];
}

const LEAF_ROWS = REQUEST_ROWS.map((r) => r.key).filter((k) => !['new_received', 'carried_over', 'results_total', 'carried_forward'].includes(k));

/** Column identities I1 and I3 for one choice of readings; true when every checkable column holds. */
function columnsHold(choice: Map<string, Reading>): boolean {
  const v = (row: string, c: number): number | null | undefined => choice.get(row)?.values[c]?.value;
  for (let c = 0; c < REQUEST_COLUMNS.length; c++) {
    const total = v('results_total', c);
    const leaves = LEAF_ROWS.map((r) => v(r, c)).filter((x) => x !== undefined);
    if (typeof total === 'number' && leaves.length > 0 && leaves.every((x) => typeof x === 'number')) {
      const sum = (leaves as number[]).reduce((a, b) => a + b, 0);
      if (sum !== total) return false;
    }
    const parts = [v('new_received', c), v('carried_over', c), total, v('carried_forward', c)];
    if (parts.every((x) => typeof x === 'number')) {
      const [a, b, t, f] = parts as number[];
      if (a + b !== t + f) return false;
    }
  }
  return true;
}

const MAX_COMBINATIONS = 50_000;

const middle = (t: ValueToken) => ((t.x0 ?? 0) + (t.x1 ?? 0)) / 2;

/** Each column's horizontal place, from rows whose every cell is printed (the median of their figures' middles). */
function columnAnchors(rows: readonly ValueToken[][], n: number): number[] | null {
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
function headerAnchors(stream: Stream, region: Region, firstRow: number | undefined): number[] | null {
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
function placeUnderColumns(tokens: readonly ValueToken[], anchors: readonly number[]): Reading | null {
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

function readRequests(stream: Stream, region: Region, rowOptions: RowOptions[]): { figures: FigureReading[]; gb?: 'GB2019' | 'GB2021' } {
  const found = findRows(stream, REQUEST_ROWS, region);
  const n = REQUEST_COLUMNS.length;
  const printed: { key: string; labelAt: number; tokens: ValueToken[] }[] = [];
  for (const { row, from, to } of rowSpans(stream, found, region)) {
    const labelAt = textOffset(stream, row.start);
    const own = ownTokens(stream, valueTokens(stream, from, to), REQUEST_ROWS.find((r) => r.key === row.key), lineAt(stream, labelAt));
    const tokens = byColumn(stream, withoutBlankLines(stream, own, n));
    if (tokens.length > 0) printed.push({ key: row.key, labelAt, tokens });
  }
  // A table set out in columns without rules leaves blank cells unprinted: where rows printed in full show the
  // columns' places, a shorter row's figures go under the columns they stand under, the others are blank.
  const anchors = columnAnchors(printed.map((p) => p.tokens), n) ?? headerAnchors(stream, region, found[0]?.start);
  const rows: RequestRow[] = [];
  for (const p of printed) {
    const placedReading = anchors && p.tokens.length < n ? placeUnderColumns(p.tokens, anchors) : null;
    const candidates = placedReading ? [placedReading] : rowReadings(p.tokens, n, stream, [n]);
    if (candidates.length === 0) continue;
    rows.push({ key: p.key, labelAt: p.labelAt, candidates });
  }
  // Rows whose print allows several readings that all satisfy I2: the columns (I1, I3) choose.
  const best = (r: RequestRow) => r.candidates.filter((c) => c.fails === r.candidates[0].fails && c.cost === r.candidates[0].cost);
  const open = rows.filter((r) => best(r).length > 1);
  const choice = new Map(rows.map((r) => [r.key, r.candidates[0]]));
  const fitting: Map<string, Reading>[] = [];
  let combos = 1;
  for (const r of open) combos *= Math.min(best(r).length, 12);
  if (open.length > 0 && combos <= MAX_COMBINATIONS) {
    const walk = (i: number) => {
      if (i === open.length) {
        if (columnsHold(choice)) fitting.push(new Map(choice));
        return;
      }
      for (const c of best(open[i]).slice(0, 12)) {
        choice.set(open[i].key, c);
        walk(i + 1);
      }
      choice.set(open[i].key, best(open[i])[0]);
    };
    walk(0);
  }
  const figures: FigureReading[] = [];
  for (const r of rows) {
    const keys = REQUEST_COLUMNS.map((c) => `requests.${r.key}.${c}`);
    let chosen = r.candidates[0];
    let rivals = best(r).slice(1);
    if (fitting.length > 0 && best(r).length > 1) {
      chosen = fitting[0].get(r.key) ?? chosen;
      rivals = fitting.map((f) => f.get(r.key)).filter((x): x is Reading => x !== undefined && x !== chosen);
    }
    figures.push(...rowFigures(keys, chosen, rivals, r.labelAt, chosen.fails > 0));
    if (rivals.length > 0) rowOptions.push({ keys, options: [chosen, ...rivals].slice(0, 40).map((x) => x.values.map((v) => v.value)) });
  }
  const keys = new Set(rows.map((r) => r.key));
  const gb = ['other_no_correction', 'other_no_fee', 'other_other'].some((k) => keys.has(k)) ? 'GB2021' : keys.has('other_processing') ? 'GB2019' : undefined;
  return gb ? { figures, gb } : { figures };
}

/** Table 四: fifteen figures after its header, three groups of five whose last is the sum of the others (I4). */
function readReview(stream: Stream, region: Region): FigureReading[] {
  const from = textOffset(stream, region.from);
  const to = textOffset(stream, region.to);
  let tokens = valueTokens(stream, from, to);
  // The figures stand on a row of their own: empty cells of the header rows (under 维持, 纠正 …) are not figures.
  const numberLines = new Set(tokens.filter((t) => t.kind === 'num').map((t) => lineAt(stream, t.start)));
  if (numberLines.size > 0) tokens = tokens.filter((t) => numberLines.has(lineAt(stream, t.start)));
  // The figures run without prose between them: stop at the first sentence after they began.
  const cut = tokens.findIndex((t, i) => i > 0 && t.sep === 'text' && /[\u3400-\u9fff]{4,}/.test(stream.text.slice(tokens[i - 1].end, t.start)));
  if (cut > 0) tokens = tokens.slice(0, cut);
  if (tokens.length === 0) return [];
  const keys = REVIEW_ROWS.flatMap((row) => REVIEW_COLUMNS.map((c) => `review.${row}.${c}`));
  const candidates = rowReadings(tokens, keys.length, stream, [5, 5, 5]);
  if (candidates.length === 0) return [];
  const top = candidates.filter((c) => c.fails === candidates[0].fails && c.cost === candidates[0].cost);
  return rowFigures(keys, candidates[0], top.slice(1), from, candidates[0].fails > 0);
}

/**
 * The tables of a report. The format is what table 二's headers say, else what table 三's (六)其他处理 rows say;
 * only where neither prints anything telling does the year decide (FORMATS.md: labels first).
 */
export function readTables(stream: Stream, year: number | undefined): TablesResult {
  const s = sections(stream);
  const figures: FigureReading[] = [];
  const rowOptions: RowOptions[] = [];
  const requests = s.requests ? readRequests(stream, s.requests, rowOptions) : undefined;
  const format = (s.active && activeFormat(stream, s.active)) ?? requests?.gb;
  if (s.active) figures.push(...readActive(stream, s.active, format ?? (year !== undefined && year >= 2021 ? 'GB2021' : 'GB2019'), rowOptions));
  if (requests) figures.push(...requests.figures);
  if (s.review) figures.push(...readReview(stream, s.review));
  // Reports before 2019 have a statistics table of their own instead of the national tables.
  if (figures.length === 0) figures.push(...readStatsTable(stream, rowOptions));
  const result: TablesResult = { figures, rowOptions, found: { active: !!s.active, requests: !!s.requests, review: !!s.review } };
  if (format) result.format = format;
  return result;
}
