// Excel (.xlsx) → DocModel: every sheet's non-empty rows as grid lines. Merged ranges: the top-left cell carries
// the text and the span; the rows below it in a vertical merge repeat it as a copy (context, never a value).
// Numbers come out as the sheet shows them: the cell's number format decides the decimals (no float noise).
//
// read-excel-file 9.3 (the library chosen at first) reads values only: it drops merged ranges (its parser has
// that code commented out) and each cell's style, so neither spans nor displayed digits could be kept. The
// workbook is a handful of small XML parts, read here with the shared zip reader and a few regular expressions.
import { officeProblem, zipEntries, zipText, type ZipEntry } from './sniff';
import { DocumentError, type DocCell, type DocLine, type DocModel } from './types';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Excel escapes control characters in strings as _xHHHH_ (e.g. _x000D_ for a carriage return). */
function unescapeOoxml(s: string): string {
  return unescapeXml(s).replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(attrs: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:\\w+:)?${key}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** The text of a string item (<si> or <is>): its <t> runs, without phonetic guides (<rPh>). */
function runText(xml: string): string {
  const body = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return unescapeOoxml(out);
}

// ---- number formats -------------------------------------------------------------------------------------

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'yyyy-mm-dd', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  // Chinese-locale built-ins (zh-CN Excel writes these ids without a <numFmt>).
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"',
  34: 'h:mm', 35: 'h:mm:ss', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
  54: 'm"月"d"日"', 55: 'h:mm', 56: 'h:mm:ss', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** The format's literal-free skeleton: quoted text, escapes, [brackets], _x padding and *x fill removed. */
function skeleton(section: string): string {
  return section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
}

function isDateFormat(section: string): boolean {
  return /[ymdhs]/i.test(skeleton(section).replace(/General/gi, '').replace(/E[+-]/g, ''));
}

/** A decimal string rounded to `dp` places, from the number's 15 significant digits (what Excel keeps). */
function roundDecimal(n: number, dp: number): string {
  const digits = Math.abs(n) >= 1e21 || (n !== 0 && Math.abs(n) < 1e-7) ? n.toFixed(Math.min(dp, 100)) : Number(n.toPrecision(15)).toString();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!m) return n.toFixed(dp);
  const [, sign, int, frac = ''] = m;
  if (frac.length <= dp) return sign + int + (dp > 0 ? '.' + frac.padEnd(dp, '0') : '');
  // Round half up on the decimal digits.
  const all = (int + frac.slice(0, dp)).split('').map(Number);
  if (Number(frac[dp]) >= 5) {
    let i = all.length - 1;
    while (i >= 0) {
      if (all[i]! < 9) {
        all[i]!++;
        break;
      }
      all[i] = 0;
      i--;
    }
    if (i < 0) all.unshift(1);
  }
  const s = all.join('');
  const intPart = s.slice(0, s.length - dp) || '0';
  const out = dp > 0 ? `${intPart}.${s.slice(s.length - dp)}` : intPart;
  return (sign && /[1-9]/.test(out) ? '-' : '') + out;
}

/** General: up to 15 significant digits, no trailing zeros (73802895.900000006 → 73802895.9). */
function general(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number(n.toPrecision(15)).toString();
}

function excelDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  // Serial 60 is the 1900 leap-year bug; days after it are one too many.
  const ms = Math.round((days - (days > 60 || date1904 ? 25569 : 25568)) * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return general(serial);
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * A number as a format shows it: the decimals, percent, scaling commas and literal text of the format's
 * section (so 13.6 with "0.00" reads "13.60", 0.5 with "0%" reads "50%", 5 with `0"件"` reads "5件").
 * Thousands separators are left out: the digits are what matter and "1,234" would read as a list.
 */
export function formatNumber(n: number, code: string, date1904 = false): string {
  if (!code || /^general$/i.test(code.trim()) || code === '@') return general(n);
  const sections = code.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0]!;
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1]!.trim() !== '') {
    section = sections[1]!;
    value = -n; // the negative section prints its own sign or parentheses
  } else if (n === 0 && sections.length > 2 && sections[2]!.trim() !== '') {
    section = sections[2]!;
  }
  if (isDateFormat(section)) return excelDate(n, date1904);
  if (/General/i.test(skeleton(section))) {
    return section.replace(/"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.|General/gi, (m, q?: string, e?: string) =>
      q !== undefined ? q : e !== undefined ? e : /^general$/i.test(m) ? general(value) : '',
    );
  }
  const sk = skeleton(section);
  const run = /[0#?][0#?,.]*(?:E[+-][0#?]+)?%?|\.[0#?]+/i.exec(sk);
  if (!run) return general(n);
  const placeholder = run[0];
  const percent = (sk.match(/%/g) ?? []).length;
  const exp = /E[+-]/i.test(placeholder);
  const [intPat = '', fracPat = ''] = placeholder.replace(/E[+-].*$/i, '').replace(/%/g, '').split('.');
  const scaleCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  const minDec = (fracPat.match(/0/g) ?? []).length;
  const maxDec = (fracPat.match(/[0#?]/g) ?? []).length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  let v = value * 100 ** percent / 1000 ** scaleCommas;
  let text: string;
  if (exp) {
    text = v.toExponential(maxDec).replace(/e([+-])(\d)$/, 'E$10$2').toUpperCase();
  } else {
    v = Number(v.toPrecision(15));
    text = roundDecimal(v, maxDec);
    if (maxDec > minDec && text.includes('.')) {
      const [i, f = ''] = text.split('.');
      let frac = f;
      while (frac.length > minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
      text = frac ? `${i}.${frac}` : i!;
    }
    const neg = text.startsWith('-');
    let [i = '', f] = (neg ? text.slice(1) : text).split('.');
    if (i.length < minInt) i = i.padStart(minInt, '0');
    if (minInt === 0 && i === '0' && f) i = '';
    text = (neg ? '-' : '') + i + (f !== undefined ? '.' + f : '');
  }
  // Put the number in place of the placeholder run and keep the literals around it.
  let out = '';
  let placed = false;
  const re = /"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.|([0#?][0#?,.]*(?:E[+-][0#?]+)?|\.[0#?]+)|(.)/gi;
  for (const m of section.matchAll(re)) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (m[3] !== undefined) {
      if (!placed) out += text;
      placed = true;
    } else if (m[4] !== undefined) out += m[4];
  }
  return out.trim();
}

// ---- workbook --------------------------------------------------------------------------------------------

interface Styles {
  /** cellXfs index → format code. */
  formats: string[];
}

function parseStyles(xml: string | null): Styles {
  if (!xml) return { formats: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1]!, 'numFmtId'));
    const code = attr(m[1]!, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const formats: string[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1]!, 'numFmtId') ?? 0);
    formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
  }
  return { formats };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3" → { row: 3, col: 2 } (1-based). */
function cellAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), col: colNumber(m[1]!) } : null;
}

interface SheetCell {
  text: string;
}

interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

interface Sheet {
  cells: Map<number, Map<number, SheetCell>>;
  merges: Merge[];
}

