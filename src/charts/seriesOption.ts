// A general option builder for the detail, compare and roll-up charts: bars (optionally stacked) or lines,
// a second y axis for series whose unit differs from the first. Pure.
import { unitLabel, type Lang } from '../i18n/messages';
import type { ChartData, SeriesPoint } from '../query/series';
import { seriesName, tooltipHtml } from './format';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './types';

export interface SeriesOptionSpec {
  type: 'bar' | 'line';
  stack?: boolean;
  /** Keys of series drawn as lines on top of bars (e.g. a total). */
  lineKeys?: readonly string[];
  /** Horizontal bars (ranking of organs). */
  horizontal?: boolean;
}

const PALETTE = ['#2f6fb0', '#6aa84f', '#e0a030', '#c0504d', '#8064a2', '#4bacc6', '#7f7f7f', '#f79646', '#222222'];

interface TooltipParam {
  dataIndex?: number;
}

function datum(p: SeriesPoint) {
  if (p.value === null) return null;
  const marked = p.approx || p.flags.includes('unit-unknown') || p.flags.includes('partial');
  return marked ? { value: p.value, itemStyle: { opacity: 0.45, borderType: 'dashed' as const, borderColor: '#333', borderWidth: 1 } } : p.value;
}

export function seriesOption(data: ChartData, lang: Lang, spec: SeriesOptionSpec): ChartOption {
  const units = [...new Set(data.series.map((s) => s.unit))];
  const categories = data.categories ?? data.years.map(String);
  const series = data.series.map((s): BarSeriesOption | LineSeriesOption => {
    const yAxisIndex = units.indexOf(s.unit) > 0 ? 1 : 0;
    const asLine = spec.type === 'line' || spec.lineKeys?.includes(s.key);
    if (asLine) return { type: 'line', name: seriesName(s, lang), yAxisIndex, connectNulls: false, data: s.points.map(datum) };
    return { type: 'bar', name: seriesName(s, lang), yAxisIndex, stack: spec.stack ? 'all' : undefined, data: s.points.map(datum) };
  });
  // A percent axis runs 0–100, and grows past 100 only for an inconsistent report (outcomes above the total).
  const valueAxes = units.slice(0, 2).map((u, i) => ({
    type: 'value' as const,
    name: unitLabel(lang, u),
    min: u === '%' ? 0 : undefined,
    max: u === '%' ? (e: { max: number }) => (e.max <= 100 ? 100 : Math.ceil(e.max / 10) * 10) : undefined,
    splitLine: { show: i === 0 },
  }));
  const categoryAxis = { type: 'category' as const, data: [...categories], inverse: spec.horizontal ? true : undefined };
  return {
    animationDuration: 300,
    color: PALETTE,
    grid: { left: spec.horizontal ? 200 : 64, right: 64, top: 56, bottom: 32 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        const i = list[0]?.dataIndex ?? 0;
        return tooltipHtml(categories[i] ?? '', data.series.map((s) => ({ series: s, point: s.points[i] })), lang);
      },
    },
    xAxis: spec.horizontal ? valueAxes[0] : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxes,
    series,
  };
}
