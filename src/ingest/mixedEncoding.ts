// Two encodings in one file: lines pasted together from a UTF-8 export and a GBK one. Decoding the whole file as
// either turns the other part into plausible-looking wrong characters (GBK bytes of 平潭 happen to be valid UTF-8),
// so it must be found before anything is read: the reader then reads nothing and names the lines.
import type { ByteSource } from './encoding';

export interface MixedEncoding {
  /** First line (1-based) that is UTF-8 with Chinese characters in it. */
  utf8Line: number;
  /** First line that is not valid UTF-8. */
  otherLine: number;
}

const LF = 10;
const SCAN_CHUNK = 1 << 20;

/**
 * Per line: does it decode as UTF-8, and does it hold at least two three-byte sequences of the CJK range (lead
 * byte E4–E9)? A GBK line can pass as UTF-8 by chance when it is short (two-byte sequences), hardly ever with two
 * well-formed three-byte CJK sequences, so only such lines count as UTF-8 evidence.
 */
class LineScanner {
  line = 1;
  firstUtf8 = 0;
  firstInvalid = 0;
  #invalid = false;
  #cjk = 0;
  /** Continuation bytes still expected, and whether the sequence started with a CJK lead byte. */
  #need = 0;
  #cjkLead = false;

  #endLine(): void {
    if (this.#invalid || this.#need > 0) {
      if (this.firstInvalid === 0) this.firstInvalid = this.line;
    } else if (this.#cjk >= 2 && this.firstUtf8 === 0) this.firstUtf8 = this.line;
    this.line++;
    this.#invalid = false;
    this.#cjk = 0;
    this.#need = 0;
  }

  push(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === LF) {
        this.#endLine();
        continue;
      }
      if (this.#invalid) continue;
      if (this.#need > 0) {
        if ((b & 0xc0) !== 0x80) {
          this.#invalid = true;
          continue;
        }
        this.#need--;
        if (this.#need === 0 && this.#cjkLead) this.#cjk++;
        continue;
      }
      if (b < 0x80) continue;
      if (b >= 0xc2 && b <= 0xdf) this.#need = 1;
      else if (b >= 0xe0 && b <= 0xef) this.#need = 2;
      else if (b >= 0xf0 && b <= 0xf4) this.#need = 3;
      else this.#invalid = true;
      this.#cjkLead = b >= 0xe4 && b <= 0xe9;
    }
  }

  finish(): void {
    this.#endLine();
  }
}

/** Lines of UTF-8 Chinese and lines that are not UTF-8 in the same file, or null. Reads the file once, in chunks. */
export async function mixedEncoding(src: ByteSource, start: number): Promise<MixedEncoding | null> {
  const scanner = new LineScanner();
  for (let pos = start; pos < src.size; pos += SCAN_CHUNK) {
    scanner.push(await src.read(pos, Math.min(src.size, pos + SCAN_CHUNK)));
    if (scanner.firstUtf8 > 0 && scanner.firstInvalid > 0) break;
  }
  if (scanner.firstUtf8 === 0 || scanner.firstInvalid === 0) scanner.finish();
  return scanner.firstUtf8 > 0 && scanner.firstInvalid > 0 ? { utf8Line: scanner.firstUtf8, otherLine: scanner.firstInvalid } : null;
}
