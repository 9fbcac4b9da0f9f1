// Tables 二, 三 and 四 of one report, found in the document stream by their labels: each row's figures are read
// from what is printed between its label and the next one, the identities choose among readings where the print
// is ambiguous, and every figure keeps where it came from and whether a person should check it.
import { SECTION_BY_KEY } from '../../model/vocabulary';
import { REQUEST_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS } from '../../model/officialLayout';
import { byColumn, columnAnchors, headerAnchors, placeUnderColumns, withoutBlankLines } from './columns';
import { findRows, ownTokens, rowSpans, sections, type Region } from './locate';
import { labelKey } from './normalize';
import { activeRowScore } from './priors';
import { asPrinted, readings, type ReadValue, type Reading } from './readings';
import { ACTIVE_ROWS, GB2019_ACTIVE_HEADERS, GB2021_ACTIVE_HEADERS, REQUEST_ROWS } from './rows';
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
