// The ratios evaluators use, per organ and year. Pure. Definitions (shown next to the charts):
//   公开率 = (予以公开 + 部分公开) / 办理结果总计                     — table 三, 总计 column
//   纠错率 = 结果纠正 / 总计, for 行政复议 and for 行政诉讼 (未经复议直接起诉 + 复议后起诉 summed) — table 四
// A ratio whose inputs are missing is missing (null), and so is a ratio over a total of 0: never 0%.
import type { Report } from '../model/report';
import { requestRowTotal, type YearRange } from './coreCharts';
import { missing, organYears, point, type ChartData, type PointFlag, type SeriesPoint, type YearSource } from './series';
import { tableGap, type TableId } from './tables';

export type RatioFlag = PointFlag;

export interface RatioPoint {
  year: number;
  /** The ratio as a fraction (0.342 = 34.2%); null when missing. */
  value: number | null;
  /** The inputs, so a table can show "275 / 805"; null when that input is missing. */
  numerator: number | null;
  denominator: number | null;
  flags: RatioFlag[];
  approx?: boolean;
}

export type RatioKey = 'disclosure' | 'review_correction' | 'litigation_correction';

export interface RatioSeries {
  key: RatioKey;
  zh: string;
  en: string;
  points: RatioPoint[];
}

export interface RatioData {
  agency: string;
  years: number[];
  series: RatioSeries[];
  sources: YearSource[];
}

/** Sum of figures; missing (with the first missing input's flags) when any input is. */
function sum(points: SeriesPoint[], year: number): SeriesPoint {
  let value = 0;
  const flags = new Set<PointFlag>();
  let approx = false;
  for (const p of points) {
    if (p.value === null) return { year, value: null, flags: p.flags };
    value += p.value;
    for (const f of p.flags) flags.add(f);
    if (p.approx) approx = true;
  }
  const out: SeriesPoint = { year, value, flags: [...flags] };
  if (approx) out.approx = true;
  return out;
}

export function ratioOf(num: SeriesPoint, den: SeriesPoint, year: number): RatioPoint {
  const flags = new Set<RatioFlag>([...num.flags, ...den.flags]);
  const approx = num.approx === true || den.approx === true;
  const base = { year, numerator: num.value, denominator: den.value };
  let out: RatioPoint;
  if (num.value === null || den.value === null) out = { ...base, value: null, flags: [...flags] };
  else if (den.value === 0) out = { ...base, value: null, flags: [...flags, 'zero-denominator'] };
  else out = { ...base, value: num.value / den.value, flags: [...flags] };
  if (approx) out.approx = true;
  return out;
}

/** 公开率 of one report. The 总计 cells are read as the outcome chart reads them (a blank total derived). */
export function disclosureRate(r: Report): RatioPoint {
  const num = sum([requestRowTotal(r, 'granted'), requestRowTotal(r, 'partially_granted')], r.year);
  return ratioOf(num, requestRowTotal(r, 'results_total'), r.year);
}

function reviewCell(r: Report, row: string, col: string): SeriesPoint {
  return point(r.year, r.cells[`review.${row}.${col}`]);
}

/** 纠错率 of one report over the given rows of table 四 (行政复议, or both kinds of 行政诉讼). */
export function correctionRate(r: Report, rows: readonly string[]): RatioPoint {
  const num = sum(rows.map((row) => reviewCell(r, row, 'corrected')), r.year);
  const den = sum(rows.map((row) => reviewCell(r, row, 'total')), r.year);
  return ratioOf(num, den, r.year);
}

export const REVIEW_ROWS = ['admin_review'] as const;
export const LITIGATION_ROWS = ['litigation_direct', 'litigation_after_review'] as const;

function gap(year: number, flag: PointFlag): RatioPoint {
  const p = missing(year, flag);
  return { year, value: null, numerator: null, denominator: null, flags: p.flags };
}

export function ratios(reports: readonly Report[], agency: string, range: YearRange = {}): RatioData {
  const { byYear, years, sources } = organYears(reports, agency, range.from, range.to);
  const forYear = (y: number, table: TableId, f: (r: Report) => RatioPoint): RatioPoint => {
    const r = byYear.get(y);
    if (!r) return gap(y, 'no-report');
    // No table at all: a national-format report lost it (absent); an older layout never had one.
    const missingTable = tableGap(r, table);
    return missingTable ? gap(y, missingTable) : f(r);
  };
  return {
    agency,
    years,
    sources,
    series: [
      { key: 'disclosure', zh: '公开率', en: 'Disclosure rate', points: years.map((y) => forYear(y, 'requests', disclosureRate)) },
      {
        key: 'review_correction',
        zh: '行政复议纠错率',
        en: 'Correction rate, administrative review',
        points: years.map((y) => forYear(y, 'review', (r) => correctionRate(r, REVIEW_ROWS))),
      },
      {
        key: 'litigation_correction',
        zh: '行政诉讼纠错率',
        en: 'Correction rate, litigation',
        points: years.map((y) => forYear(y, 'review', (r) => correctionRate(r, LITIGATION_ROWS))),
      },
    ],
  };
}

/** A ratio as a chart point: the value in percent (one decimal), the inputs kept for the table. */
export function ratioPoint(p: RatioPoint): SeriesPoint {
  const out: SeriesPoint = { year: p.year, value: p.value === null ? null : Math.round(p.value * 1000) / 10, flags: p.flags };
  if (p.numerator !== null && p.denominator !== null) out.inputs = { numerator: p.numerator, denominator: p.denominator };
  if (p.approx) out.approx = true;
  return out;
}

/** The chosen ratios of one organ over the years, as chart data in percent. */
export function ratioChart(reports: readonly Report[], agency: string, keys: readonly RatioKey[], range: YearRange = {}): ChartData {
  const data = ratios(reports, agency, range);
  return {
    agency: data.agency,
    years: data.years,
    sources: data.sources,
    series: keys
      .map((k) => data.series.find((s) => s.key === k))
      .filter((s): s is RatioSeries => s !== undefined)
      .map((s) => ({ key: s.key, zh: s.zh, en: s.en, unit: '%', points: s.points.map(ratioPoint) })),
  };
}
