// A share link for one chart: the view's hash plus a snapshot of exactly the cells the chart's query reads, and
// the chart's ⚠ marks. Over MAX_LINK_LENGTH the link would be cut by chat tools and mail: the marks are shortened
// first (one line a year, then the rule ids alone); a link still too long gives the view-only link instead.
import type { Report } from '../model/report';
import { recordCellAccess } from './record';
import { encodeSnapshot, MAX_LINK_LENGTH, type SharedMark } from './snapshot';

export interface ShareLink {
  /** The link to give out: with the snapshot, or the view-only link when that would be too long. */
  link: string;
  /** The snapshot link was too long; `link` is the view-only one. */
  tooLong: boolean;
  /** Length of the link with the snapshot. */
  length: number;
  /** The marks went shorter than the sender saw them, to fit. */
  marksShortened: boolean;
}

/** The marks, fullest first: every line; the first line of each year; the rule ids alone. */
function markVersions(marks: readonly SharedMark[]): SharedMark[][] {
  if (marks.length === 0) return [[]];
  return [
    marks.map((m) => ({ ...m })),
    marks.map((m) => ({ ...m, lines: m.lines.length > 1 ? [m.lines[0], `+${m.lines.length - 1}`] : m.lines })),
    marks.map((m) => ({ ...m, lines: [...m.rules] })),
  ];
}

export async function makeShareLink(
  reports: readonly Report[],
  query: (reports: readonly Report[]) => unknown,
  view: { hash: string; chart: string; base: string; made?: Date; marks?: readonly SharedMark[] },
): Promise<ShareLink> {
  const rec = recordCellAccess(reports, query);
  const made = (view.made ?? new Date()).toISOString();
  const versions = markVersions(view.marks ?? []);
  let length = 0;
  for (let i = 0; i < versions.length; i++) {
    const s = await encodeSnapshot({ view: view.hash, chart: view.chart, made, reports: rec.reports, marks: versions[i] });
    const full = `${view.base}#${view.hash}&s=${s}`;
    length = full.length;
    if (full.length <= MAX_LINK_LENGTH) return { link: full, tooLong: false, length: full.length, marksShortened: i > 0 };
  }
  return { link: `${view.base}#${view.hash}`, tooLong: true, length, marksShortened: false };
}
