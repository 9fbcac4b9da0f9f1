// T-prose: figures the prose states (requests_text, review_text) against tables 三 and 四.
import { OUTCOME_GROUPS, type OutcomeGroupKey } from '../model/outcomes';
import type { Report } from '../model/report';
import { APPLICANT_PARTS, SECTION_BY_KEY } from '../model/vocabulary';
import { type Collector, type Sum, type Text, columnLabel, hasSection, ref, rowLabel, sumRefs, sumRemarks } from './collect';
import { approxNote, otherRows } from './identities';
import type { CellRef } from './types';

/**
 * The table's figure for one row of table 三: its 总计 cell, or — where that cell is blank — the sum of the
 * applicant columns (上海市人民政府办公厅 2019 left the whole 总计 column of the outcome rows empty). An absent
 * 总计 cell is not derived: it was not captured, and the report may well have printed a number there.
 */
export function requestRowFigure(r: Report, row: string): Sum & { derived: boolean } {
  const total = ref(r, `requests.${row}.total`);
  if (total.state !== 'blank') return { ...sumRefs([total]), derived: false };
  const parts = sumRefs(APPLICANT_PARTS.map((col) => ref(r, `requests.${row}.${col}`)));
  // The blank total is not part of the sum (its parts replace it) but stays in the cells so the reader sees why.
  return { ...parts, refs: [total, ...parts.refs], derived: true };
}

function groupRows(r: Report, key: OutcomeGroupKey): readonly string[] {
  if (key === 'other') return otherRows(r);
  return OUTCOME_GROUPS.find((g) => g.key === key)?.rows ?? [];
}

function combine(figures: (Sum & { derived: boolean })[]): Sum & { derived: boolean } {
  const refs = figures.flatMap((f) => f.refs);
  return {
    value: Math.round(figures.reduce((a, f) => a + f.value, 0) * 1e6) / 1e6,
    refs,
    absent: figures.flatMap((f) => f.absent),
    blanks: figures.flatMap((f) => f.blanks),
    approx: figures.flatMap((f) => f.approx),
    derived: figures.some((f) => f.derived),
  };
}

const PROSE_LABEL: Record<string, Text> = {
  new_received: { zh: '本年新收申请', en: 'new requests' },
  carried_over: { zh: '上年结转', en: 'carried over' },
  results_total: { zh: '办理结果总计', en: 'results total' },
  carried_forward: { zh: '结转下年度', en: 'carried forward' },
  granted_plus_partial: { zh: '予以公开及部分公开', en: 'granted + partially granted' },
  denied_subtotal: { zh: '不予公开', en: 'denied' },
  unable_subtotal: { zh: '无法提供', en: 'unable to provide' },
  notproc_subtotal: { zh: '不予处理', en: 'not processed' },
  other_subtotal: { zh: '其他处理', en: 'other processing' },
};

const SUBTOTAL_GROUP: Record<string, OutcomeGroupKey> = {
  denied_subtotal: 'denied',
  unable_subtotal: 'unable',
  notproc_subtotal: 'not_processed',
  other_subtotal: 'other',
};

