// Text for points: numbers in the reader's convention, flags explained, every string HTML-escaped
// (ECharts renders tooltips as HTML and does not sanitise; agency names come from users' files).
import { formatNumber, translator, unitLabel, type Lang } from '../i18n/messages';
import type { Series, SeriesPoint } from '../query/series';
import { MARK, type YearMark } from './marks';
import { ACCENT } from './palette';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const MISSING = '—';

export function seriesName(s: Series, lang: Lang): string {
  return lang === 'zh-CN' ? s.zh : s.en;
}

/** The value as a table shows it: "2,599", "≈907", "34.8%", or "—" for every kind of missing. */
export function pointText(p: SeriesPoint, lang: Lang, unit?: string): string {
  if (p.value === null) return MISSING;
  return `${p.approx ? '≈' : ''}${formatNumber(lang, p.value)}${unit === '%' ? '%' : ''}`;
}

/** Why a point looks the way it does, in words; empty when it is a plain number. */
export function pointNote(p: SeriesPoint, lang: Lang): string {
  const t = translator(lang);
  const inputs = p.inputs ? [t('ratio.inputs', { num: formatNumber(lang, p.inputs.numerator), den: formatNumber(lang, p.inputs.denominator) })] : [];
  const notes = inputs.concat(p.flags.map((f) =>
    f === 'converted' && p.printed
      ? t('flag.converted', { value: formatNumber(lang, p.printed.value), unit: p.printed.unit ?? '' })
      : t(`flag.${f}`),
  ));
  if (p.approx) notes.push(t('flag.approx'));
  return notes.join(';');
}

/** Tooltip HTML for one year across series, with the year's findings (⚠) when it has any; every piece escaped. */
export function tooltipHtml(year: string, rows: { series: Series; point: SeriesPoint | undefined }[], lang: Lang, mark?: YearMark): string {
  const lines = rows.map(({ series, point }) => {
    const value = point ? pointText(point, lang, series.unit) : MISSING;
    const unit = point?.value !== null && point && series.unit !== '%' ? ` ${unitLabel(lang, series.unit)}` : '';
    const note = point ? pointNote(point, lang) : '';
    return `${escapeHtml(seriesName(series, lang))}: <b>${escapeHtml(value + unit)}</b>${note ? ` <i>(${escapeHtml(note)})</i>` : ''}`;
  });
  const head = mark ? `<b style="color:${ACCENT}">${MARK} ${escapeHtml(year)}</b>` : `<b>${escapeHtml(year)}</b>`;
  const findings = mark ? mark.lines.map((l) => `<span style="color:${ACCENT}">${MARK} ${escapeHtml(l)}</span>`) : [];
  return [head, ...lines, ...findings].join('<br>');
}
