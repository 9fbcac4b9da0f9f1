// The Word front end: .docx → HTML with the table's merged cells as colspan/rowspan, for the HTML front end.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../src/ingest/document/docx';
import { DocumentError } from '../../src/ingest/document/types';
import { zip } from '../helpers/zipWriter';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

/** A table 三 corner in Word's terms: gridSpan for column spans, vMerge restart/continue for row spans. */
function document(): Uint8Array {
  const body =
    p('三、收到和处理政府信息公开申请情况') +
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
    `<w:tr>${tc(p('（本列数据的勾稽关系）'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc(p('法人或其他组织'), '<w:gridSpan w:val="2"/>')}</w:tr>` +
    `<w:tr>${tc('<w:p/>', '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc(p('社会') + p('公益') + p('组织'))}${tc(p('法律服务机构'))}</w:tr>` +
    `<w:tr>${tc(p('三、本年度办理结果'), '<w:vMerge w:val="restart"/>')}${tc(p('（一）予以公开'))}${tc(p('2'))}${tc('<w:p/>')}</w:tr>` +
    `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('（二）部分公开'))}${tc(p('0'))}${tc(p('1'))}</w:tr>` +
    '</w:tbl>';
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return (err as DocumentError).code;
  }
  return 'read';
}

describe('DOCX → HTML', () => {
  it('keeps merged cells as colspan and rowspan, and a cell’s paragraphs as <p>', async () => {
    const { html } = await docxToHtml(document());
    expect(html).toBe(
      '<p>三、收到和处理政府信息公开申请情况</p><table>' +
        '<tr><td colspan="2" rowspan="2"><p>（本列数据的勾稽关系）</p></td><td colspan="2"><p>法人或其他组织</p></td></tr>' +
        '<tr><td><p>社会</p><p>公益</p><p>组织</p></td><td><p>法律服务机构</p></td></tr>' +
        '<tr><td rowspan="2"><p>三、本年度办理结果</p></td><td><p>（一）予以公开</p></td><td><p>2</p></td><td></td></tr>' +
        '<tr><td><p>（二）部分公开</p></td><td><p>0</p></td><td><p>1</p></td></tr>' +
        '</table>',
    );
  });

  it('refuses .doc, password-protected, cut and foreign files with a reason', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codeOf(docxToHtml(ole))).toBe('legacy-office');
    const encrypted = ole.slice();
    encrypted.set(Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat(), 512);
    expect(await codeOf(docxToHtml(encrypted))).toBe('encrypted');
    const good = document();
    expect(await codeOf(docxToHtml(good.subarray(0, Math.floor(good.length * 0.5))))).toBe('truncated');
    expect(await codeOf(docxToHtml(zip({ 'xl/workbook.xml': '<workbook/>' })))).toBe('unsupported');
    expect(await codeOf(docxToHtml(new TextEncoder().encode('%PDF-1.7\n')))).toBe('unsupported');
  });
});

const DOCS = 'tests/fixtures/documents';

describe.runIf(existsSync(`${DOCS}/docx/pingtan_2021.docx`))('DOCX fixtures (the GB2021 Word template filled with real figures)', () => {
  it('pingtan_2021: table 三 keeps the template’s spans; 行政复议 header spans five columns', async () => {
    const { html } = await docxToHtml(new Uint8Array(readFileSync(`${DOCS}/docx/pingtan_2021.docx`)));
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toMatch(/<td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/p><\/td>/);
    expect(html).toMatch(/<td rowspan="22"><p>三、本年度办理结果<\/p><\/td>/);
    expect(html).toMatch(/<td rowspan="8"><p>（三）不予公开<\/p><\/td>/);
    expect(html).toMatch(/<td colspan="5"><p>行政复议<\/p><\/td>/);
    expect(html).not.toMatch(/<img/);
  });

  it.runIf(existsSync(`${DOCS}/bad/legacy_word97.doc`))('the Word 97 .doc and the cut .docx fixtures', async () => {
    expect(await codeOf(docxToHtml(new Uint8Array(readFileSync(`${DOCS}/bad/legacy_word97.doc`))))).toBe('legacy-office');
    expect(await codeOf(docxToHtml(new Uint8Array(readFileSync(`${DOCS}/bad/truncated.docx`))))).toBe('truncated');
  });
});
