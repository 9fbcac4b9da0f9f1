// The figures of the other single-organ views: requests in detail, review and litigation, table 二.
import { chartNotes } from '../charts/notes';
import { chartOption } from '../charts/option';
import { ACTIVE_CHARTS, activeOverYears, applicants, outcomeShares, REVIEW_ROWS, reasons, reviewOutcomes, type ReasonGroup } from '../query/details';
import { ratioChart } from '../query/ratios';
import type { ViewState } from '../share/viewState';
import { outcomesFigure } from './overview';
import type { Figure, FigureContext } from './types';

export function requestsFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const agency = ctx.agency;
  if (!agency) return [];
  const { t } = ctx;
  const range = { from: view.from, to: view.to };
  const stacked = { type: 'bar' as const, stack: true, scrollLegend: true };
  const reasonFigure = (group: ReasonGroup): Figure => ({
    id: `chart-reasons-${group.replace('_', '-')}`,
    title: t(`requests.reasons.${group}`),
    agencies: [agency],
    query: (r) => reasons(r, agency, group, range),
    option: (d, lang, display, marks) => chartOption(d, lang, stacked, display, marks),
    notes: (d, tr) => chartNotes('outcomes', d, tr),
  });
  return [
    view.shares
      ? {
          id: 'chart-outcome-shares',
          title: t('requests.shares.title'),
          agencies: [agency],
          query: (r) => outcomeShares(r, agency, range),
          option: (d, lang, display, marks) => chartOption(d, lang, stacked, display, marks),
          notes: (d, tr) => chartNotes('outcomes', d, tr),
          definition: t('requests.shares.definition'),
        }
      : outcomesFigure('chart-outcome-counts', agency, range, ctx),
    {
      id: 'chart-applicants',
      title: t('requests.applicants.title'),
      agencies: [agency],
      query: (r) => applicants(r, agency, range),
      option: (d, lang, display, marks) => chartOption(d, lang, stacked, display, marks),
      notes: (d, tr) => chartNotes('outcomes', d, tr),
    },
    {
      id: 'chart-disclosure-rate',
      title: t('ratio.disclosure.title'),
      agencies: [agency],
      query: (r) => ratioChart(r, agency, ['disclosure'], range),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'line' }, display, marks),
      notes: (d, tr) => [tr('ratio.missing'), ...chartNotes('outcomes', d, tr)],
      definition: t('ratio.disclosure.definition'),
    },
    reasonFigure('denied'),
    reasonFigure('unable'),
    reasonFigure('not_processed'),
  ];
}

export function reviewFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const agency = ctx.agency;
  if (!agency) return [];
  const { t } = ctx;
  const range = { from: view.from, to: view.to };
  return [
    ...REVIEW_ROWS.map(
      (row): Figure => ({
        id: `chart-review-${row.replace(/_/g, '-')}`,
        title: t(`review.${row}`),
        agencies: [agency],
        query: (r) => reviewOutcomes(r, agency, row, range),
        option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', stack: true, lineKeys: ['total'], scrollLegend: true }, display, marks),
        notes: (d, tr) => chartNotes('review', d, tr),
      }),
    ),
    {
      id: 'chart-correction-rate',
      title: t('ratio.correction.title'),
      agencies: [agency],
      query: (r) => ratioChart(r, agency, ['review_correction', 'litigation_correction'], range),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'line' }, display, marks),
      notes: (d, tr) => [tr('ratio.missing'), ...chartNotes('review', d, tr)],
      definition: t('ratio.correction.definition'),
    },
  ];
}

export function activeFigures(view: ViewState, ctx: FigureContext): Figure[] {
  const agency = ctx.agency;
  if (!agency) return [];
  const { t } = ctx;
  const range = { from: view.from, to: view.to };
  return ACTIVE_CHARTS.map(
    (chart): Figure => ({
      id: `chart-active-${chart.replace(/_/g, '-')}`,
      title: t(`active.${chart}`),
      agencies: [agency],
      query: (r) => activeOverYears(r, agency, chart, range),
      option: (d, lang, display, marks) => chartOption(d, lang, { type: 'bar', scrollLegend: true }, display, marks),
      notes: (d, tr) => chartNotes('active', d, tr),
      definition: t('active.formatChange'),
    }),
  );
}
