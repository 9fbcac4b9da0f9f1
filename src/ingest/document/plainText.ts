// Text front end: a report as text (saved from a PDF viewer, OCR output, Markdown, a copied page) → lines of
// cells. Cells are split on tabs, `|` and runs of two or more spaces; a line without any of those is one block,
// whose figures the interpreter reads even where they are glued together ("规范性文件7777166").
import type { DocCell, DocLine, DocModel } from './types';

/** Inline tags OCR and Markdown converters leave in text ("<sup>IL</sup>", "<del> </del>"). */
const INLINE_TAG = /<\/?(?:sub|sup|del|ins|u|b|i|em|strong|span|font|br|mark|s)\b[^>]*>/gi;

const SEPARATOR = /\t|\||\s{2,}|\u3000+/;

export function textToDoc(name: string, text: string): DocModel {
  const lines: DocLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  raw.forEach((rawLine, i) => {
    const line = rawLine.replace(INLINE_TAG, (m) => ' '.repeat(m.length));
    if (line.trim() === '') return;
    const split = SEPARATOR.test(line.trim());
    const cells: DocCell[] = [];
    if (!split) {
      cells.push({ text: line.trim(), ref: { line: i + 1 } });
    } else if (!/[\t|]/.test(line)) {
      // Laid out with spaces (PDF-to-text output): a cell's character columns place it under its table column.
      let col = 0;
      for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
        col++;
        const x0 = m.index ?? 0;
        cells.push({ text: m[0], ref: { line: i + 1, col }, x0, x1: x0 + m[0].length });
      }
    } else {
      let col = 0;
      for (const part of line.split(/\t|\||\s{2,}|\u3000+/)) {
        const t = part.trim();
        col++;
        if (t === '') continue;
        cells.push({ text: t, ref: { line: i + 1, col } });
      }
    }
    if (cells.length > 0) lines.push({ cells, split: split ? 'gap' : 'none' });
  });
  return { name, format: 'text', lines, meta: {} };
}
