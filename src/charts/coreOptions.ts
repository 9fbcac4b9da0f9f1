// Series → ECharts options for the three core charts. Pure functions: testable in Node without a canvas.
import { unitLabel, type Lang } from '../i18n/messages';
import type { ChartData, Series, SeriesPoint } from '../query/series';
import { seriesName, tooltipHtml } from './format';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './types';

const PALETTE = ['#2f6fb0', '#6aa84f', '#e0a030', '#c0504d', '#8064a2', '#7f7f7f', '#222222'];

interface TooltipParam {
  axisValue?: string | number;
  dataIndex?: number;
}

/** A data item: the number, or null for a gap; approximate and unit-unknown values drawn hatched/pale. */
function item(p: SeriesPoint): BarSeriesOption['data'] extends (infer T)[] | undefined ? T : never {
  if (p.value === null) return null;
  const marked = p.approx || p.flags.includes('unit-unknown');
  return marked ? { value: p.value, itemStyle: { opacity: 0.45, borderType: 'dashed', borderColor: '#333', borderWidth: 1 } } : p.value;
}

function tooltip(data: ChartData, lang: Lang): ChartOption['tooltip'] {
  return {
    trigger: 'axis',
    // Text built by us and escaped (tooltipHtml), never a data string passed through as HTML.
    formatter: (params: unknown) => {
      const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
      const index = list[0]?.dataIndex ?? 0;
      const year = String(list[0]?.axisValue ?? data.years[index] ?? '');
      return tooltipHtml(year, data.series.map((s) => ({ series: s, point: s.points[index] })), lang);
    },
  };
}

function base(data: ChartData, lang: Lang): ChartOption {
  return {
    animationDuration: 300,
    color: PALETTE,
    grid: { left: 64, right: 64, top: 48, bottom: 32 },
    legend: { top: 0 },
    tooltip: tooltip(data, lang),
    xAxis: { type: 'category', data: data.years.map(String) },
  };
}

function axisName(lang: Lang, unit: string): string {
  return unitLabel(lang, unit);
}

function bar(s: Series, lang: Lang, extra: Partial<BarSeriesOption> = {}): BarSeriesOption {
  return { type: 'bar', name: seriesName(s, lang), data: s.points.map(item), ...extra };
}

export function publishedOption(data: ChartData, lang: Lang): ChartOption {
  const s = data.series[0];
  return {
    ...base(data, lang),
    legend: { show: false },
    yAxis: { type: 'value', name: axisName(lang, s.unit) },
    series: [bar(s, lang)],
  };
}

export function procurementOption(data: ChartData, lang: Lang): ChartOption {
  const [projects, amount] = data.series;
  const line: LineSeriesOption = {
    type: 'line',
    name: seriesName(amount, lang),
    yAxisIndex: 1,
    connectNulls: false,
    data: amount.points.map((p) =>
      p.value === null ? null : p.flags.includes('unit-unknown') ? { value: p.value, symbol: 'triangle', symbolSize: 12 } : p.value,
    ),
  };
  return {
    ...base(data, lang),
    yAxis: [
      { type: 'value', name: axisName(lang, projects.unit) },
      { type: 'value', name: axisName(lang, amount.unit), splitLine: { show: false } },
    ],
    series: [bar(projects, lang), line],
  };
}

export function outcomesOption(data: ChartData, lang: Lang): ChartOption {
  const groups = data.series.filter((s) => s.key !== 'new_received');
  const received = data.series.find((s) => s.key === 'new_received');
  const series: (BarSeriesOption | LineSeriesOption)[] = groups.map((s) => bar(s, lang, { stack: 'outcomes' }));
  if (received) {
    series.push({ type: 'line', name: seriesName(received, lang), connectNulls: false, data: received.points.map((p) => p.value) });
  }
  return {
    ...base(data, lang),
    yAxis: { type: 'value', name: axisName(lang, '件') },
    series,
  };
}
