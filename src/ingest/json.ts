// JSON input: the project's own versioned format (which is also the backup) and a plain array of reports.
// Validated with valibot, report by report, so one bad record is a listed problem and not a lost file.
import * as v from 'valibot';
import { FORMAT_IDS, type Report } from '../model/report';
import { isKnownKey } from '../model/vocabulary';
import { allowsNegative } from './cells';
import { detectFormat } from './figureRows';
import { quoted } from './limits';
import { nameProblem } from './names';
import type { Problem } from './problems';
import { FILE_KINDS, PROJECT_FORMAT, PROJECT_VERSION, type BackupContent, type FileKind, type ImportRecord } from './types';

const CellSchema = v.strictObject({
  value: v.nullable(v.pipe(v.number(), v.finite())),
  approx: v.optional(v.boolean()),
  unit: v.optional(v.string()),
  note: v.optional(v.string()),
  printed: v.optional(v.string()),
  source: v.optional(v.string()),
});

const Year = v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100));
const Agency = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** A stored report, exactly: what backups hold. */
const StoredReportSchema = v.strictObject({
  agency: Agency,
  year: Year,
  region: v.string(),
  level: v.string(),
  format: v.picklist(FORMAT_IDS),
  formatNote: v.optional(v.string()),
  source: v.string(),
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  file: v.optional(v.string()),
  cells: v.record(v.string(), CellSchema),
});

/** A report written by another tool: only organ, year and cells are required. */
const PlainReportSchema = v.strictObject({
  agency: Agency,
  year: Year,
  region: v.optional(v.string(), ''),
  level: v.optional(v.string(), ''),
  format: v.optional(v.picklist(FORMAT_IDS)),
  formatNote: v.optional(v.string()),
  source: v.optional(v.string(), ''),
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  file: v.optional(v.string()),
  cells: v.record(v.string(), CellSchema),
});

const ReportKey = v.strictObject({ agency: v.string(), year: v.number() });

const ImportRecordSchema = v.strictObject({
  id: v.string(),
  at: v.string(),
  files: v.array(
    v.strictObject({
      name: v.string(),
      kind: v.picklist(FILE_KINDS),
      encoding: v.string(),
      delimiter: v.optional(v.string()),
      rows: v.number(),
    }),
  ),
  counts: v.strictObject({ added: v.number(), replaced: v.number(), skipped: v.number(), problems: v.number() }),
  added: v.array(ReportKey),
  replaced: v.array(StoredReportSchema),
});

const BackupHead = v.object({
  format: v.literal(PROJECT_FORMAT),
  version: v.number(),
});

const BackupSchema = v.strictObject({
  format: v.literal(PROJECT_FORMAT),
  version: v.literal(PROJECT_VERSION),
  exportedAt: v.string(),
  reports: v.array(v.unknown()),
  imports: v.array(v.unknown()),
  meta: v.strictObject({
    sampleSeededAt: v.optional(v.string()),
    roster: v.optional(v.array(v.strictObject({ agency: Agency, level: v.string(), region: v.string() }))),
  }),
});

export interface JsonResult {
  kind: FileKind;
  reports: Report[];
  problems: Problem[];
  backup?: BackupContent;
}

function issueText(issue: v.BaseIssue<unknown>): { path: string; zh: string; en: string } {
  const path = quoted(v.getDotPath(issue) ?? '');
  const name = path || '(整体)';
  const nameEn = path || '(whole)';
  // valibot quotes a string it received whole: a 50 MB organ name must not become a 50 MB message.
  const received = quoted(issue.received);
  if (issue.expected === 'never') return { path, zh: `未知的字段“${name}”`, en: `unknown field "${nameEn}"` };
  if (issue.received === 'undefined') return { path, zh: `缺少字段“${name}”`, en: `field "${nameEn}" is missing` };
  if (issue.type === 'finite') return { path, zh: `“${name}”应为有限的数字,实际为 ${received}`, en: `"${nameEn}" should be a finite number, found ${received}` };
  const expected = quoted(issue.expected ?? '');
  return {
    path,
    zh: `“${name}”应为 ${expected},实际为 ${received}`,
    en: `"${nameEn}" should be ${expected}, found ${received}`,
  };
}

