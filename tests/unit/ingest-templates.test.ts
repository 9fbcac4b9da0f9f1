// Templates and CSV export read back unchanged; the plan shows what an import would change.
import { describe, expect, it } from 'vitest';
import { buildPlan, diffReports, fileCounts, mergeReports } from '../../src/ingest/plan';
import { parseText } from '../../src/ingest/parse';
import { problemsCsv } from '../../src/ingest/problems';
import { sampleReports } from '../../src/ingest/sample';
import { longTemplate, reportsToLongCsv, reportsToWideCsv, templateKeys, wideTemplate } from '../../src/ingest/templates';
import type { FileResult } from '../../src/ingest/types';
import { reportId, type Report } from '../../src/model/report';

const read = (name: string, text: string) => parseText(name, text, {}, () => {});

describe('templates', () => {
  it.each(['GB2019', 'GB2021'] as const)('wide %s: every official header reads back as its own figure', async (format) => {
    const r = await read(`template-wide-${format}.csv`, wideTemplate(format));
    // An unfilled wide template is its header alone: the reader says so, and every header is still understood.
    expect(r).toMatchObject({ kind: 'wide', problemsTotal: 1, reports: [] });
    expect(r.problems.map((p) => [p.code, p.row, p.zh])).toEqual([['no-rows', 1, '文件只有表头,没有数据行']]);
    expect(r.columns.slice(6).map((c) => c.key)).toEqual(templateKeys(format));
    expect(r.columns.every((c) => c.role !== 'unknown')).toBe(true);
  });

  it.each(['GB2019', 'GB2021'] as const)('long %s: unfilled lines are counted, not problems', async (format) => {
    const r = await read(`template-long-${format}.csv`, longTemplate(format));
    expect(r).toMatchObject({ kind: 'long', problemsTotal: 0, reports: [], emptyLines: templateKeys(format).length });
  });

  it('GB2019 has procurement and the single 其他处理 row; GB2021 neither, but the three rows', () => {
    const k19 = templateKeys('GB2019');
    const k21 = templateKeys('GB2021');
    expect(k19).toContain('active_2019.central_procurement.procurement_amount');
    expect(k19).toContain('requests.other_processing.total');
    expect(k19).not.toContain('requests.other_other.total');
    expect(k21.some((k) => k.includes('procurement'))).toBe(false);
    expect(k21).toContain('requests.other_other.total');
    expect(k21).not.toContain('requests.other_processing.total');
  });

  it('a filled long template (labels in Chinese) reads back to the very same reports as the sample', async () => {
    // The template's layout (that of figures.csv) has no publication date: the sample's dates come from published.csv.
    const sample = sampleReports().map(({ published: _, ...r }) => r);
    const r = await read('sample-long-zh.csv', reportsToLongCsv(sample, 'zh'));
    expect(r.problemsTotal).toBe(0);
    expect(r.reports).toEqual(sample);
  });

  it('a filled wide file reads back to the same numbers, units, approximate flags and blank/absent states', async () => {
    const sample = sampleReports();
    const r = await read('sample-wide.csv', reportsToWideCsv(sample));
    expect(r.problemsTotal).toBe(0);
    expect(r.reports.length).toBe(sample.length);
    const back = new Map(r.reports.map((x) => [reportId(x.agency, x.year), x]));
    for (const s of sample) {
      const w = back.get(reportId(s.agency, s.year)) as Report;
      expect([w.format, w.region, w.level]).toEqual([s.format, s.region, s.level]);
      expect(Object.keys(w.cells).sort()).toEqual(Object.keys(s.cells).sort());
      for (const [k, c] of Object.entries(s.cells)) {
        expect([k, w.cells[k].value, !!w.cells[k].approx]).toEqual([k, c.value, !!c.approx]);
        if (c.value !== null) expect([k, w.cells[k].unit]).toEqual([k, c.unit]);
      }
    }
  });
});

