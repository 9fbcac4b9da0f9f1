// A row's printed tokens → the ways they can be read as the row's n figures. When the tokens are exactly the
// row's cells, that is the reading: a published figure is never "corrected". Only when they are not — digits
// glued together ("640020470"), a stray OCR token ("1 0" for one zero), a number lost — are other readings made:
// split a run between digits, drop a stray digit, join two, or infer one missing figure from an identity. The
// identities of the table (a row's 总计 is the sum of its parts) choose among them; what they cannot decide is
// left for the person, marked uncertain, with the other readings offered.
import type { ValueToken } from './tokens';

export type Repair = 'split' | 'drop' | 'merge' | 'ocr' | 'inferred';

export interface ReadValue {
  /** A number, or null for a blank cell (and for an inferred figure no identity could fix). */
  value: number | null;
  /** Token indices the value was read from (none when inferred). */
  tokens: number[];
  /** Stream offsets of the characters read. */
  start?: number;
  end?: number;
  printed?: string;
  unit?: string;
  approx?: boolean;
  repair?: Repair;
}

export interface Reading {
  values: ReadValue[];
  /** How far the reading strays from the tokens as printed (splits of glued runs cost little, drops much more). */
  cost: number;
  /** Identity groups that hold, that fail, and that cannot be checked (blank cells). */
  holds: number;
  fails: number;
  /** Printed tokens the reading left out (a stray OCR digit): the row needs a person's look. */
  dropped: number;
}

/** A group of consecutive figures whose last is the sum of the others (I2: a row of table 三; I4: table 四). */
export interface SumGroups {
  /** Sizes of consecutive groups; figures outside any group are unconstrained. */
  sizes: readonly number[];
}

export interface ReadOptions {
  n: number;
  /** Cost of one split inside a token: low where text is printed without separators. */
  splitCost: (t: ValueToken) => number;
  groups?: SumGroups;
  /** Largest count of integer digits a figure may have (amounts in 元 run long). */
  maxDigits?: number;
  /** Figures that may be negative (本年增/减), by position. */
  signed?: (index: number) => boolean;
}

const DROP_COST = 4;
const MERGE_COST = 4;
const MISSING_COST = 6;
const NODE_BUDGET = 200_000;
const MAX_READINGS = 4_000;

function groupBounds(groups: SumGroups | undefined): Map<number, number> {
  // end index (exclusive) → group start
  const out = new Map<number, number>();
  let at = 0;
  for (const size of groups?.sizes ?? []) {
    out.set(at + size, at);
    at += size;
  }
  return out;
}

/** Checks (and for one inferred figure, solves) the sum identity of values[start, end). */
function checkGroup(values: ReadValue[], start: number, end: number): 'holds' | 'fails' | 'neutral' {
  const group = values.slice(start, end);
  const inferred = group.filter((v) => v.repair === 'inferred');
  if (inferred.length > 1) return 'fails';
  if (group.some((v) => v.value === null && v.repair !== 'inferred')) return 'neutral';
  const total = group[group.length - 1];
  const parts = group.slice(0, -1);
  if (inferred.length === 1) {
    const known = (vs: ReadValue[]) => vs.reduce((s, v) => s + (v.repair === 'inferred' ? 0 : (v.value ?? 0)), 0);
    const solved = inferred[0] === total ? known(parts) : (total.value ?? 0) - known(parts);
    if (solved < 0 || !Number.isInteger(solved)) return 'fails';
    inferred[0].value = solved;
    return 'holds';
  }
  const sum = parts.reduce((s, v) => s + (v.value ?? 0), 0);
  return Math.abs(sum - (total.value ?? 0)) < 1e-9 ? 'holds' : 'fails';
}

