// Wide CSV: one report a line — organ, year, then one column per figure. An empty field is an absent cell
// (a wide sheet covering GB2019 and GB2021 reports has, for every report, columns its format does not have);
// a placeholder ("—", "/", "无") is a blank cell.
import type { Cell, Report } from '../model/report';
import { reportId } from '../model/report';
import { isKnownKey } from '../model/vocabulary';
import { parseCellText, type CellContext } from './cells';
import { badYearEn, badYearZh, detectFormat, parseFormat, parseYear } from './figureRows';
import { headerCandidates, resolveHeader, type MetaRole } from './labels';
import { quoted } from './limits';
import { nameProblem, type NameField } from './names';
import type { Problem } from './problems';
import { MAX_PROBLEMS } from './types';
import type { ColumnInfo, ColumnMappings } from './types';

const SAMPLES = 3;

const NAME_FIELDS: readonly NameField[] = ['agency', 'region', 'level', 'source'];

interface FigureColumn {
  index: number;
  key: string;
  header: string;
  unit?: string;
  ctx: CellContext;
}

export class WideBuilder {
  readonly columns: ColumnInfo[];
  readonly problems: Problem[] = [];
  /** Problems found beyond MAX_PROBLEMS: counted, not kept. */
  unlisted = 0;
  emptyLines = 0;
  #file: string;
  #reports = new Map<string, Report>();
  #index: Partial<Record<MetaRole, number>> = {};
  /** The figure columns with what each cell needs, computed once: a large file has millions of cells. */
  #figures: FigureColumn[] = [];

  constructor(file: string, headers: readonly string[], roles: readonly (MetaRole | undefined)[], mappings: ColumnMappings = {}) {
    this.#file = file;
    const seen = new Map<string, string>();
    this.columns = headers.map((header, index): ColumnInfo => {
      const role = roles[index];
      if (role && role !== 'section' && role !== 'row' && role !== 'column' && role !== 'value' && role !== 'unit') {
        const first = this.#index[role];
        if (first === undefined) {
          this.#index[role] = index;
          return { index, header, role };
        }
        // Two columns for the organ (or the year…): which one is meant cannot be known. The first is read and the
        // person is told; the other is not read.
        this.problems.push({
          file,
          row: 1,
          column: header,
          code: 'duplicate-column',
          zh: `列“${quoted(header)}”与第 ${first + 1} 列“${quoted(headers[first])}”含义相同,本列未读取`,
          en: `column "${quoted(header)}" means the same as column ${first + 1} "${quoted(headers[first])}"; this column was not read`,
        });
        return { index, header, role: 'skipped' };
      }
      let info: ColumnInfo;
      if (index in mappings) {
        const key = mappings[index];
        info = key === null || !isKnownKey(key) ? { index, header, role: 'skipped', mapped: true } : { index, header, role: 'figure', key, mapped: true };
        const hint = resolveHeader(header);
        if (info.key && hint?.unit) info.unit = hint.unit;
      } else {
        const found = headerCandidates(header);
        if (found.keys.length === 1) {
          info = { index, header, role: 'figure', key: found.keys[0] };
          if (found.unit) info.unit = found.unit;
        } else {
          info = { index, header, role: 'unknown', samples: [] };
          if (found.keys.length > 1) info.candidates = found.keys;
        }
      }
      if (info.key) {
        const other = seen.get(info.key);
        if (other !== undefined) {
          this.problems.push({
            file,
            row: 1,
            column: header,
            code: 'duplicate-column',
            zh: `列“${header}”与列“${other}”是同一指标(${info.key}),本列未读取`,
            en: `column "${header}" names the same figure as column "${other}" (${info.key}); this column was not read`,
          });
          return { index, header, role: 'skipped' };
        }
        seen.set(info.key, header);
      }
      return info;
    });
    for (const c of this.columns) {
      if (c.role !== 'figure' || !c.key) continue;
      const f: FigureColumn = { index: c.index, key: c.key, header: c.header, ctx: { column: c.key.split('.')[2] } };
      if (c.unit !== undefined) f.unit = c.unit;
      this.#figures.push(f);
    }
  }

