// What a figure is: one chart of the dashboard, named by a stable id, with everything needed to draw it — the
// query that reads its numbers, the option builder, its notes — so a view, present mode and a share link all
// build the same chart from the same id.
import type { YearMark } from '../charts/marks';
import type { Display } from '../charts/option';
import type { ChartOption } from '../charts/types';
import type { Lang, Translate } from '../i18n/messages';
import type { Report } from '../model/report';
import type { OrganSummary } from '../query/organs';
import type { ChartData } from '../query/series';

export interface Figure {
  /** Stable id: the <figure>'s element id, the chart a share link names, what present mode keeps. */
  id: string;
  title: string;
  /** What the caption names after the title; default: the organ(s) of the chart data. */
  subject?: string;
  /** A definition shown next to the chart (ratios, changed columns, what a sum means). */
  definition?: string;
  /** The organs whose reports the query reads; it then receives only theirs (a chart of one organ never walks 10,000 reports). */
  agencies: readonly string[];
  query: (reports: readonly Report[]) => ChartData;
  option: (data: ChartData, lang: Lang, display: Display, marks: ReadonlyMap<number, YearMark>) => ChartOption;
  notes: (data: ChartData, t: Translate) => string[];
  /** Rows are organs, not years (a ranking): no year marks, the table's first column names organs. */
  byOrgan?: boolean;
  /** Height of the chart on the page, when the default does not fit (one row per organ). */
  height?: string;
}

/** What the rules choosing a view's figures need to know besides the view state. */
export interface FigureContext {
  lang: Lang;
  t: Translate;
  /** The organ the single-organ views show (the one in the view state if stored, else the default). */
  agency: string | undefined;
  /** Every organ with its years, level and region. */
  organs: readonly OrganSummary[];
  /** The reports of the given organs: some rules depend on the data (the years a ranking can be made for). */
  reportsOf: (agencies: readonly string[]) => readonly Report[];
}
