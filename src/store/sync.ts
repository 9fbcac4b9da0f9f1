// Tell other tabs of the same origin that stored reports changed, so they reload instead of showing stale data.
const CHANNEL = 'disclosure-report-dashboard:reports';

export function announceChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage('changed');
  ch.close();
}

export function onChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = () => listener();
  return () => ch.close();
}
