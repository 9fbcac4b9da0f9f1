// Import state: files and pasted text → worker → review → one-transaction commit; history, undo,
// delete, clear, backup and restore. The page never parses: it holds File handles and the worker's results.
import type { Finding } from '../checks';
import type { MessageKey } from '../i18n/messages';
import { CancelledError, ParseClient } from '../ingest/client';
import type { EncodingId } from '../ingest/encoding';
import type { FigureEdit } from '../ingest/document/edit';
import { buildPlan, fileCounts, mergeReports, type ImportPlan } from '../ingest/plan';
import { mergeSnapshotReport } from '../share/snapshot';
import type { Problem } from '../ingest/problems';
import { problemsCsv } from '../ingest/problems';
import type { WorkerInput } from '../ingest/protocol';
import type { TemplateFormat, TemplateShape } from '../ingest/templates';
import type { EncodingSource, FileResult, ImportRecord, ParseOptions } from '../ingest/types';
import { reportId, type Report } from '../model/report';
import { dumpBackup, restoreBackup } from '../store/backup';
import { loadReports } from '../store/db';
import { clearAll, commitImport, deleteOrgan, deleteReports, listImports, undoLastImport } from '../store/imports';
import { onChange } from '../store/sync';
import type { AppState, IncomingFindings } from './app.svelte';
import { downloadBlob } from './download';
import type { DocumentReview } from './documentReview.svelte';

export type ImportPhase = 'idle' | 'reading' | 'review' | 'committing';

export interface ImportEntry {
  input: WorkerInput;
  options: ParseOptions;
  result: FileResult;
  /** What detection chose the first time, so an override can be shown against it and undone. */
  detected: { encoding: FileResult['encoding']; source: EncodingSource };
}

export interface ReadProgress {
  file: string;
  index: number;
  count: number;
  bytes: number;
  total: number;
  rows: number;
}

/** User Timing marks around the import's stages: bench/run.mjs reads them to time each stage separately. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`import:${name}`);
}

function inputName(input: WorkerInput): string {
  return input.kind === 'file' ? input.file.name : input.name;
}

function inputSize(input: WorkerInput): number {
  return input.kind === 'file' ? input.file.size : input.kind === 'html' ? input.html.length : input.text.length;
}

/** Saves text as a file through a temporary link: the browser's own download, no server involved. */
export function download(name: string, text: string, type: string): void {
  downloadParts(name, [text], type);
}

/** The same for a file built in parts: a Blob joins them, so a large export is never one giant string. */
function downloadParts(name: string, parts: readonly string[], type: string): void {
  downloadBlob(new Blob(parts as string[], { type }), name);
}

export class ImportState {
  readonly app: AppState;
  phase = $state<ImportPhase>('idle');
  progress = $state<ReadProgress | undefined>(undefined);
  /** Files read for the current review; replaced, never mutated (results can be large). */
  entries = $state.raw<ImportEntry[]>([]);
  /** Problems of the last finished import: they stay listed (and downloadable) after the review closes. */
  lastProblems = $state.raw<Problem[]>([]);
  history = $state.raw<ImportRecord[]>([]);
  /** The text box for pasted CSV. */
  pasteOpen = $state(false);

  /** Stored reports by organ + year, for the review's comparisons. */
  existing: ReadonlyMap<string, Report> = $derived.by(() => new Map(this.app.reports.map((r): [string, Report] => [reportId(r.agency, r.year), r])));

  plan: ImportPlan = $derived.by(() =>
    buildPlan(
      this.entries.map((e) => e.result),
      this.existing,
    ),
  );

  /** Per file, as the review shows it: new, replacing, the same as stored. */
  fileCounts = $derived.by(() => this.entries.map((e) => fileCounts(e.result.reports, this.existing)));

  /**
   * Consistency findings on the incoming reports as they would be stored, beside their stored neighbour years.
   * Lazy: asked of the checks worker only when the review reads them, again when the files change; empty until
   * the worker answers (`findingsReady`).
   */
  #incomingFindings: IncomingFindings | null = $derived.by(() => (this.entries.length === 0 ? null : this.app.incomingFindings(this.plan.reports)));
  get findings(): Finding[] {
    return this.#incomingFindings?.findings ?? [];
  }
  /** The checks worker has answered for the files now in the review. */
  get findingsReady(): boolean {
    return this.#incomingFindings?.ready ?? true;
  }

  #client = new ParseClient();
  #pasteCount = 0;

