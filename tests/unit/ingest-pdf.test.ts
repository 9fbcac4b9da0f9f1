// The PDF front end: ruled tables rebuilt as grids, text without rules as gap-split cells with x extents,
// cMaps for non-embedded Chinese fonts, tables split over pages, and the errors a person can act on.
// Hand-made PDFs (a minimal writer below) pin each case exactly; the generated fixtures under
// tests/fixtures/documents (Chromium and LibreOffice PDFs of real reports) check real producers' output.
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readPdfNode } from '../../src/ingest/document/pdf/node';
import { pdfToDocModel } from '../../src/ingest/document/pdf/layout';
import type { PdfPageData } from '../../src/ingest/document/pdf/types';
import { DocumentError, type DocLine, type DocModel } from '../../src/ingest/document/types';
import { cellBorders, H, line, pdfBytes, text, textRight, ucs2, W, type Box } from '../helpers/pdfWriter';

// ---- helpers -------------------------------------------------------------------------------------------

const texts = (l: DocLine) => l.cells.map((c) => c.text);
const tableRows = (doc: DocModel, table: number) => doc.lines.filter((l) => l.table === table);

async function errorOf(p: Promise<unknown>): Promise<DocumentError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return err as DocumentError;
  }
  throw new Error('no error');
}

// A small table 三 in the shape of the official one: a corner cell over 2 header rows, 法人或其他组织 over two
// columns whose headers are printed on three lines each, a group label over two rows, one blank value cell.
const X = [40, 150, 250, 320, 390, 460];
const Y = [100, 120, 170, 190, 210, 230];

function requestTable(style: 'thin-rect' | 'stroke'): string {
  const cells: Box[] = [
    { x0: X[0]!, y0: Y[0]!, x1: X[2]!, y1: Y[2]! }, // corner, 2 columns × 2 rows
    { x0: X[2]!, y0: Y[0]!, x1: X[3]!, y1: Y[2]! }, // 自然人, 2 rows
    { x0: X[3]!, y0: Y[0]!, x1: X[5]!, y1: Y[1]! }, // 法人或其他组织, 2 columns
    { x0: X[3]!, y0: Y[1]!, x1: X[4]!, y1: Y[2]! },
    { x0: X[4]!, y0: Y[1]!, x1: X[5]!, y1: Y[2]! },
    { x0: X[0]!, y0: Y[2]!, x1: X[2]!, y1: Y[3]! }, // 一、本年新收…, 2 columns
    { x0: X[2]!, y0: Y[2]!, x1: X[3]!, y1: Y[3]! },
    { x0: X[3]!, y0: Y[2]!, x1: X[4]!, y1: Y[3]! },
    { x0: X[4]!, y0: Y[2]!, x1: X[5]!, y1: Y[3]! },
    { x0: X[0]!, y0: Y[3]!, x1: X[1]!, y1: Y[5]! }, // 三、本年度办理结果, 2 rows
    ...[3, 4].flatMap((r) => [1, 2, 3, 4].map((c) => ({ x0: X[c]!, y0: Y[r]!, x1: X[c + 1]!, y1: Y[r + 1]! }))),
  ];
  let s = cellBorders(cells, style);
  s += text(45, 140, '（本列数据的勾稽关系）', 9);
  s += text(255, 147, '自然人');
  s += text(335, 115, '法人或其他组织');
  // Header cells of three lines each.
  s += text(330, 135, '社会') + text(330, 149, '公益') + text(330, 163, '组织');
  s += text(400, 135, '法律') + text(400, 149, '服务') + text(400, 163, '机构');
  s += text(45, 184, '一、本年新收政府信息公开申请数量', 8);
  s += textRight(310, 184, '64') + textRight(380, 184, '2') + textRight(450, 184, '0');
  s += text(45, 224, '三、本年度办理结果', 8);
  s += text(155, 204, '（一）予以公开') + textRight(310, 204, '27') + textRight(380, 204, '2') + textRight(450, 204, '0');
  // (二) has a blank cell under 社会公益组织.
  s += text(155, 224, '（二）部分公开') + textRight(310, 224, '5') + textRight(450, 224, '0');
  return s;
}

