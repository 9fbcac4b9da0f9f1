// The built-in sample as the store writes it. src/sample/figures.csv is read by the importer's long-CSV code when
// sample.json is made (tests/unit/store-sample.test.ts checks the two agree and rewrites it with UPDATE_SAMPLE=1),
// so the first visit loads a small JSON module instead of the CSV, PapaParse and the label tables.
//
// The JSON names each cell key and unit once: a cell is its key's index and then the number (a plain cell),
// [number or null, unit index] (a value with its unit and nothing else), or the cell object itself.
import type { Cell, Report } from '../model/report';
import sample from './sample.json';

export type PackedCell = number | [number | null, number] | Cell;

export interface PackedSample {
  keys: string[];
  units: string[];
  reports: (Omit<Report, 'cells'> & { cells: (number | PackedCell)[] })[];
}

export function packSample(reports: readonly Report[]): PackedSample {
  const keys: string[] = [];
  const units: string[] = [];
  const index = (list: string[], s: string) => {
    const i = list.indexOf(s);
    return i >= 0 ? i : list.push(s) - 1;
  };
  return {
    keys,
    units,
    reports: reports.map(({ cells, ...rest }) => {
      const packed: (number | PackedCell)[] = [];
      for (const [key, cell] of Object.entries(cells)) {
        const extra = Object.keys(cell).filter((k) => k !== 'value' && k !== 'unit' && (cell as unknown as Record<string, unknown>)[k] !== undefined);
        packed.push(index(keys, key));
        if (extra.length === 0 && cell.unit === undefined && cell.value !== null) packed.push(cell.value);
        else if (extra.length === 0 && cell.unit !== undefined) packed.push([cell.value, index(units, cell.unit)]);
        else packed.push(cell);
      }
      return { ...rest, cells: packed };
    }),
  };
}

export function unpackSample(packed: PackedSample): Report[] {
  return packed.reports.map(({ cells: list, ...rest }) => {
    const cells: Report['cells'] = {};
    for (let i = 0; i < list.length; i += 2) {
      const key = packed.keys[list[i] as number];
      const c = list[i + 1] as PackedCell;
      cells[key] = typeof c === 'number' ? { value: c } : Array.isArray(c) ? { value: c[0], unit: packed.units[c[1]] } : { ...c };
    }
    return { ...rest, cells };
  });
}

export function sampleReports(): Report[] {
  return unpackSample(sample as unknown as PackedSample);
}
