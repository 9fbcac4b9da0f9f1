// The roster file: organ, level, region; nothing else. Each line read, each refusal named with its line.
import { describe, expect, it } from 'vitest';
import { metaRoles } from '../../src/ingest/labels';
import { isRosterHeader, RosterBuilder } from '../../src/ingest/roster';

const build = (headers: string[], lines: string[][]) => {
  const b = new RosterBuilder('名单.csv', headers, metaRoles(headers));
  lines.forEach((l, i) => b.add(l, i + 2));
  return b;
};

describe('roster files', () => {
  it.each([
    ['organ, level and region', ['机构', '层级', '地区'], true],
    ['the organ alone', ['单位名称'], true],
    ['English headers', ['agency', 'level', 'region'], true],
    ['a year makes it a report file', ['机构', '年度'], false],
    ['a figure column makes it a report file', ['机构', '层级', '主动公开'], false],
    ['no organ column', ['层级', '地区'], false],
  ] as const)('%s', (_why, headers, want) => {
    expect(isRosterHeader(headers, metaRoles(headers))).toBe(want);
  });

  it('reads every organ; blank lines counted; a missing organ, an invisible character and a second listing named', () => {
    const b = build(
      ['机构', '层级', '地区'],
      [
        ['大峪镇人民政府', '乡镇', '北京市门头沟区'],
        ['', '', ''],
        ['', '乡镇', '某县'],
        ['东城街\u200B街道办事处', '街道', ''],
        ['大峪镇人民政府', '乡镇', ''],
        ['天镇县信访局', '区县部门', '山西省大同市天镇县'],
      ],
    );
    expect(b.entries).toEqual([
      { agency: '大峪镇人民政府', level: '乡镇', region: '北京市门头沟区' },
      { agency: '天镇县信访局', level: '区县部门', region: '山西省大同市天镇县' },
    ]);
    expect(b.emptyLines).toBe(1);
    expect(b.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, '机构', 'no-organ'],
      [5, '机构', 'invisible-char'],
      [6, '机构', 'duplicate-organ'],
    ]);
    expect(b.problems[2].zh).toBe('“大峪镇人民政府”在第 2 行已经列出;本行未读取');
  });
});

describe('a roster file through the importer', () => {
  it('is told from report files by its header, and gives entries, not reports', async () => {
    const { parseText } = await import('../../src/ingest/parse');
    const r = await parseText('名单.csv', '\uFEFF机构,层级,地区\r\n大峪镇人民政府,乡镇,北京市门头沟区\r\n天镇县信访局,区县部门,山西省大同市天镇县\r\n', {}, () => {});
    expect(r.kind).toBe('roster');
    expect(r.reports).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(2);
    expect(r.roster).toEqual([
      { agency: '大峪镇人民政府', level: '乡镇', region: '北京市门头沟区' },
      { agency: '天镇县信访局', level: '区县部门', region: '山西省大同市天镇县' },
    ]);
  });
  it('a header with a year is a report file, never a roster', async () => {
    const { parseText } = await import('../../src/ingest/parse');
    const r = await parseText('a.csv', '机构,年度\n大峪镇人民政府,2020\n', {}, () => {});
    expect(r.kind).toBe('wide');
    expect(r.roster).toBeUndefined();
  });
});
