// The organ overview's figures: the three core charts of one organ over the years.
import { chartNotes, yearList } from '../charts/notes';
import { chartOption } from '../charts/option';
import { procurement, publishedItems, requestOutcomes, type YearRange } from '../query/coreCharts';
import { overviewCards, type Card } from '../query/overview';
import type { ViewState } from '../share/viewState';
import type { Figure, FigureContext } from './types';

/** 依申请公开办理结果: outcome groups stacked, 本年新收 as a line (overview and requests view). */
export function outcomesFigure(id: string, agency: string, range: YearRange, ctx: FigureContext): Figure {
  return {
    id,
    title: ctx.t('chart.outcomes.title'),
    agencies: [agency],
    query: (r) => requestOutcomes(r, agency, range),
    option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', stack: true, lineKeys: ['new_received'] }, display, marks),
    notes: (d, t) => chartNotes('outcomes', d, t),
  };
}

export function overviewFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const agency = ctx.agency;
  if (!agency) return [];
  const range = { from: view.from, to: view.to };
  return [
    {
      id: 'chart-published',
      title: ctx.t('chart.published.title'),
      agencies: [agency],
      query: (r) => publishedItems(r, agency, range),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar' }, display, marks),
      notes: (d, t) => chartNotes('published', d, t),
    },
    {
      id: 'chart-procurement',
      title: ctx.t('chart.procurement.title'),
      agencies: [agency],
      query: (r) => procurement(r, agency, range),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', lineKeys: ['procurement_amount'] }, display, marks),
      notes: (d, t) => chartNotes('procurement', d, t),
    },
    outcomesFigure('chart-outcomes', agency, range, ctx),
  ];
}

/** A headline card with the later years that lack its figure named ("2024–2025"), empty when none. */
export interface HeadlineCard extends Card {
  skippedYears: string;
}

/** The overview's headline cards: each figure's latest year that has it, or why no year has it. */
export function headlineCards(view: ViewState, ctx: FigureContext): HeadlineCard[] {
  const agency = ctx.agency;
  if (!agency) return [];
  return overviewCards(ctx.reportsOf([agency]), agency, view.from, view.to).map((c) => ({ ...c, skippedYears: yearList(c.skipped, ctx.t('list.separator')) }));
}