/** Keys valibot's record drops without a word (they would touch the prototype): each is a listed problem instead. */
const DROPPED_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A report item must be an object of named fields: an array or a number is not one, whatever it holds. */
function notAnObject(item: unknown): string | null {
  if (Array.isArray(item)) return '数组 array';
  if (item === null) return 'null';
  return typeof item === 'object' ? null : typeof item;
}

/** Cell-level rules no schema can say: the key must be known; only 本年增/减 may be negative. */
function checkCells(report: Report, n: number, file: string, problems: Problem[]): void {
  for (const [key, cell] of Object.entries(report.cells)) {
    const where = { file, row: n, column: `cells.${key}` };
    if (!isKnownKey(key)) {
      problems.push({ ...where, code: 'unknown-key', zh: `第 ${n} 份年报:未知的指标“${key}”,该单元格未读取`, en: `report ${n}: unknown figure "${key}"; this cell was not read` });
      delete report.cells[key];
    } else if (cell.value !== null && cell.value < 0 && !allowsNegative(key.split('.')[2])) {
      problems.push({ ...where, code: 'negative', zh: `第 ${n} 份年报:“${key}”为负数 ${cell.value},只有“本年增/减”可以为负,该单元格未读取`, en: `report ${n}: "${key}" is negative (${cell.value}); only 本年增/减 may be negative; this cell was not read` });
      delete report.cells[key];
    }
  }
}

function readReports(items: readonly unknown[], stored: boolean, file: string, problems: Problem[]): Report[] {
  const out: Report[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const n = i + 1;
    const kind = notAnObject(item);
    if (kind !== null) {
      problems.push({ file, row: n, code: 'bad-report', zh: `第 ${n} 项不是年报对象(是 ${kind}),未读取`, en: `item ${n} is not a report object (it is ${kind}); not read` });
      return;
    }
    const cellsIn = (item as { cells?: unknown }).cells;
    if (cellsIn !== null && typeof cellsIn === 'object' && !Array.isArray(cellsIn)) {
      for (const key of Object.keys(cellsIn)) {
        if (DROPPED_KEYS.includes(key)) {
          problems.push({ file, row: n, column: `cells.${key}`, code: 'unknown-key', zh: `第 ${n} 份年报:未知的指标“${key}”,该单元格未读取`, en: `report ${n}: unknown figure "${key}"; this cell was not read` });
        }
      }
    }
    const parsed = stored ? v.safeParse(StoredReportSchema, item) : v.safeParse(PlainReportSchema, item);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const t = issueText(issue);
        problems.push({ file, row: n, column: t.path, code: 'bad-report', zh: `第 ${n} 份年报未读取:${t.zh}`, en: `report ${n} not read: ${t.en}` });
      }
      return;
    }
    const o = parsed.output;
    for (const field of ['agency', 'region', 'level', 'source'] as const) {
      const text = o[field];
      const bad = text === '' ? null : nameProblem(field, text);
      if (bad) {
        problems.push({ file, row: n, column: field, code: bad.code, zh: `第 ${n} 份年报未读取:${bad.zh}`, en: `report ${n} not read: ${bad.en}` });
        return;
      }
    }
    const report: Report = {
      agency: o.agency,
      year: o.year,
      region: o.region,
      level: o.level,
      format: o.format ?? detectFormat(Object.keys(o.cells), o.year),
      source: o.source,
      cells: o.cells,
    };
    if (o.formatNote !== undefined) report.formatNote = o.formatNote;
    if (o.published !== undefined) report.published = o.published;
    if (o.file !== undefined) report.file = o.file;
    const id = `${report.agency}\u0000${report.year}`;
    if (seen.has(id)) {
      problems.push({ file, row: n, column: 'agency/year', code: 'duplicate-report', zh: `第 ${n} 份年报:${report.agency} ${report.year} 年重复出现,未读取`, en: `report ${n}: ${report.agency} ${report.year} appears twice; not read` });
      return;
    }
    seen.add(id);
    const had = Object.keys(report.cells).length;
    checkCells(report, n, file, problems);
    if (had > 0 && Object.keys(report.cells).length === 0) {
      // Every figure was refused: an empty report would replace a stored one with nothing.
      problems.push({ file, row: n, column: 'cells', code: 'no-figures', zh: `第 ${n} 份年报(${report.agency} ${report.year} 年)没有可读取的数值,未导入`, en: `report ${n} (${report.agency} ${report.year}) has no figure that could be read; not imported` });
      return;
    }
    out.push(report);
  });
  return out;
}

