// Headline cards of one organ: the latest year in range and the change from the year before.
import type { Report } from '../model/report';
import { METRIC_BY_KEY, type Metric } from './metrics';
import { disclosureRate } from './ratios';
import { organYears } from './series';
import type { SeriesPoint } from './series';

export interface Card {
  key: string;
  zh: string;
  en: string;
  unit: string;
  /**
   * The latest year in range whose report has the figure; when none has it, the latest year with a report (the
   * point then says why it is missing).
   */
  year: number;
  point: SeriesPoint;
  /** Value of the year before `year`: null when there is no report that year, else its point (maybe missing). */
  previous: SeriesPoint | null;
  /** Latest minus previous; null when either is missing. */
  change: number | null;
  /** Later years in range whose reports lack the figure (the card skipped them to show `year`). */
  skipped: number[];
}

function metric(key: string): Metric {
  const m = METRIC_BY_KEY.get(key);
  if (!m) throw new Error(`unknown metric ${key}`);
  return m;
}

/** 公开率 in %, from the ratio module's definition (one definition for cards, ratio charts and checks). */
export function openRatePoint(r: Report): SeriesPoint {
  const rate = disclosureRate(r);
  const flags = rate.flags.filter((f): f is SeriesPoint['flags'][number] => f !== 'zero-denominator');
  if (rate.value === null) return { year: r.year, value: null, flags: flags.length > 0 ? flags : ['absent'] };
  return { year: r.year, value: Math.round(rate.value * 1000) / 10, flags };
}

function casesPoint(r: Report): SeriesPoint {
  const a = metric('admin_review_total').value(r);
  const l = metric('litigation_total').value(r);
  if (a.value === null || l.value === null) return a.value === null ? a : l;
  return { year: r.year, value: a.value + l.value, flags: [...new Set([...a.flags, ...l.flags])] };
}

const CARDS: readonly { key: string; zh: string; en: string; unit: string; get: (r: Report) => SeriesPoint }[] = [
  { key: 'published_items', zh: '主动公开信息', en: 'Items published', unit: '条', get: (r) => metric('published_items').value(r) },
  { key: 'new_received', zh: '本年新收申请', en: 'New requests', unit: '件', get: (r) => metric('new_received').value(r) },
  { key: 'open_rate', zh: '公开率', en: 'Disclosure rate', unit: '%', get: openRatePoint },
  { key: 'cases', zh: '行政复议和诉讼', en: 'Reviews and lawsuits', unit: '件', get: casesPoint },
];

export function overviewCards(reports: readonly Report[], agency: string, from?: number, to?: number): Card[] {
  const { byYear } = organYears(reports, agency, from, to);
  const years = [...byYear.keys()].sort((a, b) => b - a);
  if (years.length === 0) return [];
  return CARDS.map((c) => {
    const points = years.map((y) => c.get(byYear.get(y) as Report));
    const at = points.findIndex((p) => p.value !== null);
    const i = at === -1 ? 0 : at;
    const year = years[i];
    const point = points[i];
    const before = byYear.get(year - 1);
    const previous = before ? c.get(before) : null;
    const change = point.value !== null && previous?.value != null ? Math.round((point.value - previous.value) * 1000) / 1000 : null;
    return { key: c.key, zh: c.zh, en: c.en, unit: c.unit, year, point, previous, change, skipped: at === -1 ? [] : years.slice(0, at).reverse() };
  });
}
