// The store when IndexedDB fails, against fake-indexeddb: an open that never answers gives up ('timeout'), a
// database of a newer version is 'newer', a missing IndexedDB is 'missing'; a commit whose write fails with
// QuotaExceededError (at the first step or the last) leaves every store exactly as before and says 'quota'; a
// closed connection says 'closed'; the in-memory store does everything the real one does.
import 'fake-indexeddb/auto';
import { IDBOpenDBRequest as FakeOpenRequest } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { openStore, seedSampleOnce, StoreOpenError, type Db } from '../../src/store/db';
import { errorMessage, storeErrorKind } from '../../src/store/errors';
import { commitImport, listImports, undoLastImport } from '../../src/store/imports';
import { openMemoryStore } from '../../src/store/memory';

let db: Db | undefined;
let n = 0;
afterEach(() => db?.close());

const files = [{ name: 'a.csv', kind: 'wide' as const, encoding: 'utf-8', delimiter: ',', rows: 1 }];
const report = (i: number): Report => ({
  agency: `机构-${String(i).padStart(4, '0')}`,
  year: 2020,
  region: '',
  level: '',
  format: 'GB2021',
  source: '',
  cells: { 'requests.granted.total': { value: i } },
});

async function dump(d: Db): Promise<unknown> {
  return { reports: await d.getAll('reports'), imports: await d.getAll('imports'), meta: await d.getAll('meta') };
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('opening', () => {
  it('an open that never answers gives up with reason timeout (a blocked one would have said so and waited)', async () => {
    const real = globalThis.indexedDB;
    const silent = { open: () => new FakeOpenRequest() } as unknown as IDBFactory;
    Object.defineProperty(globalThis, 'indexedDB', { value: silent, configurable: true, writable: true });
    try {
      const e = await failure(openStore({ name: `silent-${++n}`, timeout: 50 }));
      expect(e).toBeInstanceOf(StoreOpenError);
      expect((e as StoreOpenError).reason).toBe('timeout');
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: real, configurable: true, writable: true });
    }
  });

  it('no IndexedDB at all is missing; one that throws on reading it, or refuses saying so, is denied; other errors failed', async () => {
    const real = globalThis.indexedDB;
    try {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
      expect(((await failure(openStore({ name: 'x' }))) as StoreOpenError).reason).toBe('missing');
      Object.defineProperty(globalThis, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
      expect(((await failure(openStore({ name: 'x' }))) as StoreOpenError).reason).toBe('denied');
      // Chromium with site data blocked: the open fails with UnknownError, saying it was denied.
      const refusing = {
        open: () => {
          throw new DOMException('The user denied permission to access the database.', 'UnknownError');
        },
      } as unknown as IDBFactory;
      Object.defineProperty(globalThis, 'indexedDB', { value: refusing, configurable: true, writable: true });
      expect(((await failure(openStore({ name: 'x' }))) as StoreOpenError).reason).toBe('denied');
      const broken = {
        open: () => {
          throw new DOMException('Internal error opening backing store.', 'UnknownError');
        },
      } as unknown as IDBFactory;
      Object.defineProperty(globalThis, 'indexedDB', { value: broken, configurable: true, writable: true });
      expect(((await failure(openStore({ name: 'x' }))) as StoreOpenError).reason).toBe('failed');
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: real, configurable: true, writable: true });
    }
  });

  it('a database saved by a newer version is newer, and is not touched', async () => {
    const name = `newer-${++n}`;
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name, 99);
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
    });
    const e = await failure(openStore({ name }));
    expect((e as StoreOpenError).reason).toBe('newer');
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe(99);
  });

  it('another connection upgrading: this one closes at once and is told (no blocked upgrade)', async () => {
    const name = `upgrade-${++n}`;
    let told = 0;
    db = await openStore({ name, onVersionChange: () => told++ });
    const outcome = await new Promise<string>((resolve) => {
      const req = indexedDB.open(name, 10);
      req.onblocked = () => resolve('blocked');
      req.onsuccess = () => {
        req.result.close();
        resolve('upgraded');
      };
    });
    expect(outcome).toBe('upgraded');
    expect(told).toBe(1);
    expect(storeErrorKind(await failure(commitImport(db, [report(1)], { files, problems: 0, keepExisting: false })))).toBe('closed');
  });
});

describe('a commit that fails part way', () => {
  it.each([1, 250, 2999])('QuotaExceededError at put %i of 3,000: the error says quota, every store is as before', async (at) => {
    db = await openStore({ name: `quota-${++n}` });
    await seedSampleOnce(db, async () => sampleReports());
    await commitImport(db, [report(0)], { files, problems: 0, keepExisting: false });
    const before = await dump(db);
    const store = Object.getPrototypeOf(db.transaction('reports').store) as { put: (...args: unknown[]) => unknown };
    const put = store.put;
    let count = 0;
    store.put = function (this: unknown, ...args: unknown[]) {
      if (++count === at) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const e = await failure(commitImport(db, Array.from({ length: 3000 }, (_, i) => report(i + 1)), { files, problems: 0, keepExisting: false }));
      expect(storeErrorKind(e)).toBe('quota');
      expect(errorMessage(e)).toBe('The quota has been exceeded.');
    } finally {
      store.put = put;
    }
    expect(await dump(db)).toEqual(before);
  });
});

describe('the in-memory store', () => {
  it('commits, lists and undoes like the real one', async () => {
    db = await openMemoryStore(`memory-${++n}`);
    await seedSampleOnce(db, async () => sampleReports());
    await commitImport(db, [report(1), report(2)], { files, problems: 0, keepExisting: false });
    expect((await listImports(db)).map((r) => r.counts.added)).toEqual([2]);
    expect((await undoLastImport(db))?.added).toHaveLength(2);
    expect(await db.count('reports')).toBe(sampleReports().length);
  });
});