  /**
   * Published reports in the review: their lines per file and the review sheet of one of them. Made, with the
   * document tools, when the first published report is read: a CSV import never loads them.
   */
  documents = $state.raw<DocumentReview | null>(null);
  #documentTools: typeof import('../ingest/document/edit') | null = null;

  constructor(app: AppState) {
    this.app = app;
    // Another tab imported, undid or cleared: its history is ours too.
    onChange(() => void this.refreshHistory());
  }

  #say(key: MessageKey, params?: Record<string, string | number>): void {
    this.app.say(key, params);
  }

  async refreshHistory(): Promise<void> {
    const db = this.app.database();
    if (db) this.history = await listImports(db);
  }

  addFiles(files: readonly File[]): Promise<void> {
    return this.#read(files.map((file): WorkerInput => ({ kind: 'file', file })));
  }

  /**
   * Pasted text (CSV, or a report's text) — or, when the clipboard had it, the HTML of what was copied: tables
   * copied from a browser or Word keep their cells there, which plain text loses.
   */
  addText(text: string, html?: string): Promise<void> {
    if (text.trim() === '' && (html ?? '').trim() === '') return Promise.resolve();
    this.#pasteCount++;
    const name = this.app.lang === 'en' ? `pasted-${this.#pasteCount}` : `粘贴的内容-${this.#pasteCount}`;
    return this.#read([html && /<t[dh][\s>]/i.test(html) ? { kind: 'html', name, html } : { kind: 'text', name, text }]);
  }

  /**
   * A correction in the review sheet of a published report: a figure typed, confirmed, set blank or removed;
   * the organ or year given. Organ and year changes read the reports against their neighbouring years again.
   */
  editDocument(entry: number, report: number, edit: FigureEdit): void {
    const tools = this.#documentTools;
    const target = this.entries[entry];
    if (!tools || !target || this.phase !== 'review') return;
    let entries = this.entries.map((e, i) => (i === entry ? { ...e, result: tools.editDocument(e.result, report, edit) } : e));
    if (edit.kind === 'agency' || edit.kind === 'year') entries = this.#refinedWith(tools, entries);
    this.entries = entries;
  }

  /** The document tools and the review of published reports, loaded with the first of them. */
  async #loadDocumentTools(): Promise<typeof import('../ingest/document/edit')> {
    if (!this.#documentTools) {
      const [tools, review] = await Promise.all([import('../ingest/document/edit'), import('./documentReview.svelte')]);
      this.#documentTools = tools;
      this.documents ??= new review.DocumentReview(this.app, this);
    }
    return this.#documentTools;
  }

  /** Ambiguous rows of published reports read against the neighbouring years: the other files, the store. */
  async #refined(entries: readonly ImportEntry[]): Promise<ImportEntry[]> {
    if (!entries.some((e) => e.result.documents)) return [...entries];
    return this.#refinedWith(await this.#loadDocumentTools(), entries);
  }

  #refinedWith(tools: typeof import('../ingest/document/edit'), entries: readonly ImportEntry[]): ImportEntry[] {
    const results = tools.refineDocuments(
      entries.map((e) => e.result),
      this.app.reports,
    );
    return entries.map((e, i) => ({ ...e, result: results[i] }));
  }

  /** Reads inputs one after another (one worker, one file in memory at a time) and adds them to the review. */
  async #read(inputs: readonly WorkerInput[]): Promise<void> {
    if (inputs.length === 0 || this.phase === 'reading' || this.phase === 'committing') return;
    const before = this.entries;
    this.phase = 'reading';
    mark('read-start');
    const read: ImportEntry[] = [];
    try {
      for (let i = 0; i < inputs.length; i++) {
        const input = inputs[i];
        const file = inputName(input);
        this.progress = { file, index: i + 1, count: inputs.length, bytes: 0, total: inputSize(input), rows: 0 };
        this.#say('import.reading', { file, index: i + 1, count: inputs.length });
        const result = await this.#client.parse(input, {}, (p) => {
          this.progress = { file, index: i + 1, count: inputs.length, ...p };
        });
        read.push({ input, options: {}, result, detected: { encoding: result.encoding, source: result.encodingSource } });
      }
      this.entries = await this.#refined([...before, ...read]);
      this.phase = 'review';
      mark('review-ready');
      this.#say('import.review', { files: this.entries.length, reports: this.plan.reports.length, problems: this.plan.problemsTotal });
    } catch (e) {
      this.entries = before;
      this.phase = before.length > 0 ? 'review' : 'idle';
      if (e instanceof CancelledError) this.#say('import.cancelled');
      else this.#say('import.failed', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.progress = undefined;
    }
  }

  /** Cancel while reading (stops the worker) or in review (drops the files): the store was never touched. */
  cancel(): void {
    if (this.phase === 'reading') {
      this.#client.cancel();
      return;
    }
    if (this.phase === 'review') {
      this.entries = [];
      this.phase = 'idle';
      this.#say('import.cancelled');
    }
  }

  /** Reads one entry again with new options: another encoding, or the person's column decisions. */
  async #reread(index: number, options: ParseOptions): Promise<void> {
    const entry = this.entries[index];
    if (!entry || this.phase !== 'review') return;
    this.phase = 'reading';
    const file = inputName(entry.input);
    this.progress = { file, index: 1, count: 1, bytes: 0, total: entry.result.bytes, rows: 0 };
    try {
      const result = await this.#client.parse(entry.input, options, (p) => {
        this.progress = { file, index: 1, count: 1, ...p };
      });
      this.entries = await this.#refined(this.entries.map((e, i) => (i === index ? { ...e, options, result } : e)));
    } catch (e) {
      if (e instanceof CancelledError) this.#say('import.cancelled');
      else this.#say('import.failed', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.progress = undefined;
      this.phase = 'review';
    }
  }

  setEncoding(index: number, encoding: EncodingId | 'auto'): Promise<void> {
    const entry = this.entries[index];
    if (!entry) return Promise.resolve();
    const options: ParseOptions = { ...entry.options };
    if (encoding === 'auto') delete options.encoding;
    else options.encoding = encoding;
    return this.#reread(index, options);
  }

  /** The person's decision for one column: a canonical key, or null to skip it. */
  mapColumn(index: number, column: number, key: string | null): Promise<void> {
    const entry = this.entries[index];
    if (!entry) return Promise.resolve();
    return this.#reread(index, { ...entry.options, mappings: { ...entry.options.mappings, [column]: key } });
  }

  /** Skips every column still undecided in one file: an explicit choice, listed like any other. */
  skipUnknown(index: number): Promise<void> {
    const entry = this.entries[index];
    if (!entry) return Promise.resolve();
    const mappings = { ...entry.options.mappings };
    for (const c of entry.result.columns) if (c.role === 'unknown') mappings[c.index] = null;
    return this.#reread(index, { ...entry.options, mappings });
  }

  removeEntry(index: number): void {
    this.entries = this.entries.filter((_, i) => i !== index);
    if (this.entries.length === 0) this.phase = 'idle';
  }

  /**
   * Writes the plan in one transaction. For reports already stored (same organ + year): 'replace' writes the
   * file's report, 'merge' lays its cells over the stored ones, 'keep' leaves the stored report as it is.
   */
  async commit(conflicts: 'replace' | 'merge' | 'keep'): Promise<void> {
    const db = this.app.database();
    if (!db || this.phase !== 'review' || this.plan.undecidedColumns > 0 || this.plan.incomplete > 0) return;
    const plan = this.plan;
    this.phase = 'committing';
    mark('commit-start');
    try {
      const files = this.entries.map((e) => {
        const f: ImportRecord['files'][number] = { name: e.result.file, kind: e.result.kind, encoding: e.result.encoding, rows: e.result.rows };
        if (e.result.delimiter) f.delimiter = e.result.delimiter;
        return f;
      });
      let written: readonly Report[] = [];
      const record = await commitImport(db, plan.reports, {
        files,
        problems: plan.problemsTotal,
        keepExisting: conflicts === 'keep',
        ...(conflicts === 'merge' ? { combine: mergeReports } : {}),
        onCommitted: (w) => (written = w),
      });
      mark('committed');
      this.lastProblems = plan.problems;
      this.entries = [];
      this.phase = 'idle';
      // The reports in memory follow from what was written: reading 10,000 back would freeze the page for seconds.
      this.app.committed(written);
      mark('reloaded');
      await this.refreshHistory();
      this.#say('import.done', { ...record.counts });
      // The person's own data is stored now: the moment to ask the browser to keep it (once), and to show the use.
      void this.app.storage.afterImport();
    } catch (e) {
      // The transaction was aborted: the store is as before; the review stays open to try again or cancel.
      this.phase = 'review';
      this.#say(...this.app.storage.failure(e, 'import.commitFailed'));
    }
  }

  /** Replaces everything stored with a backup file from the review. */
  async restore(index: number): Promise<void> {
    const db = this.app.database();
    const backup = this.entries[index]?.result.backup;
    if (!db || !backup) return;
    this.phase = 'committing';
    try {
      await restoreBackup(db, backup);
      this.entries = [];
      this.phase = 'idle';
      await this.app.changed();
      await this.refreshHistory();
      this.#say('backup.restored', { n: backup.reports.length, imports: backup.imports.length });
    } catch (e) {
      this.phase = 'review';
      this.#say(...this.app.storage.failure(e, 'import.commitFailed'));
    }
  }

  /**
   * Stores the shared snapshot the page was opened from. Its reports hold only the cells of one chart, so only
   * differing figures are laid over stored reports (never replacing a fuller record); the import is in the history.
   */
  async importSnapshot(): Promise<void> {
    const db = this.app.database();
    const snap = this.app.snapshot;
    if (!db || !snap) return;
    try {
      const record = await commitImport(db, snap.reports, {
        files: [{ name: `${snap.chart} ${snap.made.slice(0, 10)}`, kind: 'snapshot', encoding: 'UTF-8', rows: snap.reports.length }],
        problems: 0,
        keepExisting: false,
        combine: mergeSnapshotReport,
      });
      this.app.snapshot = null;
      await this.app.changed();
      await this.refreshHistory();
      this.#say('share.imported', { ...record.counts });
    } catch (e) {
      this.#say(...this.app.storage.failure(e));
    }
  }

  async undo(): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      const record = await undoLastImport(db);
      await this.app.changed();
      await this.refreshHistory();
      if (record) this.#say('import.undone', { added: record.added.length, replaced: record.replaced.length });
      else this.#say('import.nothingToUndo');
    } catch (e) {
      this.#say(...this.app.storage.failure(e));
    }
  }

  async deleteReport(agency: string, year: number): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      await deleteReports(db, [{ agency, year }]);
      await this.app.changed();
      this.#say('data.deletedReport', { agency, year });
    } catch (e) {
      this.#say(...this.app.storage.failure(e));
    }
  }

  async deleteOrgan(agency: string): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      const n = await deleteOrgan(db, agency);
      await this.app.changed();
      this.#say('data.deletedOrgan', { agency, n });
    } catch (e) {
      this.#say(...this.app.storage.failure(e));
    }
  }

  async clearAll(): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      await clearAll(db);
      await this.app.changed();
      await this.refreshHistory();
      this.#say('data.cleared');
    } catch (e) {
      this.#say(...this.app.storage.failure(e));
    }
  }

  async exportBackup(): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      const content = await dumpBackup(db);
      const day = content.exportedAt.slice(0, 10);
      download(`disclosure-reports-backup-${day}.json`, JSON.stringify(content), 'application/json');
      this.#say('backup.exported', { n: content.reports.length });
    } catch (e) {
      this.#say('backup.failed', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Every stored cell as one long CSV, read from the store in chunks and written a report at a time. */
  async exportAllFigures(): Promise<void> {
    const db = this.app.database();
    if (!db) return;
    try {
      const [reports, { longExportHead, longExportPart }] = await Promise.all([loadReports(db), import('../ingest/longExport')]);
      if (reports.length === 0) {
        this.#say('export.allEmpty');
        return;
      }
      const parts = [longExportHead()];
      let cells = 0;
      for (const r of reports) {
        parts.push(longExportPart(r));
        cells += Object.keys(r.cells).length;
      }
      const day = new Date().toISOString().slice(0, 10);
      downloadParts(`disclosure-reports-all-figures-${day}.csv`, parts, 'text/csv;charset=utf-8');
      this.#say('export.allDone', { reports: reports.length, cells });
    } catch (e) {
      this.#say('export.allFailed', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  downloadProblems(problems: readonly Problem[]): void {
    download('import-problems.csv', problemsCsv(problems), 'text/csv;charset=utf-8');
  }

  /** Templates load on demand: their CSV writer (PapaParse) need not be in the page's first download. */
  async downloadTemplate(shape: TemplateShape, format: TemplateFormat): Promise<void> {
    const { BOM, template } = await import('../ingest/templates');
    download(`template-${shape}-${format}.csv`, BOM + template(shape, format), 'text/csv;charset=utf-8');
  }
}
