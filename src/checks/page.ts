// Findings a page at a time: the filter of the quality view, the counts it shows and the lists its selects offer.
// Pure; the checks worker runs it beside the findings it holds, so the page receives one page and never the
// whole list (10,000 reports give thousands of findings).
import { SEVERITIES, type Finding, type RuleId, type Severity } from './types';

export interface FindingFilter {
  /** '' for every organ. */
  organ: string;
  /** '' for every year, else the year as text (what a select holds). */
  year: string;
  rule: RuleId | '';
  severity: Severity | '';
}

export const NO_FILTER: FindingFilter = { organ: '', year: '', rule: '', severity: '' };

export interface FindingsPage {
  filter: FindingFilter;
  /** Index of the first finding of `findings` among those the filter keeps. */
  offset: number;
  findings: Finding[];
  /** Findings the filter keeps, and of those, how many of each severity. */
  shown: number;
  counts: Record<Severity, number>;
  /** Findings in all (no filter). */
  total: number;
  /** Organs with findings, in the order findings are listed; years with findings of the filtered organ. */
  organs: string[];
  years: number[];
}

export function matches(f: Finding, filter: FindingFilter): boolean {
  return (
    (filter.organ === '' || f.agency === filter.organ) &&
    (filter.year === '' || String(f.year) === filter.year) &&
    (filter.rule === '' || f.rule === filter.rule) &&
    (filter.severity === '' || f.severity === filter.severity)
  );
}

/**
 * One page of the findings (listed in order: organ, year, rule, severity) that the filter keeps. An offset past
 * the end gives the last page, so a page never shows empty while findings match.
 */
export function findingsPage(all: readonly Finding[], filter: FindingFilter, offset: number, limit: number): FindingsPage {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const organs: string[] = [];
  const years = new Set<number>();
  const kept: Finding[] = [];
  let last = '';
  for (const f of all) {
    if (f.agency !== last) {
      organs.push(f.agency);
      last = f.agency;
    }
    if (filter.organ === '' || f.agency === filter.organ) years.add(f.year);
    if (!matches(f, filter)) continue;
    counts[f.severity]++;
    kept.push(f);
  }
  const size = Math.max(1, limit);
  const start = kept.length === 0 ? 0 : Math.min(Math.max(0, offset), Math.floor((kept.length - 1) / size) * size);
  return {
    filter,
    offset: start,
    findings: kept.slice(start, start + size),
    shown: kept.length,
    counts,
    total: all.length,
    organs: [...new Set(organs)],
    years: [...years].sort((a, b) => a - b),
  };
}

/** The findings the filter keeps, all of them (for the CSV download). */
export function filtered(all: readonly Finding[], filter: FindingFilter): Finding[] {
  return all.filter((f) => matches(f, filter));
}
