// What the supervisor's views show, decided in pure code: the matrix's groups, words and accessible labels; the
// checks worker's tallies; the scorecard's rows and CSV (unknown timeliness never on time or late, text
// neutralised); one report's sheet with the cells its findings name and its prose figures against the tables; two
// years side by side with the format change named.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkReport, runChecks } from '../../src/checks';
import { tallyRun } from '../../src/checks/tally';
import { matrixView, scoreCsv, scoreRows, storedSheetView, twoYearsView } from '../../src/figures/supervision';
import { translator } from '../../src/i18n/messages';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { coverageMatrix } from '../../src/query/coverage';
import { DEFAULT_WEIGHTS, scoreLine } from '../../src/query/scorecard';

let reports: Report[];
const PT = '平潭综合实验区';
const zh = translator('zh-CN');
const en = translator('en');
const find = (agency: string, year: number) => reports.find((r) => r.agency === agency && r.year === year) as Report;

beforeAll(async () => {
  reports = await sampleReports();
});

function tallies() {
  const byOrgan = new Map<string, Report[]>();
  for (const r of reports) byOrgan.set(r.agency, [...(byOrgan.get(r.agency) ?? []), r]);
  return [...byOrgan.values()].flatMap((list) => tallyRun(runChecks(list, { records: true }), list));
}

describe('tallies from the checks', () => {
  it('count errors and warnings like the findings, and the checks made; every report gets a row', () => {
    const list = tallies();
    expect(list).toHaveLength(reports.length);
    const pt2020 = list.find((t) => t.agency === PT && t.year === 2020);
    const own = checkReport(find(PT, 2020), reports.filter((r) => r.agency === PT));
    expect(pt2020?.errors).toBe(own.filter((f) => f.severity === 'error').length);
    expect(pt2020?.errors).toBe(2);
    expect(pt2020?.failed).toBeGreaterThanOrEqual(2);
    expect(pt2020?.passed).toBeGreaterThan(10);
    // 平潭县人民政府 2011: prose of the 2008 format, nothing the identities can check.
    const old = list.find((t) => t.agency === '平潭县人民政府' && t.year === 2011);
    expect(old).toMatchObject({ errors: 0, warnings: 0, passed: 0, failed: 0 });
  });
});

