// What kind of document a file is, from its bytes (never from its name), and the small zip reader the Word and
// Excel front ends share: the central directory, and an entry's bytes inflated with DecompressionStream.
import { DocumentError } from './types';

export type SniffedKind = 'pdf' | 'docx' | 'xlsx' | 'ole' | 'zip';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Names are UTF-8 when flag bit 11 is set, else CP437 — which for the ASCII names of Office parts is the same. */
function name(b: Uint8Array, at: number, length: number): string {
  return new TextDecoder('utf-8').decode(b.subarray(at, Math.min(b.length, at + length)));
}

function kindOfNames(names: Iterable<string>): SniffedKind {
  let word = false;
  let xl = false;
  for (const n of names) {
    if (n === 'word/document.xml' || n.startsWith('word/')) word = true;
    else if (n === 'xl/workbook.xml' || n.startsWith('xl/')) xl = true;
  }
  return word ? 'docx' : xl ? 'xlsx' : 'zip';
}

/**
 * The kind of document from its first bytes: '%PDF-' (within the first KiB, as readers allow), an Office Open
 * XML zip (entries under word/ or xl/), another zip, or an OLE compound file (legacy .doc/.xls, and also
 * password-protected .docx/.xlsx). Pass the first 64 KiB or the whole file: the entry names are read from the
 * local headers found in `head`, and from the central directory when `head` holds the end of the file too
 * (or pass the file's last 64 KiB as `tail`). null: none of these (text, HTML, CSV, JSON …).
 */
export function sniffDocument(head: Uint8Array, tail?: Uint8Array): SniffedKind | null {
  if (startsWith(head, OLE)) return 'ole';
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  const limit = Math.min(head.length - pdf.length, 1024);
  for (let i = 0; i <= limit; i++) if (head[i] === 0x25 && startsWith(head, pdf, i)) return 'pdf';
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return null;
  const names = new Set<string>();
  for (const bytes of tail ? [head, tail] : [head]) {
    for (let i = 0; i + 46 <= bytes.length; i++) {
      if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
      if (bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) names.add(name(bytes, i + 30, u16(bytes, i + 26)));
      else if (bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02) names.add(name(bytes, i + 46, u16(bytes, i + 28)));
    }
  }
  return kindOfNames(names);
}

/** True when an OLE file is an encrypted Office Open XML package (a .docx/.xlsx saved with a password). */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  // The stream names are in the compound file's directory as UTF-16LE.
  const needle = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const TRUNCATED_ZIP = () =>
  new DocumentError(
    'truncated',
    '文件不完整或已损坏(压缩包结构无法读取,可能下载中断):请重新下载或在 Office 中重新保存后再导入',
    'The file is incomplete or damaged (its zip structure cannot be read; the download may have been cut short): download it again or re-save it in Office',
  );

/** The entries of a zip, from its central directory. Throws DocumentError('truncated') when it cannot be found. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw TRUNCATED_ZIP();
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw TRUNCATED_ZIP();
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      name: name(bytes, at + 46, nameLength),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** An entry's bytes (stored or deflated). Throws DocumentError('truncated') when the data is cut or corrupt. */
export async function zipRead(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw TRUNCATED_ZIP();
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw TRUNCATED_ZIP();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) {
    throw new DocumentError('unsupported', `压缩包使用了不支持的压缩方式(${entry.method})`, `The zip uses an unsupported compression method (${entry.method})`);
  }
  try {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw TRUNCATED_ZIP();
  }
}

/** An entry as UTF-8 text, or null when the zip has no such entry. */
export async function zipText(bytes: Uint8Array, entries: Map<string, ZipEntry>, path: string): Promise<string | null> {
  const entry = entries.get(path);
  if (!entry) return null;
  return new TextDecoder('utf-8').decode(await zipRead(bytes, entry));
}

/**
 * The error for a file the Word or Excel front end cannot take, or null when it is the expected zip.
 * `want` is the kind the caller reads.
 */
export function officeProblem(bytes: Uint8Array, want: 'docx' | 'xlsx'): DocumentError | null {
  const kind = sniffDocument(bytes);
  const app = want === 'docx' ? { zh: 'Word', ext: '.docx' } : { zh: 'Excel', ext: '.xlsx' };
  if (kind === want) {
    // The local headers say Word/Excel; the central directory at the end must be there too (a cut download).
    try {
      const entries = zipEntries(bytes);
      const main = want === 'docx' ? 'word/document.xml' : 'xl/workbook.xml';
      if (entries.has(main)) return null;
      return new DocumentError('unsupported', `压缩包里没有 ${app.zh} 正文(${main})`, `The file holds no ${app.zh} document part (${main})`);
    } catch (err) {
      if (err instanceof DocumentError) return err;
      throw err;
    }
  }
  if (kind === 'ole') {
    if (isEncryptedOoxml(bytes)) {
      return new DocumentError(
        'encrypted',
        `文件设有打开密码:请在 ${app.zh} 中取消密码后另存为 ${app.ext} 再导入`,
        `The file is password-protected: remove the password in ${app.zh} and save it as ${app.ext}, then import it`,
      );
    }
    return new DocumentError(
      'legacy-office',
      `这是旧版 Office 文件(.doc/.xls):请在 ${app.zh}/WPS 中另存为 ${app.ext} 后再导入`,
      `This is a legacy Office file (.doc/.xls): save it as ${app.ext} in ${app.zh} or WPS, then import it`,
    );
  }
  if (kind === 'docx' || kind === 'xlsx') {
    const other = kind === 'docx' ? 'Word' : 'Excel';
    return new DocumentError('unsupported', `这是 ${other} 文件,不是 ${app.zh} 文件`, `This is a ${other} file, not an ${app.zh} file`);
  }
  if (kind === 'zip') {
    // A zip whose local headers name neither word/ nor xl/: its directory decides (or shows it is cut short).
    const entries = zipEntries(bytes);
    const named = kindOfNames(entries.keys());
    if (named === want) return null;
    return new DocumentError('unsupported', `压缩包里没有 ${app.zh} 文档(${app.ext})`, `The zip holds no ${app.zh} document (${app.ext})`);
  }
  if (kind === 'pdf') return new DocumentError('unsupported', `这是 PDF 文件,不是 ${app.ext} 文件`, `This is a PDF, not a ${app.ext} file`);
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return TRUNCATED_ZIP();
  return new DocumentError('unsupported', `不是 ${app.ext} 文件(无法识别文件内容)`, `Not a ${app.ext} file (its content is not recognised)`);
}
