// The Excel front end: every sheet's rows as grid lines, merged ranges as spans and copies, numbers as the
// sheet shows them. Workbooks are written here (a minimal zip writer) so each case is exact; the generated
// fixtures under tests/fixtures/documents/xlsx check a LibreOffice-saved workbook of a real report.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffDocument } from '../../src/ingest/document/sniff';
import { DocumentError, type DocLine } from '../../src/ingest/document/types';
import { formatNumber, readXlsx } from '../../src/ingest/document/xlsx';
import { zip } from '../helpers/zipWriter';

// ---- a workbook in the shape of table 三 ------------------------------------------------------------------

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const shared = ['（本列数据的勾稽关系）', '申请人情况', '自然人', '法人或其他组织', '社会公益组织', '法律服务机构', '三、本年度办理结果', '（一）予以公开', '（三）不予公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '总计'];
const s = (text: string) => `t="s"><v>${shared.indexOf(text)}</v>`;

const sheet1 = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>
<row r="2"><c r="B2" ${s('（本列数据的勾稽关系）')}</c><c r="E2" ${s('申请人情况')}</c></row>
<row r="3"><c r="E3" ${s('自然人')}</c><c r="F3" ${s('法人或其他组织')}</c><c r="H3" ${s('总计')}</c></row>
<row r="4"><c r="F4" ${s('社会公益组织')}</c><c r="G4" s="0" t="inlineStr"><is><r><t>法律</t></r><r><t>服务机构</t></r></is></c></row>
<row r="5"><c r="B5" ${s('三、本年度办理结果')}</c><c r="C5" ${s('（一）予以公开')}</c><c r="E5"><v>27</v></c><c r="F5" s="1"><v>2</v></c><c r="G5"><v>0</v></c><c r="H5"><f>SUM(E5:G5)</f><v>29</v></c></row>
<row r="6"><c r="C6" ${s('（三）不予公开')}</c><c r="D6" ${s('1.属于国家秘密')}</c><c r="E6"><v>0</v></c><c r="G6"><v>0</v></c><c r="H6"><v>0</v></c></row>
<row r="7"><c r="D7" ${s('2.其他法律行政法规禁止公开')}</c><c r="E7"><v>1</v></c><c r="F7"><v>0</v></c><c r="G7"><v>0</v></c><c r="H7"><v>1</v></c></row>
<row r="8"><c r="B8" t="str"><v>采购总金额</v></c><c r="E8" s="2"><v>73802895.900000006</v></c><c r="F8" s="3"><v>13.6</v></c><c r="G8" s="4"><v>0.125</v></c><c r="H8" s="5"><v>5</v></c></row>
</sheetData><mergeCells count="6"><mergeCell ref="B2:D4"/><mergeCell ref="E2:H2"/><mergeCell ref="E3:E4"/><mergeCell ref="F3:G3"/><mergeCell ref="H3:H4"/><mergeCell ref="B5:B7"/></mergeCells>
<mergeCells><mergeCell ref="C5:D5"/><mergeCell ref="C6:C7"/></mergeCells></worksheet>`;

const sheet2 = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>说明 &amp; 备注</x:t></x:is></x:c><x:c r="B1" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t xml:space="preserve">  </x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3"><x:v>0.30000000000000004</x:v></x:c><x:c r="B3" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

function workbook(): Uint8Array {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="表三" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/other.xml"/></Relationships>',
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS}>${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="0.00&quot;元&quot;"/><numFmt numFmtId="177" formatCode="0&quot;件&quot;"/></numFmts>
<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="1"/><xf numFmtId="176"/><xf numFmtId="2"/><xf numFmtId="10"/><xf numFmtId="177"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/other.xml': sheet2,
    'docProps/core.xml': '<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某区2021年政府信息公开工作年度报告</dc:title></cp:coreProperties>',
  });
}

const texts = (l: DocLine) => l.cells.map((c) => (c.copy ? '^' : '') + c.text);

describe('XLSX → DocModel', () => {
  it('gives each sheet its non-empty rows, merged ranges as spans with copies below, blank cells kept', async () => {
    const doc = await readXlsx(workbook(), '表三.xlsx');
    expect(doc).toMatchObject({ name: '表三.xlsx', format: 'xlsx', meta: { title: '某区2021年政府信息公开工作年度报告' } });
    const t1 = doc.lines.filter((l) => l.table === 1);
    for (const l of doc.lines) expect(l.split).toBe('grid');
    expect(t1.map(texts)).toEqual([
      ['（本列数据的勾稽关系）', '申请人情况'],
      ['^（本列数据的勾稽关系）', '自然人', '法人或其他组织', '总计'],
      ['^（本列数据的勾稽关系）', '^自然人', '社会公益组织', '法律服务机构', '^总计'],
      ['三、本年度办理结果', '（一）予以公开', '27', '2', '0', '29'],
      ['^三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '0', '', '0', '0'],
      ['^三、本年度办理结果', '^（三）不予公开', '2.其他法律行政法规禁止公开', '1', '0', '0', '1'],
      ['采购总金额', '', '', '73802895.90元', '13.60', '12.50%', '5件'],
    ]);
    // Grid columns from the first used column (B), spans from the merges.
    expect(t1[0]!.cells.map((c) => [c.gridCol, c.gridSpan])).toEqual([[0, 3], [3, 4]]);
    expect(t1[2]!.cells.map((c) => [c.gridCol, c.gridSpan])).toEqual([[0, 3], [3, 1], [4, 1], [5, 1], [6, 1]]);
    expect(t1[4]!.cells.map((c) => c.gridCol)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Refs: the sheet's own row and column numbers (col 2 = B); a copy points at the merge's first cell.
    expect(t1[3]!.cells[2]!.ref).toEqual({ sheet: '表三', row: 5, col: 5 });
    expect(t1[5]!.cells[0]!.ref).toEqual({ sheet: '表三', row: 5, col: 2 });
    expect(t1[4]!.cells[4]!).toEqual({ text: '', ref: { sheet: '表三', row: 6, col: 6 }, gridCol: 4, gridSpan: 1 });
  });

  it('reads the second sheet (prefixed XML, inline strings, booleans, errors; General without float noise)', async () => {
    const doc = await readXlsx(workbook(), 'x.xlsx');
    const t2 = doc.lines.filter((l) => l.table === 2);
    expect(t2.map(texts)).toEqual([
      ['说明 & 备注', 'TRUE'],
      ['0.3', '#DIV/0!'],
    ]);
    expect(t2[1]!.cells[0]!.ref).toEqual({ sheet: '说明', row: 3, col: 1 });
  });

  it('formats numbers as Excel shows them', () => {
    expect(formatNumber(73802895.9, 'General')).toBe('73802895.9');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatNumber(13.6, '0.00')).toBe('13.60');
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
    expect(formatNumber(2.5, '0')).toBe('3');
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1234567.89');
    expect(formatNumber(0.5, '0%')).toBe('50%');
    expect(formatNumber(13.595, '0.000_ ')).toBe('13.595');
    expect(formatNumber(7730.28, '#,##0.00"万元"')).toBe('7730.28万元');
    expect(formatNumber(-15, '0;[Red]-0')).toBe('-15');
    expect(formatNumber(-15, '0;(0)')).toBe('(15)');
    expect(formatNumber(3, '0.##')).toBe('3');
    expect(formatNumber(3.14159, '0.##')).toBe('3.14');
    expect(formatNumber(44197, 'yyyy-mm-dd')).toBe('2021-01-01');
    expect(formatNumber(44197, 'yyyy"年"m"月"d"日"')).toBe('2021-01-01');
    expect(formatNumber(1500000, '#,##0,')).toBe('1500');
  });

  it('refuses legacy, encrypted, cut and foreign files with a reason', async () => {
    const code = async (bytes: Uint8Array) => {
      try {
        await readXlsx(bytes, 'f.xlsx');
      } catch (err) {
        expect(err).toBeInstanceOf(DocumentError);
        return (err as DocumentError).code;
      }
      return 'read';
    };
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await code(ole)).toBe('legacy-office');
    const encrypted = ole.slice();
    encrypted.set(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat(), 1024);
    expect(await code(encrypted)).toBe('encrypted');
    const good = workbook();
    expect(await code(good.subarray(0, Math.floor(good.length * 0.6)))).toBe('truncated');
    expect(await code(new TextEncoder().encode('a,b\n1,2\n'))).toBe('unsupported');
    expect(await code(zip({ 'word/document.xml': '<w:document/>' }))).toBe('unsupported');
  });
});

describe('sniffDocument', () => {
  it('tells the kinds apart from the bytes', () => {
    const enc = (t: string) => new TextEncoder().encode(t);
    expect(sniffDocument(enc('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffDocument(enc('\r\n\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(sniffDocument(workbook())).toBe('xlsx');
    expect(sniffDocument(workbook().subarray(0, 60))).toBe('zip'); // not enough of it to see an xl/ entry
    expect(sniffDocument(zip({ 'word/document.xml': '<w:document/>' }))).toBe('docx');
    expect(sniffDocument(zip({ 'a.txt': 'a' }))).toBe('zip');
    expect(sniffDocument(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffDocument(enc('<!doctype html>'))).toBeNull();
    expect(sniffDocument(new Uint8Array())).toBeNull();
  });
});

const FIXTURES = 'tests/fixtures/documents/xlsx';

describe.runIf(existsSync(`${FIXTURES}/shanghai_office_2019.xlsx`))('XLSX fixtures (LibreOffice workbooks of real reports)', () => {
  it('shanghai_office_2019: table 三 with its merged group labels, blank 总计 cells and the procurement amount', async () => {
    const doc = await readXlsx(new Uint8Array(readFileSync(`${FIXTURES}/shanghai_office_2019.xlsx`)), 'shanghai_office_2019.xlsx');
    const find = (label: string) => doc.lines.find((l) => l.cells.some((c) => !c.copy && c.text === label));
    const values = (l: DocLine | undefined) => l!.cells.filter((c) => !c.copy && !/[\u4e00-\u9fff]/.test(c.text)).map((c) => c.text);
    expect(values(find('一、本年新收政府信息公开申请数量'))).toEqual(['821', '35', '', '', '2', '1', '859']);
    const granted = find('（一）予以公开')!;
    expect(granted.cells[0]!.text).toBe('三、本年度办理结果');
    expect(granted.cells[0]!.copy).toBeUndefined();
    // The row runs to the table's last column (总计) and no further.
    expect(granted.cells.at(-1)).toMatchObject({ text: '', gridCol: 9 });
    const secret = find('1.属于国家秘密')!;
    expect(secret.cells.filter((c) => c.copy).map((c) => c.text)).toEqual(['三、本年度办理结果']);
    // 总计 left empty in the outcome rows (the published report's error) stays an empty cell.
    expect(values(secret)).toEqual(['14', '', '', '', '', '', '']);
    const procurement = find('政府集中采购')!;
    expect(procurement.cells.map((c) => c.text)).toContain('251000元');
  });
});
