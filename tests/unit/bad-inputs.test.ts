// Broken and hostile input, one file per case (tests/fixtures/bad/, written by make.ts; the three large cases made
// by large.ts; the bad published documents of tests/fixtures/documents/bad join them). Each file is read the way the
// import worker reads it (readSource: routed by content), and the table holds what must come back: how many reports
// could still be imported, and every problem with file, row, column and the words the person reads. Reading never
// writes: the store, seeded with the sample, dumps the same before and after the whole corpus, and nothing reaches
// Object.prototype.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToHtml } from '../../src/ingest/document/docx';
import type { FrontEnds } from '../../src/ingest/document/extract';
import { readPdfNode } from '../../src/ingest/document/pdf/node';
import { readXlsx } from '../../src/ingest/document/xlsx';
import { bytesSource } from '../../src/ingest/encoding';
import { buildPlan } from '../../src/ingest/plan';
import { readSource } from '../../src/ingest/read';
import { sampleReports } from '../../src/ingest/sample';
import type { FileResult } from '../../src/ingest/types';
import { reportId, type Report } from '../../src/model/report';
import { allReports, openStore, seedSampleOnce, type Db } from '../../src/store/db';
import { LARGE, type LargeName } from '../fixtures/bad/large';

const BAD = 'tests/fixtures/bad/';
const DOCS = 'tests/fixtures/documents/bad/';
const frontEnds: FrontEnds = { pdf: (b, n) => readPdfNode(b, n), docx: (b) => docxToHtml(b), xlsx: (b, n) => readXlsx(b, n) };

type Listed = [code: string, row: number | undefined, column: string | undefined, zh: string];

interface Case {
  /** Reports the file still gives (its good lines), which the review would import. */
  reports: number;
  /** Every problem listed, in order (the file's own problems are few: all of them are asserted). */
  problems: Listed[];
}

const HEADER_HELP = '无法识别表头:宽表需要“机构”“年度”两列,长表还需要“行”“列”“数值”三列。文件的表头是:';
const NOT_TYPE = '无法识别的文件类型:可以导入网页(.html)、PDF、Word(.docx)、Excel(.xlsx)、文本(.txt)和 CSV/JSON。';
const NO_TABLES = '文件已读取,但没有找到年报的表格(二、三、四)或正文中的统计数字:它似乎不是政府信息公开工作年度报告。如果是扫描件,请先用 OCR 转成文字;也可以按模板录入。';
const mixed = (utf8: number, other: number) =>
  `文件混用了两种编码:第 ${utf8} 行是 UTF-8,第 ${other} 行不是 UTF-8(可能是 GBK)。无论按哪种编码读取,都有一部分文字会读错:请把整个文件另存为同一种编码后再导入,文件没有读取`;
const badYear = (y: string) => `年度“${y}”不是有效年份(应为 1990–2100 之间的四位数字,如 2020)`;
const PT = '平潭综合实验区';