/** A token read as one whole figure. */
export function wholeValue(t: ValueToken, ti: number): ReadValue {
  const n = Number((t.int ?? '') + (t.frac ? `.${t.frac}` : ''));
  const v: ReadValue = { value: t.kind === 'blank' ? null : t.sign === '-' ? -n : n, tokens: [ti], start: t.start, end: t.end, printed: t.text };
  if (t.unit) v.unit = t.unit;
  if (t.approx) v.approx = true;
  if (t.ocr) v.repair = 'ocr';
  return v;
}

/** The reading that takes every token as one figure, when the tokens are exactly the row's cells. */
export function asPrinted(tokens: readonly ValueToken[], n: number, groups?: SumGroups): Reading | null {
  if (tokens.length !== n) return null;
  const values = tokens.map(wholeValue);
  let holds = 0;
  let fails = 0;
  let at = 0;
  for (const size of groups?.sizes ?? []) {
    const outcome = checkGroup(values, at, at + size);
    if (outcome === 'holds') holds++;
    else if (outcome === 'fails') fails++;
    at += size;
  }
  return { values, cost: 0, holds, fails, dropped: 0 };
}

/**
 * Every reading of the tokens as n figures, best first: fewest failing identities, then lowest cost. With
 * `identitiesMustHold` readings that break an identity are cut early (the search stays small for long glued runs).
 */
