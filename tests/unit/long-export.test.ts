// "导出全部": every stored cell as one long CSV that imports back to the very same reports.
import { describe, expect, it } from 'vitest';
import { allFiguresCsv, LONG_EXPORT_HEADER, reportLongLines } from '../../src/ingest/longExport';
import { parseText } from '../../src/ingest/parse';
import { sampleReports } from '../../src/ingest/sample';
import { BOM } from '../../src/model/csvText';
import type { Report } from '../../src/model/report';
import { sameReport } from '../../src/store/equal';

const read = (name: string, text: string) => parseText(name, text, {}, () => {});

describe('export of every cell as one long CSV', () => {
  it('the sample reads back report by report, cell by cell, identical', async () => {
    const sample = sampleReports();
    const csv = allFiguresCsv(sample);
    expect(csv.startsWith(BOM + LONG_EXPORT_HEADER.join(',') + '\r\n')).toBe(true);
    const r = await read('all.csv', csv);
    expect(r.problems).toEqual([]);
    expect(r.kind).toBe('long');
    expect(r.reports.length).toBe(sample.length);
    const cells = sample.reduce((n, s) => n + Object.keys(s.cells).length, 0);
    expect(r.rows).toBe(cells);
    const back = new Map(r.reports.map((x) => [`${x.agency}|${x.year}`, x]));
    for (const s of sample) {
      const b = back.get(`${s.agency}|${s.year}`) as Report;
      expect(b, `${s.agency} ${s.year}`).toBeDefined();
      if (!sameReport(b, s)) expect(b).toEqual(s);
    }
  });

  it('blank cells are blank with what they printed; absent cells have no line; approximate and remarks kept', async () => {
    const report: Report = {
      agency: '=HYPERLINK("x")甲镇',
      year: 2021,
      region: '-某县',
      level: '乡镇',
      format: 'GB2021',
      source: 'https://example.gov.cn/a.html',
      published: '2022-01-28',
      file: '+甲镇年报.pdf',
      cells: {
        'requests.granted.total': { value: 907, approx: true, unit: '条', note: '原文:907余条' },
        'requests.new_received.total': { value: null, printed: '—' },
        'requests.carried_over.total': { value: null },
        'review.admin_review.upheld': { value: 3, source: 'https://example.gov.cn/b.html' },
      },
    };
    const lines = reportLongLines(report);
    expect(lines.length).toBe(4);
    // Text that a spreadsheet would evaluate starts with an apostrophe; numbers stay numbers.
    expect(lines[0].startsWith(`"'=HYPERLINK(""x"")甲镇",2021,'-某县,乡镇,GB2021,`)).toBe(true);
    expect(lines.some((l) => l.includes('requests,new_received,total,,,,,https://example.gov.cn/a.html,—,2022-01-28,\'+甲镇年报.pdf'))).toBe(true);
    expect(lines.some((l) => l.includes('requests,carried_over,total,,,,,https://example.gov.cn/a.html,,2022-01-28'))).toBe(true);
    expect(lines.some((l) => l.includes('requests,granted,total,907,yes,条,原文:907余条,'))).toBe(true);
    const r = await read('one.csv', allFiguresCsv([report]));
    expect(r.problems).toEqual([]);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]).toEqual(report);
  });

  it('a publication date not written year-month-day is named with its line, not dropped', async () => {
    const csv = allFiguresCsv([
      { agency: '乙镇', year: 2020, region: '', level: '', format: 'GB2019', source: '', published: '2021-01-29', cells: { 'requests.granted.total': { value: 1 } } },
    ]).replace('2021-01-29', '2021年1月29日');
    const r = await read('dates.csv', csv);
    expect(r.reports).toEqual([]);
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'published', 'bad-date']]);
    expect(r.problems[0].zh).toContain('“2021年1月29日”应写作 年-月-日');
  });
});
