// Bytes → text in the encodings Chinese Excel and Notepad write. Detection order: a BOM decides;
// else the bytes are tried as strict UTF-8; if that fails anywhere, the file is GB18030 (a superset of GBK).

export type EncodingId = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: readonly EncodingId[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

export interface Bom {
  encoding: EncodingId;
  length: number;
}

export function sniffBom(head: Uint8Array): Bom | null {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The bytes are not valid in the encoding tried: the caller falls back to the next one. */
export class DecodeError extends Error {}

/** Something that can hand out byte ranges: a File in the worker, a Buffer in tests. Never read whole. */
export interface ByteSource {
  name: string;
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return { name, size: bytes.length, read: async (s, e) => bytes.subarray(s, e) };
}

export const CHUNK_BYTES = 1 << 20;

/**
 * Decoded text of a byte source, chunk by chunk. The streaming TextDecoder carries a multi-byte character cut
 * by a chunk boundary over to the next chunk. `fatal` makes invalid bytes throw DecodeError (detection);
 * otherwise they become U+FFFD, which the caller counts and reports.
 */
export async function* decodeChunks(
  src: ByteSource,
  encoding: EncodingId,
  start: number,
  fatal: boolean,
  onBytes: (bytesRead: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  for (let pos = start; pos < src.size; pos += CHUNK_BYTES) {
    const end = Math.min(src.size, pos + CHUNK_BYTES);
    const bytes = await src.read(pos, end);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: end < src.size });
    } catch {
      throw new DecodeError(encoding);
    }
    onBytes(end);
    if (text !== '') yield text;
  }
  if (src.size <= start) onBytes(src.size);
}
