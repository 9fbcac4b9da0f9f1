// Messages between the page and the import worker.
import type { StoredReport } from '../model/storedShape';
import type { Progress } from './parse';
import type { FileResult, ParseOptions } from './types';

/**
 * A File is a handle (structured clone does not copy its bytes): the worker reads it slice by slice. Pasted input
 * is text, or HTML when the clipboard had it (tables copied from a browser keep their cells there).
 */
export type WorkerInput = { kind: 'file'; file: File } | { kind: 'text'; name: string; text: string } | { kind: 'html'; name: string; html: string };

export interface ParseRequest {
  id: number;
  input: WorkerInput;
  options: ParseOptions;
}

export type WorkerReply =
  | { id: number; type: 'progress'; progress: Progress }
  /** Reports travel in batches before 'done', so the page deserialises them in many short tasks, not one long one. */
  | { id: number; type: 'reports'; reports: StoredReport[] }
  | { id: number; type: 'done'; result: FileResult }
  | { id: number; type: 'error'; message: string };
