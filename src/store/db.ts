// The only module that talks to IndexedDB (through idb).
import { openDB } from 'idb';
import type { Report } from '../model/report';
import { DB_NAME, DB_VERSION, MIGRATIONS, type DashboardDB, type Db } from './schema';
import { fromStored, toStored } from '../model/storedShape';

export type { Db } from './schema';

export interface OpenOptions {
  name?: string;
  /** Another tab holds an older version open and will not close it: the open waits for it. */
  onBlocked?: () => void;
  /**
   * Another tab opened a newer version and asks to upgrade: this connection is closed at once so the upgrade can
   * go on, and the page should reload (its writes would fail from now on).
   */
  onVersionChange?: () => void;
  /** The browser closed the connection by itself (the site's data cleared, a disk failure). */
  onClosed?: () => void;
  /**
   * Milliseconds to wait for the database to open or to say it is blocked; past them the open fails with reason
   * 'timeout' (a broken profile can leave the request unanswered). Unset: wait as long as it takes.
   */
  timeout?: number;
}

/** Why the database could not be opened: the page says so in words and carries on in memory. */
export type StoreFailure = 'missing' | 'denied' | 'newer' | 'timeout' | 'failed';

export class StoreOpenError extends Error {
  constructor(
    readonly reason: StoreFailure,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

function openFailure(e: unknown): StoreOpenError {
  if (e instanceof StoreOpenError) return e;
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  // Firefox's private mode (before 115) and sandboxed frames refuse with InvalidStateError or SecurityError.
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') return new StoreOpenError('denied', message);
  // Chromium, where the person's settings block site data, fails the open with UnknownError and says it was denied.
  if (name === 'UnknownError' && /denied/i.test(message)) return new StoreOpenError('denied', message);
  if (name === 'VersionError') return new StoreOpenError('newer', message);
  return new StoreOpenError('failed', message || name);
}

export async function openStore(options: OpenOptions = {}): Promise<Db> {
  try {
    // Merely reading window.indexedDB throws SecurityError where the browser denies storage to the page.
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new StoreOpenError('missing', 'indexedDB is not available');
  } catch (e) {
    throw openFailure(e);
  }
  let answered = false;
  let gaveUp = false;
  let db: Db | undefined;
  let opening: Promise<Db>;
  try {
    opening = openDB<DashboardDB>(options.name ?? DB_NAME, DB_VERSION, {
      async upgrade(database, oldVersion, newVersion, tx) {
        // One after another: a migration that rewrites records must see the stores the earlier ones made.
        for (let v = oldVersion; v < (newVersion ?? DB_VERSION); v++) await MIGRATIONS[v](database, tx);
      },
      blocked() {
        answered = true;
        options.onBlocked?.();
      },
      blocking() {
        // A newer version of the app was opened in another tab: let it upgrade, and tell the page.
        db?.close();
        options.onVersionChange?.();
      },
      terminated() {
        options.onClosed?.();
      },
    });
  } catch (e) {
    // indexedDB.open itself may throw (InvalidStateError in some private modes).
    throw openFailure(e);
  }
  const timeout = options.timeout;
  if (timeout === undefined) {
    try {
      db = await opening;
    } catch (e) {
      throw openFailure(e);
    }
    return db;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (answered) return; // blocked: waiting for the other tab is expected, and the page says so
      gaveUp = true;
      reject(new StoreOpenError('timeout', `no answer in ${timeout} ms`));
    }, timeout);
  });
  // An open that succeeds after the page gave up must not keep a connection nobody uses.
  opening.then((opened) => gaveUp && opened.close()).catch(() => undefined);
  try {
    db = await Promise.race([opening, late]);
    return db;
  } catch (e) {
    throw openFailure(e);
  } finally {
    clearTimeout(timer);
  }
}

export async function allReports(db: Db): Promise<Report[]> {
  return (await db.getAll('reports')).map(fromStored);
}

export async function countReports(db: Db): Promise<number> {
  return db.count('reports');
}

/** Organ + year of every stored report, without reading a single report (keys only: fast at any size). */
export async function reportKeys(db: Db): Promise<{ agency: string; year: number }[]> {
  return (await db.getAllKeys('reports')).map(([agency, year]) => ({ agency, year }));
}

/** One organ's reports, through the organ index. */
export async function organReports(db: Db, agency: string): Promise<Report[]> {
  return (await db.getAllFromIndex('reports', 'by-agency', agency)).map(fromStored);
}

/** Reports read per task while loading everything; about 30 ms of deserialising each on this machine. */
export const LOAD_CHUNK = 250;

/**
 * Every stored report, read in chunks of one read transaction: each chunk is its own task, so the page keeps
 * drawing and answering between them (one getAll of 10,000 reports freezes it for a second or more). The chunks
 * come from one transaction, so the result is one consistent state of the store.
 */
export async function loadReports(db: Db, onChunk?: (loaded: number) => void, chunk = LOAD_CHUNK): Promise<Report[]> {
  const tx = db.transaction('reports', 'readonly');
  const out: Report[] = [];
  let range: IDBKeyRange | undefined;
  for (;;) {
    const list = await tx.store.getAll(range, chunk);
    for (const s of list) out.push(fromStored(s));
    onChunk?.(out.length);
    if (list.length < chunk) break;
    const last = list[list.length - 1];
    range = IDBKeyRange.lowerBound([last.agency, last.year], true);
  }
  await tx.done;
  return out;
}

/** Writes the reports in one transaction: all or nothing. */
export async function putReports(db: Db, reports: readonly Report[]): Promise<void> {
  const tx = db.transaction('reports', 'readwrite');
  await Promise.all([...reports.map((r) => tx.store.put(toStored(r))), tx.done]);
}

export async function deleteReport(db: Db, agency: string, year: number): Promise<void> {
  await db.delete('reports', [agency, year]);
}

/** The sample was written once already (its flag is set): a later visit reads what is stored. */
export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.get('meta', 'sampleSeededAt')) !== undefined;
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
    ...sample.map((r) => reports.put(toStored(r))),
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
    ...sample.map((r) => reports.put(toStored(r))),
    tx.objectStore('meta').put(new Date().toISOString(), 'sampleSeededAt'),
    tx.done,
  ]);
  return sample.length;
}
