// Reports → series for charts and tables. Pure: no DOM, no storage, no ECharts.
import type { Cell, Report } from '../model/report';

/** Why a point has no plain number, or how its number was obtained. */
export type PointFlag =
  | 'blank' // the report printed the cell empty or with a placeholder
  | 'absent' // the cell was not captured
  | 'no-report' // no report for this organ and year
  | 'not-in-format' // the report's table format has no such row (e.g. procurement in GB2021)
  | 'unit-unknown' // an amount printed with no unit: shown as printed
  | 'converted' // an amount printed in 元, shown in 万元
  | 'derived' // the 总计 cell was blank; the value is the sum of the applicant columns
  | 'blank-as-zero' // a sum in which blank cells were counted as 0 (reports often leave zeros blank)
  | 'partial' // a sum over organs in which some organs lack the figure
  | 'zero-denominator'; // a ratio over a total of 0: undefined, never 0%

export interface SeriesPoint {
  year: number;
  value: number | null;
  approx?: boolean;
  flags: PointFlag[];
  /** The number and unit as the report printed them, when the shown value differs (元 → 万元). */
  printed?: { value: number; unit?: string };
  /** For a ratio: the numbers it divides, so a table can show "275 ÷ 805". */
  inputs?: { numerator: number; denominator: number };
}

export interface Series {
  key: string;
  zh: string;
  en: string;
  unit: string;
  points: SeriesPoint[];
}

export interface YearSource {
  year: number;
  /** Set when the chart spans several organs. */
  agency?: string;
  source: string;
  format: Report['format'];
}

export interface ChartData {
  agency: string;
  years: number[];
  /** Row labels when the rows are not years (a ranking of organs in one year); same length as `years`. */
  categories?: string[];
  series: Series[];
  sources: YearSource[];
}

export function point(year: number, cell: Cell | undefined): SeriesPoint {
  if (cell === undefined) return { year, value: null, flags: ['absent'] };
  if (cell.value === null) return { year, value: null, flags: ['blank'] };
  const p: SeriesPoint = { year, value: cell.value, flags: [] };
  if (cell.approx) p.approx = true;
  return p;
}

export function missing(year: number, flag: PointFlag): SeriesPoint {
  return { year, value: null, flags: [flag] };
}

/** Reports of one organ within a year range, keyed by year, and the continuous list of years they span. */
export function organYears(reports: readonly Report[], agency: string, from?: number, to?: number) {
  const byYear = new Map<number, Report>();
  for (const r of reports) {
    if (r.agency !== agency) continue;
    if (from !== undefined && r.year < from) continue;
    if (to !== undefined && r.year > to) continue;
    byYear.set(r.year, r);
  }
  const known = [...byYear.keys()].sort((a, b) => a - b);
  const years: number[] = [];
  if (known.length > 0) for (let y = known[0]; y <= known[known.length - 1]; y++) years.push(y);
  const sources: YearSource[] = known.map((y) => {
    const r = byYear.get(y) as Report;
    return { year: y, source: r.source, format: r.format };
  });
  return { byYear, years, sources };
}
