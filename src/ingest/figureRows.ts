// Long ("one figure a line") rows → reports. The built-in sample uses the strict rules (canonical keys, plain
// numbers); the importer the lenient ones (official labels too, the cell rules of cells.ts, format detected).
import { restoreNeutralised } from '../model/csvText';
import { FORMAT_IDS, type Cell, type FormatId, type Report, reportId } from '../model/report';
import { cellKey, isKnownKey } from '../model/vocabulary';
import { parseCellText, type CellContext } from './cells';
import { resolveFigure } from './labels';
import { quoted } from './limits';
import { nameProblem, type NameField, type NameProblem } from './names';
import type { Problem } from './problems';
import { MAX_PROBLEMS } from './types';

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
  /** The cell's remark, as our "all figures" export writes it. */
  note?: string;
  /** "是"/"yes"/"1"/"true" when the printed figure was approximate. */
  approx?: string;
  /** What a blank cell printed ("—", "/", "无"). */
  printed?: string;
  /** The report's publication date (yyyy-mm-dd), same on every line of a report. */
  published?: string;
  /** The file the report was read from, same on every line of a report. */
  file?: string;
}

const YES = /^(是|yes|y|true|1|约)$/i;

/** The optional columns of the "all figures" export, laid onto a cell read from the value. */
function withCellExtras(cell: Cell, r: FigureRow): Cell {
  const note = restoreNeutralised((r.note ?? '').trim());
  const approx = YES.test((r.approx ?? '').trim());
  const printed = restoreNeutralised((r.printed ?? '').trim());
  if (note === '' && !approx && printed === '') return cell;
  const out: Cell = { ...cell };
  if (note !== '' && out.note !== note) out.note = out.note ? `${out.note};${note}` : note;
  if (approx) out.approx = true;
  if (printed !== '' && out.value === null) out.printed = printed;
  return out;
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

/** The years a report can be for: the regulations on disclosure date from 2008, the national format from 2019. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export function badYearZh(text: string): string {
  return `年度“${quoted(text)}”不是有效年份(应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位数字,如 2020)`;
}

export function badYearEn(text: string): string {
  return `year "${quoted(text)}" is not a valid year (four digits from ${MIN_YEAR} to ${MAX_YEAR}, e.g. 2020)`;
}

/** "2020", "2020年", "２０２０" → 2020; null for anything that is not a plausible report year. */
export function parseYear(text: string, lenient: boolean): number | null {
  // Four ASCII digits, by far the most common, skip the normalisation (a long file has a year on every line).
  const t = lenient && !/^\d{4}$/.test(text) ? text.normalize('NFKC').trim().replace(/年$/, '') : text;
  if (lenient && !/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/**
 * The table format a report's figures imply, when the file does not say. FORMATS.md: detect from the labels,
 * not the year — the year decides only when the figures cannot (request tables alike in both formats).
 */
export function detectFormat(keys: readonly string[], year: number): FormatId {
  let gb2019 = 0;
  let gb2021 = 0;
  let tables = 0;
  let pre = 0;
  for (const k of keys) {
    if (k.startsWith('active_2019.') || k.startsWith('requests.other_processing.')) gb2019++;
    else if (k.startsWith('active_2021.') || /^requests\.other_(no_correction|no_fee|other)\./.test(k)) gb2021++;
    else if (k.startsWith('requests.') || k.startsWith('review.')) tables++;
    else if (k.startsWith('stats_pre2019.')) pre++;
  }
  if (gb2019 > 0 || gb2021 > 0) return gb2021 > gb2019 ? 'GB2021' : 'GB2019';
  if (tables > 0) return year >= 2021 ? 'GB2021' : 'GB2019';
  if (pre > 0) return 'pre2019';
  return 'text-only';
}

export interface FigureRowsOptions {
  /**
   * The importer's rules (the sample keeps the strict ones): section/row/column may be official Chinese labels,
   * values follow cells.ts ("1,234", "约300", placeholders), the format may be left out and is then detected.
   */
  lenient?: boolean;
  /** Headers as the file wrote them, so problems name the file's own columns. */
  columnNames?: Partial<Record<keyof FigureRow, string>>;
}

interface Entry {
  report: Report;
  autoFormat: boolean;
  sources: Map<string, number>;
  cellSources: Map<string, string>;
}

/** Long rows → reports, one row at a time, so a streamed file never needs all its rows in memory. */
export class FigureRowsBuilder {
  readonly problems: Problem[] = [];
  /** Problems found beyond MAX_PROBLEMS: counted, not kept. */
  unlisted = 0;
  /** Lines with no organ, no year and no value (an unfilled template line): ignored, but counted and shown. */
  emptyLines = 0;
  #byId = new Map<string, Entry>();
  #file: string;
  #lenient: boolean;
  #names: Partial<Record<keyof FigureRow, string>>;
  #figureColumn: string;
  /**
   * A long file repeats the same few hundred section/row/column texts on a million lines: each is resolved once.
   * Likewise the format text. Both caches are per file.
   */
  #figures = new Map<string, string | null>();
  #formats = new Map<string, { format: FormatId; note?: string } | null>();
  #contexts = new Map<string, CellContext>();
  #last: Entry | undefined;

  constructor(file: string, options: FigureRowsOptions = {}) {
    this.#file = file;
    this.#lenient = options.lenient ?? false;
    this.#names = options.columnNames ?? {};
    this.#figureColumn = this.#lenient
      ? [this.#names.section, this.#names.row, this.#names.column].filter((n) => n !== undefined).join('/')
      : 'section/row/column';
  }

  #resolve(section: string, row: string, column: string): string | null {
    const id = `${section}\u0001${row}\u0001${column}`;
    let key = this.#figures.get(id);
    if (key === undefined) {
      key = resolveFigure(section, row, column) ?? null;
      this.#figures.set(id, key);
    }
    return key;
  }

  #format(text: string): { format: FormatId; note?: string } | null {
    let f = this.#formats.get(text);
    if (f === undefined) {
      f = parseFormat(text);
      this.#formats.set(text, f);
    }
    return f;
  }

  #problem(line: number, column: string, code: string, zh: string, en: string): void {
    // Past the listed maximum a problem is only counted: a file broken on every line must not fill the memory.
    if (this.problems.length >= MAX_PROBLEMS) this.unlisted++;
    else this.problems.push({ file: this.#file, row: line, column, code, zh, en });
  }

  /** The first name of a new report's line that breaks the rules of names.ts (checked once per report). */
  #nameProblem(r: FigureRow): (NameProblem & { field: NameField }) | null {
    for (const field of ['agency', 'region', 'level'] as const) {
      const text = (r[field] ?? '').trim();
      const bad = text === '' ? null : nameProblem(field, text);
      if (bad) return { ...bad, field };
    }
    return null;
  }

  #name(field: keyof FigureRow, fallback: string): string {
    return this.#names[field] ?? fallback;
  }

  add(r: FigureRow, line: number): void {
    const lenient = this.#lenient;
    // Our own exports neutralise a leading = + - @ with an apostrophe: reading them back takes it away.
    const agency = lenient ? restoreNeutralised(r.agency.trim()) : r.agency;
    if (lenient && agency === '' && r.year.trim() === '' && r.value.trim() === '') {
      this.emptyLines++;
      return;
    }
    if (lenient && agency === '') {
      this.#problem(line, this.#name('agency', 'agency'), 'no-organ', '缺少机构名称', 'the organ is missing');
      return;
    }
    const year = parseYear(r.year, lenient);
    if (year === null) {
      this.#problem(line, this.#name('year', 'year'), 'bad-year', badYearZh(r.year), badYearEn(r.year));
      return;
    }
    const figureColumn = this.#figureColumn;
    let key: string;
    if (lenient) {
      const found = this.#resolve(r.section, r.row, r.column);
      if (!found) {
        this.#problem(
          line,
          figureColumn,
          'unknown-key',
          `未能识别的指标:部分“${r.section}”,行“${r.row}”,列“${r.column}”`,
          `figure not recognised: section "${r.section}", row "${r.row}", column "${r.column}"`,
        );
        return;
      }
      key = found;
    } else {
      key = cellKey(r.section, r.row, r.column);
      if (!isKnownKey(key)) {
        this.#problem(line, figureColumn, 'unknown-key', `未知的指标“${key}”`, `unknown figure "${key}"`);
        return;
      }
    }
    let cell: Cell;
    if (lenient) {
      let ctx = this.#contexts.get(key);
      if (!ctx) this.#contexts.set(key, (ctx = { column: key.split('.')[2] }));
      const parsed = parseCellText(r.value, ctx);
      if (!parsed.ok) {
        this.#problem(line, this.#name('value', 'value'), parsed.code, parsed.zh, parsed.en);
        return;
      }
      // Most long files have no unit column, or a plain unit: only then is there anything to merge.
      cell = r.unit === undefined || r.unit === '' ? parsed.cell : mergeUnit(parsed.cell, parseUnitText(r.unit));
      cell = withCellExtras(cell, r);
    } else {
      const value = r.value.trim();
      if (value !== '' && !NUMBER.test(value)) {
        this.#problem(line, 'value', 'bad-number', `数值“${r.value}”不是数字`, `value "${r.value}" is not a number`);
        return;
      }
      cell = { value: value === '' ? null : Number(value), ...parseUnitText(r.unit) };
    }
    const formatText = (r.format ?? '').trim();
    const fmt = lenient && formatText === '' ? undefined : this.#format(formatText);
    if (fmt === null) {
      const f = r.format ?? '';
      this.#problem(line, this.#name('format', 'format'), 'bad-format', `格式“${f}”无法识别`, `format "${f}" is not recognised`);
      return;
    }
    // Lines of one report usually follow each other: skip the map lookup while the organ and year stay the same.
    const last = this.#last;
    let entry = last && last.report.year === year && last.report.agency === agency ? last : this.#byId.get(reportId(agency, year));
    if (!entry) {
      const bad = lenient ? this.#nameProblem(r) : null;
      if (bad) {
        this.#problem(line, this.#name(bad.field, bad.field), bad.code, `${bad.zh};本行未读取`, `${bad.en}; this line was not read`);
        return;
      }
      const report: Report = {
        agency,
        year,
        region: restoreNeutralised((r.region ?? '').trim()),
        level: restoreNeutralised((r.level ?? '').trim()),
        format: fmt?.format ?? 'text-only',
        source: '',
        cells: {},
      };
      if (!lenient) {
        report.region = r.region ?? '';
        report.level = r.level ?? '';
      }
      if (fmt?.note) report.formatNote = fmt.note;
      const published = (r.published ?? '').trim();
      if (lenient && published !== '') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) {
          const zh = `发布日期“${quoted(published)}”应写作 年-月-日(如 2021-01-29);本行未读取`;
          const en = `publication date "${quoted(published)}" should be written year-month-day (e.g. 2021-01-29); this line was not read`;
          this.#problem(line, this.#name('published', 'published'), 'bad-date', zh, en);
          return;
        }
        report.published = published;
      }
      const file = restoreNeutralised((r.file ?? '').trim());
      if (lenient && file !== '') report.file = file;
      entry = { report, autoFormat: fmt === undefined, sources: new Map(), cellSources: new Map() };
      this.#byId.set(reportId(agency, year), entry);
    }
    this.#last = entry;
    if (key in entry.report.cells) {
      this.#problem(line, figureColumn, 'duplicate-key', `${agency} ${year} 年的“${key}”重复出现`, `"${key}" appears twice for ${agency} ${year}`);
      return;
    }
    const source = lenient ? restoreNeutralised((r.source ?? '').trim()) : (r.source ?? '').trim();
    // Each distinct source of a report is checked once: a long file repeats the same address on many lines.
    const badSource = lenient && source !== '' && !entry.sources.has(source) ? nameProblem('source', source) : null;
    if (badSource) {
      this.#problem(line, this.#name('source', 'source'), badSource.code, `${badSource.zh};本行未读取`, `${badSource.en}; this line was not read`);
      return;
    }
    entry.report.cells[key] = cell;
    entry.sources.set(source, (entry.sources.get(source) ?? 0) + 1);
    entry.cellSources.set(key, source);
  }

  finish(): FigureRowsResult {
    // The report's source is the one most of its cells came from; the other cells keep their own.
    const reports = [...this.#byId.values()].map(({ report, autoFormat, sources, cellSources }) => {
      let main = '';
      let best = -1;
      for (const [s, n] of sources) if (n > best) [main, best] = [s, n];
      report.source = main;
      for (const [key, s] of cellSources) if (s !== main) report.cells[key].source = s;
      if (autoFormat) report.format = detectFormat(Object.keys(report.cells), report.year);
      return report;
    });
    return { reports, problems: this.problems };
  }
}

/** A unit column says more than the unit a cell printed: it wins; remarks of both are kept. */
function mergeUnit(cell: Cell, fromColumn: Pick<Cell, 'unit' | 'note' | 'approx'>): Cell {
  const out: Cell = { ...cell };
  if (fromColumn.unit !== undefined) out.unit = fromColumn.unit;
  if (fromColumn.approx) out.approx = true;
  if (fromColumn.note !== undefined) out.note = out.note ? `${out.note};${fromColumn.note}` : fromColumn.note;
  return out;
}

export function reportsFromFigureRows(rows: readonly FigureRow[], file: string, options: FigureRowsOptions = {}): FigureRowsResult {
  const builder = new FigureRowsBuilder(file, options);
  rows.forEach((r, i) => builder.add(r, i + 2)); // header is line 1
  return builder.finish();
}
