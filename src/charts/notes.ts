// Chart-level notes: why whole years are gaps. Pure.
import type { Translate } from '../i18n/messages';
import type { ChartData } from '../query/series';

export type CoreChartId = 'published' | 'procurement' | 'outcomes';

function yearsFlagged(data: ChartData, flag: string): number[] {
  const years = new Set<number>();
  for (const s of data.series) for (const p of s.points) if (p.flags.includes(flag as never)) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

function span(years: number[]): string {
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

export function chartNotes(id: CoreChartId, data: ChartData, t: Translate): string[] {
  const gaps = yearsFlagged(data, 'not-in-format');
  if (gaps.length === 0) return [];
  if (id === 'procurement') return [`${t('chart.procurement.gb2021')}(${span(gaps)})`];
  if (id === 'outcomes') return [`${t('chart.outcomes.noTable')}(${span(gaps)})`];
  return [];
}
