// The table view of a chart: the same numbers, with years as rows and series as columns. Pure.
import { unitLabel, type Lang } from '../i18n/messages';
import type { ChartData } from '../query/series';
import { pointNote, pointText, seriesName } from './format';

export interface TableCell {
  text: string;
  /** The number behind the text (null for missing): what tests and exports read. */
  value: number | null;
  note: string;
  flags: string[];
}

export interface TableView {
  columns: { key: string; label: string }[];
  rows: { label: string; cells: TableCell[] }[];
}

export function chartTable(data: ChartData, lang: Lang): TableView {
  return {
    columns: data.series.map((s) => ({ key: s.key, label: `${seriesName(s, lang)}(${unitLabel(lang, s.unit)})` })),
    rows: data.years.map((year, i) => ({
      label: data.categories?.[i] ?? String(year),
      cells: data.series.map((s) => {
        const p = s.points[i];
        return { text: pointText(p, lang, s.unit), value: p.value, note: pointNote(p, lang), flags: [...p.flags, ...(p.approx ? ['approx'] : [])] };
      }),
    })),
  };
}
