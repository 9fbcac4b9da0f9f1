// Text normalisation shared by label matching and cell parsing. People type labels by hand, copy them from PDFs
// (broken over lines) and from Chinese Excel (full-width punctuation), so matching compares normalised forms.

/**
 * NFKC folds full-width digits, letters and punctuation to ASCII (（）→(), ／→/, ：→:, ，→, and ideographic
 * space → space); then all whitespace goes (labels broken over lines, "本年新\n制作数量") and so do quotation marks,
 * which copies render as “” or "" at random.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[〔【]/g, '[')
    .replace(/[〕】]/g, ']')
    .replace(/[．｡。]/g, '.')
    .toLowerCase();
}

/** Strips the numbering a label starts with: "三、", "(一)", "1.", "1、". */
export function stripNumbering(segment: string): string {
  return segment.replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])/, '');
}

/** Splits "label(remark)" into the label and the remark; null when there is no trailing parenthetical. */
export function trailingParen(segment: string): { base: string; inner: string } | null {
  const m = /^(.*[^(])\(([^()]*)\)$/.exec(segment);
  return m ? { base: m[1], inner: m[2] } : null;
}
