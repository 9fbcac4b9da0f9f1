// The person's corrections in the review sheet, applied to a read file without reading it again: a figure typed
// in (or set blank, or removed), a doubtful reading confirmed, the organ or year given where the report did not
// say them. Pure: a FileResult in, a new FileResult out; the import's plan is computed from it like any other.
import type { Cell, Report } from '../../model/report';
import type { FileResult } from '../types';
import { refineAcrossYears } from './crossYear';
import type { ExtractedReport, FigureSource } from './interpret';

export type FigureEdit =
  /** A figure typed in (a blank cell when its value is null), or undefined to remove it (not in the report). */
  | { kind: 'value'; key: string; cell: Cell | undefined }
  /** The reading as shown is right: no longer in doubt. */
  | { kind: 'accept'; key: string }
  /** Another reading of a whole row (the print allowed several): its figures, in the keys' order. */
  | { kind: 'row'; keys: readonly string[]; values: readonly (number | null)[] }
  | { kind: 'agency'; agency: string }
  | { kind: 'year'; year: number };

function withCell(report: Report, key: string, typed: Cell | undefined): Report {
  const cells = { ...report.cells };
  if (typed === undefined) delete cells[key];
  else {
    // A figure keeps the unit it was printed with (元 or 万元 matter for amounts) unless the person typed one.
    const cell: Cell = { ...typed };
    const unit = typed.unit ?? cells[key]?.unit;
    if (unit && typed.value !== null) cell.unit = unit;
    cells[key] = cell;
  }
  return { ...report, cells };
}

/** A figure the person has typed or confirmed: no longer in doubt, and final. */
function settled(source: FigureSource): FigureSource {
  const out: FigureSource = { ...source, edited: true };
  delete out.doubt;
  return out;
}

function applyOne(e: ExtractedReport, edit: FigureEdit): ExtractedReport {
  switch (edit.kind) {
    case 'value': {
      const source = settled(e.sources[edit.key] ?? { from: 'table', context: '' });
      delete source.alternatives;
      return { ...e, report: withCell(e.report, edit.key, edit.cell), sources: { ...e.sources, [edit.key]: source } };
    }
    case 'accept': {
      const source = e.sources[edit.key];
      return source ? { ...e, sources: { ...e.sources, [edit.key]: settled(source) } } : e;
    }
    case 'row': {
      let out = e;
      edit.keys.forEach((key, i) => {
        const before = out.report.cells[key];
        out = applyOne(out, { kind: 'value', key, cell: before ? { ...before, value: edit.values[i] ?? null } : { value: edit.values[i] ?? null } });
      });
      return out;
    }
    case 'agency': {
      const agency = edit.agency.trim();
      return { ...e, report: { ...e.report, agency }, needs: { ...e.needs, agency: agency === '' } };
    }
    case 'year': {
      const ok = Number.isInteger(edit.year) && edit.year >= 1990 && edit.year <= 2100;
      return { ...e, report: { ...e.report, year: ok ? edit.year : 0 }, needs: { ...e.needs, year: !ok } };
    }
  }
}

function recount(e: ExtractedReport): ExtractedReport {
  return { ...e, doubtful: Object.values(e.sources).filter((s) => s.doubt).length };
}

/** One report of one file edited; the file's reports and their readings stay in step. */
export function editDocument(result: FileResult, index: number, edit: FigureEdit): FileResult {
  const docs = result.documents;
  if (!docs || !docs.extracted[index]) return result;
  const extracted = docs.extracted.map((e, i) => (i === index ? recount(applyOne(e, edit)) : e));
  return { ...result, reports: extracted.map((e) => e.report), documents: { ...docs, extracted } };
}

/**
 * A report states its organ's name but not its level or region: those of the organ's stored reports are kept
 * (the latest year's), so replacing a stored report with its published text does not lose them; likewise the
 * units stored with the same year's counts.
 */
function withOrganDetails(e: ExtractedReport, stored: readonly Report[]): ExtractedReport {
  if (e.report.agency === '') return e;
  let known: Report | undefined;
  let same: Report | undefined;
  for (const r of stored) {
    if (r.agency !== e.report.agency) continue;
    if (!known || r.year > known.year) known = r;
    if (r.year === e.report.year) same = r;
  }
  if (!known) return e;
  const report = { ...e.report, region: e.report.region || known.region, level: e.report.level || known.level };
  // A report prints counts without units; the stored record of the same year may carry them (件, 项, 条).
  // Amounts are left alone: their unit is what the document printed, or nothing.
  if (same) {
    const cells = { ...report.cells };
    for (const [key, cell] of Object.entries(cells)) {
      const before = same.cells[key];
      if (cell.unit === undefined && before?.unit && cell.value !== null && !/(?:amount)$/.test(key)) cells[key] = { ...cell, unit: before.unit };
    }
    report.cells = cells;
  }
  return { ...e, report };
}

/**
 * Every published report of the import read against its neighbouring years (the other files, the stored
 * reports): rows printed ambiguously take the reading the cross-year identities allow.
 */
export function refineDocuments(results: readonly FileResult[], stored: readonly Report[]): FileResult[] {
  const all: ExtractedReport[] = [];
  for (const r of results) if (r.documents) all.push(...r.documents.extracted);
  if (all.length === 0) return [...results];
  const refined = refineAcrossYears(all, stored).map((e) => withOrganDetails(e, stored));
  let at = 0;
  return results.map((r) => {
    if (!r.documents) return r;
    const extracted = refined.slice(at, at + r.documents.extracted.length);
    at += extracted.length;
    return { ...r, reports: extracted.map((e) => e.report), documents: { ...r.documents, extracted } };
  });
}