function checkRequestTable(doc: DocModel, table: number): void {
  const rows = tableRows(doc, table);
  expect(rows).toHaveLength(5);
  for (const r of rows) expect(r.split).toBe('grid');
  // Five grid columns; every row covers all of them.
  for (const r of rows) expect(r.cells.reduce((n, c) => n + (c.gridSpan ?? 1), 0)).toBe(5);
  expect(texts(rows[0]!)).toEqual(['（本列数据的勾稽关系）', '自然人', '法人或其他组织']);
  expect(rows[0]!.cells.map((c) => [c.gridCol, c.gridSpan])).toEqual([[0, 2], [2, 1], [3, 2]]);
  expect(texts(rows[1]!)).toEqual(['（本列数据的勾稽关系）', '自然人', '社会公益组织', '法律服务机构']);
  expect(rows[1]!.cells.map((c) => !!c.copy)).toEqual([true, true, false, false]);
  expect(rows[1]!.cells.map((c) => c.gridCol)).toEqual([0, 2, 3, 4]);
  expect(texts(rows[2]!)).toEqual(['一、本年新收政府信息公开申请数量', '64', '2', '0']);
  expect(texts(rows[3]!)).toEqual(['三、本年度办理结果', '（一）予以公开', '27', '2', '0']);
  // The blank cell is kept, in its column; the group label is repeated as a copy pointing at where it is printed.
  expect(texts(rows[4]!)).toEqual(['三、本年度办理结果', '（二）部分公开', '5', '', '0']);
  expect(rows[4]!.cells.map((c) => c.gridCol)).toEqual([0, 1, 2, 3, 4]);
  expect(rows[4]!.cells[0]!.copy).toBe(true);
  expect(rows[4]!.cells[0]!.ref.row).toBe(4);
  expect(rows[4]!.cells[3]!.copy).toBeUndefined();
  // Boxes are the cells' rectangles in points from the top-left.
  expect(rows[3]!.cells[0]!.ref.box?.map(Math.round)).toEqual([40, 190, 110, 40]);
  // col counts the cells printed in the row (the copy is not printed there).
  expect(rows[4]!.cells[3]!.ref).toMatchObject({ page: 1, table, row: 5, col: 3 });
}

