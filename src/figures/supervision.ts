// What the supervisor's views show, decided here and not in components: the coverage matrix grouped by level and
// region with each cell's words, the scorecard's rows, sort and CSV, and one organ's two years side by side. Pure:
// the components only render these.
import { proseCounterpart } from '../checks/prose';
import type { Finding } from '../checks/types';
import { formatNumber, type Lang, type Translate } from '../i18n/messages';
import { levelLabel } from '../i18n/levels';
import { cellLabel } from '../model/cellLabel';
import { csvDocument, csvField, neutralise } from '../model/csvText';
import type { Cell, Report } from '../model/report';
import { percent, type CoverageCell, type CoverageMatrix, type CoverageRow } from '../query/coverage';
import { LEVEL_ORDER, levelRank } from '../query/levels';
import { zhCollator } from '../query/organs';
import { findingsByKey, reportSheet, type ReportSheet } from '../query/reportSheet';
import { sortScores, type ScoreLine, type ScoreSortKey, type Timeliness, type Weights } from '../query/scorecard';
import { compareYears, type CompareRow } from '../query/yearCompare';

export interface Facet {
  level?: string;
  region?: string;
}

function inFacet(row: { level: string; region: string }, facet: Facet): boolean {
  return (!facet.level || row.level === facet.level) && (!facet.region || row.region.includes(facet.region));
}

export type CellTone = 'missing' | 'none' | 'errors' | 'warnings' | 'consistent' | 'unchecked';

export interface MatrixCellView {
  year: number;
  tone: CellTone;
  /** The words in the cell: 未报 / 无年报, or the findings. */
  text: string;
  /** The completeness line under it, where the report has the national tables. */
  sub: string;
  /** Everything the cell says, for a screen reader and the tooltip: "2020 · 2 个错误 · 完整度 96%". */
  label: string;
  /** A report is stored: the cell opens its sheet. */
  report: boolean;
}

export interface MatrixRowView {
  agency: string;
  level: string;
  region: string;
  onRoster: boolean;
  cells: MatrixCellView[];
}

export interface MatrixGroupView {
  level: string;
  /** The level's name in the reader's language; a word for "level not given". */
  label: string;
  rows: MatrixRowView[];
}

export interface MatrixView {
  years: number[];
  groups: MatrixGroupView[];
  /** Organs in the facet (all counted below); `hidden` of them not drawn yet, past the limit asked for. */
  organs: number;
  hidden: number;
  reports: number;
  /** Cells saying 未报: an organ on the roster without that year's report. */
  unreported: number;
  withErrors: number;
}

function cellView(cell: CoverageCell, onRoster: boolean, t: Translate): MatrixCellView {
  const sub = cell.completeness ? t('coverage.complete', { pct: percent(cell.completeness) }) : '';
  let tone: CellTone;
  let text: string;
  if (cell.status === 'missing') {
    tone = onRoster ? 'missing' : 'none';
    text = t(onRoster ? 'coverage.unreported' : 'coverage.noReport');
  } else if (cell.status === 'errors') {
    tone = 'errors';
    text = cell.warnings > 0 ? t('coverage.errorsWarnings', { n: cell.errors, m: cell.warnings }) : t('coverage.errors', { n: cell.errors });
  } else if (cell.status === 'warnings') {
    tone = 'warnings';
    text = t('coverage.warnings', { n: cell.warnings });
  } else if (cell.status === 'unchecked') {
    tone = 'unchecked';
    text = t('coverage.unchecked');
  } else {
    tone = 'consistent';
    text = t('coverage.consistent');
  }
  const label = [String(cell.year), text, sub].filter((x) => x !== '').join(' · ');
  return { year: cell.year, tone, text, sub, label, report: cell.status !== 'missing' };
}

/** Organs drawn at a time: a county office's 40 at once, an evaluator's 300 in two steps, a province's thousands on request (each step is one short task). */
export const MATRIX_ROWS = 150;

/**
 * The matrix as shown: the facet's organs, grouped by level in administrative order, by region and name within;
 * rows past `limit` are counted (the summary covers every organ) but not drawn.
 */
