// Messages between the page and the checks worker. The worker reads the stored reports itself, so checking the
// whole store costs the page nothing; the page receives findings a page at a time.
import type { StoredReport } from '../model/storedShape';
import type { FindingFilter, FindingsPage } from './page';
import type { CsvLang } from './csv';
import type { ReportTally } from './tally';
import type { Finding } from './types';

export type CheckRequest =
  /** Check every stored report of the database `db`; `run` numbers the state of the store being checked. */
  | { type: 'store'; run: number; db: string; filter: FindingFilter; offset: number; limit: number }
  /** The page of the store run's findings the view shows now (answered at once, then after each step). */
  | { type: 'page'; run: number; filter: FindingFilter; offset: number; limit: number }
  | { type: 'csv'; id: number; run: number; filter: FindingFilter; lang: CsvLang }
  /** Incoming reports of an import review, in the stored shape, a batch at a time; `last` starts the check. */
  | { type: 'incoming'; id: number; db: string; reports: StoredReport[]; last: boolean }
  /** Counts of findings and checks per stored report of database `db`, for the coverage matrix and the scorecard. */
  | { type: 'tally'; id: number; db: string };

export interface StoreProgress {
  run: number;
  /** Reports checked so far, of `total` stored. */
  checked: number;
  total: number;
  complete: boolean;
}

export type CheckReply =
  | { type: 'page'; progress: StoreProgress; page: FindingsPage }
  | { type: 'csv'; id: number; text: string }
  /** Findings of an incoming check travel in batches; `last` marks the end. */
  | { type: 'incoming'; id: number; findings: Finding[]; last: boolean }
  /** Progress of a tally while it runs (`tallies` empty), then every report's counts with `done`. */
  | { type: 'tally'; id: number; checked: number; total: number; tallies: ReportTally[]; done: boolean }
  | { type: 'error'; run?: number; id?: number; message: string };
