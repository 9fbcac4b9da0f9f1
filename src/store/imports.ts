// Import commit, history and undo; deleting and clearing. Every change is one IndexedDB transaction: an error,
// a closed page or an abort leaves the store exactly as it was.
import type { ImportCounts, ImportRecord } from '../ingest/types';
import { reportId, type Report } from '../model/report';
import { sameReport } from './equal';
import type { Db, StoredImportRecord } from './schema';
import { fromStored, fromStoredCopy, toStored } from './shape';

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
    // Which incoming reports are stored already, from the keys alone: an import of new reports then reads no
    // record at all (one get per report costs as much as the write).
    const keys = await quiet(store.getAllKeys());
    const stored = new Set(keys.map(([agency, year]) => reportId(agency, year)));
    const known = reports.filter((r) => stored.has(reportId(r.agency, r.year)));
    const olds = await Promise.all(known.map((r) => quiet(store.get([r.agency, r.year]))));
    const existing = new Map(olds.map((o, i) => [reportId(known[i].agency, known[i].year), o === undefined ? undefined : fromStored(o)]));
    const added: ImportRecord['added'] = [];
    const replaced: Report[] = [];
    const written: Report[] = [];
    let skipped = 0;
    for (const r of reports) {
      const old = existing.get(reportId(r.agency, r.year));
      if (old === undefined) {
        added.push({ agency: r.agency, year: r.year });
        written.push(r);
        continue;
      }
      const next = options.keepExisting ? old : options.combine ? options.combine(old, r) : r;
      if (sameReport(old, next)) {
        skipped++;
      } else {
        replaced.push(old);
        written.push(next);
      }
    }
    // One step in flight while the next is serialised: the database keeps writing while the page prepares more.
    let inFlight: Promise<unknown> | undefined;
    for (let i = 0; i < written.length; i += WRITE_CHUNK) {
      const step = Promise.all(written.slice(i, i + WRITE_CHUNK).map((r) => quiet(store.put(toStored(r)))));
      if (inFlight) await inFlight;
      inFlight = step;
    }
    if (inFlight) await inFlight;
    const counts: ImportCounts = { added: added.length, replaced: replaced.length, skipped, problems: options.problems };
    const record: ImportRecord = { id: nextId(at), at: at.toISOString(), files: options.files, counts, added, replaced };
    await tx.objectStore('imports').put({ ...record, replaced: replaced.map(toStored) });
    await done;
    options.onCommitted?.(written);
    return record;
  } catch (e) {
    // Abort explicitly: a failed put must not let the other puts commit.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    await done.catch(() => undefined);
    throw e;
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
