// Identities I1–I4 of tables 三 and 四, evaluated per column or row as the format prints them.
import { OTHER_PROCESSING_GB2019, OTHER_PROCESSING_GB2021, OUTCOME_LEAF_ROWS } from '../model/outcomes';
import type { Report } from '../model/report';
import { APPLICANT_PARTS, SECTION_BY_KEY } from '../model/vocabulary';
import {
  type Collector,
  type Sum,
  type Text,
  columnLabel,
  fmt,
  hasRow,
  hasSection,
  plainSum,
  rowLabel,
  sumOf,
  sumRemarks,
} from './collect';
import type { CellRef, RuleId, Severity } from './types';

const REQUEST_COLUMNS: readonly string[] = [...APPLICANT_PARTS, 'total'];
const REQUEST_ROWS: readonly string[] = (SECTION_BY_KEY.get('requests')?.rows ?? []).map((r) => r.key);
const REVIEW_ROWS: readonly string[] = (SECTION_BY_KEY.get('review')?.rows ?? []).map((r) => r.key);
const OTHER_ROWS_ALL: ReadonlySet<string> = new Set([...OTHER_PROCESSING_GB2019, ...OTHER_PROCESSING_GB2021]);
const REVIEW_PARTS: readonly string[] = ['upheld', 'corrected', 'other_result', 'pending'];

const TABLE_TEXT: Record<'requests' | 'review', Text> = {
  requests: { zh: '表三(收到和处理政府信息公开申请情况)未采集', en: 'table III (requests) not captured' },
  review: { zh: '表四(行政复议、行政诉讼情况)未采集', en: 'table IV (review and litigation) not captured' },
};

/**
 * A report in a national format must have the table, so its absence is "not checkable". Other formats
 * (pre-2019 layouts, prose only) are checked only when some of the table was captured.
 */
export function tableApplies(r: Report, section: 'requests' | 'review'): boolean {
  return r.format === 'GB2019' || r.format === 'GB2021' || hasSection(r, section);
}

/** The (六)其他处理 rows this report printed; the format's own rows when it printed none (they are then absent). */
export function otherRows(r: Report): readonly string[] {
  const printed = [...OTHER_PROCESSING_GB2019, ...OTHER_PROCESSING_GB2021].filter((row) => hasRow(r, 'requests', row));
  if (printed.length > 0) return printed;
  return r.format === 'GB2019' ? OTHER_PROCESSING_GB2019 : OTHER_PROCESSING_GB2021;
}

export function outcomeRows(r: Report): string[] {
  return [...OUTCOME_LEAF_ROWS.filter((row) => !OTHER_ROWS_ALL.has(row)), ...otherRows(r)];
}

/** What the printed side shows: the single cell as printed (null when blank), or the sum. */
function shown(s: Sum): number | null {
  return s.refs.length === 1 ? s.refs[0].value : s.value;
}

/**
 * One identity `sum(parts) = sum(totals)`: passed, failed (with both sides) or not checkable (absent cells).
 * Blank cells count as 0 and the message says so.
 */
export function identity(
  c: Collector,
  r: Report,
  rule: RuleId,
  scope: string,
  partKeys: readonly string[],
  totalKeys: readonly string[],
  text: (expected: number, found: number | null) => Text,
  severity: Severity = 'error',
): void {
  // Most identities hold with every cell captured and exact: settled without a reference per cell.
  const quickParts = plainSum(r, partKeys);
  if (quickParts !== null && quickParts === plainSum(r, totalKeys)) {
    c.passed(r, rule, scope);
    return;
  }
  const parts = sumOf(r, partKeys);
  const totals = sumOf(r, totalKeys);
  const absent = [...parts.absent, ...totals.absent];
  if (absent.length > 0) {
    c.notCheckable(r, rule, scope, absent);
    return;
  }
  const blanks = parts.blanks.length + totals.blanks.length;
  const approxCells = [...parts.approx, ...totals.approx];
  const approx = approxCells.length > 0;
  const cells = [...parts.refs, ...totals.refs];
  if (approx) approxNote(c, r, rule, scope, cells);
  if (Math.abs(parts.value - totals.value) < 1e-6) {
    c.passed(r, rule, scope);
    return;
  }
  const t = text(parts.value, shown(totals));
  const rem = sumRemarks(blanks, approx);
  c.fail({
    agency: r.agency,
    year: r.year,
    rule,
    severity,
    scope,
    zh: `${t.zh}${rem.zh}。`,
    en: `${t.en}${rem.en}.`,
    cells,
    expected: parts.value,
    found: shown(totals),
    reliedOnBlanks: blanks > 0,
    approx,
  });
}

/** P-approx: an approximate value took part in a sum of `rule`; said once per scope, whatever the outcome. */
export function approxNote(c: Collector, r: Report, rule: RuleId, scope: string, cells: CellRef[]): void {
  const keys = cells.filter((x) => x.approx).map((x) => x.key);
  c.note({
    agency: r.agency,
    year: r.year,
    rule: 'P-approx',
    severity: 'info',
    scope: `${rule} ${scope}`,
    zh: `${rule} 的求和用到约数(${keys.join(', ')}),核对结果只是近似。`,
    en: `${rule} sums an approximate value (${keys.join(', ')}); the check is only approximate.`,
    cells: cells.filter((x) => x.approx),
    expected: null,
    found: null,
    reliedOnBlanks: false,
    approx: true,
  });
}

