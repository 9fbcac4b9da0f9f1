// The one ECharts option builder, with the one palette: series → option for every chart of the dashboard (bars,
// stacked bars, lines, a second axis for a second unit, horizontal rankings), on the page or on a slide. Pure:
// testable in Node without a canvas.
import { translator, unitLabel, type Lang } from '../i18n/messages';
import type { ChartData, Series, SeriesPoint } from '../query/series';
import { seriesName, tooltipHtml } from './format';
import { MARK, type YearMark } from './marks';
import { ACCENT, colourOf, INK, MUTED } from './palette';
import type { BarSeriesOption, ChartOption, LineSeriesOption } from './types';

export interface OptionSpec {
  type: 'bar' | 'line';
  stack?: boolean;
  /** Keys of series drawn as lines over bars (a total, an amount on its own axis). */
  lineKeys?: readonly string[];
  /** Horizontal bars, one row per organ (a ranking). */
  horizontal?: boolean;
  /** Many series (one per organ): a legend that scrolls instead of wrapping (the views that use it load it). */
  scrollLegend?: boolean;
  /** A single series needs no legend. */
  legend?: boolean;
}

/** Where the chart is drawn: a page (ordinary type) or a slide (type read across a meeting room, value labels). */
export interface Display {
  mode: 'page' | 'present';
  /** The chart's width in CSS pixels, 0 when unknown: how many year labels fit on the axis. */
  width: number;
}

export const PAGE: Display = { mode: 'page', width: 0 };

const NO_MARKS: ReadonlyMap<number, YearMark> = new Map();

interface Sizes {
  axis: number;
  legend: number;
  label: number;
  grid: { left: number; right: number; top: number; bottom: number };
}

function sizes(display: Display, horizontal: boolean): Sizes {
  // A slide at 1920×1080 is read from the back of a room: axis and legend text of 22 px, value labels of 20 px.
  if (display.mode === 'present') return { axis: 22, legend: 22, label: 20, grid: { left: horizontal ? 320 : 110, right: 110, top: 110, bottom: 76 } };
  return { axis: 12, legend: 12, label: 12, grid: { left: horizontal ? 200 : 64, right: 64, top: 56, bottom: 44 } };
}

type Datum = number | null | { value: number; itemStyle?: object; symbol?: string; symbolSize?: number };

/** A data item: the number, or null for a gap; approximate, partial and unit-unknown values drawn hatched/pale. */
function datum(p: SeriesPoint, line: boolean): Datum {
  if (p.value === null) return null;
  if (line && p.flags.includes('unit-unknown')) return { value: p.value, symbol: 'triangle', symbolSize: 12 };
  const marked = p.approx || p.flags.includes('unit-unknown') || p.flags.includes('partial');
  return marked ? { value: p.value, itemStyle: { opacity: 0.45, borderType: 'dashed', borderColor: '#333', borderWidth: 1 } } : p.value;
}

/** How a year is labelled on the axis: the year (with ⚠ under it when marked), ⚠ alone, or nothing. */
export type YearLabel = 'year' | 'mark' | 'none';

/**
 * How each year is labelled: every marked year keeps its ⚠ (never thinned away); its year is written where it fits
 * beside the other written years, else the ⚠ stands alone under its bar (the tooltip and the table name the year).
 * Then the first and last years, then as many of the others as fit, left to right. ⚠ sits on a line of its own under
 * the years, so it takes no room on theirs.
 */
export function yearLabels(categories: readonly string[], marks: ReadonlyMap<number, YearMark>, width: number, fontSize: number, margins = 128): YearLabel[] {
  const n = categories.length;
  const plot = Math.max(120, (width || 640) - margins);
  const slot = plot / Math.max(1, n);
  const text = fontSize * 2.75; // "2024" in bold
  const plan = new Array<YearLabel>(n).fill('none');
  const centre = (i: number) => (i + 0.5) * slot;
  const fits = (i: number, gap: number) => {
    for (let j = 0; j < n; j++) if (j !== i && plan[j] === 'year' && Math.abs(centre(j) - centre(i)) < text + gap) return false;
    return true;
  };
  for (let i = 0; i < n; i++) if (marks.has(Number(categories[i]))) plan[i] = fits(i, 2) ? 'year' : 'mark';
  // The first and last years anchor the axis; then every year that fits, left to right, with a wider gap.
  for (const i of [0, n - 1]) if (i >= 0 && plan[i] === 'none' && fits(i, 6)) plan[i] = 'year';
  for (let i = 1; i < n - 1; i++) if (plan[i] === 'none' && fits(i, 6)) plan[i] = 'year';
  return plan;
}

