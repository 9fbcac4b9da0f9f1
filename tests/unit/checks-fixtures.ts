// Small, consistent reports for the rule tests: every identity holds until a case changes one cell.
import type { Cell, FormatId, Report } from '../../src/model/report';
import { OTHER_PROCESSING_GB2021, OUTCOME_LEAF_ROWS } from '../../src/model/outcomes';
import { APPLICANT_PARTS } from '../../src/model/vocabulary';

export type CellSpec = number | null | Cell;

/**
 * Natural-person figures of a consistent table 三 (all other applicant columns 0): 10 + 2 = 11 + 1, and
 * 5 + 2 + 3 + 1 = 11 where the 1 is in the last (六)其他处理 row the variant prints.
 */
export const BASE_REQUESTS: Record<string, number> = {
  new_received: 10,
  carried_over: 2,
  granted: 5,
  partially_granted: 2,
  unable_not_held: 3,
  results_total: 11,
  carried_forward: 1,
};

export function requestCells(format: 'GB2019' | 'GB2021', values: Record<string, number> = BASE_REQUESTS, otherRows?: readonly string[]): Record<string, Cell> {
  const other = otherRows ?? (format === 'GB2019' ? ['other_processing'] : OTHER_PROCESSING_GB2021);
  const skip = new Set(['other_processing', ...OTHER_PROCESSING_GB2021].filter((r) => !other.includes(r)));
  const rows = ['new_received', 'carried_over', ...OUTCOME_LEAF_ROWS.filter((r) => !skip.has(r)), 'results_total', 'carried_forward'];
  // (六)其他处理 gets 1 so the sum really depends on which variant was printed.
  const v: Record<string, number> = { ...values, [other[other.length - 1]]: 1 };
  const cells: Record<string, Cell> = {};
  for (const row of rows) {
    const n = v[row] ?? 0;
    for (const col of APPLICANT_PARTS) cells[`requests.${row}.${col}`] = { value: col === 'natural_person' ? n : 0 };
    cells[`requests.${row}.total`] = { value: n };
  }
  return cells;
}

export function reviewCells(): Record<string, Cell> {
  const rows: Record<string, [number, number, number, number]> = {
    admin_review: [1, 1, 0, 0],
    litigation_direct: [2, 1, 0, 0],
    litigation_after_review: [0, 1, 0, 0],
  };
  const cells: Record<string, Cell> = {};
  for (const [row, [u, c, o, p]] of Object.entries(rows)) {
    cells[`review.${row}.upheld`] = { value: u };
    cells[`review.${row}.corrected`] = { value: c };
    cells[`review.${row}.other_result`] = { value: o };
    cells[`review.${row}.pending`] = { value: p };
    cells[`review.${row}.total`] = { value: u + c + o + p };
  }
  return cells;
}

export function makeReport(opts: {
  agency?: string;
  year?: number;
  format?: FormatId;
  level?: string;
  cells?: Record<string, Cell>;
  set?: Record<string, CellSpec | undefined>;
}): Report {
  const format = opts.format ?? 'GB2021';
  const cells: Record<string, Cell> = { ...(opts.cells ?? {}) };
  for (const [key, spec] of Object.entries(opts.set ?? {})) {
    if (spec === undefined) delete cells[key];
    else cells[key] = spec === null || typeof spec === 'number' ? { value: spec } : spec;
  }
  return {
    agency: opts.agency ?? '测试机关',
    year: opts.year ?? (format === 'GB2019' ? 2020 : 2022),
    region: '',
    level: opts.level ?? '区县政府',
    format,
    source: 'test',
    cells,
  };
}

/** A full, consistent report of the given format. */
export function fullReport(format: 'GB2019' | 'GB2021', set: Record<string, CellSpec | undefined> = {}, extra: Partial<Parameters<typeof makeReport>[0]> = {}): Report {
  return makeReport({ format, cells: { ...requestCells(format), ...reviewCells() }, set, ...extra });
}
