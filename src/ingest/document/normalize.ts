// Text as documents print it → text the interpreter can compare: NFKC (full-width digits and punctuation, Kangxi
// radicals such as ⼀ for 一), dashes and quotes made one. `normalizeKeepingLength` never changes a string's
// length, so an offset in the normalised text is an offset in the printed one and every figure keeps its place.

import { normalizeLabel } from '../text';
import { simplified } from './traditional';

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/**
 * One character to one character: NFKC where it maps a character to a single one (full-width forms, Kangxi
 * radicals, ideographic space), traditional characters to simplified ones (mirror sites republish reports in
 * traditional characters), dashes and minus signs to '-', curly quotes to straight ones. Length is kept (in UTF-16
 * units, as offsets count).
 */
export function normalizeKeepingLength(text: string): string {
  let out = '';
  for (const ch of text) {
    let c = ch.normalize('NFKC');
    if (c.length !== ch.length) c = ch;
    if (/[‐‑‒–—―−﹣－]/.test(c)) c = '-';
    else if (c === '\u3000' || c === '\u00a0') c = ' ';
    else if (c === '“' || c === '”' || c === '„') c = '"';
    else if (c === '‘' || c === '’') c = "'";
    else if (c === '〔' || c === '【') c = '[';
    else if (c === '〕' || c === '】') c = ']';
    else c = simplified(c);
    out += c;
  }
  return out;
}

/**
 * The comparison key of a label: the label rules of the CSV reader (NFKC, no spaces or quotes) without brackets and
 * punctuation either, so "3.危及“三安全一稳定”", "3、危及\"三安全 一稳定\"" and a letter-spaced copy compare equal.
 * Ordinal digits and numerals stay: they tell rows apart.
 */
export function labelKey(text: string): string {
  return normalizeLabel(text).replace(/[()\[\],.;:!?、。·•*#|_<>《》{}]/g, '');
}

/** Characters OCR reads for a zero: Latin and Cyrillic O, the degree sign, ideographic zero 〇. */
export const ZERO_LOOKALIKES = /^[OoОо〇°]$/;
