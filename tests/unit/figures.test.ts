// The figure catalogue, the rules that choose what a view shows, and the pure parts of the display: one-way data
// from reports to figures, rebuilt from stable ids.
import { beforeAll, describe, expect, it } from 'vitest';
import { chartOption, labelFilter, legendRows, PAGE, yearLabels } from '../../src/charts/option';
import { chartNotes } from '../../src/charts/notes';
import { yearMarks } from '../../src/charts/marks';
import { findingsByYear, runChecks } from '../../src/checks';
import { figureById, figuresFor } from '../../src/figures/catalogue';
import { caption, rowHeader, trimYears } from '../../src/figures/display';
import { compareScope, rollupPartialYears } from '../../src/figures/organs';
import { headlineCards } from '../../src/figures/overview';
import type { FigureContext } from '../../src/figures/types';
import { levelLabel } from '../../src/i18n/levels';
import { translator, type Lang } from '../../src/i18n/messages';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { sortLevels } from '../../src/query/levels';
import { pickerList, pickerOrder } from '../../src/query/organPicker';
import { organs, type OrganSummary } from '../../src/query/organs';
import { defaultView, type ViewState } from '../../src/share/viewState';

const PT = '平潭综合实验区';
let reports: Report[];
beforeAll(() => {
  reports = sampleReports();
});

function context(lang: Lang = 'zh-CN', agency = PT): FigureContext {
  const list = organs(reports);
  return { lang, t: translator(lang), agency, organs: list, reportsOf: (a) => reports.filter((r) => a.includes(r.agency)) };
}
const view = (patch: Partial<ViewState> = {}): ViewState => ({ ...defaultView(), ...patch });

describe('figuresFor: what each view shows, by stable id', () => {
  it.each([
    ['overview', ['chart-published', 'chart-procurement', 'chart-outcomes']],
    ['requests', ['chart-outcome-counts', 'chart-applicants', 'chart-disclosure-rate', 'chart-reasons-denied', 'chart-reasons-unable', 'chart-reasons-not-processed']],
    ['review', ['chart-review-admin-review', 'chart-review-litigation-direct', 'chart-review-litigation-after-review', 'chart-correction-rate']],
    ['active', ['chart-active-normative-docs', 'chart-active-regulations', 'chart-active-decisions', 'chart-active-fees']],
    ['compare', ['chart-ranking']],
    ['rollup', ['chart-rollup']],
    ['quality', []],
  ] as const)('%s', (v, ids) => {
    expect(figuresFor(view({ view: v }), context()).map((f) => f.id)).toEqual(ids);
  });

  it('each figure reads only its organs; a rebuilt figure draws the same numbers', () => {
    const ctx = context();
    for (const f of figuresFor(view({ view: 'review', from: 2019 }), ctx)) {
      expect(f.agencies).toEqual([PT]);
      const again = figureById(f.id, view({ view: 'overview', from: 2019 }), ctx);
      expect(again?.query(reports)).toEqual(f.query(reports));
    }
  });

  it('ids rebuild across views and toggles: shares from the overview, compare with its organs', () => {
    const ctx = context();
    expect(figureById('chart-outcome-shares', view(), ctx)?.title).toBe('依申请公开办理结果占比');
    expect(figureById('chart-outcome-counts', view({ shares: true }), ctx)?.title).toBe('依申请公开办理结果');
    const compare = figureById('chart-compare', view({ organs: [PT, '平潭县人民政府'], figure: 'published_items' }), ctx);
    expect(compare?.agencies).toEqual([PT, '平潭县人民政府']);
    expect(figureById('chart-nowhere', view(), ctx)).toBeUndefined();
    expect(figureById('chart-compare', view(), ctx)).toBeUndefined(); // no organs picked: no comparison
  });
});

