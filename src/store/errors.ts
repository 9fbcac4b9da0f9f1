// What went wrong in a store operation, in the few kinds a person can act on. Every write is one transaction, so
// whatever the kind, the store is as it was before the operation.

export type StoreErrorKind = 'quota' | 'closed' | 'other';

function nameOf(e: unknown): string {
  return e instanceof Error || e instanceof DOMException ? e.name : '';
}

export function storeErrorKind(e: unknown): StoreErrorKind {
  const name = nameOf(e);
  // Chromium aborts the transaction with QuotaExceededError when the origin's quota or the disk is full.
  if (name === 'QuotaExceededError') return 'quota';
  // The connection was closed for another tab's upgrade or by the browser: "The database connection is closing."
  if (name === 'InvalidStateError') return 'closed';
  return 'other';
}

export function errorMessage(e: unknown): string {
  return e instanceof Error || e instanceof DOMException ? e.message || e.name : String(e);
}
