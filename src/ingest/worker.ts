// The import worker: all decoding and parsing happens here, off the page's thread (issue 3). Our own module
// worker calling PapaParse, not PapaParse's `worker: true`, which hangs in a minified Vite build.
import { parseSource, parseText, type Progress } from './parse';
import type { ParseRequest, WorkerReply } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;

/** Reports per message: ≈ 100k cells, a few tens of milliseconds to deserialise on the page. */
const BATCH = 500;

/** Progress at most every 100 ms: a message per chunk would flood the page on a fast disk. */
function throttled(id: number): (p: Progress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < 100 && progress.bytes < progress.total) return;
    last = now;
    scope.postMessage({ id, type: 'progress', progress });
  };
}

scope.onmessage = (e) => {
  const { id, input, options } = e.data;
  const onProgress = throttled(id);
  const started = performance.now();
  const job =
    input.kind === 'file'
      ? parseSource(
          { name: input.file.name, size: input.file.size, read: async (s, end) => new Uint8Array(await input.file.slice(s, end).arrayBuffer()) },
          options,
          onProgress,
        )
      : parseText(input.name, input.text, options, onProgress);
  job.then(
    (result) => {
      result.readMs = Math.round(performance.now() - started);
      for (let i = 0; i < result.reports.length; i += BATCH) scope.postMessage({ id, type: 'reports', reports: result.reports.slice(i, i + BATCH) });
      scope.postMessage({ id, type: 'done', result: { ...result, reports: [] } });
    },
    (err: unknown) => scope.postMessage({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