describe('matrix view', () => {
  function view(roster = [] as { agency: string; level: string; region: string }[], lang: 'zh-CN' | 'en' = 'zh-CN', level?: string) {
    const map = new Map(tallies().map((t) => [`${t.agency}|${t.year}`, t]));
    const m = coverageMatrix(reports, {
      roster,
      findings: (a, y) => {
        const t = map.get(`${a}|${y}`);
        return t ? { errors: t.errors, warnings: t.warnings, checked: t.passed + t.failed } : { errors: 0, warnings: 0 };
      },
    });
    return matrixView(m, { level }, lang, lang === 'zh-CN' ? zh : en);
  }

  it('groups organs by level in administrative order; each cell says its status in words, with the year for a screen reader', () => {
    const v = view();
    const levels = v.groups.map((g) => g.level);
    expect(levels.indexOf('省级政府')).toBeLessThan(levels.indexOf('区县政府'));
    expect(levels.indexOf('区县政府')).toBeLessThan(levels.indexOf('乡镇'));
    const pt = v.groups.flatMap((g) => g.rows).find((r) => r.agency === PT);
    const c2020 = pt?.cells.find((c) => c.year === 2020);
    expect(c2020).toMatchObject({ tone: 'errors', text: '2 个错误', report: true });
    expect(c2020?.label).toMatch(/^2020 · 2 个错误 · 完整度 \d+%$/);
    const sh = v.groups.flatMap((g) => g.rows).find((r) => r.agency === '上海市人民政府办公厅');
    expect(sh?.cells[0]).toMatchObject({ year: 2011, tone: 'none', text: '无年报', label: '2011 · 无年报', report: false });
    const old = v.groups.flatMap((g) => g.rows).find((r) => r.agency === '平潭县人民政府')?.cells[0];
    expect(old).toMatchObject({ tone: 'unchecked', text: '无法核对' });
    expect(v.reports).toBe(reports.length);
    expect(v.unreported).toBe(0);
  });

  it('a roster organ without reports says 未报 every year and is counted; the level facet keeps its level only', () => {
    const v = view([{ agency: '某某镇人民政府', level: '乡镇', region: '某县' }]);
    const town = v.groups.find((g) => g.level === '乡镇')?.rows.find((r) => r.agency === '某某镇人民政府');
    expect(new Set(town?.cells.map((c) => c.text))).toEqual(new Set(['未报']));
    expect(v.unreported).toBe(v.years.length);
    const towns = view([{ agency: '某某镇人民政府', level: '乡镇', region: '某县' }], 'zh-CN', '乡镇');
    expect(towns.groups.map((g) => g.level)).toEqual(['乡镇']);
  });

  it('draws the first organs only past its limit, but counts them all', () => {
    const whole = view();
    const map = new Map(tallies().map((t) => [`${t.agency}|${t.year}`, t]));
    const m = coverageMatrix(reports, { findings: (a, y) => map.get(`${a}|${y}`) ?? { errors: 0, warnings: 0 } });
    const cut = matrixView(m, {}, 'zh-CN', zh, 5);
    expect(cut.groups.flatMap((g) => g.rows)).toHaveLength(5);
    expect(cut.hidden).toBe(whole.organs - 5);
    expect([cut.organs, cut.reports, cut.withErrors]).toEqual([whole.organs, whole.reports, whole.withErrors]);
    expect(whole.hidden).toBe(0);
  });

  it('speaks English with plurals', () => {
    const v = view([{ agency: 'X 镇', level: '乡镇', region: '' }], 'en');
    const pt = v.groups.flatMap((g) => g.rows).find((r) => r.agency === PT);
    expect(pt?.cells.find((c) => c.year === 2020)?.text).toBe('2 errors');
    expect(v.groups.find((g) => g.level === '乡镇')?.label).toBe('Township');
    expect(v.groups.flatMap((g) => g.rows).find((r) => r.agency === 'X 镇')?.cells[0].label).toBe('2011 · Not reported');
  });
});

describe('scorecard rows and CSV', () => {
  const tally = { passed: 10, failed: 0, errors: 0, warnings: 0 };
  it('a report without a publication date: timeliness unknown, the total says what it leaves out', () => {
    const r: Report = { ...find(PT, 2019), published: undefined };
    const rows = scoreRows([scoreLine(r, tally)], {}, 'total', 'zh-CN', zh);
    expect(rows[0].timeliness).toBe('未知');
    expect(rows[0].timelinessNote).toBe('没有发布日期(期限 2020-03-31)');
    expect(rows[0].totalNote).toBe('总分未计入:及时性');
  });

  it('late by 40 days: six full weeks less 10 points each; the CSV has BOM, weights, numbers bare and names neutralised', () => {
    const r: Report = { ...find(PT, 2019), agency: '=HYPERLINK("x")', published: '2020-05-10' };
    const line = scoreLine(r, tally, DEFAULT_WEIGHTS);
    const rows = scoreRows([line], {}, 'total', 'zh-CN', zh);
    expect(rows[0].timeliness).toBe('逾期 40 天 · 40');
    const csv = scoreCsv(rows, DEFAULT_WEIGHTS, zh);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [head, row] = csv.slice(1).trim().split('\r\n');
    expect(head).toBe('机构,层级,地区,年度,完整度 (权重 40),一致性 (权重 40),错误,警告,发布日期,期限,及时性 (权重 20),总分,说明');
    expect(row.startsWith(`"'=HYPERLINK(""x"")",`)).toBe(true);
    expect(row).toContain(',2019,');
    expect(row).toContain(',2020-05-10,2020-03-31,40,');
  });

  it('ranks a total over some parts only after totals over every part, even when it is higher', () => {
    const whole = scoreLine({ ...find(PT, 2019), published: '2020-06-30' }, { passed: 5, failed: 5, errors: 1, warnings: 0 });
    const partial = scoreLine(find('平潭县人民政府', 2012), tally);
    expect([whole.partial, partial.partial]).toEqual([false, true]);
    expect(partial.total).toBe(100);
    expect(whole.total).toBeLessThan(100);
    expect(scoreRows([partial, whole], {}, 'total', 'zh-CN', zh).map((r) => r.line.agency)).toEqual([PT, '平潭县人民政府']);
  });

  it('sorts with unknown totals last and filters by region', () => {
    const a = scoreLine({ ...find(PT, 2019), published: '2020-01-01' }, tally);
    const b = scoreLine({ ...find(PT, 2020), published: undefined }, { passed: 0, failed: 0, errors: 0, warnings: 0 }, { completeness: 0, consistency: 0, timeliness: 100 });
    const rows = scoreRows([b, a], {}, 'total', 'zh-CN', zh);
    expect(rows.map((r) => r.line.year)).toEqual([2019, 2020]);
    expect(rows[1].total).toBe('—');
    expect(scoreRows([a, b], { region: '上海' }, 'total', 'zh-CN', zh)).toEqual([]);
  });
});

