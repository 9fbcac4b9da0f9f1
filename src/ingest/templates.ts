// CSV templates (wide and long, GB2019 and GB2021) with the official labels, and CSV export of reports in the
// same shapes. Whatever these write, the importer reads back to the same figures (tests hold them together).
import Papa from 'papaparse';
import type { Cell, Report } from '../model/report';
import { KEY_DEFS, SECTION_BY_KEY } from '../model/vocabulary';
import { officialHeader } from './labels';

export { BOM } from '../model/csvText';

export type TemplateFormat = 'GB2019' | 'GB2021';
export type TemplateShape = 'wide' | 'long';

/** Headers of the meta columns, in Chinese as the templates print them. */
export const WIDE_META = ['机构', '地区', '层级', '年度', '格式', '来源'] as const;
export const LONG_HEADERS = ['机构', '地区', '层级', '年度', '格式', '部分', '行', '列', '数值', '计量单位', '来源'] as const;

const GB2021_ONLY_ROWS = new Set(['other_no_correction', 'other_no_fee', 'other_other']);

/** The figures a report of the format has, in the order the national tables print them. */
export function templateKeys(format: TemplateFormat): string[] {
  const active = format === 'GB2019' ? 'active_2019' : 'active_2021';
  const keys = ['headline.published_items.total'];
  for (const def of KEY_DEFS.values()) {
    const s = def.section.key;
    if (s === active) {
      // The Hubei extension row is not part of the national format.
      if (def.row.key !== 'other_active_docs') keys.push(def.key);
    } else if (s === 'requests') {
      const gb2021Row = GB2021_ONLY_ROWS.has(def.row.key);
      if (def.row.key === 'other_processing' ? format === 'GB2019' : gb2021Row ? format === 'GB2021' : true) keys.push(def.key);
    } else if (s === 'review') keys.push(def.key);
  }
  return keys;
}

function cleanRowLabel(zh: string): string {
  return zh.replace(/\[仅GB20\d\d\]$/, '');
}

export function wideTemplate(format: TemplateFormat): string {
  return Papa.unparse([[...WIDE_META, ...templateKeys(format).map(officialHeader)]], { newline: '\r\n' }) + '\r\n';
}

export function longTemplate(format: TemplateFormat): string {
  const rows: string[][] = [[...LONG_HEADERS]];
  for (const key of templateKeys(format)) {
    const def = KEY_DEFS.get(key);
    if (!def) continue;
    rows.push(['', '', '', '', format, def.section.zh, cleanRowLabel(def.row.zh), def.column.zh, '', '', '']);
  }
  return Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
}

export function template(shape: TemplateShape, format: TemplateFormat): string {
  return shape === 'wide' ? wideTemplate(format) : longTemplate(format);
}

/**
 * A cell as wide CSV text. The number with its printed unit ("30件") or its original words ("907余条"), so the
 * importer restores value, unit and approximate flag; a blank cell as its placeholder ("—" when none was printed).
 */
export function cellText(cell: Cell): string {
  if (cell.value === null) return cell.printed && cell.printed !== '' ? cell.printed : '—';
  if (cell.approx && cell.note?.startsWith('原文:')) return cell.note.slice(3);
  if (cell.approx) return `${cell.value}余${cell.unit ?? ''}`;
  return `${cell.value}${cell.unit ?? ''}`;
}

/** Reports as one wide CSV: the figures any of them has, labelled as the templates label them. */
export function reportsToWideCsv(reports: readonly Report[]): string {
  const used = new Set<string>();
  for (const r of reports) for (const k of Object.keys(r.cells)) used.add(k);
  const keys = [...KEY_DEFS.keys()].filter((k) => used.has(k));
  const rows: string[][] = [[...WIDE_META, ...keys.map(officialHeader)]];
  for (const r of reports) {
    rows.push([r.agency, r.region, r.level, String(r.year), r.formatNote ?? r.format, r.source, ...keys.map((k) => (r.cells[k] ? cellText(r.cells[k]) : ''))]);
  }
  return Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
}

/**
 * Reports as one long CSV with canonical keys, the layout of the sample's figures.csv: value as a plain number,
 * remarks in the unit column ("条(原文:907余条)"), each cell's own source.
 */
export function reportsToLongCsv(reports: readonly Report[], labels: 'keys' | 'zh' = 'keys'): string {
  const header = labels === 'keys'
    ? ['agency', 'region', 'level', 'year', 'format', 'section', 'row', 'column', 'value', 'unit', 'source']
    : ['机构', '地区', '层级', '年度', '格式', '部分', '行', '列', '数值', '计量单位', '来源'];
  const rows: string[][] = [header];
  for (const r of reports) {
    for (const [key, cell] of Object.entries(r.cells)) {
      const def = KEY_DEFS.get(key);
      const [section, row, column] = key.split('.');
      const names = labels === 'keys' || !def
        ? [section, row, column]
        : [SECTION_BY_KEY.get(section)?.zh ?? section, cleanRowLabel(def.row.zh), def.column.zh];
      const unit = cell.note ? `${cell.unit ?? '未注明'}(${cell.note})` : (cell.unit ?? '');
      const value = cell.value === null ? (cell.printed ?? '') : String(cell.value);
      rows.push([r.agency, r.region, r.level, String(r.year), r.formatNote ?? r.format, ...names, value, unit, cell.source ?? r.source]);
    }
  }
  return Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
}
