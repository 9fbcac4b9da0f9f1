// The page's side of the import worker. Cancel terminates the worker: reading stops at once, and nothing was
// written anywhere, because parsing never touches the store.
import type { Report } from '../model/report';
import { fromStored } from '../model/storedShape';
import type { Progress } from './parse';
import type { ParseRequest, WorkerInput, WorkerReply } from './protocol';
import type { FileResult, ParseOptions } from './types';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Pending {
  reports: Report[];
  resolve: (r: FileResult) => void;
  reject: (e: Error) => void;
  onProgress: (p: Progress) => void;
}

export class ParseClient {
  #worker: Worker | undefined;
  #next = 1;
  #pending = new Map<number, Pending>();

  #ensure(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const msg = e.data;
      const p = this.#pending.get(msg.id);
      if (!p) return;
      if (msg.type === 'progress') p.onProgress(msg.progress);
      else if (msg.type === 'reports') {
        for (const r of msg.reports) p.reports.push(fromStored(r));
      } else {
        this.#pending.delete(msg.id);
        if (msg.type === 'done') p.resolve({ ...msg.result, reports: p.reports });
        else p.reject(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      const err = new Error(e.message || 'worker failed');
      for (const p of this.#pending.values()) p.reject(err);
      this.#pending.clear();
      this.#worker?.terminate();
      this.#worker = undefined;
    };
    this.#worker = worker;
    return worker;
  }

  parse(input: WorkerInput, options: ParseOptions, onProgress: (p: Progress) => void): Promise<FileResult> {
    const id = this.#next++;
    const request: ParseRequest = { id, input, options: plainOptions(options) };
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { reports: [], resolve, reject, onProgress });
      this.#ensure().postMessage(request);
    });
  }

  cancel(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const p of this.#pending.values()) p.reject(new CancelledError());
    this.#pending.clear();
  }
}

/** Options may come from reactive state (proxies cannot be cloned): copy them to plain data. */
function plainOptions(options: ParseOptions): ParseOptions {
  const out: ParseOptions = {};
  if (options.encoding) out.encoding = options.encoding;
  if (options.mappings) out.mappings = { ...options.mappings };
  return out;
}
