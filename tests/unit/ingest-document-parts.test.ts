// The parts of the document pipeline, each held to the cases it exists for: label search, the readings of glued
// and OCR'd figures, value tokens, the report's head (organ, year, date, address), figures in prose, the web-page
// and text front ends, routing by content, corrections in the review, the review sheet, neighbouring years.
import { describe, expect, it } from 'vitest';
import { refineAcrossYears } from '../../src/ingest/document/crossYear';
import { decodeDocument } from '../../src/ingest/document/decode';
import { editDocument, refineDocuments } from '../../src/ingest/document/edit';
import { allowedEdits, findApprox } from '../../src/ingest/document/fuzzy';
import { htmlToDoc } from '../../src/ingest/document/html';
import { interpret, type ExtractedReport } from '../../src/ingest/document/interpret';
import { readMeta } from '../../src/ingest/document/meta';
import { textToDoc } from '../../src/ingest/document/plainText';
import { readProse } from '../../src/ingest/document/prose';
import { readings, asPrinted, type Reading } from '../../src/ingest/document/readings';
import { buildStream } from '../../src/ingest/document/stream';
import { valueTokens, type ValueToken } from '../../src/ingest/document/tokens';
import { isDataHeader, looksLikeReportText, routeOf } from '../../src/ingest/route';
import type { FileResult } from '../../src/ingest/types';
import type { Report } from '../../src/model/report';
import { findingsByKey, reportSheet } from '../../src/query/reportSheet';
import { gbkBytes } from '../fixtures/import/encode';

/** Value tokens of a text, as they would be read after a label. */
function tokensOf(text: string): ValueToken[] {
  const stream = buildStream(textToDoc('t', text));
  return valueTokens(stream, 0, stream.text.length);
}

const values = (r: Reading | undefined) => r?.values.map((v) => v.value);
const glued = () => 0;

describe('label search', () => {
  it.each([
    ['exact', '属于国家秘密00000002其他法律行政0000000法规禁止公开', '其他法律行政', 1, [[14, 20, 0]]],
    ['a glyph dropped by a PDF font map', '2其他法律行政止公开000', '其他法律行政法规', 2, [[1, 9, 2]]],
    ['too far off', '1昆工园党秘密OO00000', '属于国家秘密', 1, []],
  ] as const)('%s', (_why, text, pattern, edits, want) => {
    expect(findApprox(text, pattern, 0, text.length, edits).map((m) => [m.start, m.end, m.distance])).toEqual(want);
  });
  it('short labels must match exactly', () => {
    expect([allowedEdits(2), allowedEdits(3), allowedEdits(5), allowedEdits(9)]).toEqual([0, 0, 1, 2]);
  });
});

