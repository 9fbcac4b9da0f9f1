// The figure catalogue: which figures a view shows, and any figure rebuilt from its id (present mode keeps ids,
// a share link names one). Pure: the views only render what this returns.
import { VIEWS, type ViewId, type ViewState } from '../share/viewState';
import { activeFigures, requestsFigures, reviewFigures } from './organ';
import { compareFigures, rollupFigures } from './organs';
import { overviewFigures } from './overview';
import type { Figure, FigureContext } from './types';

export type { Figure, FigureContext } from './types';

const BUILDERS: Readonly<Record<ViewId, (view: ViewState, ctx: FigureContext) => Figure[]>> = {
  overview: overviewFigures,
  requests: requestsFigures,
  review: reviewFigures,
  active: activeFigures,
  compare: compareFigures,
  rollup: rollupFigures,
  quality: () => [],
  // The supervisor's views are tables, not charts: no figure to present or share.
  coverage: () => [],
  scorecard: () => [],
};

export function figuresFor(view: ViewState, ctx: FigureContext): Figure[] {
  return BUILDERS[view.view](view, ctx);
}

/** The view a figure id belongs to, and the toggle it needs (the requests view shows counts or shares). */
function home(id: string): Partial<ViewState> & { view: ViewId } {
  if (id === 'chart-outcome-shares') return { view: 'requests', shares: true };
  if (id === 'chart-outcome-counts') return { view: 'requests', shares: false };
  if (id.startsWith('chart-reasons-') || id === 'chart-applicants' || id === 'chart-disclosure-rate') return { view: 'requests' };
  if (id.startsWith('chart-review-') || id === 'chart-correction-rate') return { view: 'review' };
  if (id.startsWith('chart-active-')) return { view: 'active' };
  if (id === 'chart-compare' || id === 'chart-ranking') return { view: 'compare' };
  if (id === 'chart-rollup') return { view: 'rollup' };
  return { view: 'overview' };
}

/** The figure with this id for the given view state (its organ, years, organs and metric); undefined if it has none. */
export function figureById(id: string, view: ViewState, ctx: FigureContext): Figure | undefined {
  return figuresFor({ ...view, ...home(id) }, ctx).find((f) => f.id === id);
}

export const FIGURE_VIEWS: readonly ViewId[] = VIEWS.filter((v) => v !== 'quality' && v !== 'coverage' && v !== 'scorecard');
