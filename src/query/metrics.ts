// Figures that can be compared across organs and summed in roll-ups: one number per report, with its reason when missing.
import { OUTCOME_GROUPS } from '../model/outcomes';
import type { Report } from '../model/report';
import { AMOUNT, outcomeGroupPoint, procurementAmountPoint, procurementGap, PROJECTS, requestRowTotal } from './coreCharts';
import { missing, point, type SeriesPoint } from './series';
import { tableGap } from './tables';

export interface Metric {
  key: string;
  zh: string;
  en: string;
  unit: string;
  /** Whether summing across organs means something (counts and amounts yes, ratios no). */
  additive: boolean;
  value: (r: Report) => SeriesPoint;
}

function cellMetric(key: string, zh: string, en: string, unit: string, cellKey: string): Metric {
  return { key, zh, en, unit, additive: true, value: (r) => point(r.year, r.cells[cellKey]) };
}

function requestMetric(key: string, zh: string, en: string, f: (r: Report) => SeriesPoint): Metric {
  return {
    key,
    zh,
    en,
    unit: '件',
    additive: true,
    value: (r) => {
      const gap = tableGap(r, 'requests');
      return gap ? missing(r.year, gap) : f(r);
    },
  };
}

function reviewTotal(r: Report, rows: readonly string[]): SeriesPoint {
  const gap = tableGap(r, 'review');
  if (gap) return missing(r.year, gap);
  let sum = 0;
  const flags = new Set<SeriesPoint['flags'][number]>();
  for (const row of rows) {
    const p = point(r.year, r.cells[`review.${row}.total`]);
    if (p.value === null) {
      if (p.flags.includes('absent')) return p;
      flags.add('blank-as-zero');
      continue;
    }
    sum += p.value;
  }
  return { year: r.year, value: sum, flags: [...flags] };
}

export const METRICS: readonly Metric[] = [
  cellMetric('published_items', '主动公开/更新信息条数', 'Items published or updated', '条', 'headline.published_items.total'),
  requestMetric('new_received', '本年新收申请', 'New requests received', (r) => requestRowTotal(r, 'new_received')),
  requestMetric('results_total', '办理结果总计', 'Requests handled (total)', (r) => requestRowTotal(r, 'results_total')),
  ...OUTCOME_GROUPS.map((g) => requestMetric(`outcome_${g.key}`, g.zh, g.en, (r) => outcomeGroupPoint(r, g))),
  {
    key: 'admin_review_total',
    zh: '行政复议案件总计',
    en: 'Administrative reviews (total)',
    unit: '件',
    additive: true,
    value: (r) => reviewTotal(r, ['admin_review']),
  },
  {
    key: 'litigation_total',
    zh: '行政诉讼案件总计',
    en: 'Lawsuits (total, both kinds)',
    unit: '件',
    additive: true,
    value: (r) => reviewTotal(r, ['litigation_direct', 'litigation_after_review']),
  },
  {
    key: 'procurement_projects',
    zh: '政府集中采购项目数量',
    en: 'Procurement projects',
    unit: '个',
    additive: true,
    value: (r) => procurementGap(r, r.year, PROJECTS) ?? point(r.year, r.cells[PROJECTS]),
  },
  {
    key: 'procurement_amount',
    zh: '政府集中采购总金额',
    en: 'Procurement amount',
    unit: '万元',
    additive: true,
    value: (r) => procurementGap(r, r.year, AMOUNT) ?? procurementAmountPoint(r),
  },
];

export const METRIC_BY_KEY: ReadonlyMap<string, Metric> = new Map(METRICS.map((m) => [m.key, m]));
export const DEFAULT_METRIC = 'published_items';

export function metricOrDefault(key: string | undefined): Metric {
  return METRIC_BY_KEY.get(key ?? '') ?? (METRIC_BY_KEY.get(DEFAULT_METRIC) as Metric);
}
