// The store when the browser's IndexedDB cannot be used (blocked by policy, some private modes, a broken profile):
// the same database in memory, through fake-indexeddb, so every store function — commit, undo, history, backup —
// works for the session unchanged. It is loaded only then, as its own chunk.
import { openStore, type Db } from './db';
import { DB_NAME } from './schema';

/**
 * idb reaches IndexedDB through the page's globals (indexedDB, IDBRequest, IDBKeyRange …), so the in-memory
 * implementation takes their place for this page, as fake-indexeddb's own "auto" entry does. Only the store touches
 * IndexedDB, and the real one never opened, so nothing holds a handle of it.
 */
export async function openMemoryStore(name = DB_NAME): Promise<Db> {
  const fake = await import('fake-indexeddb');
  const globals: Record<string, unknown> = {
    indexedDB: fake.indexedDB,
    IDBCursor: fake.IDBCursor,
    IDBCursorWithValue: fake.IDBCursorWithValue,
    IDBDatabase: fake.IDBDatabase,
    IDBFactory: fake.IDBFactory,
    IDBIndex: fake.IDBIndex,
    IDBKeyRange: fake.IDBKeyRange,
    IDBObjectStore: fake.IDBObjectStore,
    IDBOpenDBRequest: fake.IDBOpenDBRequest,
    IDBRequest: fake.IDBRequest,
    IDBTransaction: fake.IDBTransaction,
    IDBVersionChangeEvent: fake.IDBVersionChangeEvent,
  };
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, key, { value, configurable: true, writable: true, enumerable: false });
  }
  return openStore({ name });
}
