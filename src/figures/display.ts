// How a figure's data is presented: its caption, the span of years it shows, and the years a slide leaves out.
import type { Translate } from '../i18n/messages';
import type { ChartData } from '../query/series';
import type { Figure } from './types';

/** "2021" for one year, "2019–2025" for a span; a ranking names its one year. */
export function yearSpan(data: ChartData): string {
  const y = data.years;
  if (y.length === 0) return '';
  if (data.categories) return String(y[0]);
  return y[0] === y[y.length - 1] ? String(y[0]) : `${y[0]}–${y[y.length - 1]}`;
}

/** "主动公开 / 更新信息条数 · 平潭综合实验区 2011–2025"; a ranking's title names its year already. */
export function caption(figure: Figure, data: ChartData): string {
  if (data.years.length === 0) return figure.title;
  const subject = figure.subject ?? data.agency;
  return data.categories ? `${figure.title} · ${subject}` : `${figure.title} · ${subject} ${yearSpan(data)}`;
}

/** The header of the table's first column: years, or organs for a ranking. */
export function rowHeader(figure: Figure, t: Translate): string {
  return figure.byOrgan ? t('chart.organ') : t('chart.year');
}

/**
 * The data without the leading and trailing years in which no series has a value: on a slide, empty years would
 * take half the chart. Years inside the span stay, gaps and all (a gap in the middle is information).
 */
export function trimYears(data: ChartData): ChartData {
  if (data.categories) return data;
  const has = data.years.map((_, i) => data.series.some((s) => s.points[i]?.value !== null));
  const first = has.indexOf(true);
  const last = has.lastIndexOf(true);
  if (first === -1 || (first === 0 && last === data.years.length - 1)) return data;
  const keep = (i: number) => i >= first && i <= last;
  const years = data.years.filter((_, i) => keep(i));
  return {
    ...data,
    years,
    sources: data.sources.filter((s) => years.includes(s.year)),
    series: data.series.map((s) => ({ ...s, points: s.points.filter((_, i) => keep(i)) })),
  };
}
