// The only module that talks to IndexedDB (through idb).
import { openDB } from 'idb';
import type { Report } from '../model/report';
import { DB_NAME, DB_VERSION, MIGRATIONS, type DashboardDB, type Db } from './schema';

export type { Db } from './schema';

export interface OpenOptions {
  name?: string;
  /** Another tab holds an older version open and will not close it. */
  onBlocked?: () => void;
}

export async function openStore(options: OpenOptions = {}): Promise<Db> {
  const db = await openDB<DashboardDB>(options.name ?? DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? DB_VERSION); v++) MIGRATIONS[v](database, tx);
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking() {
      // A newer version of the app was opened in another tab: let it upgrade.
      db.close();
    },
  });
  return db;
}

export async function allReports(db: Db): Promise<Report[]> {
  return db.getAll('reports');
}

export async function countReports(db: Db): Promise<number> {
  return db.count('reports');
}

/** Writes the reports in one transaction: all or nothing. */
export async function putReports(db: Db, reports: readonly Report[]): Promise<void> {
  const tx = db.transaction('reports', 'readwrite');
  await Promise.all([...reports.map((r) => tx.store.put(r)), tx.done]);
}

export async function deleteReport(db: Db, agency: string, year: number): Promise<void> {
  await db.delete('reports', [agency, year]);
}

/**
 * Writes the sample on the first run only. The flag and the reports go in one transaction, so two tabs
 * opening at once cannot both seed, and a later reload never overwrites what the user changed or deleted.
 * Returns the number of reports written (0 when the store was seeded before).
 */
export async function seedSampleOnce(db: Db, loadSample: () => Promise<Report[]>): Promise<number> {
  if ((await db.get('meta', 'sampleSeededAt')) !== undefined) return 0;
  // Load before opening the write transaction: awaiting unrelated work inside it would auto-commit it.
  const sample = await loadSample();
  const tx = db.transaction(['meta', 'reports'], 'readwrite');
  if ((await tx.objectStore('meta').get('sampleSeededAt')) !== undefined) {
    await tx.done;
    return 0;
  }
  const reports = tx.objectStore('reports');
  await Promise.all([
    ...sample.map((r) => reports.put(r)),
    tx.objectStore('meta').put(new Date().toISOString(), 'sampleSeededAt'),
    tx.done,
  ]);
  return sample.length;
}

/** "Restore sample data": the sample's reports overwrite the same organ + year; other records stay. */
export async function restoreSample(db: Db, sample: readonly Report[]): Promise<number> {
  const tx = db.transaction(['meta', 'reports'], 'readwrite');
  const reports = tx.objectStore('reports');
  await Promise.all([
    ...sample.map((r) => reports.put(r)),
    tx.objectStore('meta').put(new Date().toISOString(), 'sampleSeededAt'),
    tx.done,
  ]);
  return sample.length;
}
