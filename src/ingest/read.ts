// One file's bytes → FileResult, the way the import worker reads it: routed by content (documents to the document
// pipeline, loaded only then; CSV and JSON streamed). The worker reads a File through this, and the Node tests read
// fixtures through the very same path.
import type { FrontEnds } from './document/extract';
import type { ByteSource } from './encoding';
import { parseSource, type Progress } from './parse';
import { routeOf } from './route';
import type { FileResult, ParseOptions } from './types';

/** Bytes looked at to route a file: its head, and its tail (a zip's directory is at the end). */
const SNIFF_BYTES = 65536;

export async function readSource(src: ByteSource, options: ParseOptions, frontEnds: FrontEnds, onProgress: (p: Progress) => void): Promise<FileResult> {
  const head = await src.read(0, Math.min(SNIFF_BYTES, src.size));
  const tail = src.size > SNIFF_BYTES ? await src.read(src.size - SNIFF_BYTES, src.size) : undefined;
  if (routeOf(head, tail) === 'document') {
    const bytes = await src.read(0, src.size);
    const { readDocumentInput } = await import('./documentFile');
    return readDocumentInput({ name: src.name, bytes }, src.size, frontEnds, { onProgress, ...(options.encoding ? { encoding: options.encoding } : {}) });
  }
  return parseSource(src, options, onProgress);
}
