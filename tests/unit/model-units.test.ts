import { describe, expect, it } from 'vitest';
import { moneyUnitState, toWanYuan } from '../../src/model/units';
import { parseUnitText } from '../../src/ingest/figureRows';

describe('元 → 万元', () => {
  it.each([
    // value, unit as printed, expected 万元, why
    [75394432.52, '元', 7539.443252, '平潭 2019 prints 元'],
    [73802895.9, '元', 7380.28959, '平潭 2020 prints 元'],
    [251000, '元', 25.1, '上海办公厅 2019 prints 元'],
    [13.595, '万元', 13.595, 'already 万元'],
    [0, '元', 0, 'zero stays zero'],
  ] as const)('%s %s → %s 万元 (%s)', (value, unit, expected, _why) => {
    expect(toWanYuan(value, unit)).toBe(expected);
  });

  it.each([undefined, '', '未注明', '美元'])('an amount with unit %j has no known 万元 value', (unit) => {
    expect(toWanYuan(13.595, unit)).toBeNull();
    expect(moneyUnitState(unit)).toBe('unknown');
  });
});

describe('unit text of figures.csv', () => {
  it.each([
    ['件', { unit: '件' }],
    ['', {}],
    ['条(原文:907余条)', { unit: '条', note: '原文:907余条', approx: true }],
    ['条(余)', { unit: '条', note: '余', approx: true }],
    ['未注明(疑为万元)', { note: '疑为万元' }],
  ] as const)('%j', (text, expected) => {
    expect(parseUnitText(text)).toEqual(expected);
  });
});
