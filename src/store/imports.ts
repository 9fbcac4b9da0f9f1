// Import commit, history and undo; deleting and clearing. Every change is one IndexedDB transaction: an error,
// a closed page or an abort leaves the store exactly as it was.
import type { ImportCounts, ImportRecord } from '../ingest/types';
import { reportId, type Report } from '../model/report';
import { sameReport } from './equal';
import type { Db, StoredImportRecord } from './schema';
import { fromStored, fromStoredCopy, toStored } from '../model/storedShape';

export interface CommitOptions {
  /** Files of the import, as the history shows them. */
  files: ImportRecord['files'];
  /** Problems found while reading: counted in the record. */
  problems: number;
  /** Keep the stored record where one exists for the same organ + year (the review's "keep existing"). */
  keepExisting: boolean;
  /**
   * How an incoming report and the stored one become the record written (the review's "merge"); by default the
   * incoming report replaces the stored one. Called inside the transaction, with the record as it is then.
   */
  combine?: (stored: Report, incoming: Report) => Report;
  /** Time of the import (tests pass a fixed one). */
  at?: Date;
  /**
   * Told, once the transaction has committed, the records as now stored for every report the import added or
   * replaced (not the skipped ones): the page updates its reports in memory from these instead of reading the
   * whole store back.
   */
  onCommitted?: (written: readonly Report[]) => void;
}

/**
 * Puts issued per step of a large write. The transaction stays open across steps (the next step starts from the
 * success of the previous one's last request), and each step is its own task, so the page keeps drawing while
 * 10,000 reports are written.
 */
export const WRITE_CHUNK = 100;

let lastId = '';

/** IndexedDB's order of report keys: organ (by code unit, as strings compare), then year. */
function byKey(a: Report, b: Report): number {
  return a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.year - b.year;
}

/**
 * Marks a request's rejection as handled. When the transaction aborts, every request still pending rejects with
 * AbortError; only the first failure matters, the rest must not surface as unhandled rejections.
 */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Ids sort by time, and two imports in the same millisecond still sort in order. */
function nextId(at: Date): string {
  let id = `${at.toISOString()}#000`;
  if (id <= lastId) {
    const n = Number(lastId.slice(-3)) + 1;
    id = `${lastId.slice(0, -3)}${String(n).padStart(3, '0')}`;
  }
  lastId = id;
  return id;
}

/**
 * Writes the reports and the history record in one transaction. What is added or replaced is decided inside the
 * transaction from the records as they are then (another tab may have written since the review), so undo puts
 * back exactly what this import overwrote.
 */