const CASES: Record<string, Case> = {
  'unbalanced-quote.csv': {
    reports: 0,
    problems: [['unclosed-quote', 2, '予以公开/总计', '第 2 行“予以公开/总计”列的引号没有闭合:从这里到文件末尾都会成为一个字段。请补上引号后再导入,文件没有读取']],
  },
  'unbalanced-quote-in-header.csv': {
    reports: 0,
    problems: [['unclosed-quote', 1, '2', '第 1 行第 2 列的引号没有闭合:从这里到文件末尾都会成为一个字段。请补上引号后再导入,文件没有读取']],
  },
  'stray-quote-mid-field.csv': { reports: 1, problems: [['bad-number', 2, '予以公开/总计', '数值“7"x”不是数字']] },
  'wrong-delimiter-pipe.csv': {
    reports: 0,
    problems: [['no-header', 1, undefined, `${HEADER_HELP}机构|年度|予以公开/总计(表头只有 1 列,似乎以竖线分隔:请改用逗号、制表符或分号)`]],
  },
  'wrong-delimiter-tab-rows.csv': {
    reports: 0,
    problems: [
      ['wrong-delimiter', 2, undefined, '本行只有 1 个字段,表头有 4 列(以逗号分隔):本行似乎以制表符分隔,未读取'],
      ['wrong-delimiter', 3, undefined, '本行只有 1 个字段,表头有 4 列(以逗号分隔):本行似乎以制表符分隔,未读取'],
    ],
  },
  'extra-fields.csv': { reports: 1, problems: [['extra-fields', 2, '', '本行有 6 个字段,表头只有 4 列;多出的字段未读取']] },
  'mixed-encoding-utf8-then-gbk.csv': { reports: 0, problems: [['mixed-encoding', 3, undefined, mixed(1, 3)]] },
  'mixed-encoding-gbk-then-utf8.csv': { reports: 0, problems: [['mixed-encoding', 1, undefined, mixed(3, 1)]] },
  'mixed-encoding-bom-utf8-then-gbk.csv': { reports: 0, problems: [['mixed-encoding', 3, undefined, mixed(1, 3)]] },
  'xlsx-renamed.csv': {
    reports: 0,
    problems: [['no-tables', undefined, undefined, '工作簿已读取,但既不是本工具的长表/宽表(第一行需有“机构”“年度”列),也没有找到年报的表格二、三、四。']],
  },
  'zip-renamed.csv': { reports: 0, problems: [['unsupported', undefined, undefined, NOT_TYPE]] },
  'png-renamed.csv': { reports: 0, problems: [['unsupported', undefined, undefined, NOT_TYPE]] },
  'pdf-renamed.json': { reports: 0, problems: [['no-tables', undefined, undefined, NO_TABLES]] },
  'zero-bytes.csv': { reports: 0, problems: [['empty-file', undefined, undefined, '文件是空的']] },
  'bom-only.csv': { reports: 0, problems: [['empty-file', undefined, undefined, '文件是空的']] },
  'blank-lines-only.csv': { reports: 0, problems: [['empty-file', undefined, undefined, '文件是空的']] },
  'header-only.csv': { reports: 0, problems: [['no-rows', 1, undefined, '文件只有表头,没有数据行']] },
  'no-header.csv': { reports: 0, problems: [['no-header', 1, undefined, `${HEADER_HELP}${PT}、2020、7、3`]] },
  'duplicate-headers.csv': {
    reports: 1,
    problems: [['duplicate-column', 1, 'requests.granted.total', '列“requests.granted.total”与列“予以公开/总计”是同一指标(requests.granted.total),本列未读取']],
  },
  'duplicate-organ-column.csv': { reports: 1, problems: [['duplicate-column', 1, '机构名称', '列“机构名称”与第 1 列“机构”含义相同,本列未读取']] },
  'same-organ-year-twice.csv': { reports: 1, problems: [['duplicate-report', 3, '机构', `${PT} 2020 年在本文件中出现了两次,本行未读取`]] },
  'same-organ-year-twice-long.csv': { reports: 1, problems: [['duplicate-key', 3, '部分/行/列', `${PT} 2020 年的“requests.granted.total”重复出现`]] },
  'year-1900.csv': { reports: 0, problems: [['bad-year', 2, '年度', badYear('1900')]] },
  'year-3000.csv': { reports: 0, problems: [['bad-year', 2, '年度', badYear('3000')]] },
  'year-chinese-numerals.csv': { reports: 0, problems: [['bad-year', 2, '年度', badYear('二〇二〇')]] },
  'year-1900.json': { reports: 0, problems: [['bad-report', 1, 'year', '第 1 份年报未读取:“year”应为 >=1990,实际为 1900']] },
  'negative-count.csv': { reports: 1, problems: [['negative', 2, '予以公开/总计', '数值“-7”为负数,只有“本年增/减”可以为负']] },
  'negative-count.json': {
    reports: 0,
    problems: [
      ['negative', 1, 'cells.requests.granted.total', '第 1 份年报:“requests.granted.total”为负数 -7,只有“本年增/减”可以为负,该单元格未读取'],
      ['no-figures', 1, 'cells', `第 1 份年报(${PT} 2020 年)没有可读取的数值,未导入`],
    ],
  },
  'nan-and-infinity.csv': {
    reports: 0,
    problems: [
      ['bad-number', 2, '予以公开/总计', '数值“NaN”不是数字'],
      ['bad-number', 2, '采购项目数量', '数值“Infinity”不是数字'],
      ['no-figures', 2, '机构', `${PT} 2020 年这一行没有可读取的数值,未导入`],
    ],
  },
  'number-1e999.csv': { reports: 1, problems: [['bad-number', 2, '予以公开/总计', '数值“1e999”不是数字']] },
  'number-400-digits.csv': {
    reports: 1,
    problems: [['too-large', 2, '予以公开/总计', `数值“${'9'.repeat(60)}…(400 字符 chars)”有 400 位整数,超过 15 位,无法精确保存`]],
  },
  'nan-literal.json': {
    reports: 0,
    problems: [['bad-json', undefined, undefined, '不是有效的 JSON:Unexpected token \'N\', ...":{"value":NaN}}}]" is not valid JSON']],
  },
  'infinity-1e999.json': {
    reports: 0,
    problems: [['bad-report', 1, 'cells.requests.granted.total.value', '第 1 份年报未读取:“cells.requests.granted.total.value”应为有限的数字,实际为 Infinity']],
  },
  'proto-headers.csv': { reports: 0, problems: [['no-figures', 2, '机构', `${PT} 2020 年这一行没有可读取的数值,未导入`]] },
  'proto-labels-long.csv': {
    reports: 0,
    problems: [
      ['unknown-key', 2, '部分/行/列', '未能识别的指标:部分“__proto__”,行“constructor”,列“prototype”'],
      ['unknown-key', 3, '部分/行/列', '未能识别的指标:部分“requests”,行“__proto__”,列“total”'],
    ],
  },
  'proto-cell-keys.json': {
    reports: 1,
    problems: [
      ['unknown-key', 1, 'cells.__proto__', '第 1 份年报:未知的指标“__proto__”,该单元格未读取'],
      ['unknown-key', 1, 'cells.constructor', '第 1 份年报:未知的指标“constructor”,该单元格未读取'],
      ['unknown-key', 1, 'cells.prototype', '第 1 份年报:未知的指标“prototype”,该单元格未读取'],
    ],
  },
  'proto-report-key.json': { reports: 0, problems: [['bad-report', 1, '__proto__', '第 1 份年报未读取:未知的字段“__proto__”']] },
  'proto-backup.json': { reports: 0, problems: [['bad-backup', undefined, '__proto__', '文件结构不符:未知的字段“__proto__”']] },
  'deep-arrays-5000.json': { reports: 0, problems: [['bad-report', 1, undefined, '第 1 项不是年报对象(是 数组 array),未读取']] },
  'deep-array-in-report.json': { reports: 0, problems: [['bad-report', 1, 'region', '第 1 份年报未读取:“region”应为 string,实际为 Array']] },
  // Hostile names that are still names: kept as the text they are (the browser test shows they stay text).
  'organ-html-script.csv': { reports: 1, problems: [] },
  'organ-html-script.json': { reports: 1, problems: [] },
  'organ-formula.csv': { reports: 2, problems: [] },
  'organ-right-to-left-override.csv': {
    reports: 0,
    problems: [['invisible-char', 2, '机构', '机构名称“平潭‹U+202E›区验实合综”的第 3 个字符是看不见的 U+202E(从右到左覆盖):请在文件中删除后再导入;本行未读取']],
  },
  'organ-zero-width.csv': {
    reports: 0,
    problems: [['invisible-char', 2, '机构', '机构名称“平潭‹U+200B›综合实验区”的第 3 个字符是看不见的 U+200B(零宽空格):请在文件中删除后再导入;本行未读取']],
  },
  'organ-zero-width.json': {
    reports: 0,
    problems: [['invisible-char', 1, 'agency', '第 1 份年报未读取:机构名称“平潭‹U+200D›综合实验区”的第 3 个字符是看不见的 U+200D(零宽连字):请在文件中删除后再导入']],
  },
  'organ-10000-chars.csv': {
    reports: 0,
    problems: [['name-too-long', 2, '机构', `机构名称有 10,000 个字符,超过 200 个字符的上限:“${'机'.repeat(60)}…(10,000 字符 chars)”;本行未读取`]],
  },
  'organ-line-break.csv': {
    reports: 0,
    problems: [['invisible-char', 2, '机构', '机构名称“平潭‹U+000A›综合实验区”的第 3 个字符是看不见的 U+000A(换行):请在文件中删除后再导入;本行未读取']],
  },
  // Made at test time (large.ts)
  'single-line-1.4mb.csv': { reports: 0, problems: [['no-header', 1, undefined, `${HEADER_HELP}${'x'.repeat(60)}…(1,400,000 字符 chars)`]] },
  'columns-60000.csv': { reports: 0, problems: [['no-figures', 2, '机构', `${PT} 2020 年这一行没有可读取的数值,未导入`]] },
  'json-50mb.json': {
    reports: 0,
    problems: [['name-too-long', 1, 'agency', `第 1 份年报未读取:机构名称有 17,476,267 个字符,超过 200 个字符的上限:“${'机'.repeat(60)}…(17,476,267 字符 chars)”`]],
  },
  // The published documents that cannot be read (tests/fixtures/documents/bad)
  'encrypted_user_password.pdf': {
    reports: 0,
    problems: [['encrypted', undefined, undefined, 'PDF 已加密(需要密码才能打开):请用密码打开后另存为未加密的 PDF,或打印为新的 PDF 后再导入']],
  },
  'legacy_excel97.xls': { reports: 0, problems: [['legacy-office', undefined, undefined, expect.stringMatching(/^这是旧版 Word\/Excel 文件\(\.doc\/\.xls\)/) as unknown as string]] },
  'legacy_word97.doc': { reports: 0, problems: [['legacy-office', undefined, undefined, expect.stringMatching(/^这是旧版 Word\/Excel 文件\(\.doc\/\.xls\)/) as unknown as string]] },
  'news_page_no_tables.html': { reports: 0, problems: [['no-tables', undefined, undefined, NO_TABLES]] },
  'png_renamed.pdf': { reports: 0, problems: [['unsupported', undefined, undefined, NOT_TYPE]] },
  'scanned_no_text_layer.pdf': { reports: 0, problems: [['no-text-layer', undefined, undefined, '这是扫描件,没有文字层:请用 OCR 转成文字后粘贴,或按模板录入']] },
  'truncated.docx': { reports: 0, problems: [['truncated', undefined, undefined, expect.stringMatching(/^文件不完整或已损坏/) as unknown as string]] },
  'truncated.pdf': { reports: 0, problems: [['truncated', undefined, undefined, 'PDF 文件已损坏或不完整(可能下载中断):请重新下载原文件后再导入']] },
};

