// Expected figures read straight from the fixture CSV, independently of src/query: the tests compare the two.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export const FIGURES_CSV = new URL('../../src/sample/figures.csv', import.meta.url);
export const LABELS_CSV = new URL('../fixtures/labels.csv', import.meta.url);

export interface FixtureRow {
  agency: string;
  region: string;
  level: string;
  year: string;
  format: string;
  section: string;
  row: string;
  column: string;
  value: string;
  unit: string;
  source: string;
}

export function readCsv<T>(url: URL): T[] {
  return Papa.parse<T>(readFileSync(url, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

export const figureRows = (): FixtureRow[] => readCsv<FixtureRow>(FIGURES_CSV);

export const PINGTAN = '平潭综合实验区';

export function fixtureValue(rows: FixtureRow[], agency: string, year: number, section: string, row: string, column: string) {
  return rows.find(
    (r) => r.agency === agency && Number(r.year) === year && r.section === section && r.row === row && r.column === column,
  );
}

/** The number in the fixture, or null when the cell is blank or absent. */
export function fixtureNumber(rows: FixtureRow[], agency: string, year: number, section: string, row: string, column: string) {
  const r = fixtureValue(rows, agency, year, section, row, column);
  return r === undefined || r.value === '' ? null : Number(r.value);
}

const GROUP_PREFIX: Record<string, (row: string) => boolean> = {
  granted: (r) => r === 'granted',
  partially_granted: (r) => r === 'partially_granted',
  denied: (r) => r.startsWith('denied_'),
  unable: (r) => r.startsWith('unable_'),
  not_processed: (r) => r.startsWith('notproc_'),
  other: (r) => r === 'other_processing' || r.startsWith('other_no_') || r === 'other_other',
};

/** Sum of the fixture's 总计 cells of an outcome group; null when the report has no such rows. */
export function fixtureOutcome(rows: FixtureRow[], agency: string, year: number, group: string): number | null {
  const cells = rows.filter(
    (r) => r.agency === agency && Number(r.year) === year && r.section === 'requests' && r.column === 'total' && GROUP_PREFIX[group](r.row),
  );
  if (cells.length === 0 || cells.some((c) => c.value === '')) return null;
  return cells.reduce((s, c) => s + Number(c.value), 0);
}

/** Procurement amount in 万元 as the chart shows it: 元 divided by 10,000; no unit shown as printed. */
export function fixtureAmountWan(rows: FixtureRow[], agency: string, year: number): number | null {
  const r = fixtureValue(rows, agency, year, 'active_2019', 'central_procurement', 'procurement_amount');
  if (r === undefined || r.value === '') return null;
  const v = Number(r.value);
  return r.unit === '元' ? Math.round((v / 10000) * 1e6) / 1e6 : v;
}

export function fixtureYears(rows: FixtureRow[], agency: string): number[] {
  return [...new Set(rows.filter((r) => r.agency === agency).map((r) => Number(r.year)))].sort((a, b) => a - b);
}

export const OUTCOME_GROUP_KEYS = Object.keys(GROUP_PREFIX);
