// The checks worker: consistency checks off the page's thread. It reads the stored reports itself, organ by organ
// in the order findings are listed (so the first page is ready after the first organs, not after all of them),
// keeps only the findings, and answers the quality view a page at a time. It also checks the incoming reports of an
// import review against the stored reports of the same organs.
import { fromStored } from '../model/storedShape';
import { openStore, reportKeys, type Db } from '../store/db';
import type { Report } from '../model/report';
import { findingsCsv } from './csv';
import { checkIncoming, checkReports, organCollator, runChecks } from './index';
import { tallyRun, type ReportTally } from './tally';
import { filtered, findingsPage, type FindingFilter } from './page';
import type { CheckReply, CheckRequest, StoreProgress } from './protocol';
import type { Finding } from './types';

interface WorkerScope {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckReply): void;
}

const scope = self as unknown as WorkerScope;

/** Organs read per step: one transaction, their index reads in flight together. */
const ORGANS_PER_STEP = 64;
/** A page update at most this often while checking: the view shows progress without a flood of messages. */
const UPDATE_MS = 150;
/** Findings per message of an incoming check. */
const FINDINGS_BATCH = 500;

const databases = new Map<string, Promise<Db>>();
function database(name: string): Promise<Db> {
  let db = databases.get(name);
  if (!db) {
    db = openStore({ name });
    databases.set(name, db);
  }
  return db;
}

interface StoreRun {
  run: number;
  findings: Finding[];
  progress: StoreProgress;
  view: { filter: FindingFilter; offset: number; limit: number };
}

let current: StoreRun | undefined;

function postPage(r: StoreRun): void {
  scope.postMessage({ type: 'page', progress: { ...r.progress }, page: findingsPage(r.findings, r.view.filter, r.view.offset, r.view.limit) });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

async function checkStore(req: Extract<CheckRequest, { type: 'store' }>): Promise<void> {
  const r: StoreRun = {
    run: req.run,
    findings: [],
    progress: { run: req.run, checked: 0, total: 0, complete: false },
    view: { filter: req.filter, offset: req.offset, limit: req.limit },
  };
  current = r;
  const db = await database(req.db);
  const keys = await reportKeys(db);
  r.progress.total = keys.length;
  const organs = [...new Set(keys.map((k) => k.agency))].sort(organCollator.compare);
  let posted = 0;
  for (let i = 0; i < organs.length; i += ORGANS_PER_STEP) {
    if (current !== r) return; // a newer state of the store is being checked
    const step = organs.slice(i, i + ORGANS_PER_STEP);
    const tx = db.transaction('reports', 'readonly');
    const index = tx.store.index('by-agency');
    const lists = await Promise.all(step.map((agency) => index.getAll(agency)));
    for (const list of lists) {
      const reports: Report[] = list.map(fromStored);
      // Each organ's findings come sorted; organs are taken in the same order, so the whole list stays sorted.
      for (const f of checkReports(reports)) r.findings.push(f);
      r.progress.checked += reports.length;
    }
    if (Date.now() - posted >= UPDATE_MS) {
      postPage(r);
      posted = Date.now();
    }
    await pause(); // let page requests in between steps
  }
  r.progress.complete = true;
  postPage(r);
}

let incoming: { id: number; reports: Report[] } | undefined;

async function checkIncomingReports(id: number, dbName: string, reports: Report[]): Promise<void> {
  const db = await database(dbName);
  const agencies = [...new Set(reports.map((r) => r.agency))];
  const stored: Report[] = [];
  for (let i = 0; i < agencies.length; i += ORGANS_PER_STEP) {
    const tx = db.transaction('reports', 'readonly');
    const index = tx.store.index('by-agency');
    const lists = await Promise.all(agencies.slice(i, i + ORGANS_PER_STEP).map((a) => index.getAll(a)));
    for (const list of lists) for (const s of list) stored.push(fromStored(s));
  }
  if (incoming?.id !== id) return;
  const findings = checkIncoming(reports, stored);
  for (let i = 0; i < findings.length || i === 0; i += FINDINGS_BATCH) {
    scope.postMessage({ type: 'incoming', id, findings: findings.slice(i, i + FINDINGS_BATCH), last: i + FINDINGS_BATCH >= findings.length });
  }
}

/** Counts per report over the whole store, read organ by organ like a store run; progress between steps. */
async function tallyStore(id: number, dbName: string): Promise<void> {
  const db = await database(dbName);
  const keys = await reportKeys(db);
  const organs = [...new Set(keys.map((k) => k.agency))].sort(organCollator.compare);
  const tallies: ReportTally[] = [];
  let checked = 0;
  let posted = Date.now();
  for (let i = 0; i < organs.length; i += ORGANS_PER_STEP) {
    const tx = db.transaction('reports', 'readonly');
    const index = tx.store.index('by-agency');
    const lists = await Promise.all(organs.slice(i, i + ORGANS_PER_STEP).map((agency) => index.getAll(agency)));
    for (const list of lists) {
      const reports: Report[] = list.map(fromStored);
      for (const t of tallyRun(runChecks(reports, { records: true }), reports)) tallies.push(t);
      checked += reports.length;
    }
    if (Date.now() - posted >= UPDATE_MS) {
      scope.postMessage({ type: 'tally', id, checked, total: keys.length, tallies: [], done: false });
      posted = Date.now();
    }
    await pause();
  }
  scope.postMessage({ type: 'tally', id, checked, total: keys.length, tallies, done: true });
}

function fail(e: unknown, where: { run?: number; id?: number }): void {
  scope.postMessage({ type: 'error', ...where, message: e instanceof Error ? e.message : String(e) });
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'store') {
    checkStore(req).catch((err: unknown) => fail(err, { run: req.run }));
  } else if (req.type === 'page') {
    if (!current || current.run !== req.run) return;
    current.view = { filter: req.filter, offset: req.offset, limit: req.limit };
    postPage(current);
  } else if (req.type === 'csv') {
    const list = current && current.run === req.run ? filtered(current.findings, req.filter) : [];
    scope.postMessage({ type: 'csv', id: req.id, text: findingsCsv(list, req.lang) });
  } else if (req.type === 'tally') {
    tallyStore(req.id, req.db).catch((err: unknown) => fail(err, { id: req.id }));
  } else {
    if (incoming?.id !== req.id) incoming = { id: req.id, reports: [] };
    for (const s of req.reports) incoming.reports.push(fromStored(s));
    if (req.last) {
      const { id, reports } = incoming;
      checkIncomingReports(id, req.db, reports).catch((err: unknown) => fail(err, { id }));
    }
  }
};
