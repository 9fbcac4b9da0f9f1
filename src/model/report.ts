// The report model: one annual report of one organ, its cells keyed `section.row.column`.
// The same shape lives in memory, in IndexedDB and in the JSON format, so any record can be read by key.

/** Table format of a report, detected from its labels (see FORMATS.md), not from its year. */
export type FormatId = 'GB2019' | 'GB2021' | 'pre2019' | 'text-only';
export const FORMAT_IDS: readonly FormatId[] = ['GB2019', 'GB2021', 'pre2019', 'text-only'];

/**
 * One cell of a report. Three states are kept apart everywhere:
 *  - a number (`value` is a number, 0 included);
 *  - a blank cell: it exists in the report but was left empty or holds a placeholder (`value` null);
 *  - an absent cell: not captured — the key is simply not in `Report.cells`.
 */
export interface Cell {
  value: number | null;
  /** The report printed an approximate count ("907余条", "约300"). */
  approx?: boolean;
  /** Unit as printed or implied (件, 条, 元, 万元 …); undefined when the report printed none. */
  unit?: string;
  /** A remark kept from the source ("原文:907余条", "疑为万元"). */
  note?: string;
  /** The text printed in a blank cell ("—", "/", "无"), when it was not simply empty. */
  printed?: string;
  /** Where this cell was read from, when it differs from the report's source. */
  source?: string;
}

export type CellKey = string;

export interface Report {
  agency: string;
  year: number;
  /** Region as given ("福建省平潭综合实验区"); empty when unknown. */
  region: string;
  /** Administrative level as given ("乡镇", "区县政府" …); empty when unknown. */
  level: string;
  format: FormatId;
  /** The format text as the source wrote it, when it says more than `format` ("pre2019-local(无统计表)"). */
  formatNote?: string;
  /** The page or archive the figures were read from. */
  source: string;
  /** The date the report was published, as the page states it (发布时间/发布日期), 'YYYY-MM-DD'. */
  published?: string;
  /** The file the report was read from, when `source` names the page's address instead. */
  file?: string;
  cells: Record<CellKey, Cell>;
}

export type CellState = 'number' | 'blank' | 'absent';

export function cellState(cell: Cell | undefined): CellState {
  if (cell === undefined) return 'absent';
  return cell.value === null ? 'blank' : 'number';
}

/** The identity of a report: one organ, one year. */
export function reportId(agency: string, year: number): string {
  return `${agency}\u0000${year}`;
}

export function numberOf(cell: Cell | undefined): number | null {
  return cell === undefined ? null : cell.value;
}
