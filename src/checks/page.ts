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
  /**
   * With every severity: errors, then warnings, then notes, and "not checkable" folded into one completeness line
   * per report (thousands of them would bury the few errors). Without it, every finding in list order.
   */
  fold?: boolean;
}

export const NO_FILTER: FindingFilter = { organ: '', year: '', rule: '', severity: '' };

/** One report's rules that could not be checked, in one line. */
export interface CompletenessLine {
  agency: string;
  year: number;
  rules: RuleId[];
  /** The findings' messages, one per rule. */
  zh: string[];
  en: string[];
}

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
  /** When folded: the first `limit` reports with rules not checkable, and how many reports have such rules. */
  completeness: CompletenessLine[];
  completenessTotal: number;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, 'not-checkable': 3 };

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
  const fold = filter.fold === true && filter.severity === '';
  // Folded: one list per severity, joined in order of severity (each stays in list order: stable, no sort).
  const buckets: Finding[][] = [[], [], [], []];
  const lines: CompletenessLine[] = [];
  let line: CompletenessLine | undefined;
  let last = '';
  for (const f of all) {
    if (f.agency !== last) {
      organs.push(f.agency);
      last = f.agency;
    }
    if (filter.organ === '' || f.agency === filter.organ) years.add(f.year);
    if (!matches(f, filter)) continue;
    counts[f.severity]++;
    if (fold && f.severity === 'not-checkable') {
      if (!line || line.agency !== f.agency || line.year !== f.year) {
        line = { agency: f.agency, year: f.year, rules: [], zh: [], en: [] };
        lines.push(line);
      }
      line.rules.push(f.rule);
      line.zh.push(f.zh);
      line.en.push(f.en);
      continue;
    }
    buckets[fold ? SEVERITY_RANK[f.severity] : 0].push(f);
  }
  const kept = fold ? buckets.flat() : buckets[0];
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
    completeness: lines.slice(0, size),
    completenessTotal: lines.length,
  };
}

/** The findings the filter keeps, all of them (for the CSV download). */
export function filtered(all: readonly Finding[], filter: FindingFilter): Finding[] {
  return all.filter((f) => matches(f, filter));
}
