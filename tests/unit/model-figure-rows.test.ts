import { describe, expect, it } from 'vitest';
import { reportsFromFigureRows, type FigureRow } from '../../src/ingest/figureRows';

const base: FigureRow = {
  agency: '某镇人民政府',
  region: '某省',
  level: '乡镇',
  year: '2020',
  format: 'GB2019',
  section: 'requests',
  row: 'granted',
  column: 'total',
  value: '3',
  unit: '件',
  source: 'https://example.gov.cn/a',
};

describe('long rows with canonical keys → reports', () => {
  it.each([
    // case, rows, expected problem (file, row, column, code, zh)
    ['a value that is not a number', [{ ...base, value: '3件' }], { row: 2, column: 'value', code: 'bad-number', zh: '数值“3件”不是数字' }],
    ['an unknown key', [{ ...base, row: 'granted_all' }], { row: 2, column: 'section/row/column', code: 'unknown-key', zh: '未知的指标“requests.granted_all.total”' }],
    ['a year that is no year', [{ ...base, year: '二〇二〇' }], { row: 2, column: 'year', code: 'bad-year', zh: '年度“二〇二〇”不是有效年份(应为 1990–2100 之间的四位数字,如 2020)' }],
    ['an unknown format', [{ ...base, format: 'GB2030' }], { row: 2, column: 'format', code: 'bad-format', zh: '格式“GB2030”无法识别' }],
    ['the same figure twice', [base, { ...base, value: '4' }], { row: 3, column: 'section/row/column', code: 'duplicate-key', zh: '某镇人民政府 2020 年的“requests.granted.total”重复出现' }],
  ] as const)('%s is a problem naming file, row and column', (_case, rows, expected) => {
    const { problems } = reportsFromFigureRows(rows, 'x.csv');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'x.csv', ...expected });
    expect(problems[0].en.length).toBeGreaterThan(0);
  });

  it('keeps blank distinct from absent and from zero', () => {
    const { reports, problems } = reportsFromFigureRows(
      [
        { ...base, value: '' },
        { ...base, column: 'natural_person', value: '0' },
      ],
      'x.csv',
    );
    expect(problems).toEqual([]);
    expect(reports[0].cells).toEqual({
      'requests.granted.total': { value: null, unit: '件' },
      'requests.granted.natural_person': { value: 0, unit: '件' },
    });
    expect('requests.granted.commercial' in reports[0].cells).toBe(false);
  });

  it('keeps pre-2019 format notes', () => {
    const { reports } = reportsFromFigureRows(
      [{ ...base, year: '2013', format: 'pre2019-local(无统计表)', section: 'headline', row: 'published_items', value: '45', unit: '条' }],
      'x.csv',
    );
    expect(reports[0]).toMatchObject({ format: 'pre2019', formatNote: 'pre2019-local(无统计表)', year: 2013 });
  });
});
