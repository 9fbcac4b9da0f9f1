// The checker on the built-in sample: the known findings of real reports (shared/data/README.md).
import { describe, expect, it } from 'vitest';
import { checkReport, findingsByYear, runChecks } from '../../src/checks';
import { sampleReports } from '../../src/ingest/sample';

const reports = sampleReports();
const run = runChecks(reports);
const PT = '平潭综合实验区';
const SH = '上海市人民政府办公厅';

function find(agency: string, year: number, rule: string, scope: string) {
  return run.findings.find((f) => f.agency === agency && f.year === year && f.rule === rule && f.scope === scope);
}

describe('平潭综合实验区 2020: outcome rows sum to 27, (七)总计 says 21', () => {
  it('reports I3 for the 总计 column', () => {
    const f = find(PT, 2020, 'I3', 'requests.*.total');
    expect(f).toMatchObject({ severity: 'error', expected: 27, found: 21, reliedOnBlanks: false });
    expect(f?.zh).toBe('「总计」栏:各项办理结果之和为 27,(七)总计为 21。');
    expect(f?.en).toBe('Column "Total": outcome rows sum to 27; (7) Total says 21.');
    expect(f?.cells.find((c) => c.key === 'requests.other_processing.total')).toEqual({ year: 2020, key: 'requests.other_processing.total', value: 4, state: 'number' });
  });

  it('reports I3 for 自然人: 26 vs 20', () => {
    expect(find(PT, 2020, 'I3', 'requests.*.natural_person')).toMatchObject({ severity: 'error', expected: 26, found: 20 });
  });

  it('finds no other I3 problem that year (the other columns add up)', () => {
    const i3 = run.findings.filter((f) => f.agency === PT && f.year === 2020 && f.rule === 'I3').map((f) => f.scope);
    expect(i3.sort()).toEqual(['requests.*.natural_person', 'requests.*.total']);
  });
});

describe('上海市人民政府办公厅 2019: 总计 column blank in the outcome rows', () => {
  it('reports I3 for the 总计 column, relying on blanks', () => {
    const f = find(SH, 2019, 'I3', 'requests.*.total');
    expect(f).toMatchObject({ severity: 'error', expected: 0, found: 805, reliedOnBlanks: true });
    expect(f?.zh).toContain('其中 19 个空白单元格按 0 计');
    expect(f?.cells.filter((c) => c.state === 'blank').length).toBe(19);
  });

  it('reports I2 for every outcome row with applicants but a blank total', () => {
    const granted = find(SH, 2019, 'I2', 'requests.granted.*');
    expect(granted).toMatchObject({ expected: 272, found: null, reliedOnBlanks: true });
    expect(granted?.zh).toContain('总计栏空白');
    const rows = run.findings.filter((f) => f.agency === SH && f.year === 2019 && f.rule === 'I2').map((f) => f.scope);
    expect(rows).toHaveLength(11);
    expect(rows).toContain('requests.unable_not_held.*');
  });

  it('I1 still holds for it (new 859 + 18 = 805 + 72)', () => {
    expect(run.checks.find((c) => c.agency === SH && c.year === 2019 && c.rule === 'I1' && c.scope === 'requests.*.total')?.outcome).toBe('passed');
  });

  it('prose 258 vs table 275 for 予以公开+部分公开', () => {
    const f = find(SH, 2019, 'T-prose', 'requests_text.granted_plus_partial.total');
    expect(f).toMatchObject({ severity: 'error', expected: 275, found: 258 });
    expect(f?.zh).toContain('正文称予以公开及部分公开为 258,表中为 275');
  });

  it('prose 265 vs table 337 for 无法提供', () => {
    const f = find(SH, 2019, 'T-prose', 'requests_text.unable_subtotal.total');
    expect(f).toMatchObject({ severity: 'error', expected: 337, found: 265 });
    expect(f?.en).toContain('The prose states unable to provide as 265; the table says 337');
  });

  it('the prose figures that agree with the table pass', () => {
    const passed = run.checks.filter((c) => c.agency === SH && c.year === 2019 && c.rule === 'T-prose' && c.outcome === 'passed').map((c) => c.scope);
    expect(passed).toEqual(
      expect.arrayContaining([
        'requests_text.new_received.total',
        'requests_text.results_total.total',
        'requests_text.denied_subtotal.total',
        'requests_text.notproc_subtotal.total',
        'review_text.litigation_all.total',
      ]),
    );
  });
});

describe('平潭综合实验区 2019–2025 carry-over chain', () => {
  it('passes: every pair and column was checked and none failed', () => {
    for (let year = 2020; year <= 2025; year++) {
      const checks = run.checks.filter((c) => c.agency === PT && c.year === year && c.rule === 'X-carry');
      expect(checks, `${year - 1}→${year}`).toHaveLength(7);
      expect(checks.every((c) => c.outcome === 'passed'), `${year - 1}→${year}`).toBe(true);
    }
    expect(run.findings.filter((f) => f.agency === PT && f.rule === 'X-carry')).toEqual([]);
  });

  it('the GB2019 item chain 2019→2020 passes too', () => {
    const checks = run.checks.filter((c) => c.agency === PT && c.year === 2020 && c.rule === 'X-items');
    expect(checks.map((c) => c.outcome)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
  });

  it('the in-force chain is only a warning (2022→2023: 643 expected, 470 printed)', () => {
    const f = run.findings.find((x) => x.agency === PT && x.year === 2023 && x.rule === 'X-in-force');
    expect(f).toMatchObject({ severity: 'warning', expected: 643, found: 470 });
  });
});

describe('other known findings of the sample', () => {
  it('大峪镇 2020: procurement amount 13.595 without a unit', () => {
    expect(run.findings.find((f) => f.agency === '大峪镇人民政府' && f.rule === 'P-unit')).toMatchObject({ year: 2020, severity: 'warning', found: null });
  });

  it('平利县正阳镇 2021: GB2019 tables in a 2021 report', () => {
    expect(run.findings.find((f) => f.agency === '平利县正阳镇人民政府' && f.rule === 'P-format')).toMatchObject({ year: 2021, expected: 'GB2021', found: 'GB2019' });
  });

  it('reports without table 三 are not checkable, never silent', () => {
    const f = run.findings.find((x) => x.agency === '大峪镇人民政府' && x.rule === 'I1');
    expect(f).toMatchObject({ severity: 'not-checkable', zh: 'I1 收支平衡无法核对:表三(收到和处理政府信息公开申请情况)未采集。' });
  });
});

describe('per-report variant and chart marks on the sample', () => {
  it('checkReport gives the same own-report findings as the full run', () => {
    const r = reports.find((x) => x.agency === PT && x.year === 2020);
    expect(r).toBeDefined();
    if (!r) return;
    const own = checkReport(r, reports).filter((f) => f.year === 2020).map((f) => f.id).sort();
    const all = run.findings.filter((f) => f.agency === PT && f.year === 2020).map((f) => f.id).sort();
    expect(own).toEqual(all);
  });

  it('marks 2020 and the in-force years for 平潭, not the clean years', () => {
    const marks = findingsByYear(run.findings, PT);
    expect([...marks.keys()].sort()).toEqual([2020, 2023, 2024, 2025]);
    expect(marks.get(2020)?.map((f) => f.rule)).toEqual(['I3', 'I3']);
  });
});
