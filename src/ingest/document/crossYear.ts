// Readings of ambiguous rows chosen by the neighbouring years. A row of table 二 printed with its digits glued
// ("行政许可396442278") has no identity inside the report, but the format relates consecutive years: GB2019's
// 上一年项目数量 is last year's 上一年项目数量 + 本年增/减, GB2021's 现行有效件数 is last year's plus 本年制发 minus
// 本年废止 (approximately: used only where some reading fits it exactly). Reports imported together and reports
// already stored both count as neighbours. A row the neighbours pin to one reading is no longer in doubt.
import type { Report } from '../../model/report';
import type { ExtractedReport } from './interpret';
import type { RowOptions } from './tables';

type Values = readonly (number | null)[];

interface Chain {
  section: string;
  /** Does `next` (year t+1) follow from `prev` (year t)? Values in the row's column order. */
  holds(prev: Values, next: Values, columns: readonly string[]): boolean;
}

const col = (values: Values, columns: readonly string[], key: string): number | null => {
  const i = columns.indexOf(key);
  return i < 0 ? null : values[i];
};

const CHAINS: readonly Chain[] = [
  {
    section: 'active_2019',
    holds(prev, next, columns) {
      const p = col(prev, columns, 'prev_year_items');
      const c = col(prev, columns, 'change_this_year');
      const n = col(next, columns, 'prev_year_items');
      return p === null || c === null || n === null ? true : p + c === n;
    },
  },
  {
    section: 'active_2021',
    holds(prev, next, columns) {
      const before = col(prev, columns, 'in_force');
      const issued = col(next, columns, 'issued_this_year');
      const repealed = col(next, columns, 'repealed_this_year');
      const after = col(next, columns, 'in_force');
      return before === null || issued === null || repealed === null || after === null ? true : before + issued - repealed === after;
    },
  },
  {
    // Before 2019: 历年累计 is last year's 历年累计 plus this year's figure.
    section: 'stats_pre2019',
    holds(prev, next, columns) {
      const before = col(prev, columns, 'cumulative');
      const year = col(next, columns, 'this_year');
      const after = col(next, columns, 'cumulative');
      return before === null || year === null || after === null ? true : before + year === after;
    },
  },
];

interface Row {
  item: number;
  year: number;
  agency: string;
  /** section.row */
  id: string;
  columns: string[];
  keys: string[];
  options: Values[];
  /** Options still possible. */
  alive: boolean[];
  /** A neighbour took part in choosing. */
  checked: boolean;
}

function rowId(keys: readonly string[]): string {
  return keys[0].split('.').slice(0, 2).join('.');
}

/** The row's values in a stored report, or null when it does not hold all of them. */
function storedValues(report: Report | undefined, keys: readonly string[]): Values | null {
  if (!report) return null;
  const out: (number | null)[] = [];
  for (const k of keys) {
    const cell = report.cells[k];
    if (!cell || cell.value === null) return null;
    out.push(cell.value);
  }
  return out;
}

function currentValues(e: ExtractedReport, keys: readonly string[]): Values | null {
  return storedValues(e.report, keys);
}

export function refineAcrossYears(items: readonly ExtractedReport[], stored: readonly Report[]): ExtractedReport[] {
  const rows: Row[] = [];
  items.forEach((e, item) => {
    for (const r of e.rowOptions) {
      // A row the person has corrected is final.
      if (r.keys.some((k) => e.sources[k]?.edited)) continue;
      rows.push({
        item,
        year: e.report.year,
        agency: e.report.agency,
        id: rowId(r.keys),
        columns: r.keys.map((k) => k.split('.')[2]),
        keys: r.keys,
        options: r.options,
        alive: r.options.map(() => true),
        checked: false,
      });
    }
  });
  if (rows.length === 0) return [...items];
  const byYear = new Map<string, Row>();
  for (const r of rows) byYear.set(`${r.agency}\u0000${r.year}\u0000${r.id}`, r);
  const storedBy = new Map(stored.map((r) => [`${r.agency}\u0000${r.year}`, r]));
  const itemBy = new Map(items.map((e) => [`${e.report.agency}\u0000${e.report.year}`, e]));

  /** What a neighbour year can be: its surviving options, or its one known reading. */
  const neighbour = (r: Row, year: number): Values[] | null => {
    const open = byYear.get(`${r.agency}\u0000${year}\u0000${r.id}`);
    if (open) return open.options.filter((_, i) => open.alive[i]);
    const e = itemBy.get(`${r.agency}\u0000${year}`);
    const known = (e && currentValues(e, r.keys)) ?? storedValues(storedBy.get(`${r.agency}\u0000${year}`), r.keys);
    return known ? [known] : null;
  };

  // Keep only readings some reading of each neighbour agrees with, until nothing changes.
  for (let changed = true, rounds = 0; changed && rounds < 10; rounds++) {
    changed = false;
    for (const r of rows) {
      const chain = CHAINS.find((c) => r.id.startsWith(`${c.section}.`));
      if (!chain || r.year === 0 || !r.agency) continue;
      const before = neighbour(r, r.year - 1);
      const after = neighbour(r, r.year + 1);
      const fits = r.options.map((o, i) => {
        if (!r.alive[i]) return false;
        const okBefore = !before || before.some((p) => chain.holds(p, o, r.columns));
        const okAfter = !after || after.some((n) => chain.holds(o, n, r.columns));
        return okBefore && okAfter;
      });
      // An approximate identity, or a misprint in a neighbour, must not remove every reading.
      if (!fits.some(Boolean)) continue;
      if (before || after) r.checked = true;
      fits.forEach((ok, i) => {
        if (!ok && r.alive[i]) {
          r.alive[i] = false;
          changed = true;
        }
      });
    }
  }

  const out = items.map((e) => ({ ...e, report: { ...e.report, cells: { ...e.report.cells } }, sources: { ...e.sources } }));
  for (const r of rows) {
    if (!r.checked) continue;
    const e = out[r.item];
    const alive = r.options.filter((_, i) => r.alive[i]);
    const chosen = alive[0];
    r.keys.forEach((key, i) => {
      const cell = e.report.cells[key];
      const source = e.sources[key];
      if (!cell || !source) return;
      e.report.cells[key] = { ...cell, value: chosen[i] };
      const others = [...new Set(alive.slice(1).map((o) => o[i]).filter((v) => v !== chosen[i]))];
      const s = { ...source };
      if (others.length === 0) {
        delete s.doubt;
        delete s.alternatives;
        s.byNeighbours = true;
      } else s.alternatives = others;
      e.sources[key] = s;
    });
    e.rowOptions = e.rowOptions.map((o): RowOptions => (rowId(o.keys) === r.id ? { keys: o.keys, options: alive.map((v) => [...v]) } : o));
  }
  for (const e of out) e.doubtful = Object.values(e.sources).filter((s) => s.doubt).length;
  return out;
}
