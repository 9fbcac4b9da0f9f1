// Approximate search of a label in the document's compact text. Real reports drop glyphs ("其他法律行政止公开"),
// OCR misreads characters, and wrapped labels have numbers in the middle of them; so a label is found by a prefix
// of it, allowing a few edits, and the best match wins.

export interface Match {
  /** Offsets in the searched text: the match is text[start, end). */
  start: number;
  end: number;
  /** Edits needed (insertions, deletions, substitutions). */
  distance: number;
}

/**
 * Every end position where `pattern` matches a substring of text[from, to) with at most `maxEdits` edits
 * (Sellers' algorithm: edit distance with a free start), reported as the best, leftmost matches.
 */
export function findApprox(text: string, pattern: string, from: number, to: number, maxEdits: number): Match[] {
  const m = pattern.length;
  if (m === 0) return [];
  if (maxEdits === 0) {
    const out: Match[] = [];
    for (let i = text.indexOf(pattern, from); i >= 0 && i + m <= to; i = text.indexOf(pattern, i + 1)) out.push({ start: i, end: i + m, distance: 0 });
    return out;
  }
  // prev[j]: edits to match pattern[0, j) ending at the previous text position; starts[j]: where that match began.
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1).fill(from);
  for (let j = 0; j <= m; j++) prev[j] = j;
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  const raw: Match[] = [];
  for (let i = from; i < to; i++) {
    cur[0] = 0;
    curStart[0] = i + 1;
    prevStart[0] = i;
    const ch = text[i];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (pattern[j - 1] === ch ? 0 : 1);
      const del = prev[j] + 1; // text character not in the pattern
      const ins = cur[j - 1] + 1; // pattern character missing from the text
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1];
      }
    }
    if (cur[m] <= maxEdits) raw.push({ start: curStart[m], end: i + 1, distance: cur[m] });
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  // Neighbouring end positions describe one occurrence: keep the closest of each run.
  const out: Match[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) {
      if (r.distance < last.distance || (r.distance === last.distance && r.end - r.start === m && last.end - last.start !== m)) out[out.length - 1] = r;
    } else out.push(r);
  }
  return out;
}

/** Edits a label of this length may need and still be recognised: none for very short labels. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}
