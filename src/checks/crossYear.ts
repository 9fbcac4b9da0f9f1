// Cross-year rules: a report against the same organ's report of the year before.
import type { Report } from '../model/report';
import { APPLICANT_PARTS } from '../model/vocabulary';
import { type Collector, type Text, columnLabel, fmt, hasRow, hasSection, ref, rowLabel, sumRemarks } from './collect';
import { tableApplies } from './identities';
import type { CellRef, RuleId, Severity } from './types';

const REQUEST_COLUMNS: readonly string[] = [...APPLICANT_PARTS, 'total'];
const ITEM_ROWS: readonly string[] = ['admin_license', 'other_mgmt_services', 'admin_penalty', 'admin_coercion', 'admin_fees'];
const DOC_ROWS: readonly string[] = ['regulations', 'normative_docs'];

/** `expected` is computed from `parts` with the given signs; `found` is one cell of the later report. */
function chain(
  c: Collector,
  later: Report,
  rule: RuleId,
  scope: string,
  parts: { cell: CellRef; sign: 1 | -1 }[],
  found: CellRef,
  text: (expected: number, found: number | null) => Text,
  severity: Severity,
): void {
  const all = [...parts.map((p) => p.cell), found];
  const absent = all.filter((x) => x.state === 'absent');
  if (absent.length > 0) {
    c.notCheckable(later, rule, scope, absent);
    return;
  }
  const expected = Math.round(parts.reduce((a, p) => a + p.sign * (p.cell.value ?? 0), 0) * 1e6) / 1e6;
  const got = found.value ?? 0;
  const blanks = all.filter((x) => x.state === 'blank').length;
  const approx = all.some((x) => x.approx);
  if (Math.abs(expected - got) < 1e-6) {
    c.passed(later, rule, scope);
    return;
  }
  const t = text(expected, found.value);
  const rem = sumRemarks(blanks, approx);
  c.fail({
    agency: later.agency,
    year: later.year,
    rule,
    severity,
    scope,
    zh: `${t.zh}${rem.zh}。`,
    en: `${t.en}${rem.en}.`,
    cells: all,
    expected,
    found: found.value,
    reliedOnBlanks: blanks > 0,
    approx,
  });
}

/** 结转下年度(t) = 上年结转(t+1), every column. Findings belong to the later year. */
export function checkCarry(c: Collector, prev: Report, r: Report): void {
  if (!tableApplies(prev, 'requests') || !tableApplies(r, 'requests')) return;
  const scopeBase = `${prev.year}→${r.year}`;
  const uncaptured = [prev, r].filter((x) => !hasSection(x, 'requests')).map((x) => x.year);
  if (uncaptured.length > 0) {
    c.notCheckable(r, 'X-carry', scopeBase, [], {
      zh: `${uncaptured.join('、')} 年表三未采集`,
      en: `table III of ${uncaptured.join(' and ')} not captured`,
    });
    return;
  }
  for (const col of REQUEST_COLUMNS) {
    const label = columnLabel('requests', col);
    chain(
      c,
      r,
      'X-carry',
      `${scopeBase} requests.*.${col}`,
      [{ cell: ref(prev, `requests.carried_forward.${col}`), sign: 1 }],
      ref(r, `requests.carried_over.${col}`),
      (e, f) => ({
        zh: `「${label.zh}」栏:${prev.year} 年结转下年度 ${e},${r.year} 年上年结转 ${fmt(f)}`,
        en: `Column "${label.en}": carried forward in ${prev.year} = ${e}, carried over in ${r.year} = ${fmt(f)}`,
      }),
      'error',
    );
  }
}

/** GB2019: 上一年项目数量(t) + 本年增/减(t) = 上一年项目数量(t+1), rows present in both years. */
export function checkItems(c: Collector, prev: Report, r: Report): void {
  for (const row of ITEM_ROWS) {
    if (!hasRow(prev, 'active_2019', row) || !hasRow(r, 'active_2019', row)) continue;
    const label = rowLabel('active_2019', row);
    chain(
      c,
      r,
      'X-items',
      `${prev.year}→${r.year} active_2019.${row}`,
      [
        { cell: ref(prev, `active_2019.${row}.prev_year_items`), sign: 1 },
        { cell: ref(prev, `active_2019.${row}.change_this_year`), sign: 1 },
      ],
      ref(r, `active_2019.${row}.prev_year_items`),
      (e, f) => ({
        zh: `「${label.zh}」:${prev.year} 年上一年项目数量 + 本年增/减 = ${e},${r.year} 年上一年项目数量为 ${fmt(f)}`,
        en: `"${label.en}": items last year + change in ${prev.year} = ${e}; ${r.year} reports ${fmt(f)} items last year`,
      }),
      'error',
    );
  }
}

/** GB2021: 现行有效件数(t) ≈ 现行有效件数(t−1) + 本年制发(t) − 本年废止(t). Soft: documents also lapse. */
export function checkInForce(c: Collector, prev: Report, r: Report): void {
  for (const row of DOC_ROWS) {
    if (!hasRow(prev, 'active_2021', row) || !hasRow(r, 'active_2021', row)) continue;
    const label = rowLabel('active_2021', row);
    chain(
      c,
      r,
      'X-in-force',
      `${prev.year}→${r.year} active_2021.${row}`,
      [
        { cell: ref(prev, `active_2021.${row}.in_force`), sign: 1 },
        { cell: ref(r, `active_2021.${row}.issued_this_year`), sign: 1 },
        { cell: ref(r, `active_2021.${row}.repealed_this_year`), sign: -1 },
      ],
      ref(r, `active_2021.${row}.in_force`),
      (e, f) => ({
        zh: `「${label.zh}」:${prev.year} 年现行有效 + ${r.year} 年制发 − 废止 = ${e},${r.year} 年现行有效件数为 ${fmt(f)}`,
        en: `"${label.en}": in force in ${prev.year} + issued − repealed in ${r.year} = ${e}; ${r.year} reports ${fmt(f)} in force`,
      }),
      'warning',
    );
  }
}

export function checkPair(c: Collector, prev: Report, r: Report): void {
  checkCarry(c, prev, r);
  checkItems(c, prev, r);
  checkInForce(c, prev, r);
}
