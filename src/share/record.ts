// Which cells does a chart read? Run its query over reports whose cells record every lookup; the snapshot then
// carries exactly those cells, so the recipient's query sees the same presence and absence and draws the same chart.
import type { Cell, Report } from '../model/report';

export interface Recorded<T> {
  result: T;
  /** Reports whose cells were looked at, each with only the cells that were looked at and exist. */
  reports: Report[];
}

export function recordCellAccess<T>(reports: readonly Report[], run: (reports: readonly Report[]) => T): Recorded<T> {
  const touched = new Map<Report, Set<string>>();
  const wrapped = reports.map((r) => {
    const seen = new Set<string>();
    const cells = new Proxy(r.cells, {
      get(target, key, receiver) {
        if (typeof key === 'string') {
          seen.add(key);
          touched.set(r, seen);
        }
        return Reflect.get(target, key, receiver) as Cell | undefined;
      },
      has(target, key) {
        if (typeof key === 'string') {
          seen.add(key);
          touched.set(r, seen);
        }
        return Reflect.has(target, key);
      },
      ownKeys() {
        // A query that enumerates cells would make the snapshot depend on cells it did not record.
        throw new Error('recordCellAccess: queries must look cells up by key, not enumerate them');
      },
    });
    return { ...r, cells };
  });
  const result = run(wrapped);
  const out: Report[] = [];
  for (const [r, keys] of touched) {
    const cells: Record<string, Cell> = {};
    for (const k of keys) if (Object.prototype.hasOwnProperty.call(r.cells, k)) cells[k] = r.cells[k];
    out.push({ ...r, cells });
  }
  return { result, reports: out };
}
