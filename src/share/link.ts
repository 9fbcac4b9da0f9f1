// A share link for one chart: the view's hash plus a snapshot of exactly the cells the chart's query reads.
// Over MAX_LINK_LENGTH the link would be cut by chat tools and mail: the caller offers the view-only link instead.
import type { Report } from '../model/report';
import { recordCellAccess } from './record';
import { encodeSnapshot, MAX_LINK_LENGTH } from './snapshot';

export interface ShareLink {
  /** The link to give out: with the snapshot, or the view-only link when that would be too long. */
  link: string;
  /** The snapshot link was too long; `link` is the view-only one. */
  tooLong: boolean;
  /** Length of the link with the snapshot. */
  length: number;
}

export async function makeShareLink(
  reports: readonly Report[],
  query: (reports: readonly Report[]) => unknown,
  view: { hash: string; chart: string; base: string; made?: Date },
): Promise<ShareLink> {
  const rec = recordCellAccess(reports, query);
  const made = (view.made ?? new Date()).toISOString();
  const s = await encodeSnapshot({ view: view.hash, chart: view.chart, made, reports: rec.reports });
  const full = `${view.base}#${view.hash}&s=${s}`;
  if (full.length > MAX_LINK_LENGTH) return { link: `${view.base}#${view.hash}`, tooLong: true, length: full.length };
  return { link: full, tooLong: false, length: full.length };
}