function parseSheet(xml: string, shared: string[], styles: Styles, date1904: boolean): Sheet {
  const cells = new Map<number, Map<number, SheetCell>>();
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? '';
  let rowNumber = 0;
  for (const rm of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attr(rm[1]!, 'r'));
    rowNumber = Number.isFinite(r) && r > 0 ? r : rowNumber + 1;
    let colNumberInRow = 0;
    const row = new Map<number, SheetCell>();
    for (const cm of (rm[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attrs = cm[1]!;
      const body = cm[2] ?? '';
      const address = cellAddress(attr(attrs, 'r') ?? '');
      colNumberInRow = address ? address.col : colNumberInRow + 1;
      const type = attr(attrs, 't') ?? 'n';
      const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = v !== undefined ? (shared[Number(v)] ?? '') : '';
      else if (type === 'inlineStr') text = runText(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body)?.[1] ?? '');
      else if (type === 'str' || type === 'e') text = v !== undefined ? unescapeOoxml(v) : '';
      else if (type === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (type === 'd') text = v !== undefined ? unescapeXml(v) : '';
      else if (v !== undefined && v.trim() !== '') {
        const n = Number(v);
        const style = Number(attr(attrs, 's') ?? 0);
        text = Number.isFinite(n) ? formatNumber(n, styles.formats[style] ?? 'General', date1904) : unescapeXml(v);
      }
      if (text !== '') row.set(colNumberInRow, { text });
    }
    if (row.size) cells.set(rowNumber, row);
  }
  const merges: Merge[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g)) {
    const [a, b] = (attr(m[1]!, 'ref') ?? '').split(':');
    const from = cellAddress(a ?? '');
    const to = cellAddress(b ?? a ?? '');
    if (!from || !to) continue;
    merges.push({ r0: Math.min(from.row, to.row), c0: Math.min(from.col, to.col), r1: Math.max(from.row, to.row), c1: Math.max(from.col, to.col) });
  }
  return { cells, merges };
}

/** A sheet's rows as grid lines (see readXlsx). */
function sheetLines(sheetName: string, table: number, sheet: Sheet): DocLine[] {
  const text = (r: number, c: number) => sheet.cells.get(r)?.get(c)?.text ?? '';
  // Where each merged slot belongs: the merge, by top-left.
  const mergeAt = new Map<string, Merge>();
  for (const m of sheet.merges) {
    // A runaway merge (whole columns) would make millions of slots: keep it to the used rows.
    for (let r = m.r0; r <= Math.min(m.r1, m.r0 + 10_000); r++) for (let c = m.c0; c <= Math.min(m.c1, m.c0 + 1000); c++) mergeAt.set(`${r}:${c}`, m);
  }
  const filled = sheet.merges.filter((m) => text(m.r0, m.c0).trim() !== '');
  let minCol = Infinity;
  for (const row of sheet.cells.values()) for (const [c, cell] of row) if (cell.text.trim()) minCol = Math.min(minCol, c);
  for (const m of filled) minCol = Math.min(minCol, m.c0);
  if (minCol === Infinity) return [];
  // The rows with text of their own, each with its last used column and how many things it shows.
  const rows: { r: number; last: number; shown: number }[] = [];
  for (const r of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const own = [...sheet.cells.get(r)!].filter(([, cell]) => cell.text.trim() !== '');
    if (!own.length) continue;
    let last = Math.max(...own.map(([c]) => c));
    const merges = filled.filter((m) => m.r0 <= r && r <= m.r1);
    for (const m of merges) last = Math.max(last, m.c1);
    const ownOutside = own.filter(([c]) => !mergeAt.has(`${r}:${c}`)).length;
    rows.push({ r, last, shown: ownOutside + merges.length });
  }
  // A block of adjacent rows of two or more cells is one table: its rows run to its widest row, so a blank
  // cell in the last column (总计 left empty) is kept, but a table is not padded to a wider one on the sheet.
  const width = new Map<number, number>();
  let block: typeof rows = [];
  const close = () => {
    const last = Math.max(...block.map((b) => b.last));
    for (const b of block) width.set(b.r, last);
    block = [];
  };
  for (const row of rows) {
    const prev = block[block.length - 1];
    if (prev && (row.r !== prev.r + 1 || row.shown < 2 || prev.shown < 2)) close();
    block.push(row);
  }
  if (block.length) close();
  const lines: DocLine[] = [];
  for (const { r } of rows) {
    const maxCol = width.get(r)!;
    const cells: DocCell[] = [];
    for (let c = minCol; c <= maxCol; c++) {
      const m = mergeAt.get(`${r}:${c}`);
      if (m) {
        const first = Math.max(m.c0, minCol);
        if (c !== first) continue; // covered by the span of the merge's first cell in this row
        const span = Math.min(m.c1, maxCol) - first + 1;
        const cell: DocCell = { text: text(m.r0, m.c0), ref: { sheet: sheetName, row: m.r0, col: m.c0 }, gridCol: first - minCol, gridSpan: span };
        if (r !== m.r0) cell.copy = true;
        cells.push(cell);
        continue;
      }
      cells.push({ text: text(r, c), ref: { sheet: sheetName, row: r, col: c }, gridCol: c - minCol, gridSpan: 1 });
    }
    lines.push({ cells, table, split: 'grid' });
  }
  return lines;
}