describe('PDF tables from ruling lines', () => {
  it('rebuilds a table drawn with thin filled rectangles (Word/WPS), with a non-embedded Chinese font', async () => {
    // A diagonal watermark across the table must not land in its cells.
    const watermark = `BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 150 560 Tm <${ucs2('内部资料')}> Tj ET\n`;
    const bytes = pdfBytes([text(40, 60, '三、收到和处理政府信息公开申请情况', 12) + requestTable('thin-rect') + watermark]);
    const doc = await readPdfNode(bytes, 'word-like.pdf');
    expect(doc).toMatchObject({ name: 'word-like.pdf', format: 'pdf', pages: 1 });
    // The cMaps worked: the Chinese labels, not only digits.
    expect(doc.lines[0]).toMatchObject({ split: 'gap', page: 1, cells: [{ text: '三、收到和处理政府信息公开申请情况' }] });
    checkRequestTable(doc, 1);
  });

  it('rebuilds the same table drawn with stroked lines', async () => {
    const doc = await readPdfNode(pdfBytes([requestTable('stroke')]), 'stroked.pdf');
    checkRequestTable(doc, 1);
  });

  it('reads a page shown sideways (/Rotate 90) the way a person reads it after turning the paper', async () => {
    const doc = await readPdfNode(pdfBytes([requestTable('thin-rect')], { rotate: 90 }), 'sideways.pdf');
    checkRequestTable(doc, 1);
  });

  it('cuts a table ruled by columns only into its rows (figures stacked in one grid row)', async () => {
    const xs = [40, 200, 270, 340];
    let s = '';
    for (const x of xs) s += line(x, 100, x, 180);
    for (const y of [100, 120, 180]) s += line(40, y, 340, y);
    s += text(45, 114, '信息内容') + text(205, 114, '制发') + text(275, 114, '废止');
    const rows = [
      ['规章', '0', '0'],
      ['行政规范性文件', '12', '3'],
      ['其他文件', '7', '-'],
    ];
    rows.forEach(([label, a, b], i) => {
      const y = 136 + i * 16;
      s += text(45, y, label!) + textRight(265, y, a!) + textRight(335, y, b!);
    });
    const doc = await readPdfNode(pdfBytes([s]), 'columns.pdf');
    expect(doc.lines.map(texts)).toEqual([
      ['信息内容', '制发', '废止'],
      ['规章', '0', '0'],
      ['行政规范性文件', '12', '3'],
      ['其他文件', '7', '-'],
    ]);
    for (const l of doc.lines) expect(l.cells.map((c) => c.gridCol)).toEqual([0, 1, 2]);
  });

  it('keeps each page part of a table split over two pages and drops the page numbers', async () => {
    const header: Box[] = [0, 1, 2].map((c) => ({ x0: 40 + c * 120, y0: 700, x1: 160 + c * 120, y1: 720 }));
    const row = (y: number): Box[] => [0, 1, 2].map((c) => ({ x0: 40 + c * 120, y0: y, x1: 160 + c * 120, y1: y + 20 }));
    const page1 =
      cellBorders([...header, ...row(720), ...row(740)], 'stroke') +
      text(45, 714, '信息内容') + text(165, 714, '本年制发件数') + text(285, 714, '本年废止件数') +
      text(45, 734, '规章') + textRight(275, 734, '3') + textRight(395, 734, '1') +
      text(45, 754, '行政规范性文件') + textRight(275, 754, '12') + textRight(395, 754, '0') +
      text(290, 810, '-1-');
    const page2 =
      cellBorders([...row(60), ...row(80)], 'stroke') +
      text(45, 74, '行政许可') + textRight(275, 74, '278') + textRight(395, 74, '') +
      text(45, 94, '行政处罚') + textRight(275, 94, '538') + textRight(395, 94, '7') +
      text(40, 130, '四、政府信息公开行政复议、行政诉讼情况', 12) +
      text(285, 810, '第 2 页');
    const doc = await readPdfNode(pdfBytes([page1, page2]), 'split.pdf');
    expect(doc.pages).toBe(2);
    expect(doc.lines.map((l) => [l.page, l.table ?? null, texts(l).join('|')])).toEqual([
      [1, 1, '信息内容|本年制发件数|本年废止件数'],
      [1, 1, '规章|3|1'],
      [1, 1, '行政规范性文件|12|0'],
      [2, 2, '行政许可|278|'],
      [2, 2, '行政处罚|538|7'],
      [2, null, '四、政府信息公开行政复议、行政诉讼情况'],
    ]);
    // The second part keeps the first one's columns.
    expect(tableRows(doc, 2)[1]!.cells.map((c) => c.gridCol)).toEqual([0, 1, 2]);
  });
});