export function matrixView(matrix: CoverageMatrix, facet: Facet, lang: Lang, t: Translate, limit = MATRIX_ROWS): MatrixView {
  const rows = matrix.rows.filter((r) => inFacet(r, facet));
  const groups = new Map<string, CoverageRow[]>();
  // "区县政府(实验区,全区汇总)" sits with the county governments: grouped by the known level it starts with.
  const groupOf = (level: string) => LEVEL_ORDER.find((l) => level.startsWith(l)) ?? level;
  for (const r of rows) {
    const key = groupOf(r.level);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const levels = [...groups.keys()].sort((a, b) => levelRank(a) - levelRank(b) || zhCollator.compare(a, b));
  let reports = 0;
  let unreported = 0;
  let withErrors = 0;
  for (const r of rows)
    for (const c of r.cells) {
      if (c.status !== 'missing') reports++;
      else if (r.onRoster) unreported++;
      if (c.status === 'errors') withErrors++;
    }
  let room = limit;
  const out: MatrixGroupView[] = [];
  for (const level of levels) {
    if (room <= 0) break;
    const sorted = (groups.get(level) ?? []).sort((a, b) => zhCollator.compare(a.region, b.region) || zhCollator.compare(a.agency, b.agency));
    const drawn = sorted.slice(0, room);
    room -= drawn.length;
    out.push({
      level,
      label: level === '' ? t('coverage.noLevel') : levelLabel(level, lang),
      rows: drawn.map((r) => ({ agency: r.agency, level: r.level, region: r.region, onRoster: r.onRoster, cells: r.cells.map((c) => cellView(c, r.onRoster, t)) })),
    });
  }
  return { years: matrix.years, groups: out, organs: rows.length, hidden: Math.max(0, rows.length - limit), reports, unreported, withErrors };
}

// ---- Scorecard ----

export interface ScoreRowView {
  line: ScoreLine;
  completeness: string;
  consistency: string;
  timeliness: string;
  /** What the timeliness rests on: the date published and the deadline, or why it is unknown. */
  timelinessNote: string;
  total: string;
  /** Which parts the total leaves out, when some are unknown. */
  totalNote: string;
}

function pct(lang: Lang, n: number | undefined): string {
  return n === undefined ? '—' : formatNumber(lang, n);
}

function timelinessWords(tl: Timeliness, t: Translate): { text: string; note: string } {
  if (tl.kind === 'on-time') return { text: t('score.onTime'), note: t('score.publishedBy', { published: tl.published, deadline: tl.deadline }) };
  if (tl.kind === 'late') return { text: t('score.late', { n: tl.daysLate }), note: t('score.publishedAfter', { published: tl.published, deadline: tl.deadline }) };
  return {
    text: t('score.unknown'),
    note: tl.reason === 'no-date' ? t('score.noDate', { deadline: tl.deadline ?? '' }) : t('score.noLevel'),
  };
}

export function scoreRows(lines: readonly ScoreLine[], facet: Facet, by: ScoreSortKey, lang: Lang, t: Translate): ScoreRowView[] {
  return sortScores(
    lines.filter((l) => inFacet(l, facet)),
    by,
  ).map((line) => {
    const tl = timelinessWords(line.timeliness, t);
    const missing: string[] = [];
    if (line.completeness === undefined) missing.push(t('score.completeness'));
    if (line.consistency === undefined) missing.push(t('score.consistency'));
    if (line.timelinessScore === undefined) missing.push(t('score.timeliness'));
    return {
      line,
      completeness: pct(lang, line.completeness),
      consistency: pct(lang, line.consistency),
      timeliness: line.timelinessScore === undefined ? tl.text : `${tl.text} · ${formatNumber(lang, line.timelinessScore)}`,
      timelinessNote: tl.note,
      total: line.total === undefined ? '—' : formatNumber(lang, line.total),
      totalNote: line.partial && missing.length > 0 ? t('score.partial', { parts: missing.join('、') }) : '',
    };
  });
}

/** The scorecard as CSV (BOM, text neutralised, numbers bare, unknown parts empty), with the weights in its header. */
export function scoreCsv(rows: readonly ScoreRowView[], weights: Weights, t: Translate): string {
  const head = [
    t('score.col.organ'),
    t('score.col.level'),
    t('score.col.region'),
    t('score.col.year'),
    `${t('score.completeness')} (${t('score.weight')} ${weights.completeness})`,
    `${t('score.consistency')} (${t('score.weight')} ${weights.consistency})`,
    t('score.col.errors'),
    t('score.col.warnings'),
    t('score.col.published'),
    t('score.col.deadline'),
    `${t('score.timeliness')} (${t('score.weight')} ${weights.timeliness})`,
    t('score.col.total'),
    t('score.col.note'),
  ];
  const num = (n: number | undefined) => (n === undefined ? '' : String(n));
  const text = (s: string) => csvField(neutralise(s));
  const lines = [head.map(text).join(',')];
  for (const r of rows) {
    const l = r.line;
    const tl = l.timeliness;
    lines.push(
      [
        text(l.agency),
        text(l.level),
        text(l.region),
        String(l.year),
        num(l.completeness),
        num(l.consistency),
        String(l.errors),
        String(l.warnings),
        text(tl.kind === 'unknown' ? '' : tl.published),
        text(tl.deadline ?? ''),
        num(l.timelinessScore),
        num(l.total),
        text([r.timeliness, r.totalNote].filter((x) => x !== '').join(';')),
      ].join(','),
    );
  }
  return csvDocument(lines);
}

// ---- Year against year ----

export interface CompareRowView {
  key: string;
  /** The figure by its official labels. */
  figure: string;
  a: string;
  b: string;
  change: string;
  /** "+12%" where the earlier value is a number other than 0. */
  relative: string;
  /** Why a row has no change: the other format has no such figure, the other year lacks it, or a blank. */
  note: string;
  direction: 'up' | 'down' | 'same' | 'none';
}

function cellWords(cell: Cell | undefined, lang: Lang, t: Translate): string {
  if (!cell) return t('compare.absent');
  if (cell.value === null) return cell.printed ?? '—';
  const unit = cell.unit ? ` ${cell.unit}` : '';
  return `${cell.approx ? '≈' : ''}${formatNumber(lang, cell.value)}${unit}`;
}

export function compareRowsView(rows: readonly CompareRow[], lang: Lang, t: Translate): CompareRowView[] {
  return rows.map((r) => {
    const c = r.change;
    const sign = c === undefined ? '' : c > 0 ? '+' : c < 0 ? '−' : '±';
    return {
      key: r.key,
      figure: cellLabel(r.key, lang),
      a: cellWords(r.a, lang, t),
      b: cellWords(r.b, lang, t),
      change: c === undefined ? '' : `${sign}${formatNumber(lang, Math.abs(c))}`,
      relative: r.relative === undefined || c === 0 ? '' : `${sign}${formatNumber(lang, Math.round(Math.abs(r.relative) * 1000) / 10)}%`,
      note: r.note ? t(`compare.note.${r.note}`) : '',
      direction: c === undefined ? 'none' : c > 0 ? 'up' : c < 0 ? 'down' : 'same',
    };
  });
}

// ---- One stored report's sheet ----

export interface ProsePairView {
  key: string;
  /** What the prose states, by name ("本年新收申请"). */
  label: string;
  prose: string;
  /** The table's figure it should equal (the sum of its rows where the prose names a group). */
  table: string;
  /** Whether they agree; null where the table figure is not there to compare (not captured). */
  agrees: boolean | null;
}

export interface StoredSheetView {
  sheet: ReportSheet;
  /** Errors and warnings on this report, the cells they name highlighted in the sheet. */
  findings: Finding[];
  prose: ProsePairView[];
}

export function storedSheetView(report: Report, findings: readonly Finding[], lang: Lang, t: Translate): StoredSheetView {
  const shown = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.agency === report.agency);
  const sheet = reportSheet(report, { findings: findingsByKey(shown, report.year) });
  const prose: ProsePairView[] = [];
  for (const key of Object.keys(report.cells)) {
    const target = proseCounterpart(report, key);
    const cell = report.cells[key];
    if (!target || cell.value === null) continue;
    const complete = target.table.absent.length === 0;
    prose.push({
      key,
      label: lang === 'zh-CN' ? target.label.zh : target.label.en,
      prose: cellWords(cell, lang, t),
      table: complete ? formatNumber(lang, target.table.value) : t('compare.absent'),
      agrees: complete ? Math.abs(cell.value - target.table.value) < 1e-6 : null,
    });
  }
  return { sheet, findings: shown, prose };
}

/** One organ's two years side by side, the earlier first whichever was picked: changes read "from a to b". */
export function twoYearsView(x: Report, y: Report, lang: Lang, t: Translate): { a: number; b: number; rows: CompareRowView[] } {
  // Of the same year (an incoming report against the stored one), the stored one (y) comes first.
  const [a, b] = x.year < y.year ? [x, y] : [y, x];
  return { a: a.year, b: b.year, rows: compareRowsView(compareYears(a, b), lang, t) };
}
