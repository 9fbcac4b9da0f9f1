// The browser's storage as the page sees it: whether the database could be opened (or the page runs on an
// in-memory one), another tab's upgrade, how much is used, whether the browser promised to keep it. Opening goes
// through here so every failure becomes words in the status region instead of an empty page.
import type { MessageKey } from '../i18n/messages';
import { openStore, StoreOpenError, type Db, type StoreFailure } from '../store/db';
import { errorMessage, storeErrorKind } from '../store/errors';
import { isPersisted, requestPersist, storageUse, type StorageUse } from '../store/quota';

type Say = (key: MessageKey, params?: Record<string, string | number>) => void;

/** A message key and its parameters, ready for the status region. */
export type Said = [MessageKey, Record<string, string | number>?];

/** How long the database may stay silent before the page goes on in memory (a blocked upgrade waits instead). */
export const OPEN_TIMEOUT_MS = 10_000;

/** Set in this profile once persistent storage was asked for: the browser is asked once, after the first import. */
const ASKED_KEY = 'disclosure-report-dashboard:persist-asked';

function askedBefore(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) !== null;
  } catch {
    return false;
  }
}

function rememberAsked(): void {
  try {
    localStorage.setItem(ASKED_KEY, new Date().toISOString());
  } catch {
    // Not remembered: the next session asks again after its first import, nothing else changes.
  }
}

export class StorageState {
  /** Set when the page runs on an in-memory database: why the browser's could not be used. */
  memory = $state.raw<{ reason: StoreFailure; message: string } | null>(null);
  /** Another tab upgraded the database: this page's connection is closed and it should be reloaded. */
  versionChanged = $state(false);
  /** Another tab's old version holds the database and the upgrade waits for it. */
  blocked = $state(false);
  use = $state.raw<StorageUse | null>(null);
  /** null: not known (no navigator.storage, or not asked yet in this profile). */
  persisted = $state<boolean | null>(null);
  asked = $state(askedBefore());

  readonly #say: Say;

  constructor(say: Say) {
    this.#say = say;
  }

  /**
   * The browser's database, or an in-memory one when it cannot be used. A blocked upgrade is said and waited for;
   * an open that gets no answer at all gives up after OPEN_TIMEOUT_MS.
   */
  async open(): Promise<Db> {
    try {
      return await openStore({
        timeout: OPEN_TIMEOUT_MS,
        onBlocked: () => {
          this.blocked = true;
          this.#say('robust.store.blocked');
        },
        onVersionChange: () => {
          this.versionChanged = true;
          this.#say('robust.store.versionChange');
        },
        onClosed: () => {
          this.versionChanged = true;
          this.#say('robust.store.closed');
        },
      });
    } catch (e) {
      const failure = e instanceof StoreOpenError ? e : new StoreOpenError('failed', errorMessage(e));
      this.memory = { reason: failure.reason, message: failure.message };
      const { openMemoryStore } = await import('../store/memory');
      return openMemoryStore();
    } finally {
      this.blocked = false;
    }
  }

  /** What to say when a store operation failed; `fallback` (with the error's text as {message}) for other errors. */
  failure(e: unknown, fallback: MessageKey = 'robust.store.failed'): Said {
    const kind = storeErrorKind(e);
    if (kind === 'quota') return ['robust.store.quota'];
    if (kind === 'closed') return ['robust.store.closed'];
    return [fallback, { message: errorMessage(e) }];
  }

  /** Reads the use and the promise to keep the data again (after a change, when the data menu is shown). */
  async refresh(): Promise<void> {
    if (this.memory) return;
    const [use, persisted] = await Promise.all([storageUse(), isPersisted()]);
    this.use = use;
    this.persisted = persisted;
  }

  /**
   * After an import was stored: the first time in this profile, ask the browser to keep the data (not on a first
   * visit, when there is nothing of the person's yet), then read the use again.
   */
  async afterImport(): Promise<void> {
    if (this.memory) return;
    if (!this.asked && (await isPersisted()) === false) {
      this.asked = true;
      rememberAsked();
      await requestPersist();
    }
    await this.refresh();
  }
}
