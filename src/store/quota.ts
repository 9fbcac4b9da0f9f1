// How much this site stores and whether the browser keeps it: navigator.storage, where the browser has it (secure
// contexts only). Each function answers null when it cannot tell, never throws.

export interface StorageUse {
  /** Bytes this site uses, and may use in all, as the browser estimates them. */
  usage: number;
  quota: number;
}

function manager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined;
}

export async function storageUse(): Promise<StorageUse | null> {
  const m = manager();
  if (!m || typeof m.estimate !== 'function') return null;
  try {
    const e = await m.estimate();
    return typeof e.usage === 'number' && typeof e.quota === 'number' ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}

/** Whether the browser promised not to clear this site's data by itself. */
export async function isPersisted(): Promise<boolean | null> {
  const m = manager();
  if (!m || typeof m.persisted !== 'function') return null;
  try {
    return await m.persisted();
  } catch {
    return null;
  }
}

/** Asks the browser to keep this site's data (some browsers ask the person, Chromium decides by itself). */
export async function requestPersist(): Promise<boolean | null> {
  const m = manager();
  if (!m || typeof m.persist !== 'function') return null;
  try {
    return await m.persist();
  } catch {
    return null;
  }
}
