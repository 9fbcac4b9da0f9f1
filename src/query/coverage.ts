// Who has reported, and how good each report is: organs × years, each cell saying whether a report is stored,
// how many errors and warnings its checks found, and how complete it is — the figures it has of those its year's
// national tables print. Organs on a roster with no report at all still get their row ("未报"). Pure.
import { layoutKeys, officialLayout } from '../model/officialLayout';
import type { FormatId, Report } from '../model/report';
import type { RosterEntry } from '../model/roster';

export type { RosterEntry } from '../model/roster';

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Checks that could be made on the report (held or failed); 0 means nothing could be checked. Unknown if absent. */
  checked?: number;
}

export type CoverageStatus =
  /** No report stored for an organ on the roster (or with other years stored): 未报. */
  | 'missing'
  /** A report whose checks found errors. */
  | 'errors'
  /** A report with warnings only. */
  | 'warnings'
  /** A report whose checks found nothing to object to. */
  | 'consistent'
  /** A report none of whose checks could be made (prose only, or the figures they need not captured): not "consistent". */
  | 'unchecked';

export interface Completeness {
  /** Figures the report has (a number or a blank cell) of those its format's tables print. */
  present: number;
  expected: number;
}

export interface CoverageCell {
  agency: string;
  year: number;
  status: CoverageStatus;
  errors: number;
  warnings: number;
  format?: FormatId;
  /** Absent for reports without the national tables (before 2019, prose only): nothing to measure against. */
  completeness?: Completeness;
}

export interface CoverageRow {
  agency: string;
  level: string;
  region: string;
  onRoster: boolean;
  cells: CoverageCell[];
}

export interface CoverageMatrix {
  years: number[];
  rows: CoverageRow[];
}

const layoutCache = new Map<string, readonly string[]>();

/** The figures a report's national tables print: its format's layout (with GB2019's single 其他处理 row where the report has it). */
function expectedKeys(report: Report): readonly string[] | undefined {
  if (report.format !== 'GB2019' && report.format !== 'GB2021') return undefined;
  const single = report.format === 'GB2021' && Object.keys(report.cells).some((k) => k.startsWith('requests.other_processing.'));
  const id = `${report.format}${single ? '+single' : ''}`;
  let keys = layoutCache.get(id);
  if (!keys) {
    keys = layoutKeys(officialLayout(report.format, { singleOtherRow: single }));
    layoutCache.set(id, keys);
  }
  return keys;
}

/** Reports are replaced, never changed in place: a report's completeness is counted once. */
const completenessCache = new WeakMap<Report, Completeness | null>();

export function completeness(report: Report): Completeness | undefined {
  const cached = completenessCache.get(report);
  if (cached !== undefined) return cached ?? undefined;
  const keys = expectedKeys(report);
  let out: Completeness | null = null;
  if (keys) {
    let present = 0;
    for (const k of keys) if (k in report.cells) present++;
    out = { present, expected: keys.length };
  }
  completenessCache.set(report, out);
  return out ?? undefined;
}

export function statusOf(counts: FindingCounts): Exclude<CoverageStatus, 'missing'> {
  if (counts.errors > 0) return 'errors';
  if (counts.warnings > 0) return 'warnings';
  return counts.checked === 0 ? 'unchecked' : 'consistent';
}

export interface CoverageOptions {
  /** Organs one supervises: they get a row even without a single report. */
  roster?: readonly RosterEntry[];
  /** Years to show; by default every year from the first to the last report stored. */
  years?: readonly number[];
  /** Errors and warnings of each report (organ + year). */
  findings: (agency: string, year: number) => FindingCounts;
}

/**
 * The matrix: one row per organ (roster first, in its order, then organs with reports not on it, by name), one
 * cell per year. A year without a report is 'missing' — the cell says so in words, it is never left empty.
 */
export function coverageMatrix(reports: readonly Report[], options: CoverageOptions): CoverageMatrix {
  const byOrgan = new Map<string, Map<number, Report>>();
  for (const r of reports) {
    let years = byOrgan.get(r.agency);
    if (!years) byOrgan.set(r.agency, (years = new Map()));
    years.set(r.year, r);
  }
  let years = options.years ? [...options.years] : [];
  if (!options.years) {
    const all = reports.map((r) => r.year);
    if (all.length > 0) {
      const from = Math.min(...all);
      const to = Math.max(...all);
      for (let y = from; y <= to; y++) years.push(y);
    }
  }
  years = years.sort((a, b) => a - b);
  const roster = options.roster ?? [];
  const onRoster = new Set(roster.map((r) => r.agency));
  const collator = new Intl.Collator('zh-CN');
  const others = [...byOrgan.keys()].filter((a) => !onRoster.has(a)).sort(collator.compare);
  const listedBy = new Map(roster.map((r) => [r.agency, r]));
  const organDetails = (agency: string): { level: string; region: string } => {
    let stored: Report | undefined;
    for (const r of byOrgan.get(agency)?.values() ?? []) if (!stored || r.year > stored.year) stored = r;
    const listed = listedBy.get(agency);
    return { level: listed?.level || stored?.level || '', region: listed?.region || stored?.region || '' };
  };
  const rowOf = (agency: string, listed: boolean): CoverageRow => ({
    agency,
    ...organDetails(agency),
    onRoster: listed,
    cells: years.map((year): CoverageCell => {
      const report = byOrgan.get(agency)?.get(year);
      if (!report) return { agency, year, status: 'missing', errors: 0, warnings: 0 };
      const counts = options.findings(agency, year);
      const cell: CoverageCell = { agency, year, status: statusOf(counts), errors: counts.errors, warnings: counts.warnings, format: report.format };
      const c = completeness(report);
      if (c) cell.completeness = c;
      return cell;
    }),
  });
  return { years, rows: [...roster.map((r) => rowOf(r.agency, true)), ...others.map((a) => rowOf(a, false))] };
}

/** A completeness as a whole percentage, rounded down (99.6 % of the figures is not "100 %"). */
export function percent(c: Completeness): number {
  return c.expected === 0 ? 100 : Math.floor((c.present / c.expected) * 100);
}
