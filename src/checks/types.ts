// What a consistency check reports. Pure data: the same shape feeds the quality view, the chart markers,
// the CSV download and the import review.
import type { CellState } from '../model/report';

/**
 * Rule ids. I1–I4 are the identities printed with the national format; X-* compare a report with the
 * organ's report of the year before; P-* are plausibility checks; T-prose compares prose with the tables.
 */
export type RuleId =
  | 'I1'
  | 'I2'
  | 'I3'
  | 'I4'
  | 'X-carry'
  | 'X-items'
  | 'X-in-force'
  | 'P-regulations'
  | 'P-format'
  | 'P-unit'
  | 'P-approx'
  | 'T-prose';

/**
 * `not-checkable` is a severity of its own so a filter can show it and nobody reads "no finding" as "passed":
 * a rule whose cells were not captured reports that, never silence.
 */
export type Severity = 'error' | 'warning' | 'info' | 'not-checkable';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'not-checkable'];

/** One cell a finding relied on, with the value as published (null = blank or absent, see `state`). */
export interface CellRef {
  year: number;
  key: string;
  value: number | null;
  state: CellState;
  approx?: boolean;
}

export interface Finding {
  /** Stable id: organ, year, rule and scope; unique within one run. */
  id: string;
  agency: string;
  year: number;
  rule: RuleId;
  severity: Severity;
  /** What part of the report the finding is about: a column, a row, a pair of years ("requests.*.total"). */
  scope: string;
  zh: string;
  en: string;
  cells: CellRef[];
  /** What the identity says the figure should be (e.g. the sum of the parts); null when not applicable. */
  expected: number | string | null;
  /** What the report printed (e.g. the total); null when not applicable. */
  found: number | string | null;
  /** Blank cells were counted as 0 to reach this result. */
  reliedOnBlanks: boolean;
  /** An approximate value ("约""余") took part in the sum. */
  approx: boolean;
}

export type CheckOutcome = 'passed' | 'failed' | 'not-checkable';

/** One evaluation of one rule on one scope: lets a caller tell "passed" from "not checked". */
export interface CheckRecord {
  agency: string;
  year: number;
  rule: RuleId;
  scope: string;
  outcome: CheckOutcome;
}

export interface CheckRun {
  findings: Finding[];
  checks: CheckRecord[];
}
