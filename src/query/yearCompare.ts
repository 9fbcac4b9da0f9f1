// One organ, two years side by side: every figure either year has, both values, the change, largest changes first.
// Where the national format changed between the years (GB2019 → GB2021), a figure of one format has no counterpart
// in the other: it is listed with the reason, never compared with a zero. Pure.
import { cellState, type Cell, type Report } from '../model/report';
import { KEY_DEFS } from '../model/vocabulary';

export type CompareNote =
  /** The figure belongs to the other table format: nothing to compare it with. */
  | 'format-changed'
  /** The other year's report does not have it (not captured). */
  | 'absent'
  /** One side is a blank cell. */
  | 'blank';

export interface CompareRow {
  key: string;
  a?: Cell;
  b?: Cell;
  /** b − a, where both are numbers. */
  change?: number;
  /** The change against a, where a is a number other than 0. */
  relative?: number;
  note?: CompareNote;
}

/** Sections whose figures exist in one format only. */
function formatSection(key: string): 'GB2019' | 'GB2021' | undefined {
  if (key.startsWith('active_2019.') || key.startsWith('requests.other_processing.')) return 'GB2019';
  if (key.startsWith('active_2021.') || /^requests\.other_(no_correction|no_fee|other)\./.test(key)) return 'GB2021';
  return undefined;
}

function hasFormat(report: Report, format: 'GB2019' | 'GB2021'): boolean {
  return Object.keys(report.cells).some((k) => formatSection(k) === format);
}

export function compareYears(a: Report, b: Report): CompareRow[] {
  const keys = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  const order = [...KEY_DEFS.keys()];
  const rows: CompareRow[] = [];
  for (const key of keys) {
    const ca = a.cells[key];
    const cb = b.cells[key];
    const row: CompareRow = { key };
    if (ca) row.a = ca;
    if (cb) row.b = cb;
    if (ca?.value != null && cb?.value != null) {
      row.change = cb.value - ca.value;
      if (ca.value !== 0) row.relative = row.change / Math.abs(ca.value);
    } else {
      const missing = ca ? b : a;
      const f = formatSection(key);
      if ((!ca || !cb) && f && !hasFormat(missing, f)) row.note = 'format-changed';
      else if (!ca || !cb) row.note = 'absent';
      else if (cellState(ca) === 'blank' || cellState(cb) === 'blank') row.note = 'blank';
    }
    rows.push(row);
  }
  // Largest change first; rows without a change after, in the vocabulary's order.
  return rows.sort((x, y) => {
    const dx = x.change === undefined ? -1 : Math.abs(x.change);
    const dy = y.change === undefined ? -1 : Math.abs(y.change);
    return dy - dx || order.indexOf(x.key) - order.indexOf(y.key);
  });
}
