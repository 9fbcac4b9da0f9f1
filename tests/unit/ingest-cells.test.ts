// The cell rules, one case a line: text as printed → Cell, or the exact problem.
import { describe, expect, it } from 'vitest';
import { parseCellText } from '../../src/ingest/cells';

describe('cell text → Cell', () => {
  it.each([
    // text, column key, expected cell
    ['0', 'total', { value: 0 }],
    ['1,234', 'total', { value: 1234 }],
    ['1，234', 'total', { value: 1234 }],
    ['12,345,678', 'total', { value: 12345678 }],
    ['１２', 'total', { value: 12 }],
    ['  42 ', 'total', { value: 42 }],
    ['13.595', 'procurement_amount', { value: 13.595 }],
    ['73802895.90', 'procurement_amount', { value: 73802895.9 }],
    ['251000元', 'procurement_amount', { value: 251000, unit: '元' }],
    ['13.595万元', 'procurement_amount', { value: 13.595, unit: '万元' }],
    ['907余条', 'total', { value: 907, approx: true, unit: '条', note: '原文:907余条' }],
    ['约300', 'total', { value: 300, approx: true, note: '原文:约300' }],
    ['300多件', 'total', { value: 300, approx: true, unit: '件', note: '原文:300多件' }],
    ['200左右', 'total', { value: 200, approx: true, note: '原文:200左右' }],
    ['-15', 'change_this_year', { value: -15 }],
    ['－15', 'change_this_year', { value: -15 }],
    ['+3', 'change_this_year', { value: 3 }],
    ['-0', 'total', { value: 0 }],
    ['', 'total', { value: null }],
    ['   ', 'total', { value: null }],
    ['-', 'total', { value: null, printed: '-' }],
    ['—', 'total', { value: null, printed: '—' }],
    ['——', 'total', { value: null, printed: '——' }],
    ['/', 'total', { value: null, printed: '/' }],
    ['／', 'total', { value: null, printed: '／' }],
    ['_', 'total', { value: null, printed: '_' }],
    ['无', 'total', { value: null, printed: '无' }],
  ])('%j (%s) → %j', (text, column, cell) => {
    expect(parseCellText(text, { column })).toEqual({ ok: true, cell });
  });

  it.each([
    // text, column key, code, zh, en
    ['abc', 'total', 'bad-number', '数值“abc”不是数字', 'value "abc" is not a number'],
    ['三百', 'total', 'bad-number', '数值“三百”不是数字', 'value "三百" is not a number'],
    ['1,23', 'total', 'bad-number', '数值“1,23”不是数字', 'value "1,23" is not a number'],
    ['1 0', 'total', 'bad-number', '数值“1 0”不是数字', 'value "1 0" is not a number'],
    ['О', 'total', 'bad-number', '数值“О”不是数字', 'value "О" is not a number'],
    ['12人', 'total', 'bad-number', '数值“12人”不是数字', 'value "12人" is not a number'],
    ['+3', 'total', 'bad-number', '数值“+3”不是数字', 'value "+3" is not a number'],
    ['-3', 'total', 'negative', '数值“-3”为负数,只有“本年增/减”可以为负', 'value "-3" is negative; only 本年增/减 (change this year) may be negative'],
    ['-3', 'decisions', 'negative', '数值“-3”为负数,只有“本年增/减”可以为负', 'value "-3" is negative; only 本年增/减 (change this year) may be negative'],
  ])('%j (%s) is an error: %s', (text, column, code, zh, en) => {
    expect(parseCellText(text, { column })).toEqual({ ok: false, code, zh, en });
  });
});
