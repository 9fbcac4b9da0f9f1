// 公开率 and 纠错率: exact definitions on real figures; a ratio with missing inputs is missing, never 0%.
import { describe, expect, it } from 'vitest';
import { findingsByYear, runChecks } from '../../src/checks';
import { yearMarks } from '../../src/charts/marks';
import { pointNote, pointText } from '../../src/charts/format';
import { chartOption, PAGE } from '../../src/charts/option';
import { chartTable } from '../../src/charts/table';
import { sampleReports } from '../../src/ingest/sample';
import { correctionRate, disclosureRate, ratioChart, ratioOf, ratioPoint, ratios, LITIGATION_ROWS, REVIEW_ROWS, type RatioPoint } from '../../src/query/ratios';

const ratioText = (p: RatioPoint, lang: 'zh-CN' | 'en') => pointText(ratioPoint(p), lang, '%');
const ratioNote = (p: RatioPoint, lang: 'zh-CN' | 'en') => pointNote(ratioPoint(p), lang);
import { fullReport, makeReport } from './checks-fixtures';

const reports = sampleReports();
const PT = '平潭综合实验区';
const SH = '上海市人民政府办公厅';
const report = (agency: string, year: number) => {
  const r = reports.find((x) => x.agency === agency && x.year === year);
  if (!r) throw new Error(`no sample report ${agency} ${year}`);
  return r;
};

describe('公开率 = (予以公开 + 部分公开) / 办理结果总计', () => {
  it.each([
    [2019, 8, 23],
    [2020, 13, 21],
    [2021, 35, 69],
    [2025, 71, 148],
  ])('平潭 %i: %i / %i', (year, num, den) => {
    const p = disclosureRate(report(PT, year));
    expect([p.numerator, p.denominator]).toEqual([num, den]);
    expect(p.value).toBeCloseTo(num / den, 10);
    expect(p.flags).toEqual([]);
  });

  it('上海市人民政府办公厅 2019: blank 总计 cells are derived from the applicant columns and flagged', () => {
    const p = disclosureRate(report(SH, 2019));
    expect([p.numerator, p.denominator]).toEqual([275, 805]);
    expect(p.flags).toEqual(expect.arrayContaining(['derived', 'blank-as-zero']));
    expect(ratioText(p, 'zh-CN')).toBe('34.2%');
  });

  it('is missing when an input is missing', () => {
    const r = fullReport('GB2021', { 'requests.results_total.total': undefined, 'requests.results_total.natural_person': undefined });
    const p = disclosureRate(r);
    expect(p.value).toBeNull();
    expect(p.flags).toContain('absent');
    expect(ratioText(p, 'en')).toBe('—');
  });
});

describe('纠错率 = 结果纠正 / 总计', () => {
  it.each([
    [2024, REVIEW_ROWS, 1, 7],
    [2024, LITIGATION_ROWS, 2, 19],
    [2025, REVIEW_ROWS, 3, 36],
    [2025, LITIGATION_ROWS, 3, 9],
  ] as const)('平潭 %i %j: %i / %i', (year, rows, num, den) => {
    const p = correctionRate(report(PT, year), rows);
    expect([p.numerator, p.denominator]).toEqual([num, den]);
    expect(p.value).toBeCloseTo(num / den, 10);
  });

  it('a total of 0 gives no ratio (平潭 2019 had no review cases), not 0%', () => {
    const p = correctionRate(report(PT, 2019), REVIEW_ROWS);
    expect(p).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(p.flags).toEqual(['zero-denominator']);
    expect(ratioNote(p, 'zh-CN')).toBe('0 ÷ 0;总计为 0,比率无定义');
  });

  it('a blank 结果纠正 cell makes the ratio missing (上海 2019 litigation)', () => {
    const p = correctionRate(report(SH, 2019), LITIGATION_ROWS);
    expect(p.value).toBeNull();
    expect(p.flags).toEqual(['blank']);
    expect(ratioNote(p, 'en')).toBe('blank in the report');
  });

  it('litigation sums both kinds before dividing', () => {
    const r = fullReport('GB2021');
    const p = correctionRate(r, LITIGATION_ROWS);
    // Fixture: direct 1 corrected of 3, after review 1 of 1 → 2 / 4, not the mean of 1/3 and 1/1.
    expect([p.numerator, p.denominator, p.value]).toEqual([2, 4, 0.5]);
  });
});

