// Which columns of a file the review lists one by one. A file can have 60,000 columns: the review lists the first
// ones with their controls and sums up the rest by how they were understood, so it answers in milliseconds.
import type { ColumnInfo } from '../../ingest/types';

/** Columns listed with a row (and, when undecided, a picker of 330 figures) each. */
export const COLUMNS_LISTED = 60;

export interface ColumnSummary {
  listed: readonly ColumnInfo[];
  /** Columns not listed, and how many of them wait for a decision. */
  more: number;
  moreUnknown: number;
}

export function columnSummary(columns: readonly ColumnInfo[], max = COLUMNS_LISTED): ColumnSummary {
  const listed = columns.slice(0, max);
  let moreUnknown = 0;
  for (let i = max; i < columns.length; i++) if (columns[i].role === 'unknown') moreUnknown++;
  return { listed, more: Math.max(0, columns.length - max), moreUnknown };
}
