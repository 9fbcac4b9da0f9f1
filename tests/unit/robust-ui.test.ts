// What the robustness parts of the page show, decided in plain code: the storage line in both languages and every
// state, byte sizes, and how many columns of a very wide file the review lists one by one.
import { describe, expect, it } from 'vitest';
import { formatNumber, translator } from '../../src/i18n/messages';
import type { ColumnInfo } from '../../src/ingest/types';
import { COLUMNS_LISTED, columnSummary } from '../../src/ui/import/columns';
import { formatBytes, storageLine } from '../../src/ui/storageText';

const MB = 1024 * 1024;

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [900, '900 B'],
    [1536, '1.5 KB'],
    [12 * MB, '12 MB'],
    [9.96 * MB, '10 MB'],
    [3 * 1024 * MB, '3 GB'],
    [1.25 * 1024 * MB, '1.3 GB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('storage line', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const use = { usage: 12 * MB, quota: 3 * 1024 * MB + 12 * MB };
  it.each([
    [{ memory: false, use, persisted: true, asked: true }, '已用 12 MB / 可用 3 GB;浏览器不会自动清除', '12 MB used / 3 GB available; the browser will not clear it by itself'],
    [{ memory: false, use, persisted: false, asked: true }, '已用 12 MB / 可用 3 GB;空间不足时浏览器可能清除这些数据,请定期导出备份', '12 MB used / 3 GB available; the browser may clear it when space runs low: export a backup now and then'],
    [{ memory: false, use, persisted: false, asked: false }, '已用 12 MB / 可用 3 GB;首次导入后会请求浏览器长期保存', '12 MB used / 3 GB available; lasting storage is requested after the first import'],
    [{ memory: false, use: null, persisted: null, asked: false }, '无法得知存储用量', 'storage use is not known'],
    [{ memory: true, use: null, persisted: null, asked: false }, '数据只在本页中,关闭后丢失', 'data lives in this page only and is lost when it closes'],
  ])('%j', (facts, textZh, textEn) => {
    expect(storageLine(facts, 'zh-CN', zh)).toBe(textZh);
    expect(storageLine(facts, 'en', en)).toBe(textEn);
  });
});

describe('columns the review lists', () => {
  const columns = (n: number): ColumnInfo[] =>
    Array.from({ length: n }, (_, i): ColumnInfo => (i < 2 ? { index: i, header: i === 0 ? '机构' : '年度', role: i === 0 ? 'agency' : 'year' } : { index: i, header: `c${i}`, role: 'unknown' }));

  it('60,000 columns: the first ones listed, the rest summed up with how many still wait', () => {
    const s = columnSummary(columns(60_000));
    expect(s.listed).toHaveLength(COLUMNS_LISTED);
    expect(s.more).toBe(60_000 - COLUMNS_LISTED);
    expect(s.moreUnknown).toBe(60_000 - COLUMNS_LISTED);
    expect(translator('zh-CN')('robust.moreColumns', { n: formatNumber('zh-CN', s.more), unknown: formatNumber('zh-CN', s.moreUnknown) })).toBe(
      '另有 59,940 列没有逐一列出,其中 59,940 列无法识别:可以点“全部跳过”一次跳过,或修正文件的表头后重新导入。',
    );
  });

  it('a file of ordinary width is listed whole', () => {
    expect(columnSummary(columns(40))).toEqual({ listed: columns(40), more: 0, moreUnknown: 0 });
  });
});
