// The supervisor's figures, table-driven with the reason for each case: the coverage matrix's statuses and
// completeness, the timeliness rule of 条例 Art. 49, the scorecard's totals, two years side by side.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReportRun } from '../../src/checks';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { completeness, coverageMatrix, percent, statusOf } from '../../src/query/coverage';
import { ARTICLE_49, deadlineKind, scoreLine, sortScores, timeliness, timelinessScore, type Timeliness } from '../../src/query/scorecard';
import { compareYears } from '../../src/query/yearCompare';

let reports: Report[];
const PT = '平潭综合实验区';
const SH = '上海市人民政府办公厅';
const find = (agency: string, year: number) => reports.find((r) => r.agency === agency && r.year === year) as Report;

function counts(agency: string, year: number) {
  const r = reports.find((x) => x.agency === agency && x.year === year);
  if (!r) return { errors: 0, warnings: 0 };
  const run = checkReportRun(r, reports.filter((x) => x.agency === agency));
  return { errors: run.findings.filter((f) => f.severity === 'error').length, warnings: run.findings.filter((f) => f.severity === 'warning').length };
}

beforeAll(async () => {
  reports = await sampleReports();
});

describe('coverage matrix', () => {
  it('平潭综合实验区 2020 has errors (its outcome rows do not add up to (七)总计); 上海市人民政府办公厅 has no report in 2011', () => {
    const m = coverageMatrix(reports, { findings: counts });
    expect(m.years[0]).toBe(2011);
    const pt = m.rows.find((r) => r.agency === PT);
    const cell2020 = pt?.cells.find((c) => c.year === 2020);
    expect(cell2020).toMatchObject({ status: 'errors', errors: 2, format: 'GB2019' });
    const sh2011 = m.rows.find((r) => r.agency === SH)?.cells.find((c) => c.year === 2011);
    expect(sh2011).toEqual({ agency: SH, year: 2011, status: 'missing', errors: 0, warnings: 0 });
  });

  it('an organ on the roster with no report at all still has its row, every year missing; roster order first', () => {
    const roster = [{ agency: '某某镇人民政府', level: '乡镇', region: '某县' }, { agency: PT, level: '', region: '' }];
    const m = coverageMatrix(reports, { roster, findings: counts, years: [2019, 2020] });
    expect(m.rows.slice(0, 2).map((r) => [r.agency, r.onRoster])).toEqual([
      ['某某镇人民政府', true],
      [PT, true],
    ]);
    expect(m.rows[0].cells.map((c) => c.status)).toEqual(['missing', 'missing']);
    // The roster gives no level for 平潭: the stored reports' is kept.
    expect(m.rows[1].level).toBe('区县政府(实验区,全区汇总)');
    expect(m.rows.length).toBe(new Set(reports.map((r) => r.agency)).size + 1);
  });

  it.each([
    ['errors win over warnings', { errors: 1, warnings: 3 }, 'errors'],
    ['warnings only', { errors: 0, warnings: 2 }, 'warnings'],
    ['nothing found', { errors: 0, warnings: 0 }, 'consistent'],
    ['checks made and all held', { errors: 0, warnings: 0, checked: 12 }, 'consistent'],
    ['no check could be made (prose only): not called consistent', { errors: 0, warnings: 0, checked: 0 }, 'unchecked'],
  ] as const)('%s', (_why, c, want) => {
    expect(statusOf(c)).toBe(want);
  });

  it('completeness counts the figures the format prints; reports before 2019 have none to count', () => {
    const sh = completeness(find(SH, 2019));
    // All 211 figures of 上海 2019 stand in figures.csv; its tables print 8 + 16 + 161 + 15 figures (GB2019).
    expect(sh).toEqual({ present: 198, expected: 198 });
    expect(percent({ present: 199, expected: 200 })).toBe(99);
    expect(completeness(find(PT, 2015))).toBeUndefined();
    const partial = { ...find(PT, 2021), cells: Object.fromEntries(Object.entries(find(PT, 2021).cells).slice(0, 10)) };
    expect(completeness(partial)?.present).toBeLessThan(completeness(find(PT, 2021))?.present ?? 0);
  });
});

