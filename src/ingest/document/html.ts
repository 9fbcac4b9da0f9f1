// HTML front end: a saved web page, a Word file turned into HTML, or HTML from the clipboard → lines of cells.
// parse5 builds the tree exactly as a browser would (unclosed cells, implied tbody) without running or fetching
// anything, and works in the worker and in Node. Tables become grids with their spans expanded: a label cell that
// spans rows is repeated on the rows below it as context (`copy`), never as a value.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { isCjk } from './normalize';
import type { DocCell, DocLine, DocModel, DocFormat, DocMeta } from './types';

type Node = T.Node;
type Element = T.Element;

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button', 'head']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center', 'blockquote', 'pre', 'address',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'br', 'hr', 'form', 'fieldset', 'figure', 'figcaption',
  'caption', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot',
]);
/** Rows and columns a cell may span: real tables never need more; a hostile page cannot make us build more. */
const MAX_SPAN = 200;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Joins the lines of one cell or paragraph: Chinese runs join directly ("本年新" + "制作数量"), others with a space. */
export function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(/\s+/g, ' ').trim();
    if (p === '') continue;
    if (out === '') out = p;
    else out += isCjk(out[out.length - 1]) && isCjk(p[0]) ? p : ` ${p}`;
  }
  return out;
}

/** The text of an element as lines: block elements and <br> break lines; scripts and the like are skipped. */
function textLines(node: Node, out: string[][] = [[]]): string[][] {
  if (node.nodeName === '#text') {
    out[out.length - 1].push((node as T.TextNode).value);
    return out;
  }
  if (!isElement(node) && node.nodeName !== '#document' && node.nodeName !== '#document-fragment') return out;
  if (isElement(node) && SKIP.has(node.tagName)) return out;
  const block = isElement(node) && BLOCK.has(node.tagName);
  if (block) out.push([]);
  for (const child of (node as T.ParentNode).childNodes ?? []) textLines(child, out);
  if (block) out.push([]);
  return out;
}

function cellText(el: Element): string {
  return joinLines(textLines(el).map((parts) => parts.join('')));
}

function children(el: Node): Node[] {
  return (el as T.ParentNode).childNodes ?? [];
}

function hasDescendant(el: Element, tag: string): boolean {
  for (const c of children(el)) {
    if (isElement(c) && (c.tagName === tag || hasDescendant(c, tag))) return true;
  }
  return false;
}

/** The rows of a table, in order, from thead/tbody/tfoot or directly (not those of nested tables). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of children(table)) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of children(c)) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

interface Pending {
  until: number;
  col: number;
  span: number;
  cell: DocCell;
}

/** A table of data (no table inside) → one line per row, spans expanded into grid columns. */
function gridLines(table: Element, tableNo: number): DocLine[] {
  const lines: DocLine[] = [];
  let pending: Pending[] = [];
  tableRows(table).forEach((tr, r) => {
    const taken = new Set<number>();
    const cells: DocCell[] = [];
    pending = pending.filter((p) => p.until > r);
    for (const p of pending) {
      for (let c = p.col; c < p.col + p.span; c++) taken.add(c);
      cells.push({ ...p.cell, copy: true });
    }
    let col = 0;
    let printed = 0;
    for (const td of children(tr)) {
      if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      printed++;
      while (taken.has(col)) col++;
      const colspan = span(td, 'colspan');
      const rowspan = span(td, 'rowspan');
      const cell: DocCell = { text: cellText(td), ref: { table: tableNo, row: r + 1, col: printed }, gridCol: col, gridSpan: colspan };
      cells.push(cell);
      for (let c = col; c < col + colspan; c++) taken.add(c);
      if (rowspan > 1) pending.push({ until: r + rowspan, col, span: colspan, cell });
      col += colspan;
    }
    cells.sort((a, b) => (a.gridCol ?? 0) - (b.gridCol ?? 0));
    if (cells.some((c) => !c.copy && c.text !== '') || cells.some((c) => !c.copy)) lines.push({ cells, table: tableNo, split: 'grid' });
  });
  return lines;
}

interface Walk {
  lines: DocLine[];
  paragraph: string[][];
  tables: number;
  blocks: number;
}

function flush(w: Walk): void {
  const text = joinLines(w.paragraph.map((p) => p.join('')));
  w.paragraph = [[]];
  if (text === '') return;
  w.blocks++;
  w.lines.push({ cells: [{ text, ref: { line: w.blocks } }], split: 'none' });
}

function walk(node: Node, w: Walk): void {
  if (node.nodeName === '#text') {
    w.paragraph[w.paragraph.length - 1].push((node as T.TextNode).value);
    return;
  }
  if (!isElement(node)) {
    for (const c of children(node)) walk(c, w);
    return;
  }
  if (SKIP.has(node.tagName)) return;
  if (node.tagName === 'table') {
    flush(w);
    // A table holding tables lays out the page: its cells are read as blocks; only tables of data become grids.
    if (hasDescendant(node, 'table')) {
      for (const c of children(node)) walk(c, w);
      flush(w);
      return;
    }
    w.tables++;
    w.lines.push(...gridLines(node, w.tables));
    return;
  }
  const block = BLOCK.has(node.tagName);
  if (block) flush(w);
  for (const c of children(node)) walk(c, w);
  if (block) flush(w);
}

function findAll(node: Node, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  if (isElement(node) && test(node)) out.push(node);
  for (const c of children(node)) findAll(c, test, out);
  return out;
}

/** The address a saved page came from: canonical link, og:url, or the "saved from url" comment browsers write. */
function pageMeta(doc: Node, html: string): DocMeta {
  const meta: DocMeta = {};
  const title = findAll(doc, (el) => el.tagName === 'title')[0];
  if (title) {
    const t = cellText(title);
    if (t) meta.title = t;
  }
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  const canonical = findAll(doc, (el) => el.tagName === 'link' && (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))[0];
  const og = findAll(doc, (el) => el.tagName === 'meta' && (attr(el, 'property') ?? attr(el, 'name')) === 'og:url')[0];
  const url = (canonical && attr(canonical, 'href')) || (og && attr(og, 'content')) || saved?.[1];
  if (url && /^https?:\/\//i.test(url.trim())) meta.url = url.trim();
  return meta;
}

export function htmlToDoc(name: string, html: string, format: DocFormat = 'html'): DocModel {
  const doc = parse(html);
  const w: Walk = { lines: [], paragraph: [[]], tables: 0, blocks: 0 };
  const body = findAll(doc, (el) => el.tagName === 'body')[0] ?? doc;
  walk(body, w);
  flush(w);
  return { name, format, lines: w.lines, meta: pageMeta(doc, html) };
}
