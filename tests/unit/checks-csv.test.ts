// The findings download: BOM, quoting, formula neutralisation, both languages' messages.
import { describe, expect, it } from 'vitest';
import { csvCell, findingsCsv, type Finding } from '../../src/checks';
import { neutralise } from '../../src/model/csvText';

const finding: Finding = {
  id: 'x',
  agency: '=HYPERLINK("http://evil")',
  year: 2020,
  rule: 'I3',
  severity: 'error',
  scope: 'requests.*.total',
  zh: '「总计」栏:各项办理结果之和为 27,(七)总计为 21。',
  en: 'Column "Total": outcome rows sum to 27; (7) Total says 21.',
  cells: [
    { year: 2020, key: 'requests.granted.total', value: 7, state: 'number' },
    { year: 2020, key: 'requests.partially_granted.total', value: null, state: 'blank' },
  ],
  expected: 27,
  found: -21,
  reliedOnBlanks: true,
  approx: false,
};

describe('neutralise', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-21', "'-21"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['平潭综合实验区', '平潭综合实验区'],
    ['27', '27'],
  ])('%j → %j', (input, output) => {
    expect(neutralise(input)).toBe(output);
  });

  it('quotes and doubles quotes', () => {
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(true)).toBe('"1"');
  });
});

describe('findingsCsv', () => {
  const csv = findingsCsv([finding], 'zh-CN');
  const lines = csv.split('\r\n');

  it('starts with a UTF-8 BOM and a Chinese header', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0].slice(1)).toBe(
      '"机构","年度","规则","规则名称","严重程度","范围","说明(中文)","Message (English)","应为","实为","依赖空白单元格","含约数","涉及单元格"',
    );
  });

  it('writes one neutralised line per finding', () => {
    expect(lines[1]).toBe(
      [
        `"'=HYPERLINK(""http://evil"")"`,
        '"2020"',
        '"I3"',
        '"I3 办理结果合计"',
        '"错误"',
        '"requests.*.total"',
        '"「总计」栏:各项办理结果之和为 27,(七)总计为 21。"',
        '"Column ""Total"": outcome rows sum to 27; (7) Total says 21."',
        '"27"',
        `"'-21"`,
        '"1"',
        '"0"',
        '"2020:requests.granted.total=7; 2020:requests.partially_granted.total=(blank)"',
      ].join(','),
    );
    expect(lines).toHaveLength(3); // header, one row, and the empty string after the final CRLF
  });

  it('has an English header for English readers', () => {
    const en = findingsCsv([finding], 'en').split('\r\n');
    expect(en[0].slice(1).split(',').slice(0, 5)).toEqual(['"Organ"', '"Year"', '"Rule"', '"Rule name"', '"Severity"']);
    expect(en[1]).toContain('"I3 outcome sum","Error"');
  });
});