describe('readings of a row', () => {
  const i2 = { n: 7, splitCost: glued, groups: { sizes: [7] } };
  it('glued digits with spaces between some of them: I2 leaves one reading of least cost ("200 000121")', () => {
    const r = readings(tokensOf('200 000121'), i2, true);
    const cheapest = r.filter((x) => x.cost === r[0].cost);
    expect(cheapest.map(values)).toEqual([[20, 0, 0, 0, 0, 1, 21]]);
  });
  it('digits glued across the whole row: I2 chooses ("640020470" → 64 0 0 2 0 4 70)', () => {
    expect(values(readings(tokensOf('640020470'), i2, true)[0])).toEqual([64, 0, 0, 2, 0, 4, 70]);
  });
  it('a stray OCR digit ("1 0" for one zero) is dropped, and the reading says so', () => {
    const r = readings(tokensOf('1 0\t0\t0\t0\t0\t0\t0'), i2, true);
    expect(values(r[0])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r[0].dropped).toBe(1);
  });
  it('a figure lost in print is inferred from the identity, marked inferred; where it could stand is a doubt', () => {
    // Six zeros for seven columns: wherever the lost one stood, I2 makes it 0 — one reading.
    const zeros = readings(tokensOf('0\t0\t0\t0\t0\t0'), i2, true);
    expect(zeros.map(values)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(zeros[0].values.filter((v) => v.repair === 'inferred')).toHaveLength(1);
    // "5 0 0 0 0 8": 5 0 0 0 0 3 8 and 3 5 0 0 0 0 8 both hold: more than one reading, left to the person.
    expect(readings(tokensOf('5\t0\t0\t0\t0\t8'), i2, true).map(values)).toEqual(expect.arrayContaining([[5, 0, 0, 0, 0, 3, 8], [3, 5, 0, 0, 0, 0, 8]]));
  });
  it('table 四: seventeen digits into fifteen figures, three groups whose totals are sums (I4)', () => {
    const r = readings(tokensOf('10203120001200000'), { n: 15, splitCost: glued, groups: { sizes: [5, 5, 5] } }, true);
    expect(values(r[0])).toEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });
  it('a row printed as exactly its cells is read as printed, even when its identity fails (never corrected)', () => {
    const printed = asPrinted(tokensOf('6\t0\t0\t0\t0\t1\t8'), 7, { sizes: [7] });
    expect(values(printed ?? undefined)).toEqual([6, 0, 0, 0, 0, 1, 8]);
    expect(printed?.fails).toBe(1);
  });
  it('a sign starts a figure, and only 本年增/减 may be negative ("2648-18538")', () => {
    const r = readings(tokensOf('2648-18538'), { n: 3, splitCost: glued, signed: (i) => i === 1 }, false);
    expect(r.map(values)).toContainEqual([2648, -18, 538]);
    expect(r.every((x) => x.values.every((v, i) => (v.value ?? 0) >= 0 || i === 1))).toBe(true);
  });
  it('leading zeros never start a figure: "007" is 0, 0, 7', () => {
    expect(readings(tokensOf('007'), { n: 3, splitCost: glued }, false).map(values)).toEqual([[0, 0, 7]]);
  });
});

describe('value tokens', () => {
  it('the next label’s ordinal glued to the figures is not a figure ("00000002.其他…")', () => {
    expect(tokensOf('0000000 2.其他法律').map((t) => t.text)).toEqual(['0000000']);
    expect(tokensOf('00000002.其他法律').map((t) => t.text)).toEqual(['0000000']);
  });
  it('article numbers, years and page numbers are no figures; blanks and OCR zeros are', () => {
    expect(tokensOf('第二十条第(5)项 2020年 第 3 页 12').map((t) => t.text)).toEqual(['12']);
    const grid = buildStream(htmlToDoc('g', '<table><tr><td>x</td><td>—</td><td>&nbsp;</td><td>О</td><td>13.595</td></tr></table>'));
    const t = valueTokens(grid, grid.text.indexOf('\t'), grid.text.length);
    expect(t.map((x) => [x.kind, x.text, x.int ?? '', x.ocr ?? false])).toEqual([
      ['blank', '-', '', false],
      ['blank', '', '', false],
      ['num', 'О', '0', true],
      ['num', '13.595', '13', false],
    ]);
  });
  it('an amount keeps its unit, also standing apart ("73802895.90 元")', () => {
    expect(tokensOf('395        73802895.90 元').map((t) => [t.text, t.unit ?? ''])).toEqual([
      ['395', ''],
      ['73802895.90 元', '元'],
    ]);
  });
});

describe('the head of a report', () => {
  it.each([
    ['organ before the year', ['标题: 平潭综合实验区2020年度政府信息公开工作年度报告', '发布时间: 2021-03-05 08:58', '原文链接: https://www.pingtan.gov.cn/x/t20210305_80595.htm'], { agency: '平潭综合实验区', year: 2020, published: '2021-03-05', url: 'https://www.pingtan.gov.cn/x/t20210305_80595.htm' }],
    ['year before the organ, full-width colon', ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '发布日期：2020-01-31'], { agency: '上海市人民政府办公厅', year: 2019, published: '2020-01-31' }],
    ['letter-spaced title', ['### 大峪镇人民政府 2020 年政府信息公开工作年度报告'], { agency: '大峪镇人民政府', year: 2020 }],
    ['breadcrumb before the title', ['首页 > 政务公开 > 桂花坪街道2020年政府信息公开工作年度报告'], { agency: '桂花坪街道', year: 2020 }],
    ['named in a sentence', ['本报告由邹城市太平镇人民政府按照《条例》编制。本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。'], { agency: '邹城市太平镇人民政府', year: 2024 }],
    ['a quoted title is another document', ['根据《眉山市东坡区人民政府办公室关于做好2020年度政府信息公开年度报告有关工作的通知》', '2020年,我镇…'], { year: 2020 }],
    ['only 我镇: the organ is left to the person', ['一、总体情况', '2021年,我镇认真贯彻…'], { year: 2021 }],
  ] as const)('%s', (_why, lines, want) => {
    const meta = readMeta(lines, {});
    expect({ agency: meta.agency, year: meta.year, published: meta.published, url: meta.url }).toEqual({ agency: undefined, published: undefined, url: undefined, ...want });
  });
});