  #problem(line: number, column: string, code: string, zh: string, en: string): void {
    // Past the listed maximum a problem is only counted: a file broken on every line must not fill the memory.
    if (this.problems.length >= MAX_PROBLEMS) this.unlisted++;
    else this.problems.push({ file: this.#file, row: line, column, code, zh, en });
  }

  #field(fields: readonly string[], role: MetaRole): string {
    const i = this.#index[role];
    return i === undefined ? '' : (fields[i] ?? '').trim();
  }

  add(fields: readonly string[], line: number): void {
    for (const c of this.columns) {
      if (c.role === 'unknown' && c.samples && c.samples.length < SAMPLES) {
        const v = (fields[c.index] ?? '').trim();
        if (v !== '') c.samples.push(v);
      }
    }
    if (fields.every((f) => f.trim() === '')) {
      this.emptyLines++;
      return;
    }
    if (fields.length > this.columns.length && fields.slice(this.columns.length).some((f) => f.trim() !== '')) {
      this.#problem(line, '', 'extra-fields', `本行有 ${fields.length} 个字段,表头只有 ${this.columns.length} 列;多出的字段未读取`, `this line has ${fields.length} fields but the header has ${this.columns.length} columns; the extra fields were not read`);
    }
    const agency = this.#field(fields, 'agency');
    const agencyHeader = this.columns[this.#index.agency ?? 0]?.header ?? 'agency';
    const yearHeader = this.columns[this.#index.year ?? 0]?.header ?? 'year';
    if (agency === '') {
      this.#problem(line, agencyHeader, 'no-organ', '缺少机构名称', 'the organ is missing');
      return;
    }
    for (const field of NAME_FIELDS) {
      const text = field === 'agency' ? agency : this.#field(fields, field);
      const bad = text === '' ? null : nameProblem(field, text);
      if (bad) {
        this.#problem(line, this.columns[this.#index[field] ?? 0].header, bad.code, `${bad.zh};本行未读取`, `${bad.en}; this line was not read`);
        return;
      }
    }
    const yearText = this.#field(fields, 'year');
    const year = parseYear(yearText, true);
    if (year === null) {
      this.#problem(line, yearHeader, 'bad-year', badYearZh(yearText), badYearEn(yearText));
      return;
    }
    const id = reportId(agency, year);
    if (this.#reports.has(id)) {
      this.#problem(line, agencyHeader, 'duplicate-report', `${agency} ${year} 年在本文件中出现了两次,本行未读取`, `${agency} ${year} appears twice in this file; this line was not read`);
      return;
    }
    const cells: Record<string, Cell> = {};
    let count = 0;
    for (const c of this.#figures) {
      const text = fields[c.index] ?? '';
      if (text === '' || text.trim() === '') continue; // absent, not blank: see the comment at the top
      const parsed = parseCellText(text, c.ctx);
      if (!parsed.ok) {
        this.#problem(line, c.header, parsed.code, parsed.zh, parsed.en);
        continue;
      }
      const cell = parsed.cell;
      if (cell.unit === undefined && c.unit !== undefined && cell.value !== null) cell.unit = c.unit;
      cells[c.key] = cell;
      count++;
    }
    if (count === 0) {
      // An empty report would replace a stored one with nothing: never import a line without a single figure.
      this.#problem(line, agencyHeader, 'no-figures', `${agency} ${year} 年这一行没有可读取的数值,未导入`, `${agency} ${year}: this line has no figure that could be read; not imported`);
      return;
    }
    const formatText = this.#field(fields, 'format');
    let format = formatText === '' ? undefined : parseFormat(formatText);
    if (format === null) {
      this.#problem(line, this.columns[this.#index.format ?? 0].header, 'bad-format', `格式“${formatText}”无法识别,已按表中指标判断`, `format "${formatText}" is not recognised; detected from the figures instead`);
      format = undefined;
    }
    const report: Report = {
      agency,
      year,
      region: this.#field(fields, 'region'),
      level: this.#field(fields, 'level'),
      format: format?.format ?? detectFormat(Object.keys(cells), year),
      source: this.#field(fields, 'source'),
      cells,
    };
    if (format?.note) report.formatNote = format.note;
    this.#reports.set(id, report);
  }

  finish(): { reports: Report[]; problems: Problem[] } {
    return { reports: [...this.#reports.values()], problems: this.problems };
  }
}
