// Each rule with passing and failing cases, table-driven; not-checkable must never pass for "passed".
import { describe, expect, it } from 'vitest';
import { checkIncoming, checkReport, runChecks, type CheckRun, type Finding, type RuleId } from '../../src/checks';
import type { Report } from '../../src/model/report';
import { fullReport, makeReport, requestCells, reviewCells } from './checks-fixtures';

function outcomes(run: CheckRun, rule: RuleId): string[] {
  return [...new Set(run.checks.filter((c) => c.rule === rule).map((c) => c.outcome))].sort();
}

function ruleFindings(run: CheckRun, rule: RuleId): Finding[] {
  return run.findings.filter((f) => f.rule === rule);
}

interface Expect {
  /** Outcomes recorded for the rule (sorted, unique). */
  outcomes: string[];
  severity?: Finding['severity'];
  scope?: string;
  expected?: Finding['expected'];
  found?: Finding['found'];
  reliedOnBlanks?: boolean;
  zh?: string;
  en?: string;
}

interface Case {
  name: string;
  rule: RuleId;
  reports: Report[];
  expect: Expect;
}

const gb19 = (set: Parameters<typeof fullReport>[1] = {}, extra: Parameters<typeof fullReport>[2] = {}) => fullReport('GB2019', set, extra);
const gb21 = (set: Parameters<typeof fullReport>[1] = {}, extra: Parameters<typeof fullReport>[2] = {}) => fullReport('GB2021', set, extra);

