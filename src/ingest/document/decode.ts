// Bytes of a saved web page or a text file → text. A BOM decides; a page's own <meta charset> (GBK and GB2312 read
// as GB18030, their superset) comes next; then the bytes are tried as strict UTF-8, and GB18030 is the fallback
// for what is not — Chinese Notepad and old government sites write it.
import { sniffBom } from '../encoding';

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

/** The charset a page declares in its first bytes (<meta charset> or http-equiv), as a TextDecoder label. */
export function declaredCharset(head: Uint8Array): string | undefined {
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii);
  if (!m) return undefined;
  const label = m[1].toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(label)) return 'gb18030';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Binary content that is not a document: images, archives, executables. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let control = 0;
  for (const b of head) if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  return control > 4;
}
