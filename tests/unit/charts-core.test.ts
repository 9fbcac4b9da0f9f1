import { beforeAll, describe, expect, it } from 'vitest';
import { chartOption } from '../../src/charts/option';
import type { ChartData } from '../../src/query/series';

const publishedOption = (d: ChartData, lang: 'zh-CN' | 'en') => chartOption(d, lang, { type: 'bar' });
const procurementOption = (d: ChartData, lang: 'zh-CN' | 'en') => chartOption(d, lang, { type: 'bar', lineKeys: ['procurement_amount'] });
const outcomesOption = (d: ChartData, lang: 'zh-CN' | 'en') => chartOption(d, lang, { type: 'bar', stack: true, lineKeys: ['new_received'] });
import { escapeHtml, tooltipHtml } from '../../src/charts/format';
import { chartNotes } from '../../src/charts/notes';
import { chartTable } from '../../src/charts/table';
import { translator } from '../../src/i18n/messages';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { procurement, publishedItems, requestOutcomes } from '../../src/query/coreCharts';
import { figureRows, fixtureAmountWan, fixtureNumber, fixtureOutcome, PINGTAN, type FixtureRow } from '../helpers/fixture';

let reports: Report[];
let rows: FixtureRow[];
beforeAll(() => {
  reports = sampleReports();
  rows = figureRows();
});

/** Plain numbers behind ECharts data items (which may be {value, itemStyle} objects). */
function values(data: unknown): (number | null)[] {
  return (data as (number | null | { value: number })[]).map((d) => (d !== null && typeof d === 'object' ? d.value : d));
}

interface SeriesLike {
  type: string;
  name: string;
  data: unknown;
  stack?: string;
  yAxisIndex?: number;
}

const years = Array.from({ length: 15 }, (_, i) => 2011 + i);

describe('published items option', () => {
  it('one bar series over the years, gaps as null', () => {
    const option = publishedOption(publishedItems(reports, PINGTAN), 'zh-CN');
    expect((option.xAxis as { data: string[] }).data).toEqual(years.map(String));
    const [s] = option.series as SeriesLike[];
    expect(s.type).toBe('bar');
    expect(s.name).toBe('主动公开/更新信息条数');
    expect(values(s.data)).toEqual(years.map((y) => fixtureNumber(rows, PINGTAN, y, 'headline', 'published_items', 'total')));
    expect(values(s.data).slice(-2)).toEqual([null, null]);
  });

  it('an approximate value is drawn marked', () => {
    const option = publishedOption(publishedItems(reports, '大峪镇人民政府'), 'zh-CN');
    const [s] = option.series as SeriesLike[];
    expect(s.data).toEqual([{ value: 907, itemStyle: { opacity: 0.45, borderType: 'dashed', borderColor: '#333', borderWidth: 1 } }]);
  });
});

describe('procurement option', () => {
  it('count as bars on axis 0, 万元 amount as a line on axis 1, GB2021 years null', () => {
    const option = procurementOption(procurement(reports, PINGTAN), 'en');
    const [projects, amount] = option.series as SeriesLike[];
    expect([projects.type, projects.name, projects.yAxisIndex]).toEqual(['bar', 'Procurement projects', 0]);
    expect([amount.type, amount.name, amount.yAxisIndex]).toEqual(['line', 'Procurement amount', 1]);
    expect(values(projects.data)).toEqual(
      years.map((y) => fixtureNumber(rows, PINGTAN, y, 'active_2019', 'central_procurement', 'procurement_projects')),
    );
    expect(values(amount.data)).toEqual(years.map((y) => fixtureAmountWan(rows, PINGTAN, y)));
    expect(values(amount.data).slice(10)).toEqual([null, null, null, null, null]);
    expect((option.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['projects', '10k yuan']);
  });

  it('says why GB2021 years are gaps', () => {
    const t = translator('zh-CN');
    expect(chartNotes('procurement', procurement(reports, PINGTAN), t)).toEqual([
      '2021 年起年报格式不再包含政府集中采购(2021–2025)',
      '2011–2018 年没有这些数据(未采集、原表空白或无年报),图中留空,不是 0',
    ]);
  });
});

describe('request outcomes option', () => {
  it('six stacked bars and 本年新收 as a line', () => {
    const option = outcomesOption(requestOutcomes(reports, PINGTAN), 'zh-CN');
    const series = option.series as SeriesLike[];
    expect(series.map((s) => [s.type, s.name, s.stack])).toEqual([
      ['bar', '予以公开', 'all'],
      ['bar', '部分公开', 'all'],
      ['bar', '不予公开', 'all'],
      ['bar', '无法提供', 'all'],
      ['bar', '不予处理', 'all'],
      ['bar', '其他处理', 'all'],
      ['line', '本年新收', undefined],
    ]);
    const keys = ['granted', 'partially_granted', 'denied', 'unable', 'not_processed', 'other'];
    keys.forEach((k, i) => expect(values(series[i].data), k).toEqual(years.map((y) => fixtureOutcome(rows, PINGTAN, y, k))));
    expect(values(series[6].data)).toEqual(years.map((y) => fixtureNumber(rows, PINGTAN, y, 'requests', 'new_received', 'total')));
  });
});

describe('table view model', () => {
  it('shows missing as "—" with the reason, numbers in zh-CN format', () => {
    const table = chartTable(procurement(reports, PINGTAN), 'zh-CN');
    expect(table.columns.map((c) => c.label)).toEqual(['采购项目数量(个)', '采购总金额(万元)']);
    const row2019 = table.rows.find((r) => r.label === '2019');
    expect(row2019?.cells.map((c) => c.text)).toEqual(['135', '7,539.443252']);
    expect(row2019?.cells[1].note).toBe('原文 75,394,432.52 元,已换算为万元');
    const row2022 = table.rows.find((r) => r.label === '2022');
    expect(row2022?.cells.map((c) => [c.text, c.value, c.note])).toEqual([
      ['—', null, '该格式无此项'],
      ['—', null, '该格式无此项'],
    ]);
  });
});

describe('escaping', () => {
  it('escapes every data string that reaches a tooltip', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>&"\'')).toBe('&#60;img src=x onerror=alert(1)&#62;&#38;&#34;&#39;');
    const html = tooltipHtml(
      '2020<script>',
      [{ series: { key: 'k', zh: '<b>x</b>', en: 'x', unit: '件', points: [] }, point: { year: 2020, value: 5, flags: [] } }],
      'zh-CN',
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;: <b>5 件</b>');
  });
});
