// Every file format, encoding and delimiter the importer reads, one fixture per case (tests/fixtures/import,
// written by make_fixtures.py). The figures are real ones of 平潭综合实验区 (src/sample/figures.csv).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource, CHUNK_BYTES } from '../../src/ingest/encoding';
import { parseSource, parseText } from '../../src/ingest/parse';
import type { FileResult, ParseOptions } from '../../src/ingest/types';
import { gbkBytes } from '../fixtures/import/encode';

const DIR = new URL('../fixtures/import/', import.meta.url);
const PT = '平潭综合实验区';

function read(name: string, options: ParseOptions = {}): Promise<FileResult> {
  return parseSource(bytesSource(name, readFileSync(new URL(name, DIR))), options, () => {});
}

const values = (r: FileResult, year: number) =>
  Object.fromEntries(Object.entries(r.reports.find((x) => x.year === year)?.cells ?? {}).map(([k, c]) => [k, c.value]));

const WIDE_2020 = {
  'headline.published_items.total': 2602,
  'requests.new_received.total': 21,
  'requests.granted.total': 7,
  'active_2019.central_procurement.procurement_projects': 395,
  'active_2019.central_procurement.procurement_amount': 73802895.9,
  'active_2019.admin_fees.change_this_year': -15,
};
const WIDE_2021 = { 'headline.published_items.total': 2645, 'requests.new_received.total': 70, 'requests.granted.total': 30 };
const LONG_2020 = {
  'requests.new_received.total': 21,
  'requests.granted.natural_person': 6,
  'requests.granted.total': 7,
  'active_2019.admin_fees.change_this_year': -15,
  'active_2019.central_procurement.procurement_amount': 73802895.9,
};

describe('encodings and delimiters', () => {
  it.each([
    // fixture, kind, encoding, how it was decided, delimiter
    ['utf8-bom-long.csv', 'long', 'utf-8', 'bom', ','],
    ['gbk-long.csv', 'long', 'gb18030', 'fallback', ','],
    ['tab-long.tsv', 'long', 'utf-8', 'utf-8-valid', '\t'],
    ['utf8-wide.csv', 'wide', 'utf-8', 'utf-8-valid', ','],
    ['gbk-wide.csv', 'wide', 'gb18030', 'fallback', ','],
    ['utf16le-bom-wide.tsv', 'wide', 'utf-16le', 'bom', '\t'],
    ['utf16be-bom-wide.csv', 'wide', 'utf-16be', 'bom', ','],
    ['semicolon-wide.csv', 'wide', 'utf-8', 'utf-8-valid', ';'],
  ] as const)('%s: %s, %s (%s), delimiter %j', async (name, kind, encoding, source, delimiter) => {
    const r = await read(name);
    expect(r).toMatchObject({ kind, encoding, encodingSource: source, delimiter, problemsTotal: 0 });
    if (kind === 'wide') {
      expect(values(r, 2020)).toEqual(WIDE_2020);
      expect(values(r, 2021)).toEqual(WIDE_2021);
      expect(r.reports.map((x) => [x.agency, x.year, x.format])).toEqual([
        [PT, 2020, 'GB2019'],
        [PT, 2021, 'GB2021'],
      ]);
    } else {
      expect(values(r, 2020)).toEqual(LONG_2020);
      expect(r.reports[0]).toMatchObject({ agency: PT, year: 2020, format: 'GB2019', source: 'https://example.org/a' });
    }
  });

  it('a GBK file read as UTF-8 by override shows undecodable characters, and re-decoding fixes it', async () => {
    const wrong = await read('gbk-wide.csv', { encoding: 'utf-8' });
    expect(wrong.encodingSource).toBe('override');
    expect(wrong.problems[0]).toMatchObject({ code: 'undecodable' });
    expect(wrong.problems[0].zh).toMatch(/^按 utf-8 解码时有 \d+ 个字符无法识别,请换一种编码重新读取$/);
    const right = await read('gbk-wide.csv', { encoding: 'gb18030' });
    expect(right).toMatchObject({ encoding: 'gb18030', encodingSource: 'override', problemsTotal: 0 });
    expect(values(right, 2020)).toEqual(WIDE_2020);
  });

  it.each(['utf-8', 'gb18030'] as const)('a character cut by the 1 MiB chunk boundary is decoded whole (%s)', async (enc) => {
    const bytesOf = (s: string) => (enc === 'utf-8' ? new TextEncoder().encode(s) : gbkBytes(s));
    // The padding goes in a column the person skipped (a source that long would be refused as no source).
    const head = '机构,年度,予以公开/总计,padding\n' + `${PT},2020,7,`;
    // Pad the first line so the second line's first character starts one byte before the boundary.
    const pad = 'x'.repeat(CHUNK_BYTES - 1 - bytesOf(head).length - 1);
    const text = `${head}${pad}\n${PT},2021,30,来源\n`;
    expect(bytesOf(`${head}${pad}\n`).length).toBe(CHUNK_BYTES - 1);
    const r = await parseSource(bytesSource(`boundary-${enc}.csv`, bytesOf(text)), { mappings: { 3: null } }, () => {});
    expect(r).toMatchObject({ encoding: enc, problemsTotal: 0 });
    expect(r.reports.map((x) => [x.agency, x.year, x.cells['requests.granted.total']])).toEqual([
      [PT, 2020, { value: 7 }],
      [PT, 2021, { value: 30 }],
    ]);
  });
});

