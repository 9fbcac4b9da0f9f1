// Extracted reports held cell by cell to figures.csv: the per-report accuracy table the document import's tests
// print and assert on.
import type { ExtractedReport } from '../../src/ingest/document/interpret';
import type { Cell, Report } from '../../src/model/report';

export interface Accuracy {
  name: string;
  expected: number;
  right: number;
  wrong: number;
  missed: number;
  flagged: number;
  /** Wrong and not marked for checking: the errors that matter most. */
  wrongUnflagged: number;
  details: string[];
}

const AMOUNTS = new Set(['procurement_amount', 'fee_amount']);

function unitOf(cell: Cell): string {
  const u = cell.unit ?? '';
  return u === '未注明' ? '' : u;
}

export function sameCell(key: string, want: Cell, got: Cell): boolean {
  if (want.value === null || got.value === null) return want.value === got.value;
  if (Math.abs(want.value - got.value) > 1e-9) return false;
  if (AMOUNTS.has(key.split('.')[2]) && unitOf(want) !== unitOf(got)) return false;
  if (!!want.approx !== !!got.approx) return false;
  return true;
}

export function accuracy(name: string, expected: Report, got: ExtractedReport | undefined): Accuracy {
  const a: Accuracy = { name, expected: 0, right: 0, wrong: 0, missed: 0, flagged: 0, wrongUnflagged: 0, details: [] };
  for (const [key, want] of Object.entries(expected.cells)) {
    a.expected++;
    const cell = got?.report.cells[key];
    const doubt = got?.sources[key]?.doubt;
    if (doubt) a.flagged++;
    if (!cell) {
      a.missed++;
      a.details.push(`missed ${key} = ${want.value}`);
    } else if (sameCell(key, want, cell)) a.right++;
    else {
      a.wrong++;
      if (!doubt) a.wrongUnflagged++;
      a.details.push(`wrong ${key}: ${cell.value}${cell.unit ?? ''}${cell.approx ? '≈' : ''} (want ${want.value}${want.unit ?? ''}${want.approx ? '≈' : ''})${doubt ? ` [${doubt}]` : ''}`);
    }
  }
  return a;
}

export function share(a: Pick<Accuracy, 'right' | 'expected'>): number {
  return a.expected === 0 ? 1 : a.right / a.expected;
}

export function accuracyTable(rows: readonly Accuracy[]): string {
  const head = ['report', 'expected', 'right', 'wrong', 'missed', 'flagged', 'wrong unflagged', 'right %'];
  const lines = rows.map((r) => [r.name, r.expected, r.right, r.wrong, r.missed, r.flagged, r.wrongUnflagged, `${(share(r) * 100).toFixed(1)}%`].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...lines.map(fmt)].join('\n');
}