describe('PDF text without ruling lines', () => {
  it('splits lines into cells at wide gaps, with x extents that put each number under its header', async () => {
    // Column centres 250, 320, 390, 460: headers centred (three lines each), numbers right-aligned at centre+15.
    const cols = [250, 320, 390, 460];
    const head = ['自然人', '社会公益组织', '法律服务机构', '总计'];
    let s = text(40, 60, '三、收到和处理政府信息公开申请情况', 12);
    head.forEach((h, i) => (s += text(cols[i]! - (h.length * 10) / 2, 100, h)));
    const row = (y: number, label: string, values: (string | null)[]) => {
      s += text(40, y, label);
      values.forEach((v, i) => v !== null && (s += textRight(cols[i]! + 15, y, v)));
    };
    row(120, '（一）予以公开', ['27', '2', '0', '29']);
    row(136, '（二）部分公开', ['5', null, '0', '5']); // blank under 社会公益组织
    row(152, '（三）不予公开', ['1024', '0', '0', '1024']);
    const doc = await readPdfNode(pdfBytes([s]), 'stream.pdf');
    for (const l of doc.lines) expect(l).toMatchObject({ split: 'gap', page: 1 });
    expect(doc.lines.map(texts)).toEqual([
      ['三、收到和处理政府信息公开申请情况'],
      ['自然人', '社会公益组织', '法律服务机构', '总计'],
      ['（一）予以公开', '27', '2', '0', '29'],
      ['（二）部分公开', '5', '0', '5'],
      ['（三）不予公开', '1024', '0', '0', '1024'],
    ]);
    const header = doc.lines[1]!.cells;
    // The header a number stands under: the nearest by horizontal distance (0 when they overlap).
    const distance = (x0: number, x1: number, h: { x0?: number; x1?: number }) => Math.max(0, h.x0! - x1, x0 - h.x1!);
    const under = (x0: number, x1: number) => {
      const d = header.map((h) => distance(x0, x1, h));
      const best = Math.min(...d);
      // Unambiguous: the next nearest header is at least 10 points further.
      expect(d.filter((v) => v < best + 10)).toHaveLength(1);
      return d.indexOf(best);
    };
    const columnsOf = (l: DocLine) => l.cells.slice(1).map((c) => under(c.x0!, c.x1!));
    expect(columnsOf(doc.lines[2]!)).toEqual([0, 1, 2, 3]);
    expect(columnsOf(doc.lines[3]!)).toEqual([0, 2, 3]);
    expect(columnsOf(doc.lines[4]!)).toEqual([0, 1, 2, 3]);
    expect(header[1]!.x0).toBe(290);
    expect(header[1]!.x1).toBe(350);
    expect(doc.lines[2]!.cells[1]).toMatchObject({ text: '27', x0: 255, x1: 265, ref: { page: 1 } });
    expect(doc.lines[2]!.cells[2]).toMatchObject({ text: '2', x0: 330, x1: 335 });
  });

  it('joins letter-spaced labels and keeps a number cut into two runs as one', () => {
    const item = (str: string, x0: number, x1: number, base = 100) => ({ str, x0, x1, y0: base - 8.6, y1: base + 1.4, base, size: 10, horizontal: true });
    const page: PdfPageData = {
      page: 1,
      width: W,
      height: H,
      segments: [],
      items: [
        ...['总', '计'].map((c, i) => item(c, 40 + i * 20, 50 + i * 20)),
        item('7730', 200, 220),
        item('.28', 220, 235),
        item('三', 40, 50, 130),
        item('、本', 60, 80, 130),
        item('年度', 90, 110, 130),
      ],
    };
    const doc = pdfToDocModel([page], 'items.pdf');
    expect(doc.lines.map(texts)).toEqual([['总计', '7730.28'], ['三、本年度']]);
  });
});

describe('PDF errors', () => {
  it('a scan (an image, no text) → no-text-layer', async () => {
    const err = await errorOf(readPdfNode(pdfBytes(['q 595 0 0 842 0 0 cm /Im1 Do Q\n', 'q 595 0 0 842 0 0 cm /Im1 Do Q\n'], { image: true }), 'scan.pdf'));
    expect(err.code).toBe('no-text-layer');
    expect(err.zh).toBe('这是扫描件,没有文字层:请用 OCR 转成文字后粘贴,或按模板录入');
  });

  it('a password we do not have → encrypted', async () => {
    const err = await errorOf(readPdfNode(pdfBytes([text(40, 60, '表')], { encrypt: true }), 'locked.pdf'));
    expect(err.code).toBe('encrypted');
    expect(err.zh).toContain('另存为未加密的 PDF');
  });

  it('cut short or damaged → truncated; not a PDF → unsupported', async () => {
    const good = pdfBytes([requestTable('stroke')]);
    expect((await errorOf(readPdfNode(good.subarray(0, Math.floor(good.length * 0.6)), 'cut.pdf'))).code).toBe('truncated');
    const garbage = new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(300) + '\n%%EOF\n');
    expect((await errorOf(readPdfNode(garbage, 'bad.pdf'))).code).toBe('truncated');
    expect((await errorOf(readPdfNode(new TextEncoder().encode('<html></html>'), 'page.pdf'))).code).toBe('unsupported');
  });
});

// ---- generated fixtures: real reports printed by Chromium and exported by LibreOffice -----------------------

const DOCS = 'tests/fixtures/documents';
const nfkc = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

interface Figure {
  agency: string;
  year: string;
  section: string;
  row: string;
  column: string;
  value: string;
}