describe('ratios over the years', () => {
  const data = ratios(reports, PT);

  it('spans the organ’s years and marks why a year has no ratio', () => {
    expect(data.years[0]).toBe(2011);
    const disclosure = data.series.find((s) => s.key === 'disclosure');
    const p2015 = disclosure?.points.find((p) => p.year === 2015);
    expect(p2015).toMatchObject({ value: null, flags: ['not-in-format'] });
  });

  it('a GB report without table 四 is absent, a missing year is no-report', () => {
    const d = ratios([makeReport({ agency: 'A', year: 2021 }), makeReport({ agency: 'A', year: 2023 })], 'A');
    const review = d.series.find((s) => s.key === 'review_correction');
    expect(review?.points.map((p) => p.flags)).toEqual([['absent'], ['no-report'], ['absent']]);
  });

  it('ratioOf: missing numerator stays missing even with a zero denominator', () => {
    const p: RatioPoint = ratioOf({ year: 2020, value: null, flags: ['blank'] }, { year: 2020, value: 0, flags: [] }, 2020);
    expect(p.value).toBeNull();
    expect(p.flags).toEqual(['blank']);
  });
});

describe('ratio table and chart option', () => {
  const disclosure = ratioChart(reports, PT, ['disclosure'], { from: 2019, to: 2025 });
  const correction = ratioChart(reports, PT, ['review_correction', 'litigation_correction'], { from: 2019, to: 2025 });
  const marks = yearMarks(findingsByYear(runChecks(reports).findings, PT), 'zh-CN');

  it('the table shows percentages and inputs, and "—" for missing', () => {
    const table = chartTable(disclosure, 'zh-CN');
    expect(table.columns).toEqual([{ key: 'disclosure', label: '公开率(%)' }]);
    const r2019 = table.rows.find((r) => r.label === '2019');
    expect(r2019?.cells[0]).toMatchObject({ text: '34.8%', value: 34.8, note: '8 ÷ 23' });
    expect(marks.get(2019)).toBeUndefined();
    expect(marks.get(2020)?.rules).toEqual(['I3']);
    expect(marks.get(2020)?.lines[0]).toBe('I3: 「自然人」栏:各项办理结果之和为 26,(七)总计为 20。');
  });

  it('the correction table shows "—" with the reason for a zero total', () => {
    const table = chartTable(correction, 'en');
    const r2019 = table.rows.find((r) => r.label === '2019');
    expect(r2019?.cells.map((c) => c.text)).toEqual(['—', '—']);
    expect(r2019?.cells[0].note).toBe('0 ÷ 0;total is 0: the ratio is undefined');
    expect(r2019?.cells[0].flags).toEqual(['zero-denominator']);
  });

  it('the option plots percentages with gaps for missing years', () => {
    const option = chartOption(correction, 'zh-CN', { type: 'line' });
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['行政复议纠错率', '行政诉讼纠错率']);
    const years = correction.years;
    expect(series[0].data[years.indexOf(2019)]).toBeNull();
    expect(series[0].data[years.indexOf(2025)]).toBe(8.3);
    expect(series[1].data[years.indexOf(2025)]).toBe(33.3);
  });

  it('the tooltip is escaped HTML with the ratio text', () => {
    const option = chartOption(disclosure, 'zh-CN', { type: 'line' });
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ axisValue: '2019', dataIndex: 0 }]);
    expect(html).toBe('<b>2019</b><br>公开率: <b>34.8%</b> <i>(8 ÷ 23)</i>');
  });

  it('puts ⚠ in the accent colour before marked years on the axis, and the findings in the tooltip', () => {
    const option = chartOption(disclosure, 'zh-CN', { type: 'line' }, PAGE, marks);
    const axis = option.xAxis as { axisLabel: { formatter: (v: string) => string; rich: { mark: { color: string } } }; data: string[] };
    expect(axis.axisLabel.formatter('2020')).toBe('{year|2020}\n{mark|⚠}');
    expect(axis.axisLabel.rich.mark.color).toBe('#b5430b');
    expect(axis.axisLabel.formatter('2019')).toBe('2019');
    expect(axis.data[0]).toBe('2019');
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: disclosure.years.indexOf(2020) }]);
    expect(html).toContain('<b style="color:#b5430b">⚠ 2020</b>');
    expect(html).toContain('⚠ I3: ');
  });

  it('the percent axis is 0–100 unless a ratio exceeds 100%', () => {
    const option = chartOption(disclosure, 'zh-CN', { type: 'line' });
    const [axis] = option.yAxis as { min: number; max: (e: { max: number }) => number }[];
    expect(axis.min).toBe(0);
    expect(axis.max({ max: 61.9 })).toBe(100);
    expect(axis.max({ max: 128.6 })).toBe(130);
  });

  it('a ratio point is in percent, rounded to one decimal', () => {
    expect(ratioPoint({ year: 2020, value: 13 / 21, numerator: 13, denominator: 21, flags: [] })).toEqual({
      year: 2020,
      value: 61.9,
      flags: [],
      inputs: { numerator: 13, denominator: 21 },
    });
  });
});
