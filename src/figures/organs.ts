// The figures over several organs — compare, ranking, roll-up — and the rules that choose their organs and year.
// The views' controls read the same scope, so a control never offers what the chart does not show.
import { chartNotes } from '../charts/notes';
import { chartOption } from '../charts/option';
import type { Translate } from '../i18n/messages';
import { compareOrgans, ranking, rankingChart, rankingSources, rollup, type RollupPoint } from '../query/compare';
import { metricOrDefault, type Metric } from '../query/metrics';
import { filterByFacets, type OrganSummary } from '../query/organs';
import type { ChartData } from '../query/series';
import type { ViewState } from '../share/viewState';
import type { Figure, FigureContext } from './types';

export interface OrgansScope {
  metric: Metric;
  /** Organs within the level and region facets: what the picker offers. */
  candidates: OrganSummary[];
  /** The picked organs that are stored. */
  picked: string[];
}

export interface CompareScope extends OrgansScope {
  /** The organs ranked: the picked ones, or every organ in the facets when fewer than two are picked. */
  ranked: string[];
  /** Years in which at least one ranked organ has the figure: a ranking of nothing but gaps helps nobody. */
  years: number[];
  /** The ranking's year: the one in the view if it can be ranked, else the latest. */
  year: number | undefined;
}

export interface RollupScope extends OrgansScope {
  /** The organs summed: the picked ones, or every organ in the facets when none is picked. */
  summed: string[];
}

function organsScope(view: ViewState, ctx: FigureContext): OrgansScope {
  const known = new Set(ctx.organs.map((o) => o.agency));
  return {
    metric: metricOrDefault(view.figure),
    candidates: filterByFacets(ctx.organs, view.level, view.region),
    picked: view.organs.filter((a) => known.has(a)),
  };
}

export function compareScope(view: ViewState, ctx: FigureContext): CompareScope {
  const base = organsScope(view, ctx);
  const ranked = base.picked.length >= 2 ? base.picked : base.candidates.map((o) => o.agency);
  const wanted = new Set(ranked);
  const reports = ctx.reportsOf(ranked);
  const withFigure = new Set<number>();
  for (const r of reports) if (!withFigure.has(r.year) && wanted.has(r.agency) && base.metric.value(r).value !== null) withFigure.add(r.year);
  const years = [...withFigure].sort((a, b) => a - b);
  const year = view.year !== undefined && years.includes(view.year) ? view.year : years[years.length - 1];
  return { ...base, ranked, years, year };
}

export function rollupScope(view: ViewState, ctx: FigureContext): RollupScope {
  const base = organsScope(view, ctx);
  return { ...base, summed: base.picked.length > 0 ? base.picked : base.candidates.map((o) => o.agency) };
}

function metricName(m: Metric, ctx: FigureContext): string {
  return ctx.lang === 'zh-CN' ? m.zh : m.en;
}

/** The organs of a ranking that lack the figure: listed last, with the reason on their row, and named here. */
function rankingNotes(data: ChartData, year: number, t: Translate): string[] {
  const s = data.series[0];
  if (!s || !data.categories) return [];
  const lacking = data.categories.filter((_, i) => s.points[i]?.value === null);
  if (lacking.length === 0) return [];
  const shown = lacking.slice(0, 12).join(t('list.separator'));
  return [t('compare.rankingMissing', { n: lacking.length, year, organs: lacking.length > 12 ? `${shown}…` : shown })];
}

export function compareFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const scope = compareScope(view, ctx);
  const { metric: m, picked } = scope;
  const { t } = ctx;
  const list: Figure[] = [];
  const range = { from: view.from, to: view.to };
  if (picked.length > 0) {
    list.push({
      id: 'chart-compare',
      title: t('figure.titleOf', { title: t('compare.title'), figure: metricName(m, ctx) }),
      agencies: picked,
      subject: picked.length > 3 ? t('compare.nOrgans', { n: picked.length }) : undefined,
      query: (r) => compareOrgans(r, picked, m, range.from, range.to),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'line', scrollLegend: true }, display, marks),
      notes: (d, tr) => chartNotes('other', d, tr),
    });
  }
  const { ranked, year } = scope;
  if (year !== undefined && ranked.length > 0) {
    list.push({
      id: 'chart-ranking',
      title: t('figure.titleOf', { title: t('compare.ranking', { year }), figure: metricName(m, ctx) }),
      agencies: ranked,
      subject: t('compare.nOrgans', { n: ranked.length }),
      query: (r) => rankingChart(ranking(r, ranked, m, year), m, year, rankingSources(r, ranked, year)),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', horizontal: true, legend: false }, display, marks),
      notes: (d, tr) => rankingNotes(d, year, tr),
      byOrgan: true,
      height: `${Math.max(240, ranked.length * 28 + 80)}px`,
    });
  }
  return list;
}

export function rollupFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const { metric: m, summed } = rollupScope(view, ctx);
  const { t } = ctx;
  const range = { from: view.from, to: view.to };
  if (summed.length === 0) return [];
  return [
    {
      id: 'chart-rollup',
      title: t('figure.titleOf', { title: t('rollup.title', { n: summed.length }), figure: metricName(m, ctx) }),
      agencies: summed,
      subject: summed.length > 3 ? t('compare.nOrgans', { n: summed.length }) : undefined,
      query: (r) => rollup(r, summed, m, range.from, range.to),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', legend: true }, display, marks),
      notes: (d, tr) => chartNotes('other', d, tr),
      definition: m.additive ? t('rollup.definition') : t('rollup.notAdditive'),
    },
  ];
}

/** The years of a roll-up in which some organs lack the figure (and a sum was still made), naming those organs. */
export function rollupPartialYears(view: ViewState, ctx: FigureContext): RollupPoint[] {
  const { metric, summed } = rollupScope(view, ctx);
  return rollup(ctx.reportsOf(summed), summed, metric, view.from, view.to).rollup.filter((p) => p.missingOrgans.length > 0 && p.value !== null);
}