/** Which years have a label of some kind (the year, or ⚠ alone). */
export function labelFilter(categories: readonly string[], marks: ReadonlyMap<number, YearMark>, width: number, fontSize: number): (i: number) => boolean {
  const plan = yearLabels(categories, marks, width, fontSize);
  return (i) => (plan[i] ?? 'none') !== 'none';
}

/**
 * How many rows a plain legend takes at this width, laid out left to right as ECharts lays it (item gap 10, padding
 * 5): the plot starts below the last row instead of under it. A CJK character is one em wide, other text ≈ 0.6 em.
 */
export function legendRows(names: readonly string[], width: number, fontSize: number, itemWidth: number): number {
  const room = Math.max(160, (width || 640) - 10);
  let rows = 1;
  let x = 0;
  for (const name of names) {
    let text = 0;
    for (const ch of name) text += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
    const w = itemWidth + 5 + text;
    if (x > 0 && x + w > room) {
      rows++;
      x = 0;
    }
    x += w + 10;
  }
  return rows;
}

/**
 * A value as a slide labels it: rounded to what a room can read (7,539 万元, not 7539.443252); the table and the
 * tooltip keep every digit.
 */
export function slideNumber(lang: Lang, v: number): string {
  const a = Math.abs(v);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: a >= 100 ? 0 : a >= 10 ? 1 : 2 }).format(v);
}

/** Labels on bars for a slide: the value, hidden on slivers of a stack that could not hold it. */
function valueLabel(lang: Lang, size: number, position: 'top' | 'inside' | 'right', hideBelow: number) {
  return {
    show: true,
    position,
    fontSize: size,
    color: position === 'inside' ? '#fff' : INK,
    formatter: (p: { value?: unknown }) => {
      const v = typeof p.value === 'number' ? p.value : null;
      return v === null || Math.abs(v) < hideBelow ? '' : slideNumber(lang, v);
    },
  };
}

/** A bar series split in two where some points are partial sums, so the legend can say what the pale bars are. */
function splitPartial(s: Series): { complete: SeriesPoint[]; partial: SeriesPoint[] } | null {
  if (!s.points.some((p) => p.flags.includes('partial'))) return null;
  const gap = (p: SeriesPoint): SeriesPoint => ({ year: p.year, value: null, flags: [] });
  return {
    complete: s.points.map((p) => (p.flags.includes('partial') ? gap(p) : p)),
    partial: s.points.map((p) => (p.flags.includes('partial') ? p : gap(p))),
  };
}