describe('ranking: missing is not zero', () => {
  it('organs without the figure keep their row, last, with the reason on it and in a note', () => {
    const ctx = context();
    const v = view({ view: 'compare', figure: 'published_items', year: 2013 });
    const ranking = figuresFor(v, ctx).find((f) => f.id === 'chart-ranking');
    if (!ranking) throw new Error('no ranking');
    const data = ranking.query(reports);
    expect(data.categories?.slice(0, 2)).toEqual([PT, '平潭县人民政府']);
    const missing = data.series[0].points.filter((p) => p.value === null);
    expect(missing.length).toBe(ctx.organs.length - 3);
    expect(missing.every((p) => p.flags.includes('no-report'))).toBe(true);
    const [note] = ranking.notes(data, ctx.t);
    expect(note.startsWith(`${ctx.organs.length - 3} 个机构 2013 年没有这项数据(无年报或年报缺此项),列在最后,不按 0 计:`)).toBe(true);
    const option = ranking.option(data, 'zh-CN', PAGE, new Map());
    const series = option.series as { name: string; data: (number | null | object)[]; label?: { formatter: (p: { dataIndex: number }) => string } }[];
    const aux = series.find((s) => s.name === 'missing');
    const last = data.categories?.length ?? 0;
    expect(aux?.data[0]).toBeNull();
    expect(aux?.data[last - 1]).toBe(0);
    expect(aux?.label?.formatter({ dataIndex: last - 1 })).toBe('— 无该年度年报');
    expect((option.legend as { data: string[] }).data).toEqual(['主动公开/更新信息条数(2013)']);
    expect(rowHeader(ranking, ctx.t)).toBe('机构');
    expect(caption(ranking, data)).toBe(`2013 年排名:主动公开/更新信息条数 · ${ctx.organs.length} 个机构`);
  });

  it('in English the title reads "Ranking 2013: …" and the organs lacking the figure are listed with commas', () => {
    const ctx = context('en');
    const ranking = figuresFor(view({ view: 'compare', figure: 'published_items', year: 2013 }), ctx).find((f) => f.id === 'chart-ranking');
    if (!ranking) throw new Error('no ranking');
    const data = ranking.query(reports);
    expect(caption(ranking, data)).toBe(`Ranking 2013: Items published or updated · ${ctx.organs.length} organs`);
    const [note] = ranking.notes(data, ctx.t);
    expect(note).toMatch(/not counted as 0: [^、]+, [^、]+/);
    const rollup = figuresFor(view({ view: 'rollup', figure: 'published_items' }), ctx)[0];
    expect(rollup.title).toBe(`Sum of ${ctx.organs.length} organs: Items published or updated`);
    expect(ctx.t('rollup.organs', { n: 0 })).toBe('Organs to add up (0 picked)');
  });

  it('the ranking years are those in which some organ has the figure', () => {
    const scope = compareScope(view({ view: 'compare', figure: 'published_items' }), context());
    expect(scope.years[0]).toBe(2011);
    expect(scope.year).toBe(scope.years[scope.years.length - 1]);
  });
});

describe('roll-up', () => {
  it('partial years are named in the legend and listed with the organs that lack the figure', () => {
    const ctx = context();
    const v = view({ view: 'rollup', organs: [PT, '平潭县人民政府'], figure: 'published_items' });
    const [f] = figuresFor(v, ctx);
    const option = f.option(f.query(reports), 'zh-CN', PAGE, new Map());
    expect((option.legend as { data: string[] }).data).toEqual(['主动公开/更新信息条数(合计)', '主动公开/更新信息条数(合计)(不完整:部分机构缺该年数据)']);
    expect(rollupPartialYears(v, ctx).find((p) => p.year === 2014)?.missingOrgans).toEqual(['平潭县人民政府']);
  });
});

