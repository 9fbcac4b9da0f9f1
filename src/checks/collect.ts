// Shared machinery of the rules: reading cells into references, summing with blanks as 0, and collecting
// results so that "not checkable" is reported once per rule and report instead of being lost.
import { cellLabel } from '../model/cellLabel';
import { cellState, type Report } from '../model/report';
import { SECTION_BY_KEY } from '../model/vocabulary';
import { RULES } from './rules';
import type { CellRef, CheckRecord, Finding, RuleId, Severity } from './types';

export interface Text {
  zh: string;
  en: string;
}

export function ref(r: Report, key: string): CellRef {
  const cell = r.cells[key];
  const out: CellRef = { year: r.year, key, value: cell === undefined ? null : cell.value, state: cellState(cell) };
  if (cell?.approx) out.approx = true;
  return out;
}

export interface Sum {
  /** Sum of the numbers, blanks counted as 0; meaningless when `absent` is not empty. */
  value: number;
  refs: CellRef[];
  absent: CellRef[];
  blanks: CellRef[];
  approx: CellRef[];
}

export function sumRefs(refs: CellRef[]): Sum {
  let value = 0;
  for (const c of refs) if (c.value !== null) value += c.value;
  return {
    // Counts are integers; amounts are not summed, but keep float dust out of messages anyway.
    value: Math.round(value * 1e6) / 1e6,
    refs,
    absent: refs.filter((c) => c.state === 'absent'),
    blanks: refs.filter((c) => c.state === 'blank'),
    approx: refs.filter((c) => c.approx === true),
  };
}

export function sumOf(r: Report, keys: readonly string[]): Sum {
  return sumRefs(keys.map((k) => ref(r, k)));
}

/**
 * Which sections and rows a report has, computed once per report: the rules ask this dozens of times per report,
 * and scanning every cell key each time made checking 10,000 reports take seconds.
 */
const presence = new WeakMap<Report['cells'], { sections: Set<string>; rows: Set<string> }>();

function presenceOf(r: Report): { sections: Set<string>; rows: Set<string> } {
  let p = presence.get(r.cells);
  if (!p) {
    p = { sections: new Set(), rows: new Set() };
    for (const k in r.cells) {
      const a = k.indexOf('.');
      const b = k.indexOf('.', a + 1);
      p.sections.add(a < 0 ? k : k.slice(0, a));
      p.rows.add(b < 0 ? k : k.slice(0, b));
    }
    presence.set(r.cells, p);
  }
  return p;
}

/**
 * The sum of the cells when every one is a number or blank and none is approximate; null otherwise. Lets a rule
 * settle the common case — everything captured, the identity holds — without building a reference per cell.
 */
export function plainSum(r: Report, keys: readonly string[]): number | null {
  let sum = 0;
  for (const k of keys) {
    const cell = r.cells[k];
    if (cell === undefined || cell.approx) return null;
    if (cell.value !== null) sum += cell.value;
  }
  return Math.round(sum * 1e6) / 1e6;
}

export function hasSection(r: Report, section: string): boolean {
  return presenceOf(r).sections.has(section);
}

export function hasRow(r: Report, section: string, row: string): boolean {
  return presenceOf(r).rows.has(`${section}.${row}`);
}

/** A column's label as the national table prints it ("自然人", "总计"). */
export function columnLabel(section: string, column: string): Text {
  const c = SECTION_BY_KEY.get(section)?.columns.find((x) => x.key === column);
  return c ? { zh: c.zh, en: c.en } : { zh: column, en: column };
}

/** A row's label, short: the last segment of the official label, without remarks in brackets. */
export function rowLabel(section: string, row: string): Text {
  const def = SECTION_BY_KEY.get(section)?.rows.find((x) => x.key === row);
  if (!def) return { zh: row, en: row };
  const zh = def.zh
    .replace(/\[[^\]]*\]$/, '')
    .replace(/\(区分处理的[^)]*\)/, '')
    .split('/')
    .pop() as string;
  return { zh, en: def.en };
}

export function fmt(n: number | null): string {
  return n === null ? '—' : String(n);
}

