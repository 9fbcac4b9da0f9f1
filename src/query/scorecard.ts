// The scorecard of the annual 考核: per organ and year, completeness, consistency and timeliness, and a total
// with the weights shown. Timeliness follows 条例 Art. 49 (the 2019 revision, for reports on 2019 onwards):
// county-and-above governments publish their own report by 31 March; every other administrative organ
// (departments, towns, street offices) by 31 January of the next year. Reports on 2018 and before fall under the
// 2008 条例 Art. 31: every organ by 31 March. A locality may set its own dates, so the rules are data. A report
// without a publication date is "unknown", never on time or late, and its total says it leaves timeliness out. Pure.
import type { Report } from '../model/report';
import { completeness, percent } from './coverage';

export type DeadlineKind = 'government' | 'organ' | 'before2019';

export interface Deadline {
  /** 1–12, 1–31: the day in the year after the report's year by which it must be published. */
  month: number;
  day: number;
}

export type TimelinessRules = Record<DeadlineKind, Deadline>;

/** 条例 Art. 49, and Art. 31 of the 2008 条例 for reports on years before the revision. */
export const ARTICLE_49: TimelinessRules = {
  government: { month: 3, day: 31 },
  organ: { month: 1, day: 31 },
  before2019: { month: 3, day: 31 },
};

/** The first report year the revised 条例 (in force from 15 May 2019) governs. */
export const REVISED_FROM = 2019;

/**
 * Which deadline a report falls under, from its organ's level: a government at county level or above publishes
 * its own report by the later date; departments, towns (乡镇) and street offices (街道) by the earlier one.
 * undefined where the level does not say.
 */
export function deadlineKind(level: string, year: number = REVISED_FROM): DeadlineKind | undefined {
  if (year < REVISED_FROM) return 'before2019';
  const l = level.normalize('NFKC');
  if (/乡|镇|街道|部门|局|办公室|委员会|厅/.test(l)) return 'organ';
  if (/政府/.test(l) && /省|市|区|县|州|盟|旗|自治/.test(l)) return 'government';
  return undefined;
}

export type Timeliness =
  | { kind: 'on-time'; deadline: string; published: string }
  | { kind: 'late'; deadline: string; published: string; daysLate: number }
  | { kind: 'unknown'; reason: 'no-date' | 'no-level'; deadline?: string };

function iso(year: number, d: Deadline): string {
  return `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const DAY = 86_400_000;

export function timeliness(report: Pick<Report, 'year' | 'level' | 'published'>, rules: TimelinessRules = ARTICLE_49): Timeliness {
  const kind = deadlineKind(report.level, report.year);
  if (!kind) return { kind: 'unknown', reason: 'no-level' };
  const deadline = iso(report.year + 1, rules[kind]);
  if (!report.published) return { kind: 'unknown', reason: 'no-date', deadline };
  if (report.published <= deadline) return { kind: 'on-time', deadline, published: report.published };
  const daysLate = Math.round((Date.parse(report.published) - Date.parse(deadline)) / DAY);
  return { kind: 'late', deadline, published: report.published, daysLate };
}

export interface Weights {
  completeness: number;
  consistency: number;
  timeliness: number;
}

export const DEFAULT_WEIGHTS: Weights = { completeness: 40, consistency: 40, timeliness: 20 };

export interface CheckTally {
  /** Checks of the report that could be made and held, and that failed. */
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
}

export interface ScoreLine {
  agency: string;
  year: number;
  level: string;
  region: string;
  /** 0–100, absent where the report has no national tables to be complete against. */
  completeness?: number;
  /** 0–100: the share of the checks that could be made that held. Absent when none could be made. */
  consistency?: number;
  timeliness: Timeliness;
  /** 0–100 where a deadline was met, 0 where missed; absent when unknown. */
  timelinessScore?: number;
  /** The weighted total over the parts that are known; `partial` says some were not. */
  total?: number;
  partial: boolean;
  errors: number;
  warnings: number;
}

/** Late by a day still counts: each week late takes a tenth off, down to nothing. */
export function timelinessScore(t: Timeliness): number | undefined {
  if (t.kind === 'unknown') return undefined;
  if (t.kind === 'on-time') return 100;
  return Math.max(0, 100 - Math.ceil(t.daysLate / 7) * 10);
}

export function scoreLine(report: Report, tally: CheckTally, weights: Weights = DEFAULT_WEIGHTS, rules: TimelinessRules = ARTICLE_49): ScoreLine {
  const c = completeness(report);
  const checked = tally.passed + tally.failed;
  const t = timeliness(report, rules);
  const line: ScoreLine = {
    agency: report.agency,
    year: report.year,
    level: report.level,
    region: report.region,
    timeliness: t,
    partial: false,
    errors: tally.errors,
    warnings: tally.warnings,
  };
  if (c) line.completeness = percent(c);
  if (checked > 0) line.consistency = Math.round((tally.passed / checked) * 100);
  const ts = timelinessScore(t);
  if (ts !== undefined) line.timelinessScore = ts;
  const parts: [number | undefined, number][] = [
    [line.completeness, weights.completeness],
    [line.consistency, weights.consistency],
    [line.timelinessScore, weights.timeliness],
  ];
  let sum = 0;
  let weight = 0;
  for (const [score, w] of parts) {
    if (w <= 0) continue;
    if (score === undefined) {
      line.partial = true;
      continue;
    }
    sum += score * w;
    weight += w;
  }
  if (weight > 0) line.total = Math.round((sum / weight) * 10) / 10;
  return line;
}

export type ScoreSortKey = 'total' | 'completeness' | 'consistency' | 'timeliness' | 'agency' | 'year';

/** Best first for scores (unknown last; by total, partial totals after whole ones), by name and year otherwise. */
export function sortScores(lines: readonly ScoreLine[], by: ScoreSortKey): ScoreLine[] {
  const collator = new Intl.Collator('zh-CN');
  const num = (l: ScoreLine): number | undefined =>
    by === 'total' ? l.total : by === 'completeness' ? l.completeness : by === 'consistency' ? l.consistency : by === 'timeliness' ? l.timelinessScore : undefined;
  return [...lines].sort((a, b) => {
    if (by === 'agency') return collator.compare(a.agency, b.agency) || a.year - b.year;
    if (by === 'year') return b.year - a.year || collator.compare(a.agency, b.agency);
    // A total over some parts only (a report of 2008's format has no tables to be complete or consistent) is
    // not ranked above totals over every part: it goes after them, in its own order.
    if (by === 'total' && a.partial !== b.partial) return a.partial ? 1 : -1;
    const x = num(a);
    const y = num(b);
    if (x === undefined && y === undefined) return collator.compare(a.agency, b.agency) || a.year - b.year;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return y - x || collator.compare(a.agency, b.agency) || a.year - b.year;
  });
}
