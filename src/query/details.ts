// Detail charts of one organ: request outcomes as shares, applicants, reasons; review and litigation; table 二.
import { OUTCOME_GROUPS } from '../model/outcomes';
import type { Report } from '../model/report';
import { SECTION_BY_KEY } from '../model/vocabulary';
import { requestOutcomes, requestRowTotal, type YearRange } from './coreCharts';
import { missing, organYears, point, type ChartData, type Series, type SeriesPoint } from './series';
import { tableGap, type TableId } from './tables';

/** Outcome groups as a share (%) of all outcomes that year; a year with any group missing has no shares. */
export function outcomeShares(reports: readonly Report[], agency: string, range: YearRange = {}): ChartData {
  const counts = requestOutcomes(reports, agency, range);
  const groups = counts.series.filter((s) => s.key !== 'new_received');
  const totals = counts.years.map((_, i) => {
    let sum = 0;
    for (const g of groups) {
      const v = g.points[i].value;
      if (v === null) return null;
      sum += v;
    }
    return sum;
  });
  return {
    ...counts,
    series: groups.map((g) => ({
      ...g,
      unit: '%',
      points: g.points.map((p, i): SeriesPoint => {
        const total = totals[i];
        if (p.value === null) return p;
        if (total === null) return { year: p.year, value: null, flags: ['absent'] };
        if (total === 0) return { year: p.year, value: null, flags: ['absent'] };
        return { ...p, value: Math.round((p.value / total) * 1000) / 10 };
      }),
    })),
  };
}

function seriesFrom(
  reports: readonly Report[],
  agency: string,
  range: YearRange,
  defs: readonly { key: string; zh: string; en: string; unit: string; get: (r: Report) => SeriesPoint }[],
): ChartData {
  const { byYear, years, sources } = organYears(reports, agency, range.from, range.to);
  return {
    agency,
    years,
    sources,
    series: defs.map(
      (d): Series => ({
        key: d.key,
        zh: d.zh,
        en: d.en,
        unit: d.unit,
        points: years.map((y) => {
          const r = byYear.get(y);
          return r ? d.get(r) : missing(y, 'no-report');
        }),
      }),
    ),
  };
}

const requests = SECTION_BY_KEY.get('requests');
const APPLICANT_LABELS = requests?.columns.filter((c) => c.key !== 'total') ?? [];

