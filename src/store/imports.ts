// Import commit, history and undo; deleting and clearing. Every change is one IndexedDB transaction: an error,
// a closed page or an abort leaves the store exactly as it was.
import type { ImportCounts, ImportRecord } from '../ingest/types';
import type { Report } from '../model/report';
import { sameReport } from './equal';
import type { Db } from './schema';

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
}

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
    const existing = await Promise.all(reports.map((r) => quiet(store.get([r.agency, r.year]))));
    const added: ImportRecord['added'] = [];
    const replaced: Report[] = [];
    let skipped = 0;
    const writes: Promise<unknown>[] = [];
    reports.forEach((r, i) => {
      const old = existing[i];
      if (old === undefined) {
        added.push({ agency: r.agency, year: r.year });
        writes.push(quiet(store.put(r)));
        return;
      }
      const next = options.keepExisting ? old : options.combine ? options.combine(old, r) : r;
      if (sameReport(old, next)) {
        skipped++;
      } else {
        replaced.push(old);
        writes.push(quiet(store.put(next)));
      }
    });
    const counts: ImportCounts = { added: added.length, replaced: replaced.length, skipped, problems: options.problems };
    const record: ImportRecord = { id: nextId(at), at: at.toISOString(), files: options.files, counts, added, replaced };
    writes.push(tx.objectStore('imports').put(record));
    await Promise.all(writes);
    await done;
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

export async function listImports(db: Db): Promise<ImportRecord[]> {
  return db.getAll('imports');
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
  return record;
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