describe('detection reads the whole file', () => {
  it('GBK bytes only after 2 MiB of ASCII: UTF-8 fails late, the file is read again as GB18030', async () => {
    const filler = Array.from({ length: 150_000 }, (_, i) => `org${i},2020,${i % 10}`).join('\n');
    const text = `agency,year,requests.granted.total\n${filler}\n${PT},2021,30\n`;
    const bytes = gbkBytes(text);
    expect(bytes.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const progress: number[] = [];
    const r = await parseSource(bytesSource('late-gbk.csv', bytes), {}, (p) => progress.push(p.rows));
    expect(r).toMatchObject({ encoding: 'gb18030', encodingSource: 'fallback', rows: 150_001, problemsTotal: 0 });
    expect(r.reports.find((x) => x.agency === PT)?.cells['requests.granted.total']).toEqual({ value: 30 });
    // the first attempt got far before failing: rows were counted, then counting started over
    expect(progress.some((n, i) => i > 0 && n < progress[i - 1])).toBe(true);
  });
});

describe('long CSV', () => {
  it('canonical keys, no BOM, LF; an empty value is a blank cell, not zero', async () => {
    const r = await read('utf8-long-keys.csv');
    expect(r).toMatchObject({ kind: 'long', problemsTotal: 0 });
    expect(r.reports[0]).toMatchObject({ agency: PT, year: 2021, format: 'GB2021', source: 'https://example.org/b' });
    expect(r.reports[0].cells).toEqual({
      'requests.new_received.total': { value: 70, unit: '件' },
      'requests.granted.total': { value: 30, unit: '件' },
      'active_2021.admin_fees.fee_amount': { value: 24252.311082, unit: '万元' },
      'headline.published_items.total': { value: null, unit: '条' },
    });
  });

  it('full-width punctuation, path form, labels broken over lines, blank section; an unknown label is a problem', async () => {
    const r = await read('fullwidth-path-long.csv');
    expect(r.columns.map((c) => c.role)).toEqual(['agency', 'year', 'section', 'row', 'column', 'value']);
    expect(values(r, 2020)).toEqual({
      'requests.granted.commercial': 1,
      'requests.results_total.natural_person': 20,
      'requests.new_received.total': 21,
    });
    expect(r.problems).toEqual([
      {
        file: 'fullwidth-path-long.csv',
        // the record number, as a spreadsheet numbers rows: the quoted label broken over lines is one record
        row: 5,
        column: '部分/行/列',
        code: 'unknown-key',
        zh: '未能识别的指标:部分“”,行“予以公开”,列“不存在的列”',
        en: 'figure not recognised: section "", row "予以公开", column "不存在的列"',
      },
    ]);
  });
});

describe('wide CSV', () => {
  it('canonical keys and labels in one header; quoted fields with newlines and commas; CRLF', async () => {
    const r = await read('quoted-newlines-crlf-wide.csv');
    expect(r).toMatchObject({ kind: 'wide', problemsTotal: 0 });
    expect(r.reports[0]).toMatchObject({ agency: PT, year: 2021, source: 'archive, page 2\nsecond line' });
    expect(values(r, 2021)).toEqual({ 'requests.granted.total': 30, 'requests.granted.natural_person': 27 });
  });

  it('unknown and ambiguous columns wait for a decision; mapping and skipping are applied', async () => {
    const r = await read('unknown-columns-wide.csv');
    const pending = r.columns.filter((c) => c.role === 'unknown');
    expect(pending.map((c) => [c.header, c.samples])).toEqual([
      ['自定义指标A', ['5']],
      ['总计', ['69']],
    ]);
    expect(pending[1].candidates).toContain('requests.results_total.total');
    const decided = await read('unknown-columns-wide.csv', { mappings: { 3: null, 4: 'requests.results_total.total' } });
    expect(decided.columns.filter((c) => c.role === 'unknown')).toEqual([]);
    expect(decided.columns[3]).toMatchObject({ role: 'skipped', mapped: true });
    expect(decided.columns[4]).toMatchObject({ role: 'figure', key: 'requests.results_total.total', mapped: true });
    expect(values(decided, 2021)).toEqual({ 'requests.granted.total': 30, 'requests.results_total.total': 69 });
  });

  it('every cell rule, through a file: problems name file, row, column and the text found', async () => {
    const r = await read('cell-rules-wide.csv');
    expect(r.reports[0].cells).toEqual({
      'headline.published_items.total': { value: 907, approx: true, note: '原文:907余条', unit: '条' },
      'active_2019.central_procurement.procurement_projects': { value: 1234 },
      'requests.granted.total': { value: 12 },
      'requests.new_received.total': { value: 300, approx: true, note: '原文:约300' },
      // an empty field in a wide file is absent: requests.carried_over.total is not there
      'requests.carried_forward.total': { value: null, printed: '-' },
      'review.admin_review.upheld': { value: null, printed: '—' },
      'review.admin_review.corrected': { value: null, printed: '/' },
      'review.admin_review.other_result': { value: null, printed: '_' },
      'review.admin_review.pending': { value: null, printed: '无' },
      'active_2019.admin_fees.change_this_year': { value: -15 },
    });
    expect(r.problems.map((p) => [p.file, p.row, p.column, p.code, p.zh, p.en])).toEqual([
      ['cell-rules-wide.csv', 3, '主动公开信息条数', 'bad-number', '数值“三百”不是数字', 'value "三百" is not a number'],
      ['cell-rules-wide.csv', 3, '采购项目数量', 'negative', '数值“-3”为负数,只有“本年增/减”可以为负', 'value "-3" is negative; only 本年增/减 (change this year) may be negative'],
      ['cell-rules-wide.csv', 3, '一、本年新收政府信息公开申请数量/总计', 'bad-number', '数值“1,23”不是数字', 'value "1,23" is not a number'],
    ]);
  });
});

describe('JSON', () => {
  const REPORT_CELLS = {
    'requests.granted.total': { value: 30, unit: '件' },
    'headline.published_items.total': { value: null, printed: '—' },
    'headline.published_items.website': { value: 907, approx: true, unit: '条', note: '原文:907余条' },
  };

  it('a plain array of reports: missing fields default, the format is detected', async () => {
    const r = await read('reports-array.json');
    expect(r).toMatchObject({ kind: 'json-reports', problemsTotal: 0 });
    expect(r.reports).toEqual([{ agency: PT, year: 2021, region: '', level: '', format: 'GB2021', source: '', cells: REPORT_CELLS }]);
  });

  it('the project format, version 1, is a backup', async () => {
    const r = await read('project-v1.json');
    expect(r).toMatchObject({ kind: 'backup', problemsTotal: 0 });
    expect(r.backup).toEqual({
      format: 'disclosure-report-dashboard',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      reports: [{ agency: PT, year: 2021, region: '福建省平潭综合实验区', level: '区县政府', format: 'GB2021', source: 'https://example.org/b', cells: REPORT_CELLS }],
      imports: [],
      meta: { sampleSeededAt: '2026-01-01T00:00:00.000Z' },
    });
  });

  it.each([
    ['project-v2.json', [[undefined, undefined, 'newer-version', '文件版本为 2,本工具只认识版本 1:请使用更新的版本打开']]],
    ['broken.json', [[undefined, undefined, 'bad-json', expect.stringMatching(/^不是有效的 JSON:/)]]],
    [
      'bad-report.json',
      [
        [2, 'cells.requests.granted.total.value', 'bad-report', '第 2 份年报未读取:“cells.requests.granted.total.value”应为 number,实际为 "7"'],
        [3, 'cells.requests.granted.bogus', 'unknown-key', '第 3 份年报:未知的指标“requests.granted.bogus”,该单元格未读取'],
        [3, 'cells.requests.granted.total', 'negative', '第 3 份年报:“requests.granted.total”为负数 -1,只有“本年增/减”可以为负,该单元格未读取'],
        // Every figure of report 3 was refused: an empty report would replace a stored one with nothing.
        [3, 'cells', 'no-figures', '第 3 份年报(平潭综合实验区 2019 年)没有可读取的数值,未导入'],
      ],
    ],
  ] as const)('%s: problems', async (name, expected) => {
    const r = await read(name);
    expect(r.problems.map((p) => [p.row, p.column, p.code, p.zh])).toEqual(expected);
    for (const p of r.problems) expect(p.en.length).toBeGreaterThan(0);
  });
});

describe('files that are not tables', () => {
  it.each([
    ['empty.csv', 'empty-file', '文件是空的', 'the file is empty'],
    [
      'no-header.csv',
      'no-header',
      '无法识别表头:宽表需要“机构”“年度”两列,长表还需要“行”“列”“数值”三列。文件的表头是:a、b、c',
      'header not recognised: a wide file needs the columns 机构/agency and 年度/year, a long file also 行/row, 列/column and 数值/value. The file\'s header is: a, b, c',
    ],
  ])('%s → %s', async (name, code, zh, en) => {
    const r = await read(name);
    expect(r.reports).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ file: name, code, zh, en })]);
  });
});

describe('pasted text', () => {
  it('reads like a file, without an encoding', async () => {
    const r = await parseText('pasted.csv', '机构\t年度\t予以公开/总计\r\n平潭综合实验区\t2021\t30\r\n', {}, () => {});
    expect(r).toMatchObject({ kind: 'wide', encoding: 'text', encodingSource: 'text', delimiter: '\t', problemsTotal: 0 });
    expect(values(r, 2021)).toEqual({ 'requests.granted.total': 30 });
  });
});