/** A figure of table 三 or 四, or the reason the report has no such table. */
function fromTable(r: Report, table: TableId, f: () => SeriesPoint): SeriesPoint {
  const gap = tableGap(r, table);
  return gap ? missing(r.year, gap) : f();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 本年新收 by type of applicant. */
export function applicants(reports: readonly Report[], agency: string, range: YearRange = {}): ChartData {
  return seriesFrom(
    reports,
    agency,
    range,
    APPLICANT_LABELS.map((c) => ({
      key: c.key,
      zh: c.zh.replace('法人或其他组织/', ''),
      // A legend entry stands alone: "Businesses", not the "businesses" of "Organisations / businesses".
      en: capitalise(c.en.replace('Organisations / ', '')),
      unit: '件',
      get: (r) => fromTable(r, 'requests', () => point(r.year, r.cells[`requests.new_received.${c.key}`])),
    })),
  );
}

export type ReasonGroup = 'denied' | 'unable' | 'not_processed';

/** The leaf rows inside 不予公开, 无法提供 or 不予处理, over the years (总计 column). */
export function reasons(reports: readonly Report[], agency: string, group: ReasonGroup, range: YearRange = {}): ChartData {
  const g = OUTCOME_GROUPS.find((x) => x.key === group);
  const rows = (g?.rows ?? []).map((row) => requests?.rows.find((x) => x.key === row)).filter((x) => x !== undefined);
  return seriesFrom(
    reports,
    agency,
    range,
    rows.map((row) => ({
      key: row.key,
      zh: row.zh.split('/').pop() ?? row.zh,
      en: capitalise(row.en.split(' / ').pop() ?? row.en),
      unit: '件',
      get: (r) => fromTable(r, 'requests', () => requestRowTotal(r, row.key)),
    })),
  );
}

export type ReviewRow = 'admin_review' | 'litigation_direct' | 'litigation_after_review';
export const REVIEW_ROWS: readonly ReviewRow[] = ['admin_review', 'litigation_direct', 'litigation_after_review'];

/** One row of table 四 over the years: 维持, 纠正, 其他, 尚未审结 (stacked) and 总计. */
export function reviewOutcomes(reports: readonly Report[], agency: string, row: ReviewRow, range: YearRange = {}): ChartData {
  const review = SECTION_BY_KEY.get('review');
  return seriesFrom(
    reports,
    agency,
    range,
    (review?.columns ?? []).map((c) => ({
      key: c.key,
      zh: c.zh,
      en: c.en,
      unit: '件',
      get: (r) => fromTable(r, 'review', () => point(r.year, r.cells[`review.${row}.${c.key}`])),
    })),
  );
}

/**
 * A figure of table 二 that changed its definition in 2021: the GB2019 and GB2021 columns are separate series,
 * each a gap in the other format's years — never spliced into one line.
 */
function formatSeries(key: string, zh: string, en: string, unit: string, format: 'GB2019' | 'GB2021', cell: string) {
  return {
    key,
    zh: `${zh}(${format === 'GB2019' ? '2019版' : '2021版'})`,
    en: `${en} (${format})`,
    unit,
    get: (r: Report): SeriesPoint => (r.format === format || cell in r.cells ? point(r.year, r.cells[cell]) : missing(r.year, 'not-in-format')),
  };
}

export type ActiveChart = 'normative_docs' | 'regulations' | 'decisions' | 'fees';
export const ACTIVE_CHARTS: readonly ActiveChart[] = ['normative_docs', 'regulations', 'decisions', 'fees'];

export function activeOverYears(reports: readonly Report[], agency: string, chart: ActiveChart, range: YearRange = {}): ChartData {
  const defs = (() => {
    switch (chart) {
      case 'normative_docs':
      case 'regulations':
        return [
          formatSeries('published_this_year', '本年新公开数量', 'Published this year', '件', 'GB2019', `active_2019.${chart}.published_this_year`),
          formatSeries('total_published', '对外公开总数量', 'Total published', '件', 'GB2019', `active_2019.${chart}.total_published`),
          formatSeries('issued_this_year', '本年制发件数', 'Issued this year', '件', 'GB2021', `active_2021.${chart}.issued_this_year`),
          formatSeries('repealed_this_year', '本年废止件数', 'Repealed this year', '件', 'GB2021', `active_2021.${chart}.repealed_this_year`),
          formatSeries('in_force', '现行有效件数', 'In force', '件', 'GB2021', `active_2021.${chart}.in_force`),
        ];
      case 'decisions':
        return (['admin_license', 'admin_penalty', 'admin_coercion'] as const).flatMap((row) => {
          const label = { admin_license: ['行政许可', 'Licensing'], admin_penalty: ['行政处罚', 'Penalties'], admin_coercion: ['行政强制', 'Coercion'] }[row];
          return [
            formatSeries(`${row}_2019`, `${label[0]}处理决定数量`, `${label[1]} decisions`, '件', 'GB2019', `active_2019.${row}.decisions`),
            formatSeries(`${row}_2021`, `${label[0]}本年处理决定数量`, `${label[1]} decisions this year`, '件', 'GB2021', `active_2021.${row}.decisions_this_year`),
          ];
        });
      case 'fees':
        return [
          formatSeries('fee_items', '行政事业性收费项目数(上一年项目数量)', 'Fee items (last year)', '项', 'GB2019', 'active_2019.admin_fees.prev_year_items'),
          formatSeries('fee_amount', '行政事业性收费本年收费金额', 'Fees collected', '万元', 'GB2021', 'active_2021.admin_fees.fee_amount'),
        ];
    }
  })();
  return seriesFrom(reports, agency, range, defs);
}
