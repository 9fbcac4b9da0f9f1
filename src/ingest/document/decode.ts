// Bytes of a saved web page or a text file → text. A BOM decides; a page's own <meta charset> (GBK and GB2312 read
// as GB18030, their superset) comes next; then the bytes are tried as strict UTF-8, and GB18030 is the fallback
// for what is not — Chinese Notepad and old government sites write it.
import { sniffBom } from '../encoding';
import { declaredCharset } from './html';

export interface Decoded {
  text: string;
  encoding: string;
  /** Characters that could not be decoded (U+FFFD). */
  replaced: number;
}

function decode(bytes: Uint8Array, label: string, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
}

function count(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

export function decodeDocument(bytes: Uint8Array, html: boolean, encoding?: string): Decoded {
  if (encoding) {
    const text = decode(bytes, encoding, false);
    return { text, encoding, replaced: count(text) };
  }
  const bom = sniffBom(bytes.subarray(0, 4));
  if (bom) {
    const text = decode(bytes.subarray(bom.length), bom.encoding, false);
    return { text, encoding: bom.encoding, replaced: count(text) };
  }
  const declared = html ? declaredCharset(bytes) : undefined;
  if (declared) {
    const text = decode(bytes, declared, false);
    return { text, encoding: declared, replaced: count(text) };
  }
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8', replaced: 0 };
  } catch {
    const text = decode(bytes, 'gb18030', false);
    return { text, encoding: 'gb18030', replaced: count(text) };
  }
}

/** Does this text look like HTML (a saved page, or a table copied from a browser)? */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return head.startsWith('<') || /<(?:html|body|table|tr|td|p|div|meta|!doctype)\b/.test(head);
}
