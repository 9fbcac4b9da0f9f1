// One report drawn as its official tables 二, 三 and 四 (GB2019 or GB2021 layout by its format): every printed cell
// with its value and state — a number, blank, or absent — plus whether a person should check it and which
// consistency findings involve it. Figures outside the tables (prose, the pre-2019 statistics table) follow as a
// list. Pure: the review sheet of an import and a stored report's sheet draw from it.
import { officialLayout, type LayoutCell, type LayoutTableId } from '../model/officialLayout';
import { cellState, type CellState, type Report } from '../model/report';
import { KEY_DEFS } from '../model/vocabulary';

export interface SheetLabel {
  kind: 'title' | 'head' | 'label';
  zh: string;
  en: string;
  rowspan?: number;
  colspan?: number;
}

export interface SheetValue {
  kind: 'value';
  key: string;
  state: CellState;
  value: number | null;
  approx: boolean;
  unit?: string;
  /** What a blank cell printed ("—", "/"). */
  printed?: string;
  /** The figure should be checked by a person (an ambiguous or repaired reading). */
  doubt?: string;
  /** The person typed or confirmed it. */
  edited: boolean;
  /** Ids of the findings that involve this cell. */
  findings: string[];
  colspan?: number;
  /** Position for keyboard moves: row in the table, first grid column. */
  row: number;
  col: number;
}

export type SheetCell = SheetLabel | SheetValue;

export interface SheetTable {
  id: LayoutTableId;
  zh: string;
  en: string;
  width: number;
  rows: SheetCell[][];
}

export interface SheetFigure {
  key: string;
  zh: string;
  en: string;
  state: CellState;
  value: number | null;
  approx: boolean;
  unit?: string;
  doubt?: string;
  edited: boolean;
  findings: string[];
}

export interface ReportSheet {
  /** Empty for reports without the national tables (before 2019, prose only). */
  tables: SheetTable[];
  /** Figures not in the tables: stated in prose, or in the statistics table of reports before 2019. */
  other: SheetFigure[];
  /** Value keys in reading order, for moving through the sheet with the keyboard. */
  order: string[];
}

export interface SheetMarks {
  /** Per key: why a person should check it, and whether the person already did. */
  doubts?: Readonly<Record<string, { doubt?: string; edited?: boolean } | undefined>>;
  /** Per key: the findings that involve it. */
  findings?: ReadonlyMap<string, string[]>;
}

function usesNationalTables(report: Report): boolean {
  return report.format === 'GB2019' || report.format === 'GB2021';
}

export function reportSheet(report: Report, marks: SheetMarks = {}): ReportSheet {
  const singleOtherRow = report.format === 'GB2021' && Object.keys(report.cells).some((k) => k.startsWith('requests.other_processing.'));
  const layout = usesNationalTables(report) ? officialLayout(report.format, { singleOtherRow }) : [];
  const inTables = new Set<string>();
  const order: string[] = [];
  const valueOf = (key: string, row: number, col: number, colspan?: number): SheetValue => {
    inTables.add(key);
    order.push(key);
    const cell = report.cells[key];
    const mark = marks.doubts?.[key];
    const v: SheetValue = {
      kind: 'value',
      key,
      state: cellState(cell),
      value: cell?.value ?? null,
      approx: !!cell?.approx,
      edited: !!mark?.edited,
      findings: marks.findings?.get(key) ?? [],
      row,
      col,
    };
    if (cell?.unit) v.unit = cell.unit;
    if (cell?.printed) v.printed = cell.printed;
    if (mark?.doubt) v.doubt = mark.doubt;
    if (colspan) v.colspan = colspan;
    return v;
  };
  const tables = layout.map((t): SheetTable => {
    // Grid columns taken by row spans from above, so each value knows its column for keyboard moves.
    const taken: number[][] = [];
    const rows = t.rows.map((cells, r) => {
      let col = 0;
      return cells.map((c: LayoutCell): SheetCell => {
        while (taken[r]?.includes(col)) col++;
        const span = c.colspan ?? 1;
        for (let dr = 1; dr < (c.rowspan ?? 1); dr++) for (let dc = 0; dc < span; dc++) (taken[r + dr] ??= []).push(col + dc);
        const here = col;
        col += span;
        if (c.kind === 'value' && c.key) return valueOf(c.key, r, here, c.colspan);
        const label: SheetLabel = { kind: c.kind === 'value' ? 'label' : c.kind, zh: c.zh ?? '', en: c.en ?? '' };
        if (c.rowspan) label.rowspan = c.rowspan;
        if (c.colspan) label.colspan = c.colspan;
        return label;
      });
    });
    return { id: t.id, zh: t.zh, en: t.en, width: t.width, rows };
  });
  const other: SheetFigure[] = [];
  for (const def of KEY_DEFS.values()) {
    if (inTables.has(def.key) || !(def.key in report.cells)) continue;
    const cell = report.cells[def.key];
    const mark = marks.doubts?.[def.key];
    const f: SheetFigure = {
      key: def.key,
      zh: `${def.section.zh} · ${def.row.zh} · ${def.column.zh}`,
      en: `${def.section.en} · ${def.row.en} · ${def.column.en}`,
      state: cellState(cell),
      value: cell.value,
      approx: !!cell.approx,
      edited: !!mark?.edited,
      findings: marks.findings?.get(def.key) ?? [],
    };
    if (cell.unit) f.unit = cell.unit;
    if (mark?.doubt) f.doubt = mark.doubt;
    other.push(f);
    order.push(def.key);
  }
  return { tables, other, order };
}

/** Each cell key of a report → the ids of the findings that name it. */
export function findingsByKey(findings: readonly { id: string; year: number; cells: readonly { key: string; year: number }[] }[], year: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) {
    for (const c of f.cells) {
      if (c.year !== year) continue;
      const list = out.get(c.key) ?? [];
      if (!list.includes(f.id)) list.push(f.id);
      out.set(c.key, list);
    }
  }
  return out;
}