export function readings(tokens: readonly ValueToken[], options: ReadOptions, identitiesMustHold: boolean): Reading[] {
  const { n, splitCost } = options;
  const maxDigits = options.maxDigits ?? 12;
  const bounds = groupBounds(options.groups);
  const out: Reading[] = [];
  let nodes = 0;
  const values: ReadValue[] = [];
  let missing = 0;
  let dropped = 0;

  const capacity = (ti: number, pos: number): number => {
    let c = 0;
    for (let i = ti; i < tokens.length; i++) {
      const t = tokens[i];
      c += t.kind === 'num' && t.int ? t.int.length - (i === ti ? pos : 0) : 1;
    }
    return c + (missing === 0 ? 2 : 1);
  };

  const push = (v: ReadValue, next: () => void, state: { holds: number; fails: number }) => {
    values.push(v);
    const start = bounds.get(values.length);
    let added: 'holds' | 'fails' | 'neutral' | undefined;
    if (start !== undefined) added = checkGroup(values, start, values.length);
    if (!(identitiesMustHold && added === 'fails')) {
      if (added === 'holds') state.holds++;
      if (added === 'fails') state.fails++;
      next();
      if (added === 'holds') state.holds--;
      if (added === 'fails') state.fails--;
    }
    // An inferred figure solved by its group is unknown again on the way back.
    for (let i = start ?? values.length; i < values.length; i++) if (values[i].repair === 'inferred') values[i].value = null;
    values.pop();
  };

  const state = { holds: 0, fails: 0 };
  const visit = (ti: number, pos: number, cost: number): void => {
    if (++nodes > NODE_BUDGET || out.length >= MAX_READINGS) return;
    if (values.length > n) return;
    if (values.length + capacity(ti, pos) < n) return;
    if (ti >= tokens.length) {
      if (values.length === n) out.push({ values: values.map((v) => ({ ...v, tokens: [...v.tokens] })), cost, holds: state.holds, fails: state.fails, dropped });
      else if (values.length < n && missing < 1 && bounds.size > 0) inferOne(ti, pos, cost);
      return;
    }
    const t = tokens[ti];
    if (pos === 0) {
      // A figure lost in print or OCR: inferred from its group's identity (only where there is one).
      if (values.length < n && missing < 1 && bounds.size > 0) inferOne(ti, pos, cost);
      if (t.kind === 'blank' || !t.int) {
        push(wholeValue(t, ti), () => visit(ti + 1, 0, cost), state);
        return;
      }
      // The token as one figure.
      push(wholeValue(t, ti), () => visit(ti + 1, 0, cost), state);
      // A stray single digit (OCR "1 0" for one zero), or a lone digit on the last line of a page cut short (the
      // ordinal of a label that did not make it onto the page).
      const last = ti === tokens.length - 1;
      if (t.int.length === 1 && !t.frac && (t.sep === 'space' || tokens[ti + 1]?.sep === 'space' || (last && t.sep === 'line'))) {
        dropped++;
        visit(ti + 1, 0, cost + DROP_COST);
        dropped--;
      }
      // Two numbers printed with a space between that are one ("1 0" for 10).
      const next = tokens[ti + 1];
      if (next && next.kind === 'num' && next.sep === 'space' && !t.frac && !t.unit && next.int && !next.sign) {
        const merged: ReadValue = {
          value: Number(t.int + next.int + (next.frac ? `.${next.frac}` : '')) * (t.sign === '-' ? -1 : 1),
          tokens: [ti, ti + 1],
          start: t.start,
          end: next.end,
          printed: `${t.text} ${next.text}`,
          repair: 'merge',
        };
        if (next.unit) merged.unit = next.unit;
        if (!(t.int === '0' && next.int.length > 0)) push(merged, () => visit(ti + 2, 0, cost + MERGE_COST), state);
      }
    }
    // Split: take a leading part of the remaining digits as a figure of its own.
    const digits = t.int ?? '';
    const remaining = digits.length - pos;
    if (t.kind !== 'num' || remaining < 2) return;
    for (let len = 1; len < remaining && len <= maxDigits; len++) {
      const part = digits.slice(pos, pos + len);
      if (part.length > 1 && part[0] === '0') break;
      const negative = pos === 0 && t.sign === '-';
      const offset = t.start + (t.sign === '-' ? 1 : 0) + pos;
      const v: ReadValue = {
        value: negative ? -Number(part) : Number(part),
        tokens: [ti],
        start: offset,
        end: offset + len,
        printed: part,
        repair: 'split',
      };
      const c = cost + splitCost(t);
      push(v, () => visitRest(ti, pos + len, c), state);
    }
  };

  // After a split, the rest of the token: either the last figure (with its decimals and unit), or split again.
  const visitRest = (ti: number, pos: number, cost: number): void => {
    const t = tokens[ti];
    const digits = t.int ?? '';
    const rest = digits.slice(pos);
    if (rest.length === 0) {
      visit(ti + 1, 0, cost);
      return;
    }
    if (!(rest.length > 1 && rest[0] === '0') && rest.length <= maxDigits) {
      const negativeOffset = t.sign === '-' ? 1 : 0;
      const v: ReadValue = {
        value: Number(rest + (t.frac ? `.${t.frac}` : '')),
        tokens: [ti],
        start: t.start + negativeOffset + pos,
        end: t.end,
        printed: t.text.slice(negativeOffset + pos),
        repair: 'split',
      };
      if (t.unit) v.unit = t.unit;
      push(v, () => visit(ti + 1, 0, cost), state);
    }
    visit(ti, pos, cost);
  };

  const inferOne = (ti: number, pos: number, cost: number) => {
    missing++;
    push({ value: null, tokens: [], repair: 'inferred' }, () => (pos === 0 ? visit(ti, 0, cost + MISSING_COST) : visitRest(ti, pos, cost + MISSING_COST)), state);
    missing--;
  };

  visit(0, 0, 0);
  // The same figures reached by different routes are one reading: keep the cheapest.
  const byValues = new Map<string, Reading>();
  for (const r of out) {
    if (r.values.some((v) => v.repair === 'inferred' && v.value === null)) r.fails++;
    const signedOk = r.values.every((v, i) => v.value === null || v.value >= 0 || options.signed?.(i));
    if (!signedOk) continue;
    const id = r.values.map((v) => (v.value === null ? '' : String(v.value))).join(',');
    const before = byValues.get(id);
    if (!before || r.cost < before.cost) byValues.set(id, r);
  }
  return [...byValues.values()].sort((a, b) => a.fails - b.fails || a.cost - b.cost || b.holds - a.holds);
}