const CASES: Case[] = [
  // I1
  { name: 'I1 holds in every column', rule: 'I1', reports: [gb21()], expect: { outcomes: ['passed'] } },
  {
    name: 'I1 fails where new + carried over ≠ results + carried forward',
    rule: 'I1',
    reports: [gb21({ 'requests.carried_forward.natural_person': 3 })],
    expect: { outcomes: ['failed', 'passed'], severity: 'error', scope: 'requests.*.natural_person', expected: 12, found: 14, reliedOnBlanks: false, zh: '「自然人」栏:本年新收 + 上年结转 = 12,办理结果总计 + 结转下年度 = 14。' },
  },
  {
    name: 'I1 counts a blank as 0 and says so',
    rule: 'I1',
    reports: [gb21({ 'requests.carried_over.natural_person': null })],
    expect: { outcomes: ['failed', 'passed'], expected: 10, found: 12, reliedOnBlanks: true, zh: '其中 1 个空白单元格按 0 计', en: '1 blank cell counted as 0' },
  },
  {
    name: 'I1 with an absent cell is not checkable, never passed',
    rule: 'I1',
    reports: [gb21({ 'requests.carried_forward.total': undefined })],
    expect: { outcomes: ['not-checkable', 'passed'], severity: 'not-checkable', zh: '表三 · 四、结转下年度继续办理 · 总计未采集', en: 'not checkable' },
  },
  {
    name: 'I1 on a GB report without table 三 is not checkable',
    rule: 'I1',
    reports: [makeReport({ format: 'GB2021', cells: reviewCells() })],
    expect: { outcomes: ['not-checkable'], severity: 'not-checkable', zh: '表三(收到和处理政府信息公开申请情况)未采集' },
  },
  { name: 'I1 does not apply to a prose-only report', rule: 'I1', reports: [makeReport({ format: 'text-only' })], expect: { outcomes: [] } },
  // I2
  { name: 'I2 holds in every row', rule: 'I2', reports: [gb19()], expect: { outcomes: ['passed'] } },
  {
    name: 'I2 fails where the total is not the sum of the applicants',
    rule: 'I2',
    reports: [gb19({ 'requests.granted.commercial': 2 })],
    expect: { outcomes: ['failed', 'passed'], scope: 'requests.granted.*', expected: 7, found: 5, en: 'Row "III. Outcome / (1) Granted": applicant columns add up to 7; the total column says 5.' },
  },
  {
    name: 'I2 with a blank total reports the total as blank',
    rule: 'I2',
    reports: [gb19({ 'requests.granted.total': null })],
    expect: { outcomes: ['failed', 'passed'], expected: 5, found: null, reliedOnBlanks: true, zh: '「(一)予以公开」行:各类申请人合计 5,总计栏空白' },
  },
  // I3
  { name: 'I3 holds with the GB2019 single (六) row', rule: 'I3', reports: [gb19()], expect: { outcomes: ['passed'] } },
  { name: 'I3 holds with the GB2021 three (六) rows', rule: 'I3', reports: [gb21()], expect: { outcomes: ['passed'] } },
  {
    name: 'I3 holds when a GB2021-year report prints the single (六) row',
    rule: 'I3',
    reports: [makeReport({ format: 'GB2021', year: 2023, cells: { ...requestCells('GB2021', undefined, ['other_processing']), ...reviewCells() } })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'I3 fails where the outcome rows do not add up to (七)总计',
    rule: 'I3',
    reports: [gb21({ 'requests.other_no_fee.natural_person': 6, 'requests.other_no_fee.total': 6 })],
    expect: { outcomes: ['failed', 'passed'], scope: 'requests.*.natural_person', expected: 17, found: 11, en: 'Column "Natural persons": outcome rows sum to 17; (7) Total says 11.' },
  },
  {
    name: 'I3 with an outcome row absent is not checkable',
    rule: 'I3',
    reports: [gb21({ 'requests.denied_admin_query.total': undefined })],
    expect: { outcomes: ['not-checkable', 'passed'], severity: 'not-checkable', en: 'Table 3 · Denied · administrative query · Total not captured' },
  },
  // I4
  { name: 'I4 holds in every row', rule: 'I4', reports: [gb21()], expect: { outcomes: ['passed'] } },
  {
    name: 'I4 fails where the total is not upheld + corrected + other + pending',
    rule: 'I4',
    reports: [gb21({ 'review.admin_review.pending': 4 })],
    expect: { outcomes: ['failed', 'passed'], scope: 'review.admin_review.*', expected: 6, found: 2, zh: '「行政复议」行:维持 + 纠正 + 其他结果 + 尚未审结 = 6,总计为 2。' },
  },
  {
    name: 'I4 on a GB report without table 四 is not checkable',
    rule: 'I4',
    reports: [makeReport({ format: 'GB2019', cells: requestCells('GB2019') })],
    expect: { outcomes: ['not-checkable'], severity: 'not-checkable', en: 'table IV (review and litigation) not captured' },
  },
  // X-carry
  {
    name: 'X-carry holds when next year carries over what was carried forward',
    rule: 'X-carry',
    reports: [gb21({}, { year: 2022 }), gb21({ 'requests.carried_over.natural_person': 1, 'requests.carried_over.total': 1, 'requests.new_received.natural_person': 11, 'requests.new_received.total': 11 }, { year: 2023 })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'X-carry fails when next year carries over another number',
    rule: 'X-carry',
    reports: [gb21({}, { year: 2022 }), gb21({}, { year: 2023 })],
    expect: { outcomes: ['failed', 'passed'], severity: 'error', scope: '2022→2023 requests.*.natural_person', expected: 1, found: 2, zh: '「自然人」栏:2022 年结转下年度 1,2023 年上年结转 2。' },
  },
  {
    name: 'X-carry with the later table not captured is not checkable',
    rule: 'X-carry',
    reports: [gb21({}, { year: 2022 }), makeReport({ format: 'GB2021', year: 2023, cells: reviewCells() })],
    expect: { outcomes: ['not-checkable'], severity: 'not-checkable', zh: '2023 年表三未采集' },
  },
  { name: 'X-carry needs consecutive years', rule: 'X-carry', reports: [gb21({}, { year: 2021 }), gb21({}, { year: 2023 })], expect: { outcomes: [] } },
  // X-items
  {
    name: 'X-items holds: items last year + change = next year’s items last year',
    rule: 'X-items',
    reports: [
      makeReport({ format: 'GB2019', year: 2019, set: { 'active_2019.admin_license.prev_year_items': 396, 'active_2019.admin_license.change_this_year': -6 } }),
      makeReport({ format: 'GB2019', year: 2020, set: { 'active_2019.admin_license.prev_year_items': 390 } }),
    ],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'X-items fails when the chain breaks',
    rule: 'X-items',
    reports: [
      makeReport({ format: 'GB2019', year: 2019, set: { 'active_2019.admin_fees.prev_year_items': 35, 'active_2019.admin_fees.change_this_year': 0 } }),
      makeReport({ format: 'GB2019', year: 2020, set: { 'active_2019.admin_fees.prev_year_items': 20 } }),
    ],
    expect: { outcomes: ['failed'], severity: 'error', scope: '2019→2020 active_2019.admin_fees', expected: 35, found: 20 },
  },
  {
    name: 'X-items with the change absent is not checkable',
    rule: 'X-items',
    reports: [
      makeReport({ format: 'GB2019', year: 2019, set: { 'active_2019.admin_fees.prev_year_items': 35 } }),
      makeReport({ format: 'GB2019', year: 2020, set: { 'active_2019.admin_fees.prev_year_items': 35 } }),
    ],
    expect: { outcomes: ['not-checkable'], severity: 'not-checkable', en: 'Table 2 (2019 format) · Administrative fees · Change this year not captured' },
  },
  // X-in-force
  {
    name: 'X-in-force holds: in force(t−1) + issued − repealed = in force(t)',
    rule: 'X-in-force',
    reports: [
      makeReport({ year: 2021, set: { 'active_2021.normative_docs.in_force': 665 } }),
      makeReport({ year: 2022, set: { 'active_2021.normative_docs.in_force': 698, 'active_2021.normative_docs.issued_this_year': 40, 'active_2021.normative_docs.repealed_this_year': 7 } }),
    ],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'X-in-force is only a warning when the chain breaks',
    rule: 'X-in-force',
    reports: [
      makeReport({ year: 2022, set: { 'active_2021.normative_docs.in_force': 698 } }),
      makeReport({ year: 2023, set: { 'active_2021.normative_docs.in_force': 470, 'active_2021.normative_docs.issued_this_year': 10, 'active_2021.normative_docs.repealed_this_year': 0 } }),
    ],
    expect: { outcomes: ['failed'], severity: 'warning', expected: 708, found: 470 },
  },
  // P-regulations
  ...(['乡镇', '街道', '区县部门', '省级部门'] as const).map(
    (level): Case => ({
      name: `P-regulations: a ${level} reporting 规章 is an error`,
      rule: 'P-regulations',
      reports: [makeReport({ level, set: { 'active_2021.regulations.issued_this_year': 2, 'active_2021.regulations.in_force': 0 } })],
      expect: { outcomes: ['failed'], severity: 'error', expected: 0, found: 2, zh: `层级为“${level}”的机构不制定规章` },
    }),
  ),
  {
    name: 'P-regulations: a provincial government may report 规章',
    rule: 'P-regulations',
    reports: [makeReport({ level: '省级政府', format: 'GB2019', set: { 'active_2019.regulations.made_this_year': 13 } })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'P-regulations: a town reporting 0 规章 is fine',
    rule: 'P-regulations',
    reports: [makeReport({ level: '乡镇', set: { 'active_2021.regulations.in_force': 0 } })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'P-regulations: unknown level is not checkable',
    rule: 'P-regulations',
    reports: [makeReport({ level: '', set: { 'active_2021.regulations.in_force': 3 } })],
    expect: { outcomes: ['not-checkable'], zh: '机构层级未知' },
  },
  // P-format
  { name: 'P-format: GB2019 in 2020 is right', rule: 'P-format', reports: [makeReport({ format: 'GB2019', year: 2020 })], expect: { outcomes: ['passed'] } },
  {
    name: 'P-format: GB2019 in 2021 is a warning',
    rule: 'P-format',
    reports: [makeReport({ format: 'GB2019', year: 2021 })],
    expect: { outcomes: ['failed'], severity: 'warning', expected: 'GB2021', found: 'GB2019', en: 'A report for 2021 should use GB2021; its tables follow GB2019.' },
  },
  {
    name: 'P-format: GB2021 in 2020 is a warning',
    rule: 'P-format',
    reports: [makeReport({ format: 'GB2021', year: 2020 })],
    expect: { outcomes: ['failed'], severity: 'warning', expected: 'GB2019', found: 'GB2021' },
  },
  // P-unit
  {
    name: 'P-unit: an amount in 元 is fine',
    rule: 'P-unit',
    reports: [makeReport({ format: 'GB2019', set: { 'active_2019.central_procurement.procurement_amount': { value: 251000, unit: '元' } } })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'P-unit: an amount with no unit is a warning',
    rule: 'P-unit',
    reports: [makeReport({ format: 'GB2019', set: { 'active_2019.central_procurement.procurement_amount': { value: 13.595, note: '疑为万元' } } })],
    expect: { outcomes: ['failed'], severity: 'warning', found: null, zh: '政府集中采购总金额 13.595 未注明单位,无法换算为万元(疑为万元)。' },
  },
  {
    name: 'P-unit: zero needs no unit',
    rule: 'P-unit',
    reports: [makeReport({ format: 'GB2019', set: { 'active_2019.central_procurement.procurement_amount': 0 } })],
    expect: { outcomes: ['passed'] },
  },
  // T-prose
  {
    name: 'T-prose: prose equal to the table passes',
    rule: 'T-prose',
    reports: [gb21({ 'requests_text.granted_plus_partial.total': 7, 'requests_text.unable_subtotal.total': 3, 'review_text.litigation_all.total': 4, 'requests_text.other_subtotal.total': 1 })],
    expect: { outcomes: ['passed'] },
  },
  {
    name: 'T-prose: granted + partially granted differing from the table',
    rule: 'T-prose',
    reports: [gb21({ 'requests_text.granted_plus_partial.total': 6 })],
    expect: { outcomes: ['failed'], severity: 'error', scope: 'requests_text.granted_plus_partial.total', expected: 7, found: 6, zh: '正文称予以公开及部分公开为 6,表中为 7。' },
  },
  {
    name: 'T-prose: litigation (both kinds) differing from table 四',
    rule: 'T-prose',
    reports: [gb21({ 'review_text.litigation_all.total': 5 })],
    expect: { outcomes: ['failed'], expected: 4, found: 5, en: 'The prose states litigation (both kinds), total as 5; the table says 4.' },
  },
  {
    name: 'T-prose: a blank 总计 cell falls back to the applicant columns',
    rule: 'T-prose',
    reports: [gb21({ 'requests.granted.total': null, 'requests.granted.natural_person': 5, 'requests_text.granted.total': 4 })],
    expect: { outcomes: ['failed'], expected: 5, found: 4, reliedOnBlanks: true, zh: '表中总计栏空白,按各类申请人相加' },
  },
  {
    name: 'T-prose: an approximate prose figure that differs is a warning',
    rule: 'T-prose',
    reports: [gb21({ 'requests_text.new_received.total': { value: 9, approx: true } })],
    expect: { outcomes: ['failed'], severity: 'warning', expected: 10, found: 9, en: 'includes approximate values' },
  },
  {
    name: 'T-prose: prose without the table is not checkable',
    rule: 'T-prose',
    reports: [makeReport({ format: 'text-only', set: { 'requests_text.new_received.total': 5 } })],
    expect: { outcomes: ['not-checkable'], severity: 'not-checkable', zh: '正文与表格无法核对:表三未采集。' },
  },
];

describe('rules, table-driven', () => {
  it.each(CASES)('$name', ({ rule, reports, expect: want }) => {
    const run = runChecks(reports);
    expect(outcomes(run, rule)).toEqual(want.outcomes);
    const found = ruleFindings(run, rule);
    if (want.outcomes.length === 1 && want.outcomes[0] === 'passed') {
      expect(found).toEqual([]);
      return;
    }
    if (want.outcomes.length === 0) {
      expect(found).toEqual([]);
      return;
    }
    // A failing or not-checkable case: the first finding of the rule (failures sort before not-checkable).
    const f = want.scope ? found.find((x) => x.scope === want.scope) : found[0];
    expect(f, `a ${rule} finding`).toBeDefined();
    if (!f) return;
    if (want.severity) expect(f.severity).toBe(want.severity);
    if ('expected' in want) expect(f.expected).toEqual(want.expected);
    if ('found' in want) expect(f.found).toEqual(want.found);
    if (want.reliedOnBlanks !== undefined) expect(f.reliedOnBlanks).toBe(want.reliedOnBlanks);
    if (want.zh) expect(f.zh).toContain(want.zh);
    if (want.en) expect(f.en).toContain(want.en);
    expect(f.agency).toBe(reports[reports.length - 1].agency);
    // The format is a property of the report, not a cell; every other finding names its cells.
    if (f.severity !== 'not-checkable' && rule !== 'P-format') expect(f.cells.length).toBeGreaterThan(0);
  });
});

describe('finding contents', () => {
  it('names the cells with their values and states', () => {
    const run = runChecks([gb21({ 'requests.carried_over.natural_person': null })]);
    const f = run.findings.find((x) => x.rule === 'I1' && x.scope === 'requests.*.natural_person');
    expect(f?.cells).toEqual([
      { year: 2022, key: 'requests.new_received.natural_person', value: 10, state: 'number' },
      { year: 2022, key: 'requests.carried_over.natural_person', value: null, state: 'blank' },
      { year: 2022, key: 'requests.results_total.natural_person', value: 11, state: 'number' },
      { year: 2022, key: 'requests.carried_forward.natural_person', value: 1, state: 'number' },
    ]);
  });

  it('reports an approximate value used in a sum (P-approx) whatever the outcome', () => {
    const run = runChecks([gb21({ 'requests.new_received.total': { value: 10, approx: true } })]);
    const notes = run.findings.filter((f) => f.rule === 'P-approx');
    expect(notes.map((f) => f.scope)).toContain('I1 requests.*.total');
    const n = notes.find((f) => f.scope === 'I1 requests.*.total');
    expect(n?.severity).toBe('info');
    expect(n?.cells).toEqual([{ year: 2022, key: 'requests.new_received.total', value: 10, state: 'number', approx: true }]);
    // The identity holds with the approximate figure, so I1 itself passes for the column.
    expect(run.checks.find((c) => c.rule === 'I1' && c.scope === 'requests.*.total')?.outcome).toBe('passed');
  });

  it('never changes the reports it checks', () => {
    const r = gb21({ 'requests.granted.total': null });
    const before = JSON.stringify(r);
    runChecks([r]);
    expect(JSON.stringify(r)).toBe(before);
  });

  it('gives every finding a unique id', () => {
    const run = runChecks([gb21({ 'requests.granted.total': 9 }, { year: 2022 }), gb21({}, { year: 2023 })]);
    const ids = run.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('checkReport (for the import review)', () => {
  it('checks one report against the stored reports of the years around it', () => {
    const stored = [gb21({}, { year: 2021 }), gb21({}, { year: 2023 })];
    const incoming = gb21({ 'requests.carried_over.natural_person': 5, 'requests.carried_over.total': 5 }, { year: 2022 });
    const findings = checkReport(incoming, stored);
    const carry = findings.filter((f) => f.rule === 'X-carry');
    // 2021 carried forward 1, 2022 carries over 5; 2022 carries forward 1 but 2023 carries over 2.
    expect(carry.map((f) => [f.year, f.scope, f.expected, f.found])).toEqual([
      [2022, '2021→2022 requests.*.natural_person', 1, 5],
      [2022, '2021→2022 requests.*.total', 1, 5],
      [2023, '2022→2023 requests.*.natural_person', 1, 2],
      [2023, '2022→2023 requests.*.total', 1, 2],
    ]);
    expect(findings.some((f) => f.rule === 'I1' && f.year === 2022)).toBe(true);
  });
});

describe('checkIncoming (import review before commit)', () => {
  it('checks incoming reports as they would be stored, with the stored neighbours, and nothing else', () => {
    const stored = [
      gb21({}, { year: 2021 }),
      gb21({ 'requests.granted.total': 9 }, { year: 2022 }), // replaced by the incoming 2022
      gb21({}, { year: 2023 }),
      gb21({ 'review.admin_review.total': 9 }, { agency: '别的机关', year: 2022 }),
    ];
    const incoming = [gb21({ 'requests.carried_over.natural_person': 1, 'requests.carried_over.total': 1, 'requests.new_received.natural_person': 11, 'requests.new_received.total': 11 }, { year: 2022 })];
    const findings = checkIncoming(incoming, stored);
    // The stored 2022's I2 error is gone (replaced); the other organ is not looked at; the incoming 2022 carries
    // over 1 as 2021 carried forward; 2023 carries over 2 where the incoming 2022 carries forward 1.
    expect(findings.map((f) => [f.agency, f.year, f.rule, f.scope])).toEqual([
      ['测试机关', 2023, 'X-carry', '2022→2023 requests.*.natural_person'],
      ['测试机关', 2023, 'X-carry', '2022→2023 requests.*.total'],
    ]);
  });
});
