// Words of the review sheet: a figure as the sheet prints it, where it was read, why it is in doubt.
import { formatNumber, type Lang, type Translate } from '../../i18n/messages';
import type { FigureSource } from '../../ingest/document/interpret';
import type { DocFormat, SourceRef } from '../../ingest/document/types';
import type { SheetFigure, SheetValue } from '../../query/reportSheet';

/** The text a cell shows: the number (≈ for approximate), the blank's own dash, nothing for an absent figure. */
export function sheetText(v: SheetValue | SheetFigure, lang: Lang): string {
  if (v.state === 'absent') return '';
  if (v.state === 'blank' || v.value === null) return 'printed' in v && v.printed ? v.printed : '—';
  // Amounts say their unit: 元 and 万元 differ ten thousand times.
  const unit = v.unit === '元' || v.unit === '万元' ? ` ${v.unit}` : '';
  return `${v.approx ? '≈' : ''}${formatNumber(lang, v.value)}${unit}`;
}

/** The cell in words for a screen reader: value and state. */
export function sheetSpoken(v: SheetValue | SheetFigure, lang: Lang, t: Translate): string {
  const value = v.state === 'absent' ? t('sheet.legend.absent') : v.state === 'blank' ? t('sheet.legend.blank') : sheetText(v, lang);
  const marks = [v.doubt ? t('sheet.legend.doubt') : '', v.edited ? t('sheet.legend.edited') : '', v.findings.length > 0 ? t('sheet.legend.finding') : ''].filter((x) => x !== '');
  return marks.length > 0 ? `${value}(${marks.join(',')})` : value;
}

/** Where in the document a figure was read, in words. A text file counts lines; a web page or Word file, paragraphs. */
export function whereText(ref: SourceRef | undefined, source: FigureSource | undefined, format: DocFormat, lang: Lang, t: Translate): string {
  if (!ref) return source?.from === 'prose' ? t('sheet.source.prose') : '';
  const parts: string[] = [];
  if (ref.page !== undefined) parts.push(t('sheet.source.page', { page: ref.page }));
  if (ref.sheet !== undefined) parts.push(t('sheet.source.sheet', { sheet: ref.sheet, row: ref.row ?? '?', col: ref.col ?? '?' }));
  else if (ref.table !== undefined) parts.push(t('sheet.source.table', { table: ref.table, row: ref.row ?? '?', col: ref.col ?? '?' }));
  else if (ref.line !== undefined) parts.push(t(format === 'text' ? 'sheet.source.line' : 'sheet.source.para', { line: ref.line }));
  if (ref.box) parts.push(t('sheet.source.box', { x: formatNumber(lang, Math.round(ref.box[0])), y: formatNumber(lang, Math.round(ref.box[1])) }));
  return parts.join(' · ');
}
