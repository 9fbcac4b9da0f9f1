// Does a report have table 三 or table 四 at all? One answer for every chart, metric and ratio. Cells are looked
// up by key, never enumerated: a share snapshot records the cells a chart looked at, so the recipient's chart sees
// the same presence and absence.
import type { Report } from '../model/report';
import { SECTION_BY_KEY } from '../model/vocabulary';
import type { PointFlag } from './series';

export type TableId = 'requests' | 'review';

const KEYS: Readonly<Record<TableId, readonly string[]>> = {
  requests: keysOf('requests'),
  review: keysOf('review'),
};

function keysOf(section: TableId): string[] {
  const def = SECTION_BY_KEY.get(section);
  if (!def) return [];
  // Totals first: a report that has the table almost always has them, so the first look-up answers.
  const rows = [...def.rows].sort((a, b) => Number(b.key === 'new_received' || b.key === 'admin_review') - Number(a.key === 'new_received' || a.key === 'admin_review'));
  return rows.flatMap((r) => [...r.columns].sort((a, b) => Number(b === 'total') - Number(a === 'total')).map((c) => `${section}.${r.key}.${c}`));
}

export function hasTable(r: Report, table: TableId): boolean {
  return KEYS[table].some((k) => k in r.cells);
}

/**
 * Why a report has no such table: a report in a national format lost it (not captured); an older layout or a
 * prose-only report never had one. Null when the report has the table.
 */
export function tableGap(r: Report, table: TableId): PointFlag | null {
  if (hasTable(r, table)) return null;
  return r.format === 'GB2019' || r.format === 'GB2021' ? 'absent' : 'not-in-format';
}
