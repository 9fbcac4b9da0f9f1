// A web page saved "as a single file" (.mhtml, .mht): a MIME message whose first text/html part is the page,
// in quoted-printable or base64 and its own charset; its Snapshot-Content-Location (or the part's
// Content-Location) is the address the page was saved from.

export interface MhtmlPage {
  html: string;
  url?: string;
}

/** Is this text a MIME message with several parts (how browsers save a page as one file)? */
export function isMhtml(head: string): boolean {
  return /^(?:From:|Snapshot-Content-Location:|Subject:|Date:|MIME-Version:)/im.test(head.slice(0, 2048)) && /multipart\/related/i.test(head.slice(0, 4096));
}

function header(block: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(block);
  return m ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : undefined;
}

/** The message is read one character per byte (latin1): a character's code is the byte. */
function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

function decodeBase64(body: string): Uint8Array {
  const binary = atob(body.replace(/\s+/g, ''));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The page of a saved single-file web page (its bytes read as latin1), or null when it holds no HTML part. */
export function mhtmlPage(text: string): MhtmlPage | null {
  const split = text.search(/\r?\n\r?\n/);
  if (split < 0) return null;
  const head = text.slice(0, split);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!boundary) return null;
  const snapshot = header(head, 'Snapshot-Content-Location');
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const gap = part.search(/\r?\n\r?\n/);
    if (gap < 0) continue;
    const partHead = part.slice(0, gap);
    const type = header(partHead, 'Content-Type') ?? '';
    if (!/text\/html/i.test(type)) continue;
    const body = part.slice(gap).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    const encoding = (header(partHead, 'Content-Transfer-Encoding') ?? '').toLowerCase();
    const bytes = encoding === 'base64' ? decodeBase64(body) : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : bytesOf(body);
    let charset = /charset="?([\w-]+)"?/i.exec(type)?.[1]?.toLowerCase() ?? 'utf-8';
    if (/^(gb2312|gbk|x-gbk|cp936)$/.test(charset)) charset = 'gb18030';
    let html: string;
    try {
      html = new TextDecoder(charset).decode(bytes);
    } catch {
      html = new TextDecoder('utf-8').decode(bytes);
    }
    const url = snapshot ?? header(partHead, 'Content-Location');
    return url && /^https?:\/\//i.test(url) ? { html, url } : { html };
  }
  return null;
}
