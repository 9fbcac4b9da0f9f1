// Long ("one figure a line") rows with canonical keys → reports. Used for the built-in sample and by the importer.
import { FORMAT_IDS, type Cell, type FormatId, type Report, reportId } from '../model/report';
import { cellKey, isKnownKey } from '../model/vocabulary';
import type { Problem } from './problems';

/** One line of figures.csv: `agency,region,level,year,format,section,row,column,value,unit,source`. */
export interface FigureRow {
  agency: string;
  region?: string;
  level?: string;
  year: string;
  format?: string;
  section: string;
  row: string;
  column: string;
  value: string;
  unit?: string;
  source?: string;
}

export interface FigureRowsResult {
  reports: Report[];
  problems: Problem[];
}

/** "pre2019-local(无统计表)" → pre2019 with the note kept; unknown text is a problem for the caller. */
export function parseFormat(text: string): { format: FormatId; note?: string } | null {
  const t = text.trim();
  if ((FORMAT_IDS as readonly string[]).includes(t)) return { format: t as FormatId };
  if (t.startsWith('pre2019')) return { format: 'pre2019', note: t };
  return null;
}

/**
 * The unit column of figures.csv also carries remarks: "条(原文:907余条)", "条(余)", "未注明(疑为万元)".
 * Split it into the printed unit, an approximate flag and the remark.
 */
export function parseUnitText(text: string | undefined): Pick<Cell, 'unit' | 'note' | 'approx'> {
  const t = (text ?? '').trim();
  if (t === '') return {};
  const m = /^([^((]*)[((](.*)[))]$/.exec(t);
  const base = (m ? m[1] : t).trim();
  const remark = m ? m[2].trim() : undefined;
  const out: Pick<Cell, 'unit' | 'note' | 'approx'> = {};
  if (base !== '' && base !== '未注明') out.unit = base;
  if (remark) out.note = remark;
  if (remark && /余|约|左右|多/.test(remark)) out.approx = true;
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

export function reportsFromFigureRows(rows: readonly FigureRow[], file: string): FigureRowsResult {
  const problems: Problem[] = [];
  const byId = new Map<string, { report: Report; sources: Map<string, number>; cellSources: Map<string, string> }>();

  rows.forEach((r, i) => {
    const line = i + 2; // header is line 1
    const where = { file, row: line };
    const year = Number(r.year);
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      problems.push({ ...where, column: 'year', code: 'bad-year', zh: `年度“${r.year}”不是有效年份`, en: `year "${r.year}" is not a valid year` });
      return;
    }
    const key = cellKey(r.section, r.row, r.column);
    if (!isKnownKey(key)) {
      problems.push({ ...where, column: 'section/row/column', code: 'unknown-key', zh: `未知的指标“${key}”`, en: `unknown figure "${key}"` });
      return;
    }
    const value = r.value.trim();
    if (value !== '' && !NUMBER.test(value)) {
      problems.push({ ...where, column: 'value', code: 'bad-number', zh: `数值“${r.value}”不是数字`, en: `value "${r.value}" is not a number` });
      return;
    }
    const fmt = parseFormat(r.format ?? '');
    if (!fmt) {
      problems.push({ ...where, column: 'format', code: 'bad-format', zh: `格式“${r.format ?? ''}”无法识别`, en: `format "${r.format ?? ''}" is not recognised` });
      return;
    }
    const id = reportId(r.agency, year);
    let entry = byId.get(id);
    if (!entry) {
      const report: Report = {
        agency: r.agency,
        year,
        region: r.region ?? '',
        level: r.level ?? '',
        format: fmt.format,
        source: '',
        cells: {},
      };
      if (fmt.note) report.formatNote = fmt.note;
      entry = { report, sources: new Map(), cellSources: new Map() };
      byId.set(id, entry);
    }
    if (key in entry.report.cells) {
      problems.push({ ...where, column: 'section/row/column', code: 'duplicate-key', zh: `${r.agency} ${year} 年的“${key}”重复出现`, en: `"${key}" appears twice for ${r.agency} ${year}` });
      return;
    }
    const cell: Cell = { value: value === '' ? null : Number(value), ...parseUnitText(r.unit) };
    entry.report.cells[key] = cell;
    const source = (r.source ?? '').trim();
    entry.sources.set(source, (entry.sources.get(source) ?? 0) + 1);
    entry.cellSources.set(key, source);
  });

  // The report's source is the one most of its cells came from; the other cells keep their own.
  const reports = [...byId.values()].map(({ report, sources, cellSources }) => {
    let main = '';
    let best = -1;
    for (const [s, n] of sources) if (n > best) [main, best] = [s, n];
    report.source = main;
    for (const [key, s] of cellSources) if (s !== main) report.cells[key].source = s;
    return report;
  });
  return { reports, problems };
}