describe('timeliness (条例 Art. 49)', () => {
  const t = (level: string, published: string | undefined, year = 2023): Timeliness => timeliness({ level, year, ...(published ? { published } : {}) });
  it.each([
    ['a county-and-above government by 31 March', '区县政府', '2024-03-31', 'on-time'],
    ['a county-and-above government a day late', '区县政府', '2024-04-01', 'late'],
    ['a town by 31 January', '乡镇', '2024-01-31', 'on-time'],
    ['a town in March is late', '乡镇', '2024-03-08', 'late'],
    ['a street office', '街道', '2024-02-01', 'late'],
    ['a department', '区县部门', '2024-01-20', 'on-time'],
    ['a provincial government', '省级政府', '2024-03-29', 'on-time'],
    ['no publication date: unknown, never on time or late', '乡镇', undefined, 'unknown'],
    ['no level: the deadline is not known', '', '2024-01-01', 'unknown'],
  ] as const)('%s', (_why, level, published, want) => {
    expect(t(level, published).kind).toBe(want);
  });
  it.each([
    ['a town’s 2018 report in March: the 2008 条例 gave every organ until 31 March', '乡镇', 2018, '2019-03-20', 'on-time'],
    ['平潭综合实验区 2011, published 11 April 2012: late by 11 days', '区县政府(实验区,全区汇总)', 2011, '2012-04-11', 'late'],
    ['a report without a level before 2019 still has its deadline', '', 2015, '2016-01-12', 'on-time'],
    ['平潭综合实验区 2020, published 5 March 2021: on time for a government', '区县政府(实验区,全区汇总)', 2020, '2021-03-05', 'on-time'],
  ] as const)('%s', (_why, level, year, published, want) => {
    expect(t(level, published, year).kind).toBe(want);
  });
  it('days late, and what they cost', () => {
    const late = t('乡镇', '2024-03-08');
    expect(late).toEqual({ kind: 'late', deadline: '2024-01-31', published: '2024-03-08', daysLate: 37 });
    expect(timelinessScore(late)).toBe(40);
    expect(timelinessScore(t('乡镇', '2024-01-02'))).toBe(100);
  });
  it('a locality’s own dates replace the rule', () => {
    const own = { ...ARTICLE_49, organ: { month: 2, day: 15 } };
    expect(timeliness({ level: '乡镇', year: 2023, published: '2024-02-10' }, own).kind).toBe('on-time');
    expect(deadlineKind('区县政府(实验区,全区汇总)')).toBe('government');
    expect(deadlineKind('乡镇')).toBe('organ');
  });
});

describe('scorecard', () => {
  it('the total weighs the parts that are known and says when one is missing', () => {
    // 平潭 2023 was published on 2024-03-08 (its page says 发布时间), before 31 March: a government's own report.
    const r = find(PT, 2023);
    expect(r.published).toBe('2024-03-08');
    const full = scoreLine(r, { passed: 30, failed: 0, errors: 0, warnings: 0 });
    expect(full).toMatchObject({ completeness: 100, consistency: 100, timelinessScore: 100, total: 100, partial: false });
    const { published: _, ...undated } = r;
    const noDate = scoreLine(undated, { passed: 29, failed: 1, errors: 1, warnings: 0 });
    expect(noDate.timeliness.kind).toBe('unknown');
    expect(noDate.partial).toBe(true);
    // (100 × 40 + 97 × 40) / 80: timeliness left out, not counted as 0.
    expect(noDate.total).toBe(98.5);
    const weights = scoreLine(r, { passed: 10, failed: 10, errors: 2, warnings: 0 }, { completeness: 0, consistency: 1, timeliness: 0 });
    expect(weights.total).toBe(50);
  });
  it('sorting: best first, unknown totals last', () => {
    const lines = [
      { ...scoreLine(find(PT, 2023), { passed: 1, failed: 1, errors: 1, warnings: 0 }) },
      { ...scoreLine(find(PT, 2022), { passed: 2, failed: 0, errors: 0, warnings: 0 }) },
      { ...scoreLine(find(PT, 2015), { passed: 0, failed: 0, errors: 0, warnings: 0 }), total: undefined },
    ];
    expect(sortScores(lines, 'total').map((l) => l.year)).toEqual([2022, 2023, 2015]);
  });
});

describe('year against year', () => {
  it('平潭 2022 → 2023: both values and the change, largest change first', () => {
    const rows = compareYears(find(PT, 2022), find(PT, 2023));
    const first = rows[0];
    expect(first.change).toBe(Math.max(...rows.filter((r) => r.change !== undefined).map((r) => Math.abs(r.change as number))) * Math.sign(first.change as number));
    const granted = rows.find((r) => r.key === 'requests.granted.total');
    expect([granted?.a?.value, granted?.b?.value, granted?.change]).toEqual([find(PT, 2022).cells['requests.granted.total']?.value, 22, 22 - (find(PT, 2022).cells['requests.granted.total']?.value ?? 0)]);
  });
  it('平潭 2020 → 2021: figures of one format have no counterpart in the other, and say so', () => {
    const rows = compareYears(find(PT, 2020), find(PT, 2021));
    expect(rows.find((r) => r.key === 'active_2019.regulations.made_this_year')?.note).toBe('format-changed');
    expect(rows.find((r) => r.key === 'active_2021.regulations.issued_this_year')?.note).toBe('format-changed');
    expect(rows.find((r) => r.key === 'requests.other_processing.total')?.note).toBe('format-changed');
    expect(rows.find((r) => r.key === 'requests.new_received.total')?.change).toBe(70 - 21);
  });
});