const figures = () => Papa.parse<Figure>(readFileSync('src/sample/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
/** Table 三's printed row labels by row key (the last part of the label path; GB2019/GB2021 notes dropped). */
const requestLabels = () =>
  new Map(
    Papa.parse<string[]>(readFileSync('tests/fixtures/labels.csv', 'utf8'), { skipEmptyLines: true })
      .data.filter((r) => r[0] === 'requests')
      .map((r) => [r[1]!, nfkc(r[2]!.split('/').pop()!.replace(/\[[^\]]*\]$/, ''))]),
  );
const COLUMNS = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org', 'total'];
const REPORTS = [
  { id: 'pingtan_2020', agency: '平潭综合实验区', year: '2020' },
  { id: 'pingtan_2023', agency: '平潭综合实验区', year: '2023' },
  { id: 'shanghai_office_2019', agency: '上海市人民政府办公厅', year: '2019' },
];

describe.runIf(existsSync(`${DOCS}/pdf-office/pingtan_2020.pdf`))('PDF fixtures of real reports', () => {
  const all = figures();
  const labels = requestLabels();
  for (const producer of ['pdf-chromium', 'pdf-office']) {
    for (const report of REPORTS) {
      it(`${producer}/${report.id}: every figure of table 三 in its row and column, blank cells kept`, async () => {
        const doc = await readPdfNode(new Uint8Array(readFileSync(`${DOCS}/${producer}/${report.id}.pdf`)), `${report.id}.pdf`);
        const grid = doc.lines.filter((l) => l.split === 'grid');
        expect(grid.length).toBeGreaterThan(30);
        // The header cells, joined from their lines.
        const headerTexts = grid.flatMap((l) => l.cells.filter((c) => !c.copy).map((c) => nfkc(c.text)));
        for (const h of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '申请人情况', '未经复议直接起诉']) expect(headerTexts).toContain(h);
        const mine = all.filter((f) => f.agency === report.agency && f.year === report.year && f.section === 'requests');
        let checked = 0;
        for (const [rowKey, label] of labels) {
          const expected = COLUMNS.map((c) => mine.find((f) => f.row === rowKey && f.column === c)?.value);
          if (expected.some((v) => v === undefined)) continue; // a row this report's format does not have
          // A row may break across a page (LibreOffice lets it): its label is then cut, the tail on the next page.
          const line =
            grid.find((l) => l.cells.some((c) => !c.copy && nfkc(c.text) === label)) ??
            grid.find((l) => l.cells.some((c) => !c.copy && nfkc(c.text).length >= 12 && label.startsWith(nfkc(c.text))));
          expect(line, `${rowKey}: ${label}`).toBeDefined();
          // The seven value cells are the row's last seven grid columns.
          const values = line!.cells.slice(-7);
          expect(values.map((c) => c.text), `${rowKey}: ${label}`).toEqual(expected);
          expect(values.every((c) => !c.copy && c.gridSpan === 1)).toBe(true);
          checked++;
        }
        expect(checked).toBeGreaterThanOrEqual(22);
      });
    }
  }

  it('pdf-office/pingtan_2020: table 二 with the procurement amount as printed; vertical merges as copies', async () => {
    const doc = await readPdfNode(new Uint8Array(readFileSync(`${DOCS}/pdf-office/pingtan_2020.pdf`)), 'pingtan_2020.pdf');
    const find = (label: string) => doc.lines.find((l) => l.cells.some((c) => !c.copy && c.text === label))!;
    expect(texts(find('政府集中采购'))).toEqual(['政府集中采购', '395', '73802895.90元']);
    expect(texts(find('行政处罚'))).toEqual(['行政处罚', '2648', '-18', '538']);
    const secret = find('1.属于国家秘密');
    expect(secret.cells.slice(0, 3).map((c) => [c.text, !!c.copy])).toEqual([
      ['三、本年度办理结果', true],
      ['（三）不予公开', false],
      ['1.属于国家秘密', false],
    ]);
    // Lines of one table part share its number and page.
    const part = doc.lines.filter((l) => l.table === secret.table);
    expect(new Set(part.map((l) => l.page))).toEqual(new Set([secret.page]));
  });

  it.runIf(existsSync(`${DOCS}/manifest.json`))('the bad PDFs give the error the manifest expects', async () => {
    const manifest = JSON.parse(readFileSync(`${DOCS}/manifest.json`, 'utf8')) as { file: string; expectError?: string }[];
    const bad = manifest.filter((e) => e.file.endsWith('.pdf') && e.expectError);
    expect(bad.map((e) => e.file).sort()).toEqual(['bad/encrypted_user_password.pdf', 'bad/png_renamed.pdf', 'bad/scanned_no_text_layer.pdf', 'bad/truncated.pdf']);
    for (const e of bad) {
      const err = await errorOf(readPdfNode(new Uint8Array(readFileSync(`${DOCS}/${e.file}`)), e.file));
      expect(err.code, e.file).toBe(e.expectError);
    }
  });
});