describe('figures in prose', () => {
  const figures = (text: string) => Object.fromEntries(readProse(text).map((f) => [f.key, f.approx ? `≈${f.value}` : f.value]));
  it.each([
    ['approximate, letter-spaced', '2020 年,我镇政务公开平台共更新信息 907 余条。', { 'headline.published_items.total': '≈907' }],
    ['total and channels', '我镇通过不同渠道主动公开政务信息共217条。其中,门户网站公开125条,微信公众号公开92条。', { 'headline.published_items.total': 217, 'headline.published_items.website': 125, 'headline.published_items.wechat': 92 }],
    ['a breakdown by kind is no total', '全区共公布政府信息2602条(其中机构职能类信息82条,其他应主动公开政府信息1053条)。', { 'headline.published_items.total': 2602 }],
    ['a kind of content is no total', '今年累计主动公开采购信息25条、工程招投标信息188条。', {}],
    ['regulations and documents published, not those in force', '主动公开新增市政府规章18件(含新制定4件,修改14件)、行政规范性文件707件。集中公开现行有效行政规范性文件698件。', { 'headline.published_regulations.total': 18, 'headline.published_normative_docs.total': 707 }],
    ['requests in prose', '共受理政府信息公开申请859件;答复政府信息公开申请805件(含上年度结转申请18件,另有72件申请按照《条例》顺延到下年度答复)。予以公开及部分公开258件,占33.9%;不予公开35件;因本机关不掌握等原因无法提供265件;不予处理158件;其他处理0件。', { 'requests_text.new_received.total': 859, 'requests_text.results_total.total': 805, 'requests_text.carried_over.total': 18, 'requests_text.carried_forward.total': 72, 'requests_text.granted_plus_partial.total': 258, 'requests_text.denied_subtotal.total': 35, 'requests_text.unable_subtotal.total': 265, 'requests_text.notproc_subtotal.total': 158, 'requests_text.other_subtotal.total': 0 }],
    ['received and handled: scope unclear', '2023年收到和处理信息公开申请共计165份。', { 'headline.applications_received.total': 165 }],
    ['review and litigation', '信息公开类行政复议7件,诉讼9件,均获维持。', { 'review_text.admin_review.total': 7, 'review_text.litigation_all.total': 9 }],
    ['none happened is no figure', '2021年,我局未发生依申请公开政府信息方面的行政复议和行政诉讼。', {}],
  ] as const)('%s', (_why, text, want) => {
    expect(figures(text)).toEqual(want);
  });
});

describe('front ends', () => {
  it('web page: spans expanded, group labels repeated as copies, layout tables read as blocks, title and address', () => {
    const html = `<!-- saved from url=(0040)http://www.example.gov.cn/nb/2020.html -->
      <html><head><title>某镇2020年政府信息公开工作年度报告</title></head><body>
      <table><tr><td><p>正文</p><table border="1">
        <tr><td rowspan="2">三、本年度<br>办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
        <tr><td>1.</td><td>属于国家秘密</td><td>&nbsp;</td></tr>
      </table></td></tr></table></body></html>`;
    const doc = htmlToDoc('page.html', html);
    expect(doc.meta).toEqual({ title: '某镇2020年政府信息公开工作年度报告', url: 'http://www.example.gov.cn/nb/2020.html' });
    expect(doc.lines[0]).toMatchObject({ split: 'none', cells: [{ text: '正文' }] });
    const rows = doc.lines.filter((l) => l.table === 1);
    expect(rows.map((r) => r.cells.map((c) => `${c.copy ? '^' : ''}${c.text}@${c.gridCol}`))).toEqual([
      ['三、本年度办理结果@0', '（一）予以公开@1', '5@3'],
      ['^三、本年度办理结果@0', '1.@1', '属于国家秘密@2', '@3'],
    ]);
  });
  it('a GBK page read through its <meta charset>', () => {
    const bytes = gbkBytes('<html><head><meta charset="gb2312"><title>年度报告</title></head><body>主动公开</body></html>');
    expect(decodeDocument(bytes, true)).toMatchObject({ encoding: 'gb18030', replaced: 0 });
    expect(decodeDocument(bytes, true).text).toContain('主动公开');
  });
  it('text: tabs and pipes split cells; text laid out with spaces keeps each cell’s columns', () => {
    const doc = textToDoc('t.txt', '规章 | 0 | 0 | 0 |\n行政许可\t1\t2\n一、本年新收政府信息公开申请数量       821 35   859\n一段没有分隔的文字123');
    expect(doc.lines.map((l) => [l.split, l.cells.map((c) => c.text)])).toEqual([
      ['gap', ['规章', '0', '0', '0']],
      ['gap', ['行政许可', '1', '2']],
      ['gap', ['一、本年新收政府信息公开申请数量', '821 35', '859']],
      ['none', ['一段没有分隔的文字123']],
    ]);
    expect(doc.lines[2].cells.map((c) => [c.x0, c.x1])).toEqual([
      [0, 16],
      [23, 29],
      [32, 35],
    ]);
  });
});