export function chartOption(
  data: ChartData,
  lang: Lang,
  spec: OptionSpec,
  display: Display = PAGE,
  marks: ReadonlyMap<number, YearMark> = NO_MARKS,
): ChartOption {
  const t = translator(lang);
  const horizontal = spec.horizontal === true;
  const size = sizes(display, horizontal);
  const units = [...new Set(data.series.map((s) => s.unit))];
  // The right margin holds a second axis; without one, the plot takes the room (on a phone, a fifth of the width).
  if (units.length < 2 && !horizontal) size.grid = { ...size.grid, right: display.mode === 'present' ? 48 : 20 };
  const present = display.mode === 'present';
  const categories = data.categories ?? data.years.map(String);
  // The largest bar (or stack) of the chart: value labels on a slide skip segments too thin to hold one.
  const stackMax = categories.reduce((m, _, i) => {
    let sum = 0;
    for (const s of data.series) if (!(spec.lineKeys?.includes(s.key) ?? false)) sum += Math.abs(s.points[i]?.value ?? 0);
    return Math.max(m, sum);
  }, 0);
  const hideBelow = spec.stack ? stackMax * 0.06 : 0;

  const series: (BarSeriesOption | LineSeriesOption)[] = [];
  for (const s of data.series) {
    const yAxisIndex = units.indexOf(s.unit) > 0 ? 1 : 0;
    const colour = colourOf(s.key, data.series.indexOf(s));
    const asLine = spec.type === 'line' || (spec.lineKeys?.includes(s.key) ?? false);
    const name = seriesName(s, lang);
    if (asLine) {
      series.push({
        type: 'line',
        name,
        yAxisIndex,
        connectNulls: false,
        itemStyle: { color: colour },
        lineStyle: { color: colour, width: present ? 4 : 2 },
        symbolSize: present ? 10 : 6,
        label: present
          ? {
              show: true,
              position: 'top',
              fontSize: size.label,
              color: INK,
              formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? slideNumber(lang, p.value) : ''),
            }
          : undefined,
        data: s.points.map((p) => datum(p, true)),
      });
      continue;
    }
    const label = present ? valueLabel(lang, size.label, spec.stack ? 'inside' : horizontal ? 'right' : 'top', hideBelow) : undefined;
    const stack = spec.stack ? 'all' : undefined;
    const split = splitPartial(s);
    if (split) {
      // One slot per year: the complete and the partial sums stacked on each other, one of the two always empty.
      const slot = stack ?? `${s.key}-partial`;
      series.push({ type: 'bar', name, yAxisIndex, stack: slot, itemStyle: { color: colour }, label, data: split.complete.map((p) => datum(p, false)) });
      series.push({
        type: 'bar',
        name: `${name}${t('legend.partial')}`,
        yAxisIndex,
        stack: slot,
        itemStyle: { color: colour, opacity: 0.45, borderType: 'dashed', borderColor: '#333', borderWidth: 1 },
        label,
        data: split.partial.map((p) => datum(p, false)),
      });
      continue;
    }
    series.push({ type: 'bar', name, yAxisIndex, stack, itemStyle: { color: colour }, label, data: s.points.map((p) => datum(p, false)) });
  }

  if (horizontal) {
    // A ranking: an organ without the figure keeps its row and says why on it; its bar is not drawn as 0.
    const reasons = categories.map((_, i) => {
      const p = data.series[0]?.points[i];
      if (!p || p.value !== null) return '';
      const why = p.flags.includes('no-report') ? t('flag.no-report') : p.flags.map((f) => t(`flag.${f}`)).join(';');
      return `— ${why}`;
    });
    if (reasons.some((r) => r !== '')) {
      series.push({
        type: 'bar',
        name: 'missing',
        silent: true,
        barGap: '-100%',
        itemStyle: { color: 'transparent' },
        label: { show: true, position: 'insideLeft', fontSize: size.label, color: MUTED, formatter: (p: { dataIndex: number }) => reasons[p.dataIndex] ?? '' },
        tooltip: { show: false },
        data: reasons.map((r) => (r === '' ? null : 0)),
      });
    }
  }

  // A percent axis runs 0–100, and grows past 100 only for an inconsistent report (outcomes above the total).
  const valueAxes = units.slice(0, 2).map((u, i) => ({
    type: 'value' as const,
    name: unitLabel(lang, u),
    nameTextStyle: { fontSize: size.axis },
    axisLabel: { fontSize: size.axis, color: INK },
    min: u === '%' ? 0 : undefined,
    max: u === '%' ? (e: { max: number }) => (e.max <= 100 ? 100 : Math.ceil(e.max / 10) * 10) : undefined,
    splitLine: { show: i === 0 },
  }));
  const plan = horizontal ? undefined : yearLabels(categories, marks, display.width, size.axis, size.grid.left + size.grid.right);
  const categoryAxis = {
    type: 'category' as const,
    data: [...categories],
    inverse: horizontal ? true : undefined,
    axisLabel: {
      fontSize: size.axis,
      color: INK,
      interval: plan ? (i: number) => plan[i] !== 'none' : 0,
      // ⚠ under a year whose report has findings, in the accent colour (rich text: the canvas draws it); alone where
      // the year itself does not fit beside its neighbours.
      formatter: (value: string, i: number) => {
        if (!marks.has(Number(value))) return value;
        return plan?.[i] === 'mark' ? `{year| }\n{mark|${MARK}}` : `{year|${value}}\n{mark|${MARK}}`;
      },
      rich: { mark: { color: ACCENT, fontWeight: 'bold' as const, fontSize: size.axis }, year: { color: ACCENT, fontWeight: 'bold' as const, fontSize: size.axis } },
      ...(horizontal ? { width: size.grid.left - 16, overflow: 'truncate' as const } : {}),
    },
  };
  const legendNames = series.filter((s) => s.name !== 'missing').map((s) => String(s.name));
  const showLegend = spec.legend ?? legendNames.length > 1;
  const legendType = spec.scrollLegend && !present ? 'scroll' : 'plain';
  const itemWidth = present ? 36 : 25;
  const itemHeight = present ? 20 : 14;
  // A legend that wraps pushes the plot (and the axis name above it) down by its extra rows.
  const extraRows = showLegend && legendType === 'plain' ? legendRows(legendNames, display.width, size.legend, itemWidth) - 1 : 0;
  const grid = { ...size.grid, top: size.grid.top + extraRows * (Math.max(itemHeight, size.legend + 2) + 10) };
  return {
    animationDuration: 300,
    grid,
    legend: {
      show: showLegend,
      top: 0,
      type: legendType,
      data: legendNames,
      textStyle: { fontSize: size.legend, color: INK },
      itemWidth,
      itemHeight,
    },
    tooltip: {
      trigger: 'axis',
      // Text built by us and escaped (tooltipHtml), never a data string passed through as HTML.
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex?: number }[];
        const i = list[0]?.dataIndex ?? 0;
        const mark = data.categories ? undefined : marks.get(data.years[i]);
        return tooltipHtml(categories[i] ?? '', data.series.map((s) => ({ series: s, point: s.points[i] })), lang, mark);
      },
    },
    xAxis: horizontal ? valueAxes[0] : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series,
  };
}