function relTargets(xml: string | null, base: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    let target = attr(m[1]!, 'Target');
    if (!id || !target) continue;
    if (target.startsWith('/')) target = target.slice(1);
    else {
      const parts = (base + target).split('/');
      const norm: string[] = [];
      for (const p of parts) {
        if (p === '..') norm.pop();
        else if (p !== '.' && p !== '') norm.push(p);
      }
      target = norm.join('/');
    }
    out.set(id, target);
  }
  return out;
}

/**
 * An .xlsx workbook as a DocModel: every sheet (in workbook order) gives its non-empty rows as lines with
 * split 'grid' and `table` = the sheet's 1-based position. Lines start at the sheet's first used column; a run of
 * adjacent rows of two or more cells (one table) runs to its widest row's last column, blank cells kept (text '');
 * cells carry `ref: { sheet, row, col }` with the sheet's own 1-based row and column numbers
 * (col 2 = column B) and `gridCol` (0-based from the first used column). A merged range gives one cell with
 * `gridSpan` on its first row and a `copy: true` repeat on each further row it covers.
 * Errors (DocumentError): 'legacy-office' (.xls), 'encrypted', 'truncated', 'unsupported'.
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<DocModel> {
  const problem = officeProblem(bytes, 'xlsx');
  if (problem) throw problem;
  const entries: Map<string, ZipEntry> = zipEntries(bytes);
  const workbook = await zipText(bytes, entries, 'xl/workbook.xml');
  if (workbook === null) throw new DocumentError('unsupported', '压缩包里没有 Excel 工作簿(xl/workbook.xml)', 'The file holds no Excel workbook (xl/workbook.xml)');
  const rels = relTargets(await zipText(bytes, entries, 'xl/_rels/workbook.xml.rels'), 'xl/');
  const shared: string[] = [];
  const sharedXml = await zipText(bytes, entries, 'xl/sharedStrings.xml');
  if (sharedXml) for (const m of sharedXml.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g)) shared.push(runText(m[1] ?? ''));
  const styles = parseStyles(await zipText(bytes, entries, 'xl/styles.xml'));
  const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbook)?.[1] ?? '';
  const date1904 = /^(1|true)$/i.test(attr(pr, 'date1904') ?? '');
  const lines: DocLine[] = [];
  let table = 0;
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const sheetName = attr(m[1]!, 'name') ?? '';
    const rid = attr(m[1]!, 'id');
    const path = (rid && rels.get(rid)) || `xl/worksheets/sheet${table + 1}.xml`;
    table++;
    const xml = await zipText(bytes, entries, path);
    if (xml === null) continue; // a chart sheet or a missing part: nothing to read
    lines.push(...sheetLines(sheetName, table, parseSheet(xml, shared, styles, date1904)));
  }
  const core = await zipText(bytes, entries, 'docProps/core.xml');
  const title = core ? unescapeXml(/<dc:title>([\s\S]*?)<\/dc:title>/.exec(core)?.[1] ?? '').trim() : '';
  return { name, format: 'xlsx', lines, meta: title ? { title } : {} };
}
