// Ratio series → table view and ECharts option. Pure: testable in Node without a canvas. Percentages are
// shown with one decimal; a missing ratio is "—" with its reason, never 0%.
import { formatNumber, translator, type Lang } from '../i18n/messages';
import type { RatioData, RatioKey, RatioPoint, RatioSeries } from '../query/ratios';
import { escapeHtml, MISSING } from './format';
import type { YearMark } from './marks';
import type { ChartOption, LineSeriesOption } from './types';

const PALETTE = ['#2f6fb0', '#c0504d', '#8064a2'];

/** The ratio in percent, rounded to 0.1 (what the chart plots and the table prints). */
export function percent(p: RatioPoint): number | null {
  return p.value === null ? null : Math.round(p.value * 1000) / 10;
}

export function ratioText(p: RatioPoint, lang: Lang): string {
  const v = percent(p);
  if (v === null) return MISSING;
  return `${p.approx ? '≈' : ''}${formatNumber(lang, v)}%`;
}

/** The inputs and why a ratio is missing or marked, in words. */
export function ratioNote(p: RatioPoint, lang: Lang): string {
  const t = translator(lang);
  const notes: string[] = [];
  if (p.numerator !== null && p.denominator !== null) {
    notes.push(t('ratio.inputs', { num: formatNumber(lang, p.numerator), den: formatNumber(lang, p.denominator) }));
  }
  for (const f of p.flags) notes.push(f === 'zero-denominator' ? t('ratio.flag.zero-denominator') : t(`flag.${f}`));
  if (p.approx) notes.push(t('flag.approx'));
  return notes.join(lang === 'zh-CN' ? ';' : '; ');
}

export interface RatioTableCell {
  text: string;
  /** The ratio in percent behind the text; null when missing. */
  value: number | null;
  note: string;
  flags: string[];
}

export interface RatioTableView {
  columns: { key: string; label: string }[];
  rows: { year: number; cells: RatioTableCell[]; mark?: YearMark }[];
}

function name(s: RatioSeries, lang: Lang): string {
  return lang === 'zh-CN' ? s.zh : s.en;
}

function pick(data: RatioData, keys: readonly RatioKey[]): RatioSeries[] {
  return keys.map((k) => data.series.find((s) => s.key === k)).filter((s): s is RatioSeries => s !== undefined);
}

export function ratioTable(data: RatioData, keys: readonly RatioKey[], lang: Lang, marks?: ReadonlyMap<number, YearMark>): RatioTableView {
  const series = pick(data, keys);
  return {
    columns: series.map((s) => ({ key: s.key, label: `${name(s, lang)}(%)` })),
    rows: data.years.map((year, i) => {
      const row: RatioTableView['rows'][number] = {
        year,
        cells: series.map((s) => {
          const p = s.points[i];
          return { text: ratioText(p, lang), value: percent(p), note: ratioNote(p, lang), flags: [...p.flags, ...(p.approx ? ['approx'] : [])] };
        }),
      };
      const mark = marks?.get(year);
      if (mark) row.mark = mark;
      return row;
    }),
  };
}

interface TooltipParam {
  axisValue?: string | number;
  dataIndex?: number;
}

export function ratioOption(data: RatioData, keys: readonly RatioKey[], lang: Lang): ChartOption {
  const series = pick(data, keys);
  const lines: LineSeriesOption[] = series.map((s) => ({
    type: 'line',
    name: name(s, lang),
    connectNulls: false,
    symbolSize: 8,
    data: s.points.map(percent),
  }));
  return {
    animationDuration: 300,
    color: PALETTE,
    grid: { left: 64, right: 32, top: 48, bottom: 32 },
    legend: { top: 0, show: series.length > 1 },
    tooltip: {
      trigger: 'axis',
      // Built from our own text and escaped: ECharts renders tooltips as HTML without sanitising.
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
        const index = list[0]?.dataIndex ?? 0;
        const year = String(list[0]?.axisValue ?? data.years[index] ?? '');
        const rows = series.map((s) => {
          const p = s.points[index];
          const note = p ? ratioNote(p, lang) : '';
          return `${escapeHtml(name(s, lang))}: <b>${escapeHtml(p ? ratioText(p, lang) : MISSING)}</b>${note ? ` <i>(${escapeHtml(note)})</i>` : ''}`;
        });
        return [`<b>${escapeHtml(year)}</b>`, ...rows].join('<br>');
      },
    },
    xAxis: { type: 'category', data: data.years.map(String) },
    // 0–100% normally; an inconsistent report can exceed 100% and must not be clipped away.
    yAxis: { type: 'value', min: 0, max: (extent: { max: number }) => Math.max(100, Math.ceil(extent.max / 10) * 10), name: '%', axisLabel: { formatter: '{value}%' } },
    series: lines,
  };
}