export async function commitImport(db: Db, reports: readonly Report[], options: CommitOptions): Promise<ImportRecord> {
  const at = options.at ?? new Date();
  const tx = db.transaction(['reports', 'imports'], 'readwrite');
  const store = tx.objectStore('reports');
  const done = quiet(tx.done);
  try {
    // In steps of the incoming reports in key order (organ, then year): each step's reports lie in one key range,
    // and the keys stored in that range say which of them are stored already. An import of new reports reads no
    // record at all (one get per report costs as much as the write), and no step reads all the store's keys.
    const order = reports.map((_, i) => i).sort((a, b) => byKey(reports[a], reports[b]));
    const steps: number[][] = [];
    for (let i = 0; i < order.length; i += WRITE_CHUNK) steps.push(order.slice(i, i + WRITE_CHUNK));
    const stepKeys = steps.map((step) => {
      const lo = reports[step[0]];
      const hi = reports[step[step.length - 1]];
      return quiet(store.getAllKeys(IDBKeyRange.bound([lo.agency, lo.year], [hi.agency, hi.year])));
    });
    const added: number[] = [];
    const replaced: { at: number; old: Report }[] = [];
    const written: { at: number; report: Report }[] = [];
    let skipped = 0;
    // One step in flight while the next is prepared: the database keeps writing while the page serialises more.
    let inFlight: Promise<unknown> | undefined;
    for (let s = 0; s < steps.length; s++) {
      const present = new Set((await stepKeys[s]).map(([agency, year]) => reportId(agency, year)));
      const known = steps[s].filter((i) => present.has(reportId(reports[i].agency, reports[i].year)));
      const olds = await Promise.all(known.map((i) => quiet(store.get([reports[i].agency, reports[i].year]))));
      const existing = new Map(known.map((i, k): [number, Report | undefined] => [i, olds[k] === undefined ? undefined : fromStored(olds[k])]));
      const puts: Promise<unknown>[] = [];
      for (const i of steps[s]) {
        const r = reports[i];
        const old = existing.get(i);
        let next: Report = r;
        if (old === undefined) {
          added.push(i);
        } else {
          next = options.keepExisting ? old : options.combine ? options.combine(old, r) : r;
          if (sameReport(old, next)) {
            skipped++;
            continue;
          }
          replaced.push({ at: i, old });
        }
        written.push({ at: i, report: next });
        puts.push(quiet(store.put(toStored(next))));
      }
      // Quiet too: when a later step fails, this one is never awaited, and its rejection (AbortError) matters not.
      const step = quiet(Promise.all(puts));
      if (inFlight) await inFlight;
      inFlight = step;
    }
    if (inFlight) await inFlight;
    // The history lists reports in the order they came, whatever order they were written in.
    const inOrder = <T extends { at: number }>(list: T[]) => list.sort((a, b) => a.at - b.at);
    added.sort((a, b) => a - b);
    const counts: ImportCounts = { added: added.length, replaced: replaced.length, skipped, problems: options.problems };
    const record: ImportRecord = {
      id: nextId(at),
      at: at.toISOString(),
      files: options.files,
      counts,
      added: added.map((i) => ({ agency: reports[i].agency, year: reports[i].year })),
      replaced: inOrder(replaced).map((x) => x.old),
    };
    await tx.objectStore('imports').put({ ...record, replaced: record.replaced.map(toStored) });
    await done;
    options.onCommitted?.(inOrder(written).map((x) => x.report));
    return record;
  } catch (e) {
    // Abort explicitly: a failed put must not let the other puts commit.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await done.catch(() => undefined);
    // A request cut short by the abort rejects with AbortError; the transaction's own error says why (a full disk
    // is QuotaExceededError there), and that is what the page must tell.
    throw e instanceof DOMException && e.name === 'AbortError' && tx.error ? tx.error : e;
  }
}

function fromStoredRecord(s: StoredImportRecord): ImportRecord {
  return { ...s, replaced: s.replaced.map(fromStored) };
}

export async function listImports(db: Db): Promise<ImportRecord[]> {
  return (await db.getAll('imports')).map(fromStoredRecord);
}

/** Undoes the last import: deletes what it added, puts back what it replaced, drops its record. */
export async function undoLastImport(db: Db): Promise<ImportRecord | undefined> {
  const tx = db.transaction(['reports', 'imports'], 'readwrite');
  const cursor = await tx.objectStore('imports').openCursor(null, 'prev');
  if (!cursor) {
    await tx.done;
    return undefined;
  }
  const record = cursor.value;
  const reports = tx.objectStore('reports');
  await Promise.all([
    ...record.added.map((k) => reports.delete([k.agency, k.year])),
    ...record.replaced.map((r) => reports.put(r)),
    cursor.delete(),
    tx.done,
  ]);
  return { ...record, replaced: record.replaced.map(fromStoredCopy) };
}

export async function deleteReports(db: Db, keys: readonly { agency: string; year: number }[]): Promise<number> {
  const tx = db.transaction('reports', 'readwrite');
  await Promise.all([...keys.map((k) => tx.store.delete([k.agency, k.year])), tx.done]);
  return keys.length;
}

export async function deleteOrgan(db: Db, agency: string): Promise<number> {
  const tx = db.transaction('reports', 'readwrite');
  const keys = await tx.store.index('by-agency').getAllKeys(agency);
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  return keys.length;
}

/**
 * Deletes every report and the import history. The "sample seeded" flag stays: clearing must not bring the
 * sample back on the next visit.
 */
export async function clearAll(db: Db): Promise<void> {
  const tx = db.transaction(['reports', 'imports'], 'readwrite');
  await Promise.all([tx.objectStore('reports').clear(), tx.objectStore('imports').clear(), tx.done]);
}