function compare(c: Collector, r: Report, proseKey: string, label: Text, table: Sum & { derived: boolean }): void {
  const prose = ref(r, proseKey);
  if (prose.value === null) return; // a blank prose cell states nothing
  const scope = proseKey;
  const section = proseKey.startsWith('review_text.') ? 'review' : 'requests';
  if (!hasSection(r, section)) {
    // Name the table rather than list every cell of it; a pre-2019 layout never had one.
    const n = section === 'review' ? { zh: '表四', en: 'table IV' } : { zh: '表三', en: 'table III' };
    const reason: Text =
      r.format === 'pre2019'
        ? { zh: `2019 年前的格式没有${n.zh}`, en: `the pre-2019 layout has no ${n.en}` }
        : { zh: `${n.zh}未采集`, en: `${n.en} not captured` };
    c.notCheckable(r, 'T-prose', scope, [], reason);
    return;
  }
  if (table.absent.length > 0) {
    c.notCheckable(r, 'T-prose', scope, table.absent);
    return;
  }
  const cells: CellRef[] = [prose, ...table.refs];
  const approx = prose.approx === true || table.approx.length > 0;
  if (approx) approxNote(c, r, 'T-prose', scope, cells);
  if (Math.abs(prose.value - table.value) < 1e-6) {
    c.passed(r, 'T-prose', scope);
    return;
  }
  const rem = sumRemarks(table.blanks.length, approx);
  const derived: Text = table.derived
    ? { zh: '(表中总计栏空白,按各类申请人相加)', en: ' (total column blank in the table; applicant columns added)' }
    : { zh: '', en: '' };
  c.fail({
    agency: r.agency,
    year: r.year,
    rule: 'T-prose',
    // An approximate prose figure ("300余件") need not equal the table: a warning, not an error.
    severity: prose.approx ? 'warning' : 'error',
    scope,
    zh: `正文称${label.zh}为 ${prose.value},表中为 ${table.value}${derived.zh}${rem.zh}。`,
    en: `The prose states ${label.en} as ${prose.value}; the table says ${table.value}${derived.en}${rem.en}.`,
    cells,
    expected: table.value,
    found: prose.value,
    // A blank 总计 replaced by its parts is relied on as much as a blank counted as 0.
    reliedOnBlanks: table.blanks.length > 0 || table.derived,
    approx,
  });
}

function reviewFigure(r: Report, rows: readonly string[], col: string): Sum & { derived: boolean } {
  return { ...sumRefs(rows.map((row) => ref(r, `review.${row}.${col}`))), derived: false };
}

/**
 * The table figure a prose figure should equal, and the words naming it: 本年新收申请 in prose against table 三's
 * row, 不予公开 against the sum of its rows, 行政诉讼 against both kinds of litigation. Undefined for keys that
 * are not prose figures.
 */
export function proseCounterpart(r: Report, key: string): { table: Sum & { derived: boolean }; label: Text } | undefined {
  const [section, row, col] = key.split('.');
  if (section === 'requests_text') {
    let table: Sum & { derived: boolean };
    if (row === 'granted_plus_partial') table = combine([requestRowFigure(r, 'granted'), requestRowFigure(r, 'partially_granted')]);
    else if (row in SUBTOTAL_GROUP) table = combine(groupRows(r, SUBTOTAL_GROUP[row]).map((x) => requestRowFigure(r, x)));
    else table = requestRowFigure(r, row);
    return { table, label: PROSE_LABEL[row] ?? rowLabel('requests', row) };
  }
  if (section === 'review_text') {
    const rows =
      row === 'litigation_all'
        ? ['litigation_direct', 'litigation_after_review']
        : row === 'all_cases'
          ? ['admin_review', 'litigation_direct', 'litigation_after_review']
          : [row];
    const rowText: Text =
      row === 'litigation_all'
        ? { zh: '行政诉讼(两类合计)', en: 'litigation (both kinds)' }
        : row === 'all_cases'
          ? { zh: '行政复议与行政诉讼合计', en: 'review and litigation together' }
          : rowLabel('review', row);
    const colText = columnLabel('review', col);
    return { table: reviewFigure(r, rows, col), label: { zh: `${rowText.zh}${colText.zh}`, en: `${rowText.en}, ${colText.en.toLowerCase()}` } };
  }
  return undefined;
}

export function checkProse(c: Collector, r: Report): void {
  // Most reports state no figure in prose: their keys need not be looked at one by one.
  if (!hasSection(r, 'requests_text') && !hasSection(r, 'review_text')) return;
  for (const key of Object.keys(r.cells)) {
    if (!key.startsWith('requests_text.') && !key.startsWith('review_text.')) continue;
    const target = proseCounterpart(r, key);
    if (target) compare(c, r, key, target.label, target.table);
  }
}

/** Every prose key the rule knows how to compare (for tests: the vocabulary and the rule stay in step). */
export const PROSE_KEYS: readonly string[] = ['requests_text', 'review_text'].flatMap((s) => {
  const def = SECTION_BY_KEY.get(s);
  return def ? def.rows.flatMap((row) => row.columns.map((col) => `${s}.${row.key}.${col}`)) : [];
});
