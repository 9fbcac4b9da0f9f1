// The IndexedDB schema, declared once; every get/put is typed from it.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ImportRecord } from '../ingest/types';
import type { Report } from '../model/report';
import type { RosterEntry } from '../model/roster';
import { toStoredCells, type StoredReport } from '../model/storedShape';

export const DB_NAME = 'disclosure-report-dashboard';
export const DB_VERSION = 3;

/** An import's history record as stored: the reports it overwrote in the stored shape. */
export interface StoredImportRecord extends Omit<ImportRecord, 'replaced'> {
  replaced: StoredReport[];
}

export interface MetaRecords {
  /** ISO time the built-in sample was first written; its presence means "never seed again". */
  sampleSeededAt: string;
  /** The organs a person supervises, in their order (one record: a roster is a few thousand names at most). */
  roster: RosterEntry[];
}

export interface DashboardDB extends DBSchema {
  /** One record per report (agency + year): ≈ 400k cells/s here, against ≈ 7k records/s one cell a record. */
  reports: {
    key: [string, number];
    /** Plain cells as plain numbers (see shape.ts); read by key like the model. */
    value: StoredReport;
    indexes: { 'by-agency': string };
  };
  /** One record per import: what it added and the records it overwrote, for history and undo. */
  imports: {
    key: string;
    value: StoredImportRecord;
  };
  meta: {
    key: keyof MetaRecords;
    value: MetaRecords[keyof MetaRecords];
  };
}

export type Db = IDBPDatabase<DashboardDB>;
export type UpgradeTx = IDBPTransaction<DashboardDB, StoreNames<DashboardDB>[], 'versionchange'>;

/**
 * Rewrites every record of a store through `change`, inside the upgrade transaction. A cursor walks the store and
 * only IndexedDB requests are awaited, so the transaction stays alive; `change` returns undefined for a record
 * that stays as it is.
 */
async function rewriteAll<S extends 'reports' | 'imports'>(
  tx: UpgradeTx,
  store: S,
  change: (value: DashboardDB[S]['value']) => DashboardDB[S]['value'] | undefined,
): Promise<void> {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor) {
    const next = change(cursor.value as DashboardDB[S]['value']);
    if (next !== undefined) await cursor.update(next);
    cursor = await cursor.continue();
  }
}

/** Version-2 records hold every cell as an object; the same record with plain cells as numbers. */
function compactReport(r: Report | StoredReport): StoredReport {
  return { ...r, cells: toStoredCells(r.cells as Report['cells']) };
}

/**
 * Numbered migrations: entry n brings a database from version n to n + 1. Never edit a released entry;
 * append a new one and raise DB_VERSION. An entry may return a promise when it rewrites records; it must await
 * nothing but requests of the upgrade transaction.
 */
export const MIGRATIONS: readonly ((db: Db, tx: UpgradeTx) => void | Promise<void>)[] = [
  (db) => {
    const reports = db.createObjectStore('reports', { keyPath: ['agency', 'year'] });
    reports.createIndex('by-agency', 'agency');
    db.createObjectStore('meta');
  },
  // 1 → 2: import history. Ids sort by time, so the last import is the last key.
  (db) => {
    db.createObjectStore('imports', { keyPath: 'id' });
  },
  // 2 → 3: the compact cell shape. A cell that is only a number is stored as the number; every other cell (blank,
  // approximate, with unit, note, printed text or source) stays the same object. Reports and the reports kept in
  // the import history for undo are rewritten; meaning, keys and absent cells are unchanged.
  async (_db, tx) => {
    await rewriteAll(tx, 'reports', (r) => compactReport(r));
    await rewriteAll(tx, 'imports', (rec) => ({ ...rec, replaced: rec.replaced.map(compactReport) }));
  },
];