describe('which reader a file needs', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['our wide CSV', '机构,年度,予以公开/总计\n平潭,2020,7\n', 'data'],
    ['our long CSV', 'agency,year,section,row,column,value\n', 'data'],
    ['JSON', '[{"agency":"x"}]', 'data'],
    ['a report as text', '平潭综合实验区2020年政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息2602条', 'document'],
    ['a web page', '<!doctype html><html><body>x</body></html>', 'document'],
    ['a PDF', '%PDF-1.7\n', 'document'],
    ['an image renamed', '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00', 'document'],
    ['a CSV without our header is still a CSV (its problems say why)', 'a,b,c\n1,2,3\n', 'data'],
  ] as const)('%s → %s', (_why, text, want) => {
    expect(routeOf(bytes(text))).toBe(want);
  });
  it('a document far larger than any report is refused with its size, before it is read', async () => {
    const { extractReports } = await import('../../src/ingest/document/extract');
    const big = '政府信息公开工作年度报告 主动公开\n'.repeat(400_000);
    const res = await extractReports({ name: 'huge.txt', bytes: new TextEncoder().encode(big) }, {} as never);
    expect(res.error?.code).toBe('too-large');
    expect(res.error?.zh).toMatch(/文件太大\(\d+(\.\d)? MB,上限 10 MB\)/);
  });
  it('header and report words', () => {
    expect(isDataHeader(['机构', '年度', '予以公开'])).toBe(true);
    expect(isDataHeader(['规章', '0'])).toBe(false);
    expect(looksLikeReportText('政府信息公開工作年度報告 主動公開')).toBe(true);
  });
});

function extracted(text: string, name = 'r.txt'): ExtractedReport {
  const e = interpret(textToDoc(name, text));
  if (!e) throw new Error('nothing read');
  return e;
}

const GB2019_TEXT = [
  '某镇人民政府2020年政府信息公开工作年度报告',
  '二、主动公开政府信息情况',
  '第二十条第（五）项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '第二十条第（八）项',
  '信息内容\t上一年项目数量\t本年增/减',
  '行政事业性收费\t350',
  '三、收到和处理政府信息公开申请情况',
  '申请人情况',
  '一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2',
].join('\n');

function asFile(e: ExtractedReport): FileResult {
  return {
    file: 'r.txt',
    bytes: 1,
    kind: 'document',
    encoding: 'utf-8',
    encodingSource: 'document',
    replacementChars: 0,
    columns: [],
    rows: 1,
    emptyLines: 0,
    reports: [e.report],
    problems: [],
    problemsTotal: 0,
    documents: { format: 'text', extracted: [e] },
  };
}