/** The remarks every message about a sum carries: which blanks it relied on, whether approximations took part. */
export function sumRemarks(blanks: number, approx: boolean): Text {
  const zh: string[] = [];
  const en: string[] = [];
  if (blanks > 0) {
    zh.push(`其中 ${blanks} 个空白单元格按 0 计`);
    en.push(`${blanks} blank cell${blanks === 1 ? '' : 's'} counted as 0`);
  }
  if (approx) {
    zh.push('含约数');
    en.push('includes approximate values');
  }
  return { zh: zh.length ? `(${zh.join(';')})` : '', en: en.length ? ` (${en.join('; ')})` : '' };
}

interface Pending {
  agency: string;
  year: number;
  rule: RuleId;
  scopes: string[];
  reasons: Text[];
  cells: CellRef[];
}

/** Collects check records and findings for one run. */
export class Collector {
  readonly findings: Finding[] = [];
  readonly checks: CheckRecord[] = [];
  #pending = new Map<string, Pending>();
  /** Keep a record of every check made; without it only findings are collected (the quality view at scale). */
  readonly #records: boolean;

  constructor(options: { records?: boolean } = {}) {
    this.#records = options.records ?? true;
  }

  passed(r: Pick<Report, 'agency' | 'year'>, rule: RuleId, scope: string): void {
    if (this.#records) this.checks.push({ agency: r.agency, year: r.year, rule, scope, outcome: 'passed' });
  }

  fail(f: Omit<Finding, 'id'>): void {
    if (this.#records) this.checks.push({ agency: f.agency, year: f.year, rule: f.rule, scope: f.scope, outcome: 'failed' });
    this.findings.push({ id: `${f.agency}|${f.year}|${f.rule}|${f.scope}`, ...f });
  }

  /** An informational finding that does not decide the rule's outcome (e.g. approximations in a sum). */
  note(f: Omit<Finding, 'id'>): void {
    this.findings.push({ id: `${f.agency}|${f.year}|${f.rule}|${f.scope}`, ...f });
  }

  /**
   * A scope the rule could not evaluate, because of the absent `cells` or (when none can be named, e.g. a whole
   * table not captured) the given reason. Merged into one finding per rule and report by `flush`.
   */
  notCheckable(r: Pick<Report, 'agency' | 'year'>, rule: RuleId, scope: string, cells: CellRef[], reason?: Text): void {
    if (this.#records) this.checks.push({ agency: r.agency, year: r.year, rule, scope, outcome: 'not-checkable' });
    const id = `${r.agency}|${r.year}|${rule}`;
    let p = this.#pending.get(id);
    if (!p) {
      p = { agency: r.agency, year: r.year, rule, scopes: [], reasons: [], cells: [] };
      this.#pending.set(id, p);
    }
    p.scopes.push(scope);
    if (reason && !p.reasons.some((x) => x.zh === reason.zh)) p.reasons.push(reason);
    for (const c of cells) if (!p.cells.some((x) => x.key === c.key && x.year === c.year)) p.cells.push(c);
  }

  flush(): void {
    for (const p of this.#pending.values()) {
      const name = RULES[p.rule];
      const severity: Severity = 'not-checkable';
      const reasons = p.cells.length > 0 ? [...p.reasons, absentReason(p.cells)] : p.reasons;
      this.findings.push({
        id: `${p.agency}|${p.year}|${p.rule}|not-checkable`,
        agency: p.agency,
        year: p.year,
        rule: p.rule,
        severity,
        scope: p.scopes.join(' '),
        zh: `${name.zh}无法核对:${reasons.map((x) => x.zh).join(';')}。`,
        en: `${name.en} not checkable: ${reasons.map((x) => x.en).join('; ')}.`,
        cells: p.cells,
        expected: null,
        found: null,
        reliedOnBlanks: false,
        approx: false,
      });
    }
    this.#pending.clear();
  }
}

/** Absent cells named briefly, by their official labels, for a not-checkable reason ("表三 · (一)予以公开 · 总计 等 3 个单元格未采集"). */
export function absentReason(absent: CellRef[]): Text {
  const first = (lang: 'zh-CN' | 'en') => absent.slice(0, 3).map((c) => cellLabel(c.key, lang)).join(lang === 'zh-CN' ? '、' : ', ');
  const more = absent.length > 3;
  return {
    zh: `${first('zh-CN')}${more ? ` 等 ${absent.length} 个单元格` : ''}未采集`,
    en: `${first('en')}${more ? ` and ${absent.length - 3} more cell(s)` : ''} not captured`,
  };
}
