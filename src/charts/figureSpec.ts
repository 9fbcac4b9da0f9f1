// A chart as the UI knows it: how to get its numbers from reports, and how to draw them. Keeping the query as a
// function (not its result) lets the share link record exactly the cells the chart reads.
import type { Lang, Translate } from '../i18n/messages';
import type { Report } from '../model/report';
import type { ChartData } from '../query/series';
import type { ChartOption } from './types';

export interface FigureSpec {
  /** Element id of the <figure>; also names the chart in share links and exports. */
  id: string;
  title: string;
  query: (reports: readonly Report[]) => ChartData;
  option: (data: ChartData, lang: Lang) => ChartOption;
  notes?: (data: ChartData, t: Translate) => string[];
  /** What the caption names after the title; default: the organ(s) of the chart data. */
  subject?: string;
  /** A definition shown next to the chart (ratios, changed columns). */
  definition?: string;
  /**
   * The organs whose reports the query reads; the query then receives only theirs. Without it, every visible
   * report: at 10,000 reports, a chart of one organ should not walk all of them on each redraw.
   */
  agencies?: readonly string[];
}
