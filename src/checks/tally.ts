// Counts per report of what the checks found: errors, warnings, and how many checks could be made and held. The
// coverage matrix and the scorecard need these numbers only, never the findings themselves, so a store of
// 10,000 reports crosses from the worker as 10,000 short rows.
import type { CheckRun } from './types';

export interface ReportTally {
  agency: string;
  year: number;
  errors: number;
  warnings: number;
  /** Checks made whose figures agreed, and those whose figures did not; checks that could not be made are neither. */
  passed: number;
  failed: number;
}

const id = (agency: string, year: number) => `${agency}\u0000${year}`;

/** One tally per report the run checked (a report with no check at all still gets its row of zeros). */
export function tallyRun(run: CheckRun, reports: readonly { agency: string; year: number }[]): ReportTally[] {
  const map = new Map<string, ReportTally>();
  for (const r of reports) map.set(id(r.agency, r.year), { agency: r.agency, year: r.year, errors: 0, warnings: 0, passed: 0, failed: 0 });
  const at = (agency: string, year: number): ReportTally | undefined => map.get(id(agency, year));
  for (const c of run.checks) {
    const t = at(c.agency, c.year);
    if (!t) continue;
    if (c.outcome === 'passed') t.passed++;
    else if (c.outcome === 'failed') t.failed++;
  }
  for (const f of run.findings) {
    const t = at(f.agency, f.year);
    if (!t) continue;
    if (f.severity === 'error') t.errors++;
    else if (f.severity === 'warning') t.warnings++;
  }
  return [...map.values()];
}
