// Chart-level notes: why whole years are gaps. Pure.
import type { MessageKey, Translate } from '../i18n/messages';
import type { ChartData, PointFlag } from '../query/series';

export type ChartKind = 'published' | 'procurement' | 'outcomes' | 'review' | 'active' | 'other';

/** Years in which every series is missing, and every missing point carries one of the flags. */
function yearsWhere(data: ChartData, flags: readonly PointFlag[]): number[] {
  return data.years.filter((_, i) =>
    data.series.every((s) => s.points[i].value === null && s.points[i].flags.some((f) => flags.includes(f))),
  );
}

/** "2019", "2021–2025", "2012、2015–2016" (in English "2012, 2015–2016": the separator is the language's). */
export function yearList(years: readonly number[], separator = '、'): string {
  const parts: string[] = [];
  let start = years[0];
  for (let i = 1; i <= years.length; i++) {
    if (years[i] !== years[i - 1] + 1) {
      const end = years[i - 1];
      parts.push(start === end ? String(start) : `${start}–${end}`);
      start = years[i];
    }
  }
  return parts.join(separator);
}

const NOT_IN_FORMAT: Partial<Record<ChartKind, MessageKey>> = {
  procurement: 'chart.procurement.gb2021',
  outcomes: 'chart.outcomes.noTable',
  review: 'chart.review.noTable',
  active: 'chart.active.noTable',
};

export function chartNotes(kind: ChartKind, data: ChartData, t: Translate): string[] {
  const notes: string[] = [];
  const formatGaps = yearsWhere(data, ['not-in-format']);
  const key = NOT_IN_FORMAT[kind];
  const sep = t('list.separator');
  if (formatGaps.length > 0 && key) notes.push(t(key, { years: yearList(formatGaps, sep) }));
  const dataGaps = yearsWhere(data, ['absent', 'blank', 'no-report']);
  if (dataGaps.length > 0) notes.push(t('chart.gapYears', { years: yearList(dataGaps, sep) }));
  return notes;
}
