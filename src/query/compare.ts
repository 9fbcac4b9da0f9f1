// Several organs side by side, and the sum of organs (roll-up). Pure.
import type { Report } from '../model/report';
import type { Metric } from './metrics';
import { zhCollator } from './organs';
import { missing, type ChartData, type PointFlag, type SeriesPoint, type YearSource } from './series';

export interface OrganFilter {
  level?: string;
  region?: string;
}

function yearSpan(reports: readonly Report[], from?: number, to?: number): number[] {
  const ys = reports.map((r) => r.year).filter((y) => (from === undefined || y >= from) && (to === undefined || y <= to));
  if (ys.length === 0) return [];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function index(reports: readonly Report[], agencies: readonly string[]) {
  const wanted = new Set(agencies);
  const map = new Map<string, Report>();
  for (const r of reports) if (wanted.has(r.agency)) map.set(`${r.agency}\u0000${r.year}`, r);
  return map;
}

function sourcesOf(reports: Iterable<Report>): YearSource[] {
  return [...reports]
    .map((r) => ({ year: r.year, source: r.source, format: r.format, agency: r.agency }))
    .sort((a, b) => a.year - b.year || zhCollator.compare(a.agency, b.agency));
}

/** One series per organ for one figure over the years. */
export function compareOrgans(reports: readonly Report[], agencies: readonly string[], metric: Metric, from?: number, to?: number): ChartData {
  const byKey = index(reports, agencies);
  const years = yearSpan([...byKey.values()], from, to);
  const inRange = [...byKey.values()].filter((r) => years.includes(r.year));
  return {
    agency: agencies.join('、'),
    years,
    sources: sourcesOf(inRange),
    series: agencies.map((agency) => ({
      key: agency,
      zh: agency,
      en: agency,
      unit: metric.unit,
      points: years.map((y) => {
        const r = byKey.get(`${agency}\u0000${y}`);
        return r ? metric.value(r) : missing(y, 'no-report');
      }),
    })),
  };
}

export interface RankEntry {
  agency: string;
  point: SeriesPoint;
}

/** Organs ranked by one figure in one year, largest first; organs with no value listed last, in name order. */
export function ranking(reports: readonly Report[], agencies: readonly string[], metric: Metric, year: number): RankEntry[] {
  const byKey = index(reports, agencies);
  const entries = agencies.map((agency) => {
    const r = byKey.get(`${agency}\u0000${year}`);
    return { agency, point: r ? metric.value(r) : missing(year, 'no-report') };
  });
  return entries.sort((a, b) => {
    if (a.point.value === null || b.point.value === null) {
      if (a.point.value !== b.point.value) return a.point.value === null ? 1 : -1;
      return zhCollator.compare(a.agency, b.agency);
    }
    return b.point.value - a.point.value || zhCollator.compare(a.agency, b.agency);
  });
}

export function filterOrgans(reports: readonly Report[], filter: OrganFilter): string[] {
  const names = new Set<string>();
  for (const r of reports) {
    if (filter.level && r.level !== filter.level) continue;
    if (filter.region && !r.region.includes(filter.region)) continue;
    names.add(r.agency);
  }
  return [...names].sort((a, b) => zhCollator.compare(a, b));
}

export interface RollupPoint extends SeriesPoint {
  /** Organs whose figure is missing that year: the sum is partial when this is not empty. */
  missingOrgans: string[];
  organCount: number;
}

export interface Rollup extends ChartData {
  rollup: RollupPoint[];
}

/**
 * The sum of one figure over organs, per year. A year in which some organs lack the figure is marked `partial`
 * and names them; an amount printed with no unit is left out of the sum (units cannot be mixed) and counts as missing.
 */
export function rollup(reports: readonly Report[], agencies: readonly string[], metric: Metric, from?: number, to?: number): Rollup {
  const byKey = index(reports, agencies);
  const years = yearSpan([...byKey.values()], from, to);
  const points: RollupPoint[] = years.map((y) => {
    let sum = 0;
    let counted = 0;
    let approx = false;
    const flags = new Set<PointFlag>();
    const missingOrgans: string[] = [];
    for (const agency of agencies) {
      const r = byKey.get(`${agency}\u0000${y}`);
      const p = r ? metric.value(r) : missing(y, 'no-report');
      if (p.value === null || p.flags.includes('unit-unknown')) {
        missingOrgans.push(agency);
        continue;
      }
      sum += p.value;
      counted++;
      if (p.approx) approx = true;
      for (const f of p.flags) if (f === 'blank-as-zero' || f === 'derived') flags.add(f);
    }
    if (counted === 0) return { year: y, value: null, flags: ['absent'], missingOrgans, organCount: agencies.length };
    if (missingOrgans.length > 0) flags.add('partial');
    const out: RollupPoint = { year: y, value: Math.round(sum * 1e6) / 1e6, flags: [...flags], missingOrgans, organCount: agencies.length };
    if (approx) out.approx = true;
    return out;
  });
  const inRange = [...byKey.values()].filter((r) => years.includes(r.year));
  return {
    agency: agencies.join('、'),
    years,
    sources: sourcesOf(inRange),
    rollup: points,
    series: [{ key: 'rollup', zh: `${metric.zh}(合计)`, en: `${metric.en} (sum)`, unit: metric.unit, points }],
  };
}

/** A ranking as chart data: one row per organ (largest first), the year in every row. */
export function rankingChart(entries: readonly RankEntry[], metric: Metric, year: number, sources: YearSource[]): ChartData {
  return {
    agency: entries.map((e) => e.agency).join('、'),
    years: entries.map(() => year),
    categories: entries.map((e) => e.agency),
    sources,
    series: [{ key: metric.key, zh: `${metric.zh}(${year})`, en: `${metric.en} (${year})`, unit: metric.unit, points: entries.map((e) => e.point) }],
  };
}

export function rankingSources(reports: readonly Report[], agencies: readonly string[], year: number): YearSource[] {
  const wanted = new Set(agencies);
  return sourcesOf(reports.filter((r) => r.year === year && wanted.has(r.agency)));
}