export function parseJsonText(text: string, file: string): JsonResult {
  const problems: Problem[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // V8's message quotes a few characters around the place, no more; a long one is cut all the same.
    const msg = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    // V8 names the place when it can ("… (line 3 column 17)"): the problem carries it as row and column.
    const at = /line (\d+) column (\d+)/.exec(msg);
    const where = at ? { row: Number(at[1]), column: `${at[2]}` } : {};
    problems.push({ file, ...where, code: 'bad-json', zh: `不是有效的 JSON:${msg}`, en: `not valid JSON: ${msg}` });
    return { kind: 'unknown', reports: [], problems };
  }
  if (Array.isArray(data)) return { kind: 'json-reports', reports: readReports(data, false, file, problems), problems };
  const head = v.safeParse(BackupHead, data);
  if (!head.success) {
    problems.push({
      file,
      code: 'bad-json-shape',
      zh: `JSON 既不是本工具导出的文件(format 为“${PROJECT_FORMAT}”),也不是年报数组`,
      en: `the JSON is neither this tool's own file (format "${PROJECT_FORMAT}") nor an array of reports`,
    });
    return { kind: 'unknown', reports: [], problems };
  }
  if (head.output.version > PROJECT_VERSION) {
    problems.push({
      file,
      code: 'newer-version',
      zh: `文件版本为 ${head.output.version},本工具只认识版本 ${PROJECT_VERSION}:请使用更新的版本打开`,
      en: `the file is version ${head.output.version}; this tool knows version ${PROJECT_VERSION} only: open it with a newer version`,
    });
    return { kind: 'unknown', reports: [], problems };
  }
  const whole = v.safeParse(BackupSchema, data);
  if (!whole.success) {
    for (const issue of whole.issues) {
      const t = issueText(issue);
      problems.push({ file, column: t.path, code: 'bad-backup', zh: `文件结构不符:${t.zh}`, en: `file structure: ${t.en}` });
    }
    return { kind: 'unknown', reports: [], problems };
  }
  const reports = readReports(whole.output.reports, true, file, problems);
  const imports: ImportRecord[] = [];
  whole.output.imports.forEach((item, i) => {
    const parsed = v.safeParse(ImportRecordSchema, item);
    if (parsed.success) imports.push(parsed.output);
    else
      for (const issue of parsed.issues) {
        const t = issueText(issue);
        problems.push({ file, row: i + 1, column: `imports.${t.path}`, code: 'bad-import-record', zh: `第 ${i + 1} 条导入记录未读取:${t.zh}`, en: `import record ${i + 1} not read: ${t.en}` });
      }
  });
  const meta: BackupContent['meta'] = {};
  if (whole.output.meta.sampleSeededAt !== undefined) meta.sampleSeededAt = whole.output.meta.sampleSeededAt;
  if (whole.output.meta.roster !== undefined) meta.roster = whole.output.meta.roster;
  const backup: BackupContent = { format: PROJECT_FORMAT, version: PROJECT_VERSION, exportedAt: whole.output.exportedAt, reports, imports, meta };
  return { kind: 'backup', reports, problems, backup };
}

/** The project format for a set of reports and their history: what "export everything" writes. */
export function backupJson(content: BackupContent): string {
  return JSON.stringify(content);
}
