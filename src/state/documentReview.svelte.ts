// The review of published reports before they are stored: per file, a line per report (organ, year, format,
// figures found, figures in doubt, identities passed and failed); and the review sheet of one report, its tables
// in the official layout, the selected figure with where it was read, corrections, and the consistency checks,
// which follow every correction.
import { checkReportRun, type CheckRun, type Finding } from '../checks';
import { parseCellText } from '../ingest/cells';
import type { FigureEdit } from '../ingest/document/edit';
import type { ExtractedReport, FigureSource } from '../ingest/document/interpret';
import type { Report } from '../model/report';
import { findingsByKey, reportSheet, type ReportSheet } from '../query/reportSheet';
import type { AppState } from './app.svelte';
import type { ImportState } from './import.svelte';

export type DocumentStatus = 'needs-organ' | 'needs-year' | 'doubtful' | 'ready';

export interface DocumentSummary {
  entry: number;
  report: number;
  agency: string;
  year: number;
  format: Report['format'];
  figures: number;
  doubtful: number;
  passed: number;
  failed: number;
  status: DocumentStatus;
}

/** The checks a report passes and fails (identities I1–I4 and prose against tables; not "not checkable"). */
function tally(run: CheckRun): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const c of run.checks) {
    if (c.outcome === 'passed') passed++;
    else if (c.outcome === 'failed') failed++;
  }
  return { passed, failed };
}

function statusOf(e: ExtractedReport): DocumentStatus {
  if (e.report.agency === '') return 'needs-organ';
  if (e.report.year === 0) return 'needs-year';
  return e.doubtful > 0 ? 'doubtful' : 'ready';
}

export class DocumentReview {
  private readonly app: AppState;
  private readonly imp: ImportState;
  /** The report whose sheet is open: the file's place in the review and the report's place in the file. */
  open = $state<{ entry: number; report: number } | null>(null);
  /** The selected figure in the sheet. */
  selected = $state<string | null>(null);

  constructor(app: AppState, imp: ImportState) {
    this.app = app;
    this.imp = imp;
  }

  /** The stored reports of an organ: the neighbouring years its cross-year checks compare with. */
  #context(agency: string): Report[] {
    return agency === '' ? [] : this.app.reports.filter((r) => r.agency === agency);
  }

  summaries: DocumentSummary[] = $derived.by(() => {
    const out: DocumentSummary[] = [];
    this.imp.entries.forEach((e, entry) => {
      e.result.documents?.extracted.forEach((x, report) => {
        const run = checkReportRun(x.report, this.#context(x.report.agency));
        out.push({
          entry,
          report,
          agency: x.report.agency,
          year: x.report.year,
          format: x.report.format,
          figures: Object.keys(x.report.cells).length,
          doubtful: x.doubtful,
          ...tally(run),
          status: statusOf(x),
        });
      });
    });
    return out;
  });

  current: ExtractedReport | undefined = $derived.by(() => {
    const o = this.open;
    return o ? this.imp.entries[o.entry]?.result.documents?.extracted[o.report] : undefined;
  });

  /** Checks of the open report as it now stands (every correction runs them again: one report, milliseconds). */
  run: CheckRun | undefined = $derived.by(() => (this.current ? checkReportRun(this.current.report, this.#context(this.current.report.agency)) : undefined));

  findings: Finding[] = $derived(this.run?.findings.filter((f) => f.severity !== 'not-checkable') ?? []);

  sheet: ReportSheet | undefined = $derived.by(() => {
    const c = this.current;
    if (!c) return undefined;
    return reportSheet(c.report, { doubts: c.sources, findings: findingsByKey(this.findings, c.report.year) });
  });

  /** Where the selected figure was read. */
  source: FigureSource | undefined = $derived(this.current && this.selected ? this.current.sources[this.selected] : undefined);

  /**
   * The other readings of the selected figure's row, where its print allowed several (a reading is a whole row:
   * one figure alone cannot be re-read), the one now shown left out. Empty once the person has settled the row.
   */
  rowReadings: { keys: string[]; values: (number | null)[] }[] = $derived.by(() => {
    const c = this.current;
    const key = this.selected;
    if (!c || !key) return [];
    const row = c.rowOptions.find((o) => o.keys.includes(key));
    if (!row || row.keys.some((k) => c.sources[k]?.edited)) return [];
    const now = row.keys.map((k) => c.report.cells[k]?.value ?? null);
    return row.options.filter((o) => o.some((v, i) => v !== now[i])).slice(0, 6).map((values) => ({ keys: row.keys, values }));
  });

  openSheet(entry: number, report: number): void {
    this.open = { entry, report };
    const c = this.current;
    // Start at the first figure in doubt, else the first figure.
    this.selected = c ? (Object.keys(c.sources).find((k) => c.sources[k].doubt) ?? this.sheet?.order[0] ?? null) : null;
  }

  close(): void {
    this.open = null;
    this.selected = null;
  }

  edit(edit: FigureEdit): void {
    const o = this.open;
    if (!o) return;
    this.imp.editDocument(o.entry, o.report, edit);
  }

  /**
   * A figure typed by the person, read by the same cell rules as a CSV ("1,234", full-width digits, "约300",
   * "—" for blank; negative only for 本年增/减). Returns the reason when the text is not a figure; nothing is changed then.
   */
  type(key: string, text: string): { zh: string; en: string } | null {
    const parsed = parseCellText(text, { column: key.split('.')[2] ?? '' });
    if (!parsed.ok) return { zh: parsed.zh, en: parsed.en };
    this.edit({ kind: 'value', key, cell: parsed.cell });
    return null;
  }

  /** The next or previous figure in doubt, for working through them with the keyboard. */
  nextDoubt(step: 1 | -1): void {
    const c = this.current;
    const order = this.sheet?.order ?? [];
    if (!c || order.length === 0) return;
    const at = this.selected ? order.indexOf(this.selected) : -1;
    for (let i = 1; i <= order.length; i++) {
      const key = order[(at + step * i + order.length * 2) % order.length];
      if (c.sources[key]?.doubt) {
        this.selected = key;
        return;
      }
    }
  }
}
