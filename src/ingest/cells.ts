// One cell's text → a Cell, or a reason it is not one. Missing is not zero: nothing here turns text into 0.
import type { Cell } from '../model/report';
import { quoted } from './limits';

export type CellResult = { ok: true; cell: Cell } | { ok: false; code: string; zh: string; en: string };

/** Texts that mean "the report printed this cell, but blank" (compared after NFKC: full-width forms fold in). */
const PLACEHOLDER = /^(?:[-‐‑‒–—―_/\\]+|无)$/;

const UNITS = '万元|元|件|条|个|项|份|篇|次';
// Optional "about" before, digits (thousands separators allowed only in groups of three), decimals, optional
// "more than" and a unit after: "1,234", "约300", "907余条", "300多件", "13.595万元", "200左右".
const NUMBER = new RegExp(
  `^(约|大约|近|逾|超过)?([+-])?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(余|多)?(${UNITS})?(余|多|左右)?$`,
);

/** Only 本年增/减 may be negative: a negative count anywhere else is a misreading, not data. */
export function allowsNegative(columnKey: string): boolean {
  return columnKey === 'change_this_year';
}

export interface CellContext {
  /** Column key of the figure (decides whether a sign is allowed). */
  column: string;
}

/**
 * Digits a number may have before its decimal point: 15 are always exact in a double, and no count or amount in
 * 元 of a report comes near them. Longer ones would be stored rounded (or as Infinity), so they are refused.
 */
const MAX_DIGITS = 15;

/** Plain digits are most cells of a large file: read them without normalising first. */
const PLAIN = /^\d{1,15}(\.\d+)?$/;

export function parseCellText(text: string, ctx: CellContext): CellResult {
  if (PLAIN.test(text)) return { ok: true, cell: { value: Number(text) } };
  const printed = text.trim();
  const t = printed.normalize('NFKC').replace(/[−﹣]/g, '-').trim();
  if (t === '') return { ok: true, cell: { value: null } };
  if (PLACEHOLDER.test(t)) return { ok: true, cell: { value: null, printed } };
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, code: 'bad-number', zh: `数值“${quoted(printed)}”不是数字`, en: `value "${quoted(printed)}" is not a number` };
  const [, before, sign, int, frac, after1, unit, after2] = m;
  const digits = int.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) {
    return {
      ok: false,
      code: 'too-large',
      zh: `数值“${quoted(printed)}”有 ${digits.length} 位整数,超过 ${MAX_DIGITS} 位,无法精确保存`,
      en: `value "${quoted(printed)}" has ${digits.length} integer digits, more than ${MAX_DIGITS}: it cannot be stored exactly`,
    };
  }
  const magnitude = Number(digits + (frac ?? ''));
  if (sign === '-' && magnitude !== 0 && !allowsNegative(ctx.column)) {
    return {
      ok: false,
      code: 'negative',
      zh: `数值“${quoted(printed)}”为负数,只有“本年增/减”可以为负`,
      en: `value "${quoted(printed)}" is negative; only 本年增/减 (change this year) may be negative`,
    };
  }
  if (sign === '+' && !allowsNegative(ctx.column)) {
    return { ok: false, code: 'bad-number', zh: `数值“${quoted(printed)}”不是数字`, en: `value "${quoted(printed)}" is not a number` };
  }
  const cell: Cell = { value: sign === '-' && magnitude !== 0 ? -magnitude : magnitude };
  if (before || after1 || after2) {
    cell.approx = true;
    // Keep the printed words: "余" (more than) and "约" (about) are not the same claim.
    cell.note = `原文:${printed}`;
  }
  if (unit) cell.unit = unit;
  return { ok: true, cell };
}