describe('display', () => {
  it('captions say "2021", not "2021–2021"', () => {
    const ctx = context('zh-CN', '大峪镇人民政府');
    const [published] = figuresFor(view(), ctx);
    expect(caption(published, published.query(reports))).toBe('主动公开 / 更新信息条数 · 大峪镇人民政府 2020');
  });

  it('a slide leaves out the leading and trailing years with no value, and keeps gaps inside', () => {
    const [, , outcomes] = figuresFor(view(), context());
    const data = outcomes.query(reports);
    expect(data.years[0]).toBe(2011);
    const trimmed = trimYears(data);
    expect(trimmed.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(trimmed.series[0].points.map((p) => p.year)).toEqual(trimmed.years);
    expect(trimmed.sources.every((s) => s.year >= 2019)).toBe(true);
  });

  it('on a slide: axis and legend text 22 px, value labels on bars, thin stack segments unlabelled', () => {
    const [, , outcomes] = figuresFor(view({ from: 2019 }), context());
    const data = outcomes.query(reports);
    const option = chartOption(data, 'zh-CN', { type: 'bar', stack: true, lineKeys: ['new_received'] }, { mode: 'present', width: 1800 });
    const x = option.xAxis as { axisLabel: { fontSize: number } };
    const y = option.yAxis as { axisLabel: { fontSize: number } }[];
    expect(x.axisLabel.fontSize).toBeGreaterThanOrEqual(20);
    expect(y[0].axisLabel.fontSize).toBeGreaterThanOrEqual(20);
    expect((option.legend as { textStyle: { fontSize: number } }).textStyle.fontSize).toBeGreaterThanOrEqual(20);
    const bars = (option.series as { type: string; label?: { show: boolean; fontSize: number; formatter: (p: { value: unknown }) => string } }[]).filter((s) => s.type === 'bar');
    expect(bars.every((b) => b.label?.show === true && b.label.fontSize >= 20)).toBe(true);
    expect(bars[0].label?.formatter({ value: 1234 })).toBe('1,234');
    expect(bars[0].label?.formatter({ value: 1 })).toBe(''); // a sliver of the largest stack holds no label
    // A line's labels on a slide are rounded to what a room reads (万元 amounts carry six decimals in the table).
    const [, procurement] = figuresFor(view({ from: 2019 }), context());
    const slide = procurement.option(procurement.query(reports), 'zh-CN', { mode: 'present', width: 1800 }, new Map());
    const line = (slide.series as { type: string; label?: { formatter: (p: { value: unknown }) => string } }[]).find((s) => s.type === 'line');
    expect(line?.label?.formatter({ value: 7539.443252 })).toBe('7,539');
    expect(line?.label?.formatter({ value: 48.26 })).toBe('48.3');
    expect(line?.label?.formatter({ value: undefined })).toBe('');
    const page = chartOption(data, 'zh-CN', { type: 'bar', stack: true }, PAGE);
    expect((page.series as { label?: unknown }[]).every((s) => s.label === undefined)).toBe(true);
  });

  it('outcome colours separate granted (greens) from refused (reds)', () => {
    const [, , outcomes] = figuresFor(view(), context());
    const option = outcomes.option(outcomes.query(reports), 'zh-CN', PAGE, new Map());
    const colour = (name: string) => (option.series as { name: string; itemStyle: { color: string } }[]).find((s) => s.name === name)?.itemStyle.color;
    expect([colour('予以公开'), colour('部分公开')]).toEqual(['#17805a', '#7cc8a4']);
    expect([colour('不予公开'), colour('无法提供')]).toEqual(['#c0392b', '#e8833a']);
  });

  it('⚠ years are never thinned away at narrow widths; other years fit between them', () => {
    const years = Array.from({ length: 15 }, (_, i) => String(2011 + i));
    const marks = yearMarks(findingsByYear(runChecks(reports).findings, PT), 'zh-CN');
    const narrow = labelFilter(years, marks, 340, 12);
    const shown = years.filter((_, i) => narrow(i));
    for (const y of ['2020', '2023', '2024', '2025']) expect(shown).toContain(y);
    expect(shown.length).toBeLessThan(years.length);
    const wide = labelFilter(years, marks, 1400, 12);
    expect(years.filter((_, i) => wide(i))).toEqual(years);
  });

  it('a marked year whose number would overlap its neighbour keeps its ⚠ alone; written years never overlap', () => {
    const years = Array.from({ length: 15 }, (_, i) => String(2011 + i));
    const marks = yearMarks(findingsByYear(runChecks(reports).findings, PT), 'zh-CN');
    // 360 px (a phone): 2023, 2024 and 2025 are neighbours, each marked; one written, the others ⚠ alone.
    const plan = yearLabels(years, marks, 360, 12);
    const at = (y: string) => plan[years.indexOf(y)];
    expect(['2020', '2023', '2024', '2025'].map(at).every((p) => p !== 'none')).toBe(true);
    expect(['2023', '2024', '2025'].map(at).filter((p) => p === 'mark').length).toBeGreaterThanOrEqual(1);
    const slot = (360 - 128) / 15;
    const written = plan.flatMap((p, i) => (p === 'year' ? [i] : []));
    for (let k = 1; k < written.length; k++) expect((written[k] - written[k - 1]) * slot).toBeGreaterThanOrEqual(12 * 2.75);
    // The option writes ⚠ alone for those, the year and ⚠ for the others.
    const [, , outcomes] = figuresFor(view(), context());
    const option = outcomes.option(outcomes.query(reports), 'zh-CN', { mode: 'page', width: 360 }, marks);
    const axis = option.xAxis as { axisLabel: { formatter: (v: string, i: number) => string } };
    const i2024 = years.indexOf('2024');
    expect(axis.axisLabel.formatter('2024', i2024)).toBe(at('2024') === 'mark' ? '{year| }\n{mark|⚠}' : '{year|2024}\n{mark|⚠}');
    expect(axis.axisLabel.formatter('2020', years.indexOf('2020'))).toBe('{year|2020}\n{mark|⚠}');
    expect(axis.axisLabel.formatter('2012', 1)).toBe('2012');
    expect(yearLabels(years, marks, 1400, 12).every((p) => p === 'year')).toBe(true);
  });

  it('a legend that wraps moves the plot down by its extra rows', () => {
    const [, , outcomes] = figuresFor(view(), context('en'));
    const data = outcomes.query(reports);
    const names = ['Granted', 'Partially granted', 'Denied', 'Unable to provide', 'Not processed', 'Other processing', 'New requests'];
    expect(legendRows(names, 1300, 12, 25)).toBe(1);
    expect(legendRows(names, 360, 12, 25)).toBe(3);
    const top = (width: number) => (outcomes.option(data, 'en', { mode: 'page', width }, new Map()).grid as { top: number }).top;
    expect(top(1300)).toBe(56);
    expect(top(360)).toBe(56 + 2 * 24);
    // Chinese names are shorter: one row at 640 px.
    const [, , zh] = figuresFor(view(), context());
    expect((zh.option(zh.query(reports), 'zh-CN', { mode: 'page', width: 640 }, new Map()).grid as { top: number }).top).toBe(56);
  });

  it('notes name the years in the language’s own list', () => {
    const [, procurement] = figuresFor(view(), context('en'));
    expect(chartNotes('procurement', procurement.query(reports), translator('en'))).toEqual([
      'From 2021 the report format no longer includes centralized procurement (2021–2025)',
      '2011–2018: no such figures (not captured, blank in the report, or no report) — left as gaps, not zeros',
    ]);
    const [, zh] = figuresFor(view(), context());
    expect(chartNotes('procurement', zh.query(reports), translator('zh-CN'))[0]).toBe('2021 年起年报格式不再包含政府集中采购(2021–2025)');
  });

  it('headline cards show the latest year that has the figure and name the years skipped', () => {
    const cards = headlineCards(view(), context());
    const published = cards.find((c) => c.key === 'published_items');
    expect(published).toMatchObject({ year: 2023, change: 13561 - 14571, skippedYears: '2024–2025' });
    expect(published?.point.value).toBe(13561);
    const requests = cards.find((c) => c.key === 'new_received');
    expect(requests?.year).toBe(2025);
    expect(requests?.skippedYears).toBe('');
  });
});

describe('organ picker', () => {
  const many: OrganSummary[] = Array.from({ length: 1200 }, (_, i) => ({
    agency: `机构${String(i).padStart(4, '0')}`,
    years: [2020, 2021],
    level: ['乡镇', '省级政府', '区县部门', '', '设区的市政府'][i % 5],
    region: ['福建省', '上海市'][i % 2],
  }));

  it('groups by level in administrative order, then region; lists at most the limit, never silently', () => {
    const list = pickerList(pickerOrder(many), '', 150);
    expect(list.groups.map((g) => g.level)).toEqual(['省级政府']);
    expect(list.matching).toBe(1200);
    expect(list.shown).toBe(150);
    const all = pickerList(pickerOrder(many), '', 2000);
    expect(all.groups.map((g) => g.level)).toEqual(['省级政府', '设区的市政府', '区县部门', '乡镇', '']);
    expect(all.groups.map((g) => g.count)).toEqual([240, 240, 240, 240, 240]);
    const regions = all.groups[0].items.filter((i) => i.region !== undefined).map((i) => i.region);
    expect(regions).toEqual(['福建省', '上海市']); // pinyin order: fu before shang
  });

  it('searches name, region, level and years; keeps the picked ones listed past the limit', () => {
    const ordered = pickerOrder(many);
    expect(pickerList(ordered, '机构1199', 150).shown).toBe(1);
    expect(pickerList(ordered, '上海', 10).matching).toBe(600);
    const kept = pickerList(ordered, '', 10, new Set(['机构1199']));
    expect(kept.shown).toBe(11);
    expect(kept.groups.flatMap((g) => g.items.map((i) => i.organ.agency))).toContain('机构1199');
  });

  it('levels in administrative order and in English', () => {
    expect(sortLevels(['乡镇', '区县政府(实验区,全区汇总)', '省级部门', '街道', '其他', '省级政府'])).toEqual([
      '省级政府',
      '省级部门',
      '区县政府(实验区,全区汇总)',
      '乡镇',
      '街道',
      '其他',
    ]);
    expect(levelLabel('区县政府(实验区,全区汇总)', 'en')).toBe('County or district government (实验区,全区汇总)');
    expect(levelLabel('乡镇', 'en')).toBe('Township');
    expect(levelLabel('乡镇', 'zh-CN')).toBe('乡镇');
  });
});

describe('English', () => {
  it('plurals through Intl.PluralRules', () => {
    const t = translator('en');
    expect(t('organ.years', { n: 1 })).toBe('1 year');
    expect(t('organ.years', { n: 3 })).toBe('3 years');
    expect(t('import.commit', { n: 1 })).toBe('Import 1 report');
    expect(t('import.commit', { n: 2 })).toBe('Import 2 reports');
    expect(translator('zh-CN')('organ.years', { n: 1 })).toBe('1 个年度');
  });

  it('every English message is filled in and says no Chinese jargon key', () => {
    const t = translator('en');
    expect(t('view.rollup')).toBe('Sum of organs');
    expect(t('rule.I1')).toBe('I1: requests in = requests handled + carried forward');
    expect(t('import.templateWide', { format: t('format.GB2019') })).toBe('Template, one report per row (GB2019 national format)');
  });
});
