// The page's side of the checks worker: the quality view's run over the stored reports (findings a page at a
// time), its CSV, and the findings of an import review's incoming reports. The worker starts on first use.
import type { Report } from '../model/report';
import { toStored } from '../model/storedShape';
import type { CsvLang } from './csv';
import type { FindingFilter, FindingsPage } from './page';
import type { CheckReply, CheckRequest, StoreProgress } from './protocol';
import type { ReportTally } from './tally';
import type { Finding } from './types';

export interface StoreView {
  filter: FindingFilter;
  offset: number;
  limit: number;
}

export type StoreUpdate = { progress: StoreProgress; page: FindingsPage };

/** Incoming reports per message: in the stored shape, a few tens of milliseconds to serialise each. */
const SEND_BATCH = 250;

interface Waiting<T> {
  resolve: (value: T) => void;
  reject: (e: Error) => void;
}

export class ChecksClient {
  #worker: Worker | undefined;
  #next = 1;
  #run = 0;
  #onUpdate: ((u: StoreUpdate) => void) | undefined;
  #onRunError: ((message: string) => void) | undefined;
  #csv = new Map<number, Waiting<string>>();
  #incoming = new Map<number, Waiting<Finding[]> & { findings: Finding[] }>();
  #tallies = new Map<number, Waiting<ReportTally[]> & { progress?: (checked: number, total: number) => void }>();

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<CheckReply>) => this.#receive(e.data);
    worker.onerror = (e) => {
      const err = new Error(e.message || 'checks worker failed');
      this.#failAll(err);
      this.#worker?.terminate();
      this.#worker = undefined;
    };
    this.#worker = worker;
    return worker;
  }

  #post(req: CheckRequest): void {
    this.#ensure().postMessage(req);
  }

  #failAll(err: Error): void {
    for (const w of this.#csv.values()) w.reject(err);
    for (const w of this.#incoming.values()) w.reject(err);
    for (const w of this.#tallies.values()) w.reject(err);
    this.#csv.clear();
    this.#incoming.clear();
    this.#tallies.clear();
    this.#onRunError?.(err.message);
  }

  #receive(msg: CheckReply): void {
    if (msg.type === 'page') {
      if (msg.progress.run === this.#run) this.#onUpdate?.({ progress: msg.progress, page: msg.page });
    } else if (msg.type === 'csv') {
      this.#csv.get(msg.id)?.resolve(msg.text);
      this.#csv.delete(msg.id);
    } else if (msg.type === 'tally') {
      const w = this.#tallies.get(msg.id);
      if (!w) return;
      if (msg.done) {
        this.#tallies.delete(msg.id);
        w.resolve(msg.tallies);
      } else w.progress?.(msg.checked, msg.total);
    } else if (msg.type === 'incoming') {
      const w = this.#incoming.get(msg.id);
      if (!w) return;
      for (const f of msg.findings) w.findings.push(f);
      if (msg.last) {
        this.#incoming.delete(msg.id);
        w.resolve(w.findings);
      }
    } else {
      const err = new Error(msg.message);
      if (msg.id !== undefined) {
        this.#csv.get(msg.id)?.reject(err);
        this.#incoming.get(msg.id)?.reject(err);
        this.#tallies.get(msg.id)?.reject(err);
        this.#csv.delete(msg.id);
        this.#incoming.delete(msg.id);
        this.#tallies.delete(msg.id);
      } else if (msg.run === this.#run) this.#onRunError?.(msg.message);
    }
  }

  /**
   * Checks every report stored in database `db`; `onUpdate` receives the page `view` asks for, with progress,
   * as the findings come (first after a few organs) and once more when all are checked. A new call replaces the
   * run before it.
   */
  checkStore(db: string, view: StoreView, onUpdate: (u: StoreUpdate) => void, onError: (message: string) => void): void {
    this.#run++;
    this.#onUpdate = onUpdate;
    this.#onRunError = onError;
    this.#post({ type: 'store', run: this.#run, db, filter: { ...view.filter }, offset: view.offset, limit: view.limit });
  }

  /** Another page or filter of the current run. */
  page(view: StoreView): void {
    if (this.#run === 0) return;
    this.#post({ type: 'page', run: this.#run, filter: { ...view.filter }, offset: view.offset, limit: view.limit });
  }

  /** Every finding of the current run that the filter keeps, as the CSV download. */
  csv(filter: FindingFilter, lang: CsvLang): Promise<string> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#csv.set(id, { resolve, reject });
      this.#post({ type: 'csv', id, run: this.#run, filter: { ...filter }, lang });
    });
  }

  /**
   * Findings on incoming reports as they would be stored, with the stored reports of the same organs (read by the
   * worker). The reports go in batches, each its own task, so a 10,000-report review never freezes the page.
   */
  async checkIncoming(db: string, reports: readonly Report[]): Promise<Finding[]> {
    const id = this.#next++;
    const done = new Promise<Finding[]>((resolve, reject) => this.#incoming.set(id, { resolve, reject, findings: [] }));
    for (let i = 0; i < reports.length || i === 0; i += SEND_BATCH) {
      if (!this.#incoming.has(id)) break; // the worker failed meanwhile
      const last = i + SEND_BATCH >= reports.length;
      this.#post({ type: 'incoming', id, db, reports: reports.slice(i, i + SEND_BATCH).map(toStored), last });
      if (!last) await new Promise((r) => setTimeout(r, 0));
    }
    return done;
  }

  /** Errors, warnings and checks held or failed, per stored report of database `db`, counted in the worker. */
  tally(db: string, progress?: (checked: number, total: number) => void): Promise<ReportTally[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#tallies.set(id, progress ? { resolve, reject, progress } : { resolve, reject });
      this.#post({ type: 'tally', id, db });
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failAll(new Error('closed'));
  }
}