describe('corrections in the review', () => {
  it('a typed figure replaces the reading and is final; blank and absent are kept apart; organ and year given', () => {
    const file = asFile(extracted(GB2019_TEXT));
    const key = 'requests.new_received.total';
    let f = editDocument(file, 0, { kind: 'value', key, cell: { value: 3 } });
    expect(f.reports[0].cells[key]).toEqual({ value: 3 });
    expect(f.documents?.extracted[0].sources[key]).toMatchObject({ edited: true });
    expect(file.reports[0].cells[key]?.value).toBe(2); // the original result is untouched
    f = editDocument(f, 0, { kind: 'value', key, cell: { value: null } });
    expect(f.reports[0].cells[key]).toEqual({ value: null });
    f = editDocument(f, 0, { kind: 'value', key, cell: undefined });
    expect(key in f.reports[0].cells).toBe(false);
    // Another reading of a whole row, as the review sheet offers it for a row printed ambiguously.
    const fees = ['active_2019.admin_fees.prev_year_items', 'active_2019.admin_fees.change_this_year'];
    const options = f.documents?.extracted[0].rowOptions.find((o) => o.keys.join() === fees.join())?.options ?? [];
    expect(options).toEqual(expect.arrayContaining([[35, 0], [3, 50]]));
    f = editDocument(f, 0, { kind: 'row', keys: fees, values: [3, 50] });
    expect(fees.map((k) => f.reports[0].cells[k]?.value)).toEqual([3, 50]);
    expect(fees.every((k) => f.documents?.extracted[0].sources[k]?.edited && !f.documents?.extracted[0].sources[k]?.doubt)).toBe(true);
    f = editDocument(f, 0, { kind: 'year', year: 1800 });
    expect([f.reports[0].year, f.documents?.extracted[0].needs.year]).toEqual([0, true]);
    f = editDocument(f, 0, { kind: 'agency', agency: '  大峪镇人民政府 ' });
    expect([f.reports[0].agency, f.documents?.extracted[0].needs.agency]).toEqual(['大峪镇人民政府', false]);
  });

  it('a doubtful row is settled by the stored year before it; level, region and count units come from the store', () => {
    const e = extracted(GB2019_TEXT);
    // "行政事业性收费 350": 35 | 0 or 3 | 50 — nothing in the report tells.
    const prev = 'active_2019.admin_fees.prev_year_items';
    const change = 'active_2019.admin_fees.change_this_year';
    expect(e.sources[prev]?.doubt).toBe('ambiguous');
    const stored: Report = {
      agency: '某镇人民政府',
      year: 2019,
      region: '某省某市',
      level: '乡镇',
      format: 'GB2019',
      source: 's',
      cells: { [prev]: { value: 35, unit: '项' }, [change]: { value: 0, unit: '项' } },
    };
    const [refined] = refineDocuments([asFile(e)], [stored]);
    const r = refined.documents?.extracted[0];
    expect([r?.report.cells[prev]?.value, r?.report.cells[change]?.value]).toEqual([35, 0]);
    expect(r?.sources[prev]).toMatchObject({ byNeighbours: true });
    expect(r?.sources[prev]?.doubt).toBeUndefined();
    expect(r?.doubtful).toBe(0);
    expect([r?.report.region, r?.report.level]).toEqual(['某省某市', '乡镇']);
    // The person's own correction is final: neighbours do not move it.
    const edited = editDocument(asFile(e), 0, { kind: 'value', key: prev, cell: { value: 3 } });
    expect(refineAcrossYears(edited.documents?.extracted ?? [], [stored])[0].report.cells[prev]?.value).toBe(3);
  });
});

describe('the review sheet', () => {
  it('draws the official layout with each cell’s state, doubts and findings; other figures follow as a list', () => {
    const e = extracted(`${GB2019_TEXT}\n(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t—\t0\t0\t0\t0\t0\t0\n共更新信息907余条。`);
    const findings = findingsByKey([{ id: 'f1', year: 2020, cells: [{ key: 'requests.new_received.total', year: 2020 }] }], 2020);
    const sheet = reportSheet(e.report, { doubts: e.sources, findings });
    expect(sheet.tables.map((t) => t.id)).toEqual(['active', 'requests', 'review']);
    const cells = sheet.tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'value');
    const byKey = (k: string) => cells.find((c) => c.kind === 'value' && c.key === k);
    expect(byKey('requests.new_received.total')).toMatchObject({ state: 'number', value: 2, findings: ['f1'] });
    expect(byKey('active_2019.admin_fees.prev_year_items')).toMatchObject({ state: 'number', doubt: 'ambiguous' });
    expect(byKey('requests.partially_granted.natural_person')).toMatchObject({ state: 'blank', printed: '-' });
    expect(byKey('review.admin_review.total')).toMatchObject({ state: 'absent', value: null });
    expect(sheet.other.map((f) => [f.key, f.value, f.approx])).toEqual([['headline.published_items.total', 907, true]]);
    // Keyboard order runs through the tables, then the other figures.
    expect(sheet.order[0]).toBe('active_2019.regulations.made_this_year');
    expect(sheet.order[sheet.order.length - 1]).toBe('headline.published_items.total');
  });
});
