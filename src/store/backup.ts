// Backup: everything in the store as one value of the project's JSON format, and back. Both directions are one
// transaction, so a backup is a consistent snapshot and a restore is all or nothing.
import { PROJECT_FORMAT, PROJECT_VERSION, type BackupContent } from '../ingest/types';
import type { Db } from './schema';
import { fromStored, toStored } from '../model/storedShape';

export async function dumpBackup(db: Db, at: Date = new Date()): Promise<BackupContent> {
  const tx = db.transaction(['reports', 'imports', 'meta'], 'readonly');
  const [reports, imports, seeded, roster] = await Promise.all([
    tx.objectStore('reports').getAll(),
    tx.objectStore('imports').getAll(),
    tx.objectStore('meta').get('sampleSeededAt'),
    tx.objectStore('meta').get('roster'),
    tx.done,
  ]);
  const meta: BackupContent['meta'] = {};
  if (typeof seeded === 'string') meta.sampleSeededAt = seeded;
  if (Array.isArray(roster) && roster.length > 0) meta.roster = roster;
  // The backup is the project's JSON format, whose cells are always objects: plain stored numbers are expanded.
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    exportedAt: at.toISOString(),
    reports: reports.map(fromStored),
    imports: imports.map((rec) => ({ ...rec, replaced: rec.replaced.map(fromStored) })),
    meta,
  };
}

/**
 * Replaces the whole store (reports, history, roster) with the backup. A backup without the "sample seeded" flag keeps the current one:
 * otherwise the next visit would seed the sample over the restored data.
 */
export async function restoreBackup(db: Db, backup: BackupContent): Promise<void> {
  const tx = db.transaction(['reports', 'imports', 'meta'], 'readwrite');
  const reports = tx.objectStore('reports');
  const imports = tx.objectStore('imports');
  const meta = tx.objectStore('meta');
  const seeded = backup.meta.sampleSeededAt ?? (await meta.get('sampleSeededAt'));
  await Promise.all([reports.clear(), imports.clear(), meta.clear()]);
  await Promise.all([
    ...backup.reports.map((r) => reports.put(toStored(r))),
    ...backup.imports.map((r) => imports.put({ ...r, replaced: r.replaced.map(toStored) })),
    ...(seeded !== undefined ? [meta.put(seeded, 'sampleSeededAt')] : []),
    // The roster is part of what the person keeps: a backup without one leaves none.
    ...(backup.meta.roster && backup.meta.roster.length > 0 ? [meta.put(backup.meta.roster, 'roster')] : []),
    tx.done,
  ]);
}