function cell(row: string, col: string): string {
  return `requests.${row}.${col}`;
}

// Cell keys built once: every report is checked against the same keys, and a key built afresh for each lookup
// (a new string to hash) cost more than the sums themselves at 10,000 reports.
interface KeyedScope {
  scope: string;
  parts: readonly string[];
  totals: readonly string[];
}
const I1_KEYS: readonly (KeyedScope & { col: string })[] = REQUEST_COLUMNS.map((col) => ({
  col,
  scope: `requests.*.${col}`,
  parts: [cell('new_received', col), cell('carried_over', col)],
  totals: [cell('results_total', col), cell('carried_forward', col)],
}));
const I2_KEYS: ReadonlyMap<string, KeyedScope> = new Map(
  REQUEST_ROWS.map((row) => [row, { scope: `requests.${row}.*`, parts: APPLICANT_PARTS.map((col) => cell(row, col)), totals: [cell(row, 'total')] }]),
);
const I4_KEYS: readonly (KeyedScope & { row: string })[] = REVIEW_ROWS.map((row) => ({
  row,
  scope: `review.${row}.*`,
  parts: REVIEW_PARTS.map((col) => `review.${row}.${col}`),
  totals: [`review.${row}.total`],
}));
/** I3's keys per column for one list of outcome rows (the (六) rows vary with what a report printed). */
const i3Keys = new Map<string, readonly (KeyedScope & { col: string })[]>();
function i3KeysFor(rows: readonly string[]): readonly (KeyedScope & { col: string })[] {
  const id = rows.join(',');
  let keys = i3Keys.get(id);
  if (!keys) {
    keys = REQUEST_COLUMNS.map((col) => ({ col, scope: `requests.*.${col}`, parts: rows.map((row) => cell(row, col)), totals: [cell('results_total', col)] }));
    i3Keys.set(id, keys);
  }
  return keys;
}

export function checkI1(c: Collector, r: Report): void {
  if (!tableApplies(r, 'requests')) return;
  if (!hasSection(r, 'requests')) return c.notCheckable(r, 'I1', 'requests', [], TABLE_TEXT.requests);
  for (const { col, scope, parts, totals } of I1_KEYS) {
    const label = () => columnLabel('requests', col);
    identity(
      c,
      r,
      'I1',
      scope,
      parts,
      totals,
      (e, f) => ({
        zh: `「${label().zh}」栏:本年新收 + 上年结转 = ${e},办理结果总计 + 结转下年度 = ${fmt(f)}`,
        en: `Column "${label().en}": new received + carried over = ${e}, results total + carried forward = ${fmt(f)}`,
      }),
    );
  }
}

export function checkI2(c: Collector, r: Report): void {
  if (!tableApplies(r, 'requests')) return;
  if (!hasSection(r, 'requests')) return c.notCheckable(r, 'I2', 'requests', [], TABLE_TEXT.requests);
  const other = otherRows(r);
  for (const row of REQUEST_ROWS) {
    // The GB2019 and GB2021 (六) rows are alternatives: the variant the report did not print is not "absent".
    if (OTHER_ROWS_ALL.has(row) && !other.includes(row)) continue;
    const label = () => rowLabel('requests', row);
    const { scope, parts, totals } = I2_KEYS.get(row) as KeyedScope;
    identity(
      c,
      r,
      'I2',
      scope,
      parts,
      totals,
      (e, f) => ({
        zh: `「${label().zh}」行:各类申请人合计 ${e},总计栏${f === null ? '空白' : `为 ${f}`}`,
        en: `Row "${label().en}": applicant columns add up to ${e}; the total column ${f === null ? 'is blank' : `says ${f}`}`,
      }),
    );
  }
}

export function checkI3(c: Collector, r: Report): void {
  if (!tableApplies(r, 'requests')) return;
  if (!hasSection(r, 'requests')) return c.notCheckable(r, 'I3', 'requests', [], TABLE_TEXT.requests);
  for (const { col, scope, parts, totals } of i3KeysFor(outcomeRows(r))) {
    const label = () => columnLabel('requests', col);
    identity(
      c,
      r,
      'I3',
      scope,
      parts,
      totals,
      (e, f) => ({
        zh: `「${label().zh}」栏:各项办理结果之和为 ${e},(七)总计${f === null ? '空白' : `为 ${f}`}`,
        en: `Column "${label().en}": outcome rows sum to ${e}; (7) Total ${f === null ? 'is blank' : `says ${f}`}`,
      }),
    );
  }
}

export function checkI4(c: Collector, r: Report): void {
  if (!tableApplies(r, 'review')) return;
  if (!hasSection(r, 'review')) return c.notCheckable(r, 'I4', 'review', [], TABLE_TEXT.review);
  for (const { row, scope, parts, totals } of I4_KEYS) {
    const label = () => rowLabel('review', row);
    identity(
      c,
      r,
      'I4',
      scope,
      parts,
      totals,
      (e, f) => ({
        zh: `「${label().zh}」行:维持 + 纠正 + 其他结果 + 尚未审结 = ${e},总计${f === null ? '空白' : `为 ${f}`}`,
        en: `Row "${label().en}": upheld + corrected + other + pending = ${e}; the total ${f === null ? 'is blank' : `says ${f}`}`,
      }),
    );
  }
}
