// Figure specs used by more than one view.
import { outcomesOption } from '../../charts/coreOptions';
import type { FigureSpec } from '../../charts/figureSpec';
import { chartNotes } from '../../charts/notes';
import type { Translate } from '../../i18n/messages';
import { requestOutcomes, type YearRange } from '../../query/coreCharts';

/** 依申请公开办理结果: outcome groups stacked, 本年新收 as a line (overview and requests view). */
export function outcomesSpec(id: string, agency: string, range: YearRange, t: Translate): FigureSpec {
  return {
    id,
    title: t('chart.outcomes.title'),
    agencies: [agency],
    query: (r) => requestOutcomes(r, agency, range),
    option: outcomesOption,
    notes: (d, tr) => chartNotes('outcomes', d, tr),
  };
}
