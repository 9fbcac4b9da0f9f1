import { beforeAll, describe, expect, it } from 'vitest';
import { tableCsv, tableTsv } from '../../src/charts/export';
import { chartNotes, yearList } from '../../src/charts/notes';
import { chartOption } from '../../src/charts/option';
import { chartTable } from '../../src/charts/table';
import { translator } from '../../src/i18n/messages';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { compareOrgans, ranking, rollup } from '../../src/query/compare';
import { activeOverYears, applicants, outcomeShares, reasons, reviewOutcomes } from '../../src/query/details';
import { METRIC_BY_KEY, type Metric } from '../../src/query/metrics';
import { overviewCards } from '../../src/query/overview';
import { figureRows, fixtureNumber, fixtureOutcome, OUTCOME_GROUP_KEYS, PINGTAN, type FixtureRow } from '../helpers/fixture';

let reports: Report[];
let rows: FixtureRow[];
beforeAll(() => {
  reports = sampleReports();
  rows = figureRows();
});
const metric = (k: string) => METRIC_BY_KEY.get(k) as Metric;
const t = translator('zh-CN');

describe('requests in detail (平潭综合实验区)', () => {
  it('shares add up to 100% and equal count / sum of groups', () => {
    const data = outcomeShares(reports, PINGTAN, { from: 2021 });
    data.years.forEach((y, i) => {
      const counts = OUTCOME_GROUP_KEYS.map((g) => fixtureOutcome(rows, PINGTAN, y, g) as number);
      const total = counts.reduce((a, b) => a + b, 0);
      const shares = data.series.map((s) => s.points[i].value as number);
      shares.forEach((v, j) => expect(v).toBeCloseTo((counts[j] / total) * 100, 1));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    });
  });

  it('applicants are the columns of 本年新收', () => {
    const data = applicants(reports, PINGTAN, { from: 2019 });
    for (const s of data.series) {
      expect(s.points.map((p) => p.value), s.key).toEqual(data.years.map((y) => fixtureNumber(rows, PINGTAN, y, 'requests', 'new_received', s.key)));
    }
    expect(data.series.map((s) => s.zh)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('reasons inside 不予公开 are its eight rows', () => {
    const data = reasons(reports, PINGTAN, 'denied', { from: 2021, to: 2021 });
    expect(data.series).toHaveLength(8);
    expect(data.series.map((s) => s.points[0].value)).toEqual(
      data.series.map((s) => fixtureNumber(rows, PINGTAN, 2021, 'requests', s.key, 'total')),
    );
    expect(data.series.find((s) => s.key === 'denied_enforcement_file')?.points[0].value).toBe(6);
  });
});

describe('review and table 二', () => {
  it('review rows per column', () => {
    const data = reviewOutcomes(reports, PINGTAN, 'admin_review', { from: 2019 });
    for (const s of data.series) {
      expect(s.points.map((p) => p.value), s.key).toEqual(data.years.map((y) => fixtureNumber(rows, PINGTAN, y, 'review', 'admin_review', s.key)));
    }
    const before = reviewOutcomes(reports, PINGTAN, 'admin_review', { to: 2018 });
    expect(chartNotes('review', before, t)).toEqual(['2019 年前的年报没有行政复议、行政诉讼表(2011–2018)']);
  });

  it('normative documents: GB2019 and GB2021 columns are separate series, never spliced', () => {
    const data = activeOverYears(reports, PINGTAN, 'normative_docs', { from: 2019 });
    const get = (k: string) => data.series.find((s) => s.key === k)?.points.map((p) => [p.year, p.value, p.flags]);
    expect(get('in_force')).toEqual([
      [2019, null, ['not-in-format']],
      [2020, null, ['not-in-format']],
      [2021, 665, []],
      [2022, 698, []],
      [2023, 470, []],
      [2024, 440, []],
      [2025, 546, []],
    ]);
    expect(get('total_published')?.slice(2).every(([, v, f]) => v === null && (f as string[])[0] === 'not-in-format')).toBe(true);
    expect(data.series.map((s) => s.zh)).toContain('现行有效件数(2021版)');
  });
});

describe('compare and roll-up', () => {
  const organs = ['平潭综合实验区', '平潭县人民政府'];

  it('one series per organ; years with no report are gaps', () => {
    const data = compareOrgans(reports, organs, metric('published_items'), 2011, 2014);
    expect(data.years).toEqual([2011, 2012, 2013, 2014]);
    expect(data.series.map((s) => s.points.map((p) => p.value))).toEqual([
      [425, 1913, 4970, 2543],
      [425, 2026, 1853, null],
    ]);
    expect(data.series[1].points[3].flags).toEqual(['no-report']);
  });

  it('ranking: largest first, missing last', () => {
    const r = ranking(reports, ['平潭县人民政府', '平潭综合实验区', '大峪镇人民政府'], metric('published_items'), 2013);
    expect(r.map((e) => [e.agency, e.point.value])).toEqual([
      ['平潭综合实验区', 4970],
      ['平潭县人民政府', 1853],
      ['大峪镇人民政府', null],
    ]);
  });

  it('roll-up sums the organs and marks years where some lack the figure as partial', () => {
    const data = rollup(reports, organs, metric('published_items'), 2012, 2014);
    expect(data.rollup.map((p) => [p.year, p.value, p.flags, p.missingOrgans])).toEqual([
      [2012, 1913 + 2026, [], []],
      [2013, 4970 + 1853, [], []],
      [2014, 2543, ['partial'], ['平潭县人民政府']],
    ]);
  });

  it('roll-up leaves out amounts printed with no unit', () => {
    const data = rollup(reports, ['大峪镇人民政府', '平潭综合实验区'], metric('procurement_amount'), 2020, 2020);
    expect(data.rollup[0]).toMatchObject({ value: 7380.28959, flags: ['partial'], missingOrgans: ['大峪镇人民政府'] });
  });
});

describe('overview cards', () => {
  it('latest year with the change from the year before', () => {
    const cards = overviewCards(reports, PINGTAN, undefined, 2023);
    const byKey = Object.fromEntries(cards.map((c) => [c.key, c]));
    expect(byKey.published_items).toMatchObject({ year: 2023, change: 13561 - 14571 });
    expect(byKey.new_received.point.value).toBe(fixtureNumber(rows, PINGTAN, 2023, 'requests', 'new_received', 'total'));
    const g = fixtureNumber(rows, PINGTAN, 2023, 'requests', 'granted', 'total') as number;
    const p = fixtureNumber(rows, PINGTAN, 2023, 'requests', 'partially_granted', 'total') as number;
    const tot = fixtureNumber(rows, PINGTAN, 2023, 'requests', 'results_total', 'total') as number;
    expect(byKey.open_rate.point.value).toBe(Math.round(((g + p) / tot) * 1000) / 10);
  });
});

describe('exports', () => {
  it('CSV has a BOM, neutralised text cells, plain numbers and empty missing values', () => {
    const data = compareOrgans(reports, ['平潭县人民政府', '平潭综合实验区'], metric('published_items'), 2013, 2014);
    data.series[0].zh = '=HYPERLINK("http://x")';
    const csv = tableCsv(chartTable(data, 'zh-CN'), '年度');
    expect(csv).toBe('\uFEFF年度,"\'=HYPERLINK(""http://x"")(条)",平潭综合实验区(条)\r\n2013,1853,4970\r\n2014,,2543\r\n');
  });

  it('negative numbers stay numbers in the CSV', () => {
    const data = compareOrgans(reports, ['平潭综合实验区'], metric('published_items'), 2013, 2013);
    data.series[0].points[0] = { year: 2013, value: -15, flags: [] };
    expect(tableCsv(chartTable(data, 'zh-CN'), '年度').split('\r\n')[1]).toBe('2013,-15');
    expect(tableTsv(chartTable(data, 'zh-CN'), '年度')).toBe('年度\t平潭综合实验区(条)\n2013\t-15');
  });
});

describe('general option and notes', () => {
  it('a second axis for a second unit; stacked bars', () => {
    const data = activeOverYears(reports, PINGTAN, 'fees', { from: 2019 });
    const o = chartOption(data, 'zh-CN', { type: 'bar', stack: true });
    const series = o.series as { yAxisIndex: number; stack?: string; name: string }[];
    expect(series.map((s) => [s.name, s.yAxisIndex, s.stack])).toEqual([
      ['行政事业性收费项目数(上一年项目数量)(2019版)', 0, 'all'],
      ['行政事业性收费本年收费金额(2021版)', 1, 'all'],
    ]);
    expect((o.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['项', '万元']);
  });

  it('year lists', () => {
    expect(yearList([2011, 2012, 2013, 2015, 2017, 2018])).toBe('2011–2013、2015、2017–2018');
  });
});