describe('report sheet and two years', () => {
  it('平潭 2020: the (七)总计 cells its I3 findings name are marked, the first row is not', () => {
    const r = find(PT, 2020);
    const v = storedSheetView(r, checkReport(r, reports.filter((x) => x.agency === PT)), 'zh-CN', zh);
    const cells = v.sheet.tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'value');
    const marked = cells.filter((c) => c.kind === 'value' && c.findings.length > 0).map((c) => (c.kind === 'value' ? c.key : ''));
    expect(marked).toContain('requests.results_total.natural_person');
    expect(marked).toContain('requests.results_total.total');
    expect(marked).not.toContain('requests.new_received.natural_person');
    expect(v.findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('prose figures stand beside the table figures they should equal: agreeing, differing, or not checkable', () => {
    // 上海市人民政府办公厅 2019: its prose says 258 granted or partly granted, its table 275; 265 unable, table 337.
    const sh = storedSheetView(find('上海市人民政府办公厅', 2019), [], 'zh-CN', zh).prose;
    const pair = (key: string) => sh.find((p) => p.key === key);
    expect(pair('requests_text.new_received.total')).toEqual({ key: 'requests_text.new_received.total', label: '本年新收申请', prose: '859 件', table: '859', agrees: true });
    expect(pair('requests_text.granted_plus_partial.total')).toMatchObject({ label: '予以公开及部分公开', prose: '258 件', table: '275', agrees: false });
    expect(pair('requests_text.unable_subtotal.total')).toMatchObject({ prose: '265 件', table: '337', agrees: false });
    expect(sh.filter((p) => p.agrees === false)).toHaveLength(2);
    // 中埠镇 2020 states its new requests in prose, but table 三 was not captured: not checkable, never "agrees".
    const town = storedSheetView(find('中埠镇人民政府', 2020), [], 'zh-CN', zh).prose;
    expect(town).toEqual([{ key: 'requests_text.new_received.total', label: '本年新收申请', prose: '0 件', table: '未采集', agrees: null }]);
  });

  it('two years in either order read from the earlier; a GB2019 figure has no GB2021 counterpart and says so', () => {
    const v = twoYearsView(find(PT, 2021), find(PT, 2020), 'zh-CN', zh);
    expect([v.a, v.b]).toEqual([2020, 2021]);
    const first = v.rows[0];
    expect(first.change).not.toBe('');
    const formatRow = v.rows.find((r) => r.key.startsWith('active_2019.'));
    expect(formatRow?.note).toBe('另一年的格式没有此项(2019 与 2021 格式不同)');
    expect(formatRow?.change).toBe('');
  });
});
