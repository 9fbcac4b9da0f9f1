// Where a report's tables and their rows are in the document stream: each table's section by its heading (else
// its header words), each row by its label in the national format's order, and the stretch of print between one
// row's label and the next, which holds that row's figures.
import { allowedEdits, findApprox, type Match } from './fuzzy';
import { labelKey } from './normalize';
import { SECTION_ANCHORS, TABLE_HEADER_ANCHORS, patternsOf, type RowLabel } from './rows';
import { lineAt, textOffset, type Stream } from './stream';
import type { ValueToken } from './tokens';

export interface Region {
  /** Compact offsets. */
  from: number;
  to: number;
}

export interface FoundRow {
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
export function sections(stream: Stream): { active?: Region; requests?: Region; review?: Region } {
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
export function findRows(stream: Stream, rows: readonly RowLabel[], region: Region): FoundRow[] {
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
export function rowSpans(stream: Stream, rows: readonly FoundRow[], region: Region): { row: FoundRow; from: number; to: number }[] {
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
export function ownTokens(stream: Stream, tokens: ValueToken[], row: RowLabel | undefined, labelLine: number): ValueToken[] {
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
