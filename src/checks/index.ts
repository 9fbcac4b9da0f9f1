// The consistency checker's entry points. Pure: reports in, findings out; the published figures are never changed.
import { reportId, type Report } from '../model/report';
import { Collector } from './collect';
import { checkPair } from './crossYear';
import { checkI1, checkI2, checkI3, checkI4 } from './identities';
import { checkAmountUnit, checkFormatYear, checkRegulations } from './plausibility';
import { checkProse } from './prose';
import { RULE_IDS } from './rules';
import { SEVERITIES, type CheckRun, type Finding } from './types';

export type { CellRef, CheckOutcome, CheckRecord, CheckRun, Finding, RuleId, Severity } from './types';
export { SEVERITIES } from './types';
export { RULES, RULE_IDS, SEVERITY_LABELS, type RuleDef } from './rules';
export { findingsCsv, csvCell } from './csv';

function checkOne(c: Collector, r: Report): void {
  checkI1(c, r);
  checkI2(c, r);
  checkI3(c, r);
  checkI4(c, r);
  checkProse(c, r);
  checkRegulations(c, r);
  checkFormatYear(c, r);
  checkAmountUnit(c, r);
}

const RULE_ORDER = new Map(RULE_IDS.map((id, i) => [id, i]));
const SEVERITY_ORDER = new Map(SEVERITIES.map((s, i) => [s, i]));
/** Organ names in Chinese collation; one collator (localeCompare builds one per call). */
export const organCollator = new Intl.Collator('zh-CN');

/** The order findings are listed in: organ (Chinese collation), year, rule, severity. */
export function byOrganYearRule(a: Finding, b: Finding): number {
  return (
    organCollator.compare(a.agency, b.agency) ||
    a.year - b.year ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0) ||
    (SEVERITY_ORDER.get(a.severity) ?? 0) - (SEVERITY_ORDER.get(b.severity) ?? 0)
  );
}

/** One report per organ and year; a later duplicate replaces an earlier one (as the store would). */
function unique(reports: readonly Report[]): Report[] {
  const map = new Map<string, Report>();
  for (const r of reports) map.set(reportId(r.agency, r.year), r);
  return [...map.values()];
}

/**
 * Findings and the record of every check made, for the reports given (cross-year pairs within them). Without
 * `records`, only findings are collected: a run over 10,000 reports makes half a million records otherwise.
 */
export function runChecks(reports: readonly Report[], options: { records?: boolean } = {}): CheckRun {
  const c = new Collector(options);
  const list = unique(reports);
  const byId = new Map(list.map((r) => [reportId(r.agency, r.year), r]));
  for (const r of list) {
    checkOne(c, r);
    const prev = byId.get(reportId(r.agency, r.year - 1));
    if (prev) checkPair(c, prev, r);
  }
  c.flush();
  c.findings.sort(byOrganYearRule);
  return { findings: c.findings, checks: c.checks };
}

/** Every finding on the given reports, sorted by organ, year, rule and severity. */
export function checkReports(reports: readonly Report[]): Finding[] {
  return runChecks(reports, { records: false }).findings;
}

/**
 * The findings an import review shows for one report: its own rules, and the cross-year rules against the same
 * organ's reports of the year before and after taken from `context` (e.g. the store). A context report of the
 * same organ and year is the one being replaced and is ignored.
 */
export function checkReportRun(report: Report, context: readonly Report[] = []): CheckRun {
  const c = new Collector();
  checkOne(c, report);
  const near = (year: number) => context.find((x) => x.agency === report.agency && x.year === year);
  const prev = near(report.year - 1);
  const next = near(report.year + 1);
  if (prev) checkPair(c, prev, report);
  if (next) checkPair(c, report, next);
  c.flush();
  c.findings.sort(byOrganYearRule);
  return { findings: c.findings, checks: c.checks };
}

export function checkReport(report: Report, context: readonly Report[] = []): Finding[] {
  return checkReportRun(report, context).findings;
}

/**
 * What an import review shows before anything is stored: the incoming reports as they would be stored (each
 * replacing the stored report of the same organ and year), checked with the same organs' stored reports.
 * Returned: findings on an incoming report, and cross-year findings on the year after one.
 */
export function checkIncoming(incoming: readonly Report[], stored: readonly Report[]): Finding[] {
  const ids = new Set(incoming.map((r) => reportId(r.agency, r.year)));
  const agencies = new Set(incoming.map((r) => r.agency));
  // Stored first, incoming last: `unique` keeps the later one, as the commit would.
  const merged = [...stored.filter((r) => agencies.has(r.agency)), ...incoming];
  return runChecks(merged, { records: false }).findings.filter(
    (f) => ids.has(reportId(f.agency, f.year)) || (f.rule.startsWith('X-') && ids.has(reportId(f.agency, f.year - 1))),
  );
}

/** Severities that mark a year in charts: problems in the figures, not notes about what could not be checked. */
export function marksYear(f: Finding): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}

/** One organ's findings that mark a year, keyed by year. */
export function findingsByYear(findings: readonly Finding[], agency: string): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.agency !== agency || !marksYear(f)) continue;
    const list = out.get(f.year);
    if (list) list.push(f);
    else out.set(f.year, [f]);
  }
  return out;
}
