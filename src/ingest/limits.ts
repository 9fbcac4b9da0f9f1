// Bounds on what one file may ask of the reader, and how file text is quoted back in messages. A file can come
// from anywhere: a header of 60,000 columns, a 1.4 MB line or a quote never closed must get an answer within
// seconds, and a message must stay a sentence, not a copy of the file.

/**
 * Longest record the CSV reader holds. A wide line of every figure is a few kilobytes; a record this long is an
 * unclosed quote or not a table at all, and holding more would only make the answer slower.
 */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/** JSON is parsed whole: beyond this the text alone is hundreds of megabytes in memory (and near V8's limit). */
export const MAX_JSON_CHARS = 256 * 1024 * 1024;

/** Organ, region and level are names: the longest real organ name is well under 100 characters. */
export const MAX_NAME_CHARS = 200;

/** A source is an address or a citation. */
export const MAX_SOURCE_CHARS = 2000;

/** Characters of one text quoted in a message. */
const QUOTED_CHARS = 60;

/** Headers listed in a message about the header. */
const LISTED_HEADERS = 12;

/** 60000 → "60,000": counts in messages, without Intl (its first use loads locale data). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A text from the file as a message quotes it: cut to a readable length, line breaks shown as ⏎. */
export function quoted(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, '⏎');
  return flat.length > QUOTED_CHARS ? `${flat.slice(0, QUOTED_CHARS)}…(${grouped(text.length)} 字符 chars)` : flat;
}

/** The header as a message lists it: the first few names, each quoted, and how many there are in all. */
export function headerList(headers: readonly string[], separator: string): string {
  const shown = headers.slice(0, LISTED_HEADERS).map(quoted).join(separator);
  return headers.length > LISTED_HEADERS ? `${shown}${separator}…(${grouped(headers.length)})` : shown;
}
