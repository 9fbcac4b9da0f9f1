// The review step's data: what the files would change in the store. Pure: files read + stored reports → plan.
import type { Cell, Report } from '../model/report';
import { reportId } from '../model/report';
import type { Problem } from './problems';
import type { FileResult } from './types';

export interface CellChange {
  key: string;
  /** undefined: the cell is absent on that side. */
  old?: Cell;
  next?: Cell;
}

export interface ReportChange {
  agency: string;
  year: number;
  cells: CellChange[];
  /** Report fields that change (region, level, format, source, publication date, file). */
  fields: { field: string; old: string; next: string }[];
}

/**
 * Merge: the stored report with the incoming figures laid over it. Cells the file does not have stay as stored;
 * so do organ details, except where the stored one is empty. The format follows the stored report unless it was
 * only prose, since a file of a few columns cannot say more about the table format than the stored report does.
 */
export function mergeReports(stored: Report, incoming: Report): Report {
  const out: Report = {
    ...stored,
    region: stored.region || incoming.region,
    level: stored.level || incoming.level,
    source: stored.source || incoming.source,
    format: stored.format === 'text-only' ? incoming.format : stored.format,
    cells: { ...stored.cells, ...incoming.cells },
  };
  if (stored.format === 'text-only' && incoming.formatNote !== undefined) out.formatNote = incoming.formatNote;
  return out;
}

export interface ImportPlan {
  /** Reports to write, one per organ + year over all files (cells of several files combined; see buildPlan). */
  reports: Report[];
  added: number;
  replacing: ReportChange[];
  /** The same conflicts if merged instead: only the cells the files hold change. */
  merging: ReportChange[];
  /** Reports identical to what is stored: nothing to write. */
  unchanged: number;
  problems: Problem[];
  problemsTotal: number;
  /** Columns the reader could not place and the person has not yet mapped or skipped. */
  undecidedColumns: number;
  /** Reports read from documents whose organ or year the person has yet to give. */
  incomplete: number;
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && !!a.approx === !!b.approx && a.unit === b.unit && a.note === b.note && a.printed === b.printed && a.source === b.source;
}

export function diffReports(old: Report, next: Report): ReportChange {
  const cells: CellChange[] = [];
  for (const key of new Set([...Object.keys(old.cells), ...Object.keys(next.cells)])) {
    const o = old.cells[key];
    const n = next.cells[key];
    if (!sameCell(o, n)) {
      const change: CellChange = { key };
      if (o) change.old = o;
      if (n) change.next = n;
      cells.push(change);
    }
  }
  const fields: ReportChange['fields'] = [];
  for (const f of ['region', 'level', 'format', 'formatNote', 'source', 'published', 'file'] as const) {
    if ((old[f] ?? '') !== (next[f] ?? '')) fields.push({ field: f, old: old[f] ?? '', next: next[f] ?? '' });
  }
  return { agency: next.agency, year: next.year, cells, fields };
}

/** One file's reports against the store: how many are new, would replace a stored one, or are the same. */
export function fileCounts(reports: readonly Report[], existing: ReadonlyMap<string, Report>): { added: number; replacing: number; unchanged: number } {
  let added = 0;
  let replacing = 0;
  let unchanged = 0;
  for (const r of reports) {
    const old = existing.get(reportId(r.agency, r.year));
    if (!old) added++;
    else {
      const d = diffReports(old, r);
      if (d.cells.length === 0 && d.fields.length === 0) unchanged++;
      else replacing++;
    }
  }
  return { added, replacing, unchanged };
}

export function buildPlan(files: readonly FileResult[], existing: ReadonlyMap<string, Report>): ImportPlan {
  const byId = new Map<string, { report: Report; file: string }>();
  const problems: Problem[] = [];
  let problemsTotal = 0;
  let undecidedColumns = 0;
  let incomplete = 0;
  for (const f of files) {
    problems.push(...f.problems);
    problemsTotal += f.problemsTotal;
    undecidedColumns += f.columns.filter((c) => c.role === 'unknown').length;
    for (const r of f.reports) {
      // A report without organ or year cannot be stored, nor combined with another: it waits for the person.
      if (r.agency === '' || r.year === 0) {
        incomplete++;
        continue;
      }
      const id = reportId(r.agency, r.year);
      const before = byId.get(id);
      if (before) {
        // The same report in two files of one import (say, one file per table): their cells are combined.
        // Where both give the same cell differently, the later file wins, and that is listed.
        const differing = Object.keys(r.cells).filter((k) => k in before.report.cells && !sameCell(before.report.cells[k], r.cells[k]));
        if (differing.length > 0) {
          problemsTotal++;
          problems.push({
            file: f.file,
            column: differing.slice(0, 3).join(', ') + (differing.length > 3 ? ' …' : ''),
            code: 'duplicate-across-files',
            zh: `${r.agency} ${r.year} 年也在“${before.file}”中,有 ${differing.length} 个单元格两处不同:以本文件为准`,
            en: `${r.agency} ${r.year} is also in "${before.file}", and ${differing.length} cells differ: this file's figures are used`,
          });
        }
        byId.set(id, { report: mergeReports(before.report, r), file: f.file });
        continue;
      }
      byId.set(id, { report: r, file: f.file });
    }
  }
  const reports = [...byId.values()].map((e) => e.report);
  let added = 0;
  let unchanged = 0;
  const replacing: ReportChange[] = [];
  const merging: ReportChange[] = [];
  const empty = (c: ReportChange) => c.cells.length === 0 && c.fields.length === 0;
  for (const r of reports) {
    const old = existing.get(reportId(r.agency, r.year));
    if (!old) added++;
    else {
      const change = diffReports(old, r);
      if (empty(change)) unchanged++;
      else {
        replacing.push(change);
        const merged = diffReports(old, mergeReports(old, r));
        if (!empty(merged)) merging.push(merged);
      }
    }
  }
  return { reports, added, replacing, merging, unchanged, problems, problemsTotal, undecidedColumns, incomplete };
}