function bytesOf(name: string): Uint8Array {
  if (name in LARGE) return LARGE[name as LargeName]();
  const dir = readdirSync(BAD).includes(name) ? BAD : DOCS;
  return new Uint8Array(readFileSync(`${dir}${name}`));
}

let db: Db;
let before: Record<string, unknown[]>;
let existing: Map<string, Report>;

async function dump(d: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ['reports', 'imports', 'meta'] as const) {
    const tx = d.transaction(name);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  return out;
}

beforeAll(async () => {
  db = await openStore({ name: 'bad-inputs' });
  await seedSampleOnce(db, async () => sampleReports());
  before = await dump(db);
  existing = new Map((await allReports(db)).map((r): [string, Report] => [reportId(r.agency, r.year), r]));
});

afterAll(() => db.close());

describe('the corpus', () => {
  it('has at least 40 files of its own, each named after its case and each in the table; the bad documents join it', () => {
    const own = readdirSync(BAD).filter((f) => !f.endsWith('.ts'));
    expect(own.length).toBeGreaterThanOrEqual(40);
    const listed = [...own, ...Object.keys(LARGE), ...readdirSync(DOCS)].sort();
    expect(Object.keys(CASES).sort()).toEqual(listed);
  });
});

describe('each broken or hostile file: its answer within seconds, the words the person reads, nothing written', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const expected = CASES[name];
    const started = performance.now();
    const r: FileResult = await readSource(bytesSource(name, bytesOf(name)), {}, frontEnds, () => {});
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.file).toBe(name);
    expect(r.reports).toHaveLength(expected.reports);
    expect(r.problemsTotal).toBe(expected.problems.length);
    expect(r.problems.map((p): Listed => [p.code, p.row, p.column, p.zh])).toEqual(expected.problems);
    for (const p of r.problems) {
      expect(p.file).toBe(name);
      expect(p.en.length).toBeGreaterThan(10);
      // A message quotes the file, never copies it: the longest one here is a few hundred characters.
      expect(p.zh.length).toBeLessThan(400);
    }
    // No report of a refused line slipped through: every report read has its organ, year and at least one figure.
    for (const rep of r.reports) {
      expect(Object.getPrototypeOf(rep.cells)).toBe(Object.prototype);
      expect(Object.keys(rep.cells).length).toBeGreaterThan(0);
    }
    // What the review would do: a file that gives no report leaves nothing to import.
    const plan = buildPlan([r], existing);
    expect(plan.reports).toHaveLength(expected.reports);
    if (expected.reports === 0) expect(plan.added + plan.replacing.length).toBe(0);
    expect(await dump(db)).toEqual(before);
  });

  it('the 60,000-column header: every column accounted for, 59,998 waiting for a decision, read in well under 5 s', async () => {
    const started = performance.now();
    const r = await readSource(bytesSource('columns-60000.csv', LARGE['columns-60000.csv']()), {}, frontEnds, () => {});
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.columns).toHaveLength(60_000);
    expect(r.columns.filter((c) => c.role === 'unknown')).toHaveLength(59_998);
    // Skipping them all (the review's one button) is one more reading of the same size.
    const mappings = Object.fromEntries(r.columns.filter((c) => c.role === 'unknown').map((c) => [c.index, null]));
    const skipped = await readSource(bytesSource('columns-60000.csv', LARGE['columns-60000.csv']()), { mappings }, frontEnds, () => {});
    expect(skipped.columns.filter((c) => c.role === 'unknown')).toEqual([]);
    expect(skipped.problems.map((p) => p.code)).toEqual(['no-figures']);
  });

  it('no key of any file reached Object.prototype, and the store is exactly as it was', async () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dump(db)).toEqual(before);
  });
});
