// Streaming CSV: text chunks → records, PapaParse doing the field splitting. PapaParse cannot take a string a
// piece at a time in a browser, so this module cuts the text at record boundaries (a newline outside quotes)
// and hands PapaParse one piece of whole records at a time: memory holds one chunk, never the file.
import Papa from 'papaparse';
import { MAX_RECORD_CHARS } from './limits';

export type Delimiter = ',' | '\t' | ';';
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];

const QUOTE = 34;
const LF = 10;

/** Counts each candidate delimiter outside quotes in the first record; the most frequent wins, comma on a tie. */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** A record grew past MAX_RECORD_CHARS: reading stops there (`chars` is how long it had grown). */
export class RecordTooLongError extends Error {
  constructor(readonly chars: number) {
    super(`record longer than ${MAX_RECORD_CHARS} characters`);
  }
}

/**
 * Cuts text into runs of complete records. Quote state follows RFC 4180: a quote opens a quoted field only at
 * the start of a field; inside, "" is an escaped quote. A stray quote in the middle of a field stays literal, as
 * PapaParse reads it, so the two never disagree on where a record ends.
 */
export class RecordSplitter {
  #carry = '';
  #state: 'start' | 'plain' | 'quoted' | 'quote-in-quoted' = 'start';
  #delim: number;
  /** Fields begun so far in the record being read (0-based index of the current one). */
  #field = 0;
  /** The field whose opening quote is the one still open. */
  #openField = 0;
  readonly #max: number;

  constructor(delimiter: Delimiter, maxRecord = MAX_RECORD_CHARS) {
    this.#delim = delimiter.charCodeAt(0);
    this.#max = maxRecord;
  }

  /**
   * At the end of the input: the 0-based field of the record left open by a quote that never closed (everything
   * after it would be one field), or null when every quote closed.
   */
  get unclosedField(): number | null {
    return this.#state === 'quoted' ? this.#openField : null;
  }

  /** Complete records of what came so far (without the final newline), or null when none is complete yet. */
  push(chunk: string): string | null {
    const text = this.#carry + chunk;
    // Re-scan only the new chunk: the state at the end of the carry is kept in #state.
    const from = this.#carry.length;
    let cut = -1;
    let state = this.#state;
    let field = this.#field;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (state) {
        case 'start':
          if (c === QUOTE) {
            state = 'quoted';
            this.#openField = field;
          } else if (c === LF) {
            cut = i;
            field = 0;
          } else if (c === this.#delim) field++;
          else state = 'plain';
          break;
        case 'plain':
          if (c === this.#delim) {
            state = 'start';
            field++;
          } else if (c === LF) {
            cut = i;
            state = 'start';
            field = 0;
          }
          break;
        case 'quoted':
          if (c === QUOTE) state = 'quote-in-quoted';
          break;
        case 'quote-in-quoted':
          if (c === QUOTE) state = 'quoted';
          else if (c === this.#delim) {
            state = 'start';
            field++;
          } else if (c === LF) {
            cut = i;
            state = 'start';
            field = 0;
          } else state = 'plain';
          break;
      }
    }
    this.#state = state;
    this.#field = field;
    const carry = cut < 0 ? text.length : text.length - cut - 1;
    // What is carried is the start of one record: past the bound it is no table line (most often a quote that
    // never closed), and carrying it on would cost ever more time for each chunk.
    if (carry > this.#max) throw new RecordTooLongError(carry);
    if (cut < 0) {
      this.#carry = text;
      return null;
    }
    this.#carry = text.slice(cut + 1);
    return text.slice(0, cut);
  }

  /** What is left at the end of the input (a last record without a final newline). */
  flush(): string {
    const rest = this.#carry;
    this.#carry = '';
    return rest;
  }
}

/** Records of one run of complete records. Blank lines come back as [''] so line numbers stay true. */
export function parseRecords(text: string, delimiter: Delimiter, newline: '\n' | '\r\n'): string[][] {
  // Each run ends just before a "\n": a CRLF file leaves its "\r" at the end.
  const body = newline === '\r\n' && text.endsWith('\r') ? text.slice(0, -1) : text;
  if (body === '') return [['']];
  const result = Papa.parse<string[]>(body, { delimiter, newline, skipEmptyLines: false, header: false });
  return result.data;
}