describe('plan', () => {
  const base: Report = { agency: '甲', year: 2020, region: '', level: '', format: 'GB2019', source: 's', cells: { 'requests.granted.total': { value: 1 } } };
  const file = (reports: Report[], name = 'a.csv'): FileResult => ({
    file: name,
    bytes: 0,
    kind: 'wide',
    encoding: 'utf-8',
    encodingSource: 'utf-8-valid',
    replacementChars: 0,
    columns: [],
    rows: reports.length,
    emptyLines: 0,
    reports,
    problems: [],
    problemsTotal: 0,
  });

  it('new, replacing (cells old → new), unchanged; a report in two files is combined, differing cells listed', () => {
    const changed: Report = { ...base, cells: { 'requests.granted.total': { value: 2 }, 'requests.granted.natural_person': { value: null, printed: '—' } } };
    const other: Report = { ...base, agency: '乙' };
    const same: Report = { ...base, agency: '丙' };
    const existing = new Map([base, same].map((r) => [reportId(r.agency, r.year), r]));
    const otherB: Report = { ...other, cells: { 'requests.granted.total': { value: 9 }, 'review.admin_review.total': { value: 0 } } };
    const plan = buildPlan([file([changed, other]), file([same, otherB], 'b.csv')], existing);
    expect(plan.reports.find((r) => r.agency === '乙')?.cells).toEqual({ 'requests.granted.total': { value: 9 }, 'review.admin_review.total': { value: 0 } });
    expect([plan.added, plan.replacing.length, plan.unchanged]).toEqual([1, 1, 1]);
    // merged, the same conflict only changes the figures the file holds
    expect(plan.merging.map((c) => c.cells.map((x) => x.key))).toEqual([['requests.granted.total', 'requests.granted.natural_person']]);
    expect(plan.replacing[0].cells).toEqual([
      { key: 'requests.granted.total', old: { value: 1 }, next: { value: 2 } },
      { key: 'requests.granted.natural_person', next: { value: null, printed: '—' } },
    ]);
    expect(plan.problems).toEqual([
      {
        file: 'b.csv',
        column: 'requests.granted.total',
        code: 'duplicate-across-files',
        zh: '乙 2020 年也在“a.csv”中,有 1 个单元格两处不同:以本文件为准',
        en: '乙 2020 is also in "a.csv", and 1 cells differ: this file\'s figures are used',
      },
    ]);
  });

  it('merge keeps stored cells and details the file does not give; a file of fewer cells removes nothing', () => {
    const stored: Report = { ...base, region: '某省', cells: { 'requests.granted.total': { value: 1 }, 'requests.new_received.total': { value: 4 } } };
    const incoming: Report = { ...base, format: 'text-only', source: '', cells: { 'requests.granted.total': { value: 2 } } };
    expect(mergeReports(stored, incoming)).toEqual({ ...stored, cells: { 'requests.granted.total': { value: 2 }, 'requests.new_received.total': { value: 4 } } });
    const plan = buildPlan([file([incoming])], new Map([[reportId(base.agency, base.year), stored]]));
    expect(plan.replacing[0].cells.map((c) => c.key)).toEqual(['requests.granted.total', 'requests.new_received.total']);
    expect(plan.merging[0].cells).toEqual([{ key: 'requests.granted.total', old: { value: 1 }, next: { value: 2 } }]);
    expect(plan.merging[0].fields).toEqual([]);
  });

  it('per file: new, replacing, the same as stored', () => {
    const existing = new Map([[reportId(base.agency, base.year), base]]);
    expect(fileCounts([base, { ...base, source: 'other' }, { ...base, agency: '丁' }], existing)).toEqual({ added: 1, replacing: 1, unchanged: 1 });
  });

  it('diff lists report fields that change', () => {
    expect(diffReports(base, { ...base, source: 't' }).fields).toEqual([{ field: 'source', old: 's', next: 't' }]);
  });

  it('problems download as UTF-8 CSV with a BOM, quoted where needed', () => {
    const csv = problemsCsv([{ file: 'a,b.csv', row: 3, column: '予以公开/总计', code: 'bad-number', zh: '数值“x”不是数字', en: 'value "x" is not a number' }]);
    expect(csv).toBe('\uFEFF文件 file,行 row,列 column,代码 code,问题,problem\r\n"a,b.csv",3,予以公开/总计,bad-number,数值“x”不是数字,"value ""x"" is not a number"\r\n');
    // texts from users' files cannot smuggle a formula into the spreadsheet
    const evil = problemsCsv([{ file: '=HYPERLINK("x").csv', column: '+1', code: 'c', zh: 'z', en: 'e' }]);
    expect(evil.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"").csv",,'+1,c,z,e`);
  });
});
