// Ruling lines → table grids ("lattice" reading, as pdfplumber and camelot do it): snap and join collinear
// segments, group those that touch into tables, take the distinct x and y of their lines as column and row
// edges, and merge neighbouring grid slots where no line separates them (spanned cells).
import type { PdfSegment } from './types';

/** Lines closer than this (points) are one line: double borders, a cell's edge drawn by both neighbours. */
const SNAP = 2;
/** Collinear pieces with a gap up to this are one line. */
const JOIN = 3;
/** A horizontal and a vertical line this close count as touching. */
const TOUCH = 3;
/** Rows or columns thinner than this are an artefact (two borders drawn a little apart), not a band of cells. */
const MIN_BAND = 3.5;

interface HLine {
  y: number;
  x0: number;
  x1: number;
}

interface VLine {
  x: number;
  y0: number;
  y1: number;
}

/** One table's grid: edges, and for every slot (row r, column c) the cell it belongs to. */
export interface Grid {
  /** Column edges, left to right (n + 1 for n columns). */
  xs: number[];
  /** Row edges, top to bottom. */
  ys: number[];
  /** slot[r][c] = index into `cells`. */
  slot: number[][];
  cells: GridCell[];
}

export interface GridCell {
  r0: number;
  c0: number;
  /** Inclusive last row and column. */
  r1: number;
  c1: number;
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Edges closer than MIN_BAND become one (their mean). */
function dropThinBands(edges: number[]): number[] {
  const out: number[] = [];
  for (const e of edges) {
    if (out.length && e - out[out.length - 1]! < MIN_BAND) out[out.length - 1] = (out[out.length - 1]! + e) / 2;
    else out.push(e);
  }
  return out;
}

function joinHorizontal(segments: HLine[]): HLine[] {
  const byY = [...segments].sort((a, b) => a.y - b.y);
  const out: HLine[] = [];
  let i = 0;
  while (i < byY.length) {
    let j = i + 1;
    while (j < byY.length && byY[j]!.y - byY[j - 1]!.y <= SNAP) j++;
    const group = byY.slice(i, j).sort((a, b) => a.x0 - b.x0);
    const y = group.reduce((s, l) => s + l.y, 0) / group.length;
    let cur: HLine = { y, x0: group[0]!.x0, x1: group[0]!.x1 };
    for (const l of group.slice(1)) {
      if (l.x0 <= cur.x1 + JOIN) cur.x1 = Math.max(cur.x1, l.x1);
      else {
        out.push(cur);
        cur = { y, x0: l.x0, x1: l.x1 };
      }
    }
    out.push(cur);
    i = j;
  }
  return out;
}

function joinVertical(segments: VLine[]): VLine[] {
  const flipped = joinHorizontal(segments.map((s) => ({ y: s.x, x0: s.y0, x1: s.y1 })));
  return flipped.map((l) => ({ x: l.y, y0: l.x0, y1: l.x1 }));
}

/** Length of [a0, a1] covered by the union of the given intervals. */
function covered(a0: number, a1: number, intervals: [number, number][]): number {
  const parts = intervals
    .map(([s, e]) => [Math.max(s, a0), Math.min(e, a1)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = a0;
  for (const [s, e] of parts) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

function gridOf(hs: HLine[], vs: VLine[]): Grid | null {
  let xs = cluster(vs.map((v) => v.x), SNAP);
  let ys = cluster(hs.map((h) => h.y), SNAP);
  // Open tables (no outer left/right border, or no top/bottom rule): the other lines' ends are the edges.
  const hx0 = Math.min(...hs.map((h) => h.x0));
  const hx1 = Math.max(...hs.map((h) => h.x1));
  const vy0 = Math.min(...vs.map((v) => v.y0));
  const vy1 = Math.max(...vs.map((v) => v.y1));
  if (hx0 < xs[0]! - MIN_BAND) xs.unshift(hx0);
  if (hx1 > xs[xs.length - 1]! + MIN_BAND) xs.push(hx1);
  if (vy0 < ys[0]! - MIN_BAND) ys.unshift(vy0);
  if (vy1 > ys[ys.length - 1]! + MIN_BAND) ys.push(vy1);
  xs = dropThinBands(xs);
  ys = dropThinBands(ys);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 2) return null;
  // Boundaries: a line must cover at least half of the slot's side.
  const vAt = (x: number) => vs.filter((v) => Math.abs(v.x - x) <= SNAP + 0.5).map((v) => [v.y0, v.y1] as [number, number]);
  const hAt = (y: number) => hs.filter((h) => Math.abs(h.y - y) <= SNAP + 0.5).map((h) => [h.x0, h.x1] as [number, number]);
  const vLines = xs.map(vAt);
  const hLines = ys.map(hAt);
  const wall = (r: number, c: number) => covered(ys[r]!, ys[r + 1]!, vLines[c + 1]!) >= 0.5 * (ys[r + 1]! - ys[r]!); // right of (r, c)
  const floor = (r: number, c: number) => covered(xs[c]!, xs[c + 1]!, hLines[r + 1]!) >= 0.5 * (xs[c + 1]! - xs[c]!); // below (r, c)
  // Union-find over slots.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !wall(r, c)) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !floor(r, c)) union(r * cols + c, (r + 1) * cols + c);
    }
  }
  const index = new Map<number, number>();
  const cells: GridCell[] = [];
  const slot: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let k = index.get(root);
      if (k === undefined) {
        k = cells.length;
        index.set(root, k);
        cells.push({ r0: r, c0: c, r1: r, c1: c });
      }
      const cell = cells[k]!;
      cell.r1 = Math.max(cell.r1, r);
      cell.c0 = Math.min(cell.c0, c);
      cell.c1 = Math.max(cell.c1, c);
      row.push(k);
    }
    slot.push(row);
  }
  // A table has at least two cells side by side somewhere (a frame or a boxed paragraph is not a table).
  const sideBySide = slot.some((row) => new Set(row).size >= 2);
  if (!sideBySide) return null;
  return { xs, ys, slot, cells };
}

/** The tables a page's ruling lines draw, top to bottom. */
export function findGrids(segments: readonly PdfSegment[]): Grid[] {
  const hs = joinHorizontal(segments.filter((s) => s.y1 - s.y0 <= 1 && s.x1 - s.x0 > 1).map((s) => ({ y: (s.y0 + s.y1) / 2, x0: s.x0, x1: s.x1 })));
  const vs = joinVertical(segments.filter((s) => s.x1 - s.x0 <= 1 && s.y1 - s.y0 > 1).map((s) => ({ x: (s.x0 + s.x1) / 2, y0: s.y0, y1: s.y1 })));
  if (!hs.length || !vs.length) return [];
  // Connected components of touching lines.
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i]!;
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j]!;
      if (v.x >= h.x0 - TOUCH && v.x <= h.x1 + TOUCH && h.y >= v.y0 - TOUCH && h.y <= v.y1 + TOUCH) {
        const a = find(i);
        const b = find(hs.length + j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, { hs: HLine[]; vs: VLine[] }>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hs: [], vs: [] }));
    if (i < hs.length) g.hs.push(hs[i]!);
    else g.vs.push(vs[i - hs.length]!);
  }
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (g.hs.length < 1 || g.vs.length < 1 || g.hs.length + g.vs.length < 4) continue;
    const grid = gridOf(g.hs, g.vs);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
}
