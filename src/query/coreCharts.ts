// The three core charts of an organ over the years: published items, procurement, request outcomes.
import { OUTCOME_GROUPS, type OutcomeGroup } from '../model/outcomes';
import type { Report } from '../model/report';
import { toWanYuan, moneyUnitState } from '../model/units';
import { APPLICANT_PARTS } from '../model/vocabulary';
import { missing, organYears, point, type ChartData, type PointFlag, type SeriesPoint } from './series';
import { tableGap } from './tables';

const APPLICANT_KEYS = [...APPLICANT_PARTS, 'total'];

export interface YearRange {
  from?: number;
  to?: number;
}

export function publishedItems(reports: readonly Report[], agency: string, range: YearRange = {}): ChartData {
  const { byYear, years, sources } = organYears(reports, agency, range.from, range.to);
  const points = years.map((y) => {
    const r = byYear.get(y);
    return r ? point(y, r.cells['headline.published_items.total']) : missing(y, 'no-report');
  });
  return {
    agency,
    years,
    sources,
    series: [{ key: 'published_items', zh: '主动公开/更新信息条数', en: 'Items published or updated', unit: '条', points }],
  };
}

export const PROJECTS = 'active_2019.central_procurement.procurement_projects';
export const AMOUNT = 'active_2019.central_procurement.procurement_amount';

/** GB2021 has no procurement row: such years are gaps with a reason, never zeros. */
export function procurementGap(r: Report | undefined, y: number, key: string): SeriesPoint | null {
  if (!r) return missing(y, 'no-report');
  if (r.format === 'GB2021' && !(key in r.cells)) return missing(y, 'not-in-format');
  return null;
}

/** The procurement amount in 万元: converted from 元, or as printed (and flagged) when no unit was printed. */
export function procurementAmountPoint(r: Report): SeriesPoint {
  const y = r.year;
  const cell = r.cells[AMOUNT];
  const p = point(y, cell);
  if (cell === undefined || cell.value === null) return p;
  if (cell.value === 0) return p; // zero is zero in any unit
  const wan = toWanYuan(cell.value, cell.unit);
  if (wan === null) return { ...p, flags: ['unit-unknown'], printed: { value: cell.value, unit: cell.unit } };
  if (moneyUnitState(cell.unit) === 'yuan') return { ...p, value: wan, flags: ['converted'], printed: { value: cell.value, unit: cell.unit } };
  return p;
}

export function procurement(reports: readonly Report[], agency: string, range: YearRange = {}): ChartData {
  const { byYear, years, sources } = organYears(reports, agency, range.from, range.to);
  const projects = years.map((y) => {
    const r = byYear.get(y);
    return procurementGap(r, y, PROJECTS) ?? point(y, (r as Report).cells[PROJECTS]);
  });
  const amount = years.map((y) => {
    const r = byYear.get(y);
    return procurementGap(r, y, AMOUNT) ?? procurementAmountPoint(r as Report);
  });
  return {
    agency,
    years,
    sources,
    series: [
      { key: 'procurement_projects', zh: '采购项目数量', en: 'Procurement projects', unit: '个', points: projects },
      { key: 'procurement_amount', zh: '采购总金额', en: 'Procurement amount', unit: '万元', points: amount },
    ],
  };
}

/**
 * The 总计 column of one row of table 三. Where the report left it blank but printed the applicant columns,
 * their sum is used and flagged `derived` (上海市人民政府办公厅 2019 left the whole column empty); blank applicant
 * cells count as 0 there and the point says so.
 */
export function requestRowTotal(r: Report, row: string): SeriesPoint {
  const p = point(r.year, r.cells[`requests.${row}.total`]);
  if (p.value !== null) return p;
  let sum = 0;
  let blanks = 0;
  for (const col of APPLICANT_PARTS) {
    const cell = r.cells[`requests.${row}.${col}`];
    if (cell === undefined) return p;
    if (cell.value === null) blanks++;
    else sum += cell.value;
  }
  if (blanks === APPLICANT_PARTS.length) return p; // nothing printed in the row at all: stays blank
  return { year: r.year, value: sum, flags: blanks > 0 ? ['derived', 'blank-as-zero'] : ['derived'] };
}

// Presence tests look cells up by name (never enumerate them): the share snapshot records exactly the cells a
// chart looked at, so a recipient's chart sees the same presence and absence.
function hasRow(r: Report, row: string): boolean {
  return APPLICANT_KEYS.some((col) => `requests.${row}.${col}` in r.cells);
}

/**
 * One outcome group of one report: the sum of its leaf rows. A blank row counts as 0 and is flagged
 * `blank-as-zero`; an absent row makes the group missing (missing is not zero).
 */
export function outcomeGroupPoint(r: Report, group: OutcomeGroup): SeriesPoint {
  // 其他处理: sum whichever of the GB2019/GB2021 rows the report printed (the documented bridge).
  const rows = group.key === 'other' ? group.rows.filter((row) => hasRow(r, row)) : group.rows;
  if (rows.length === 0) return missing(r.year, 'absent');
  let sum = 0;
  let approx = false;
  const flags = new Set<PointFlag>();
  for (const row of rows) {
    const p = requestRowTotal(r, row);
    if (p.value === null) {
      if (!p.flags.includes('blank')) return { year: r.year, value: null, flags: p.flags };
      flags.add('blank-as-zero');
      continue;
    }
    sum += p.value;
    if (p.approx) approx = true;
    for (const f of p.flags) flags.add(f);
  }
  if (flags.has('blank-as-zero') && sum === 0 && rows.every((row) => requestRowTotal(r, row).value === null)) {
    // Every cell of the group blank: the group was left empty, not reported as 0.
    return { year: r.year, value: null, flags: ['blank'] };
  }
  const out: SeriesPoint = { year: r.year, value: sum, flags: [...flags] };
  if (approx) out.approx = true;
  return out;
}

export function requestOutcomes(reports: readonly Report[], agency: string, range: YearRange = {}): ChartData {
  const { byYear, years, sources } = organYears(reports, agency, range.from, range.to);
  const forYear = (y: number, f: (r: Report) => SeriesPoint): SeriesPoint => {
    const r = byYear.get(y);
    if (!r) return missing(y, 'no-report');
    const gap = tableGap(r, 'requests');
    return gap ? missing(y, gap) : f(r);
  };
  return {
    agency,
    years,
    sources,
    series: [
      ...OUTCOME_GROUPS.map((g) => ({
        key: g.key,
        zh: g.zh,
        en: g.en,
        unit: '件',
        points: years.map((y) => forYear(y, (r) => outcomeGroupPoint(r, g))),
      })),
      {
        key: 'new_received',
        zh: '本年新收',
        en: 'New requests',
        unit: '件',
        points: years.map((y) => forYear(y, (r) => requestRowTotal(r, 'new_received'))),
      },
    ],
  };
}
