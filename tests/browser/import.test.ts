// Import in real Chromium against the production build: files made from the sample's real figures
// (long and wide, UTF-8 and GBK) dropped or chosen, their numbers in the chart tables; reload; conflicts reviewed
// and replaced; undo; backup → clear → restore; a bad file and cancelled imports leave IndexedDB unchanged.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { drop, dumpDatabase as dump, tableValues, type InputFile } from './pageHelpers';
import { sampleReports } from '../../src/ingest/sample';
import { allFiguresCsv } from '../../src/ingest/longExport';
import { reportsToLongCsv, reportsToWideCsv } from '../../src/ingest/templates';
import type { Report } from '../../src/model/report';
import { gbkBytes } from '../fixtures/import/encode';

const baseUrl = inject('baseUrl');
const WAIT = { timeout: 20_000 };
const PT = '平潭综合实验区';
const CHARTS = ['chart-published', 'chart-procurement', 'chart-outcomes'];
const FIGURES = readFileSync(new URL('../../src/sample/figures.csv', import.meta.url));

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

const utf8 = (name: string, text: string): InputFile => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
const gbk = (name: string, text: string): InputFile => ({ name, mimeType: 'text/csv', buffer: Buffer.from(gbkBytes(text)) });

/** A fresh browser context (empty IndexedDB), the app opened and seeded with the sample; dialogs accepted. */
async function open(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(baseUrl);
  await page.waitForSelector('figure canvas', WAIT);
  await expect.poll(() => page.textContent('[role="status"]'), WAIT).toMatch(/已载入 56 份/);
  expect(errors).toEqual([]);
  return page;
}

/** The whole database with the raw IndexedDB API (not the app's code): every store, sorted. */
async function tables(page: Page) {
  const out: Record<string, Awaited<ReturnType<typeof tableValues>>> = {};
  for (const id of CHARTS) out[id] = await tableValues(page, id);
  return out;
}


async function choose(page: Page, files: InputFile[]): Promise<void> {
  await page.setInputFiles('input[type="file"]', files);
}

const status = (page: Page) => page.textContent('[role="status"]');

async function review(page: Page): Promise<{ added: number; replacing: number; unchanged: number; problems: number }> {
  const summary = page.locator('.review > .summary');
  await summary.waitFor(WAIT);
  await expect.poll(() => page.locator('#import-commit').isVisible(), WAIT).toBe(true);
  const n = async (attr: string) => Number(await summary.getAttribute(attr));
  return { added: await n('data-new'), replacing: await n('data-replacing'), unchanged: await n('data-unchanged'), problems: await n('data-problems') };
}

async function clearAll(page: Page): Promise<void> {
  await page.locator('details.menu summary').click();
  await page.click('#data-clear');
  await expect.poll(() => status(page), WAIT).toBe('已清空全部数据。');
  await page.locator('details.menu summary').click();
}

describe('importing files made from the sample figures', () => {
  const sample = sampleReports();
  const longText = FIGURES.toString('utf8');
  const cases: [string, 'drop' | 'input', InputFile][] = [
    ['long UTF-8 (figures.csv itself)', 'drop', utf8('figures.csv', longText)],
    ['long GBK, Chinese labels', 'input', gbk('sample-long-gbk.csv', reportsToLongCsv(sample, 'zh'))],
    ['wide UTF-8', 'input', utf8('sample-wide-utf8.csv', reportsToWideCsv(sample))],
    ['wide GBK', 'drop', gbk('sample-wide-gbk.csv', reportsToWideCsv(sample))],
  ];

  it.each(cases)('%s, by %s: after clearing, the import brings back the same chart tables; a reload keeps them', async (_name, how, file) => {
    const page = await open();
    const before = await tables(page);
    expect(before['chart-published']['2020'].published_items).toBe(2602);
    await clearAll(page);
    await expect.poll(() => page.locator('figure').count(), WAIT).toBe(0);
    if (how === 'drop') await drop(page, [file]);
    else await choose(page, [file]);
    expect(await review(page)).toEqual({ added: 56, replacing: 0, unchanged: 0, problems: 0 });
    const encoding = await page.locator('.file-review [data-encoding]').getAttribute('data-encoding');
    expect(encoding).toBe(file.name.includes('gbk') ? 'gb18030' : 'utf-8');
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 56 份,替换 0 份,跳过 0 份,发现 0 个问题。');
    await page.waitForSelector('figure canvas', WAIT);
    expect(await tables(page)).toEqual(before);
    await page.reload();
    await page.waitForSelector('figure canvas', WAIT);
    await expect.poll(() => status(page), WAIT).toBe('已从本机读取 56 份年报。');
    expect(await tables(page)).toEqual(before);
  });
});

describe('conflicts, undo, history', () => {
  it('a changed figure is reviewed old → new, replaced, shown in the chart, then undone exactly', async () => {
    const page = await open();
    const original = await dump(page);
    const pt2021 = sampleReports().find((r) => r.agency === PT && r.year === 2021) as Report;
    const changed: Report = { ...pt2021, cells: { ...pt2021.cells, 'requests.granted.total': { value: 31, unit: '件' } } };
    // The long export carries the publication date too, so the one figure is the only change.
    await drop(page, [utf8('pingtan-2021-fix.csv', allFiguresCsv([changed]))]);
    expect(await review(page)).toEqual({ added: 0, replacing: 1, unchanged: 0, problems: 0 });
    const counts = page.locator('.file-review .counts');
    expect([await counts.getAttribute('data-new'), await counts.getAttribute('data-replacing'), await counts.getAttribute('data-unchanged')]).toEqual(['0', '1', '0']);
    const conflict = page.locator(`.conflict[data-agency="${PT}"][data-year="2021"]`);
    await conflict.locator('summary').click();
    const row = conflict.locator('tr[data-key="requests.granted.total"]');
    expect([await row.locator('td.old').textContent(), await row.locator('td.new').textContent()]).toEqual(['30 件', '31 件']);
    expect(await conflict.locator('tbody tr').count()).toBe(1);
    // 31 breaks the sum of the outcome rows: the review shows the consistency finding before anything is written
    // The checks run in a worker: the finding shows once it answers.
    await expect.poll(() => page.locator(`.review .findings-list li[data-agency="${PT}"][data-year="2021"]`).count(), WAIT).toBeGreaterThan(0);
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 0 份,替换 1 份,跳过 0 份,发现 0 个问题。');
    await expect.poll(async () => (await tableValues(page, 'chart-outcomes'))['2021'].granted, WAIT).toBe(31);

    await page.locator('details.data-manager summary').click();
    await expect.poll(() => page.locator('.history li').count(), WAIT).toBe(1);
    await page.click('.history .undo-last');
    await expect.poll(() => status(page), WAIT).toBe('已撤销上次导入:删除 0 份,恢复 1 份。');
    await expect.poll(async () => (await tableValues(page, 'chart-outcomes'))['2021'].granted, WAIT).toBe(30);
    expect(await dump(page)).toEqual(original);
  });

  it('"merge" changes only the figures the file holds and keeps every other stored cell', async () => {
    const page = await open();
    const before = await dump(page);
    const stored = (before.reports as [[string, number], Report][]).find(([k]) => k[0] === PT && k[1] === 2021)?.[1] as Report;
    await choose(page, [utf8('one-figure.csv', '机构,年度,予以公开/总计\r\n平潭综合实验区,2021,32\r\n')]);
    expect(await review(page)).toMatchObject({ added: 0, replacing: 1 });
    await page.click('#import-commit-merge');
    await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 0 份,替换 1 份,跳过 0 份,发现 0 个问题。');
    const after = (await dump(page)).reports as [[string, number], Report][];
    const merged = after.find(([k]) => k[0] === PT && k[1] === 2021)?.[1] as Report;
    // A plain number is stored as the number (the compact stored shape); the other cells are kept as they were.
    expect(merged).toEqual({ ...stored, cells: { ...stored.cells, 'requests.granted.total': 32 } });
    expect((await tableValues(page, 'chart-outcomes'))['2021'].granted).toBe(32);
  });

  it('"keep existing" adds the new reports and leaves the conflicting one as stored', async () => {
    const page = await open();
    const pt2021 = sampleReports().find((r) => r.agency === PT && r.year === 2021) as Report;
    const changed: Report = { ...pt2021, cells: { ...pt2021.cells, 'requests.granted.total': { value: 31, unit: '件' } } };
    const extra: Report = { ...pt2021, year: 2026, cells: { 'requests.granted.total': { value: 5, unit: '件' } } };
    await choose(page, [utf8('keep.csv', reportsToLongCsv([changed, extra]))]);
    expect(await review(page)).toEqual({ added: 1, replacing: 1, unchanged: 0, problems: 0 });
    await page.click('#import-commit-keep');
    await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 1 份,替换 0 份,跳过 1 份,发现 0 个问题。');
    const outcomes = await tableValues(page, 'chart-outcomes');
    expect([outcomes['2021'].granted, outcomes['2026'].granted]).toEqual([30, 5]);
  });
});

describe('backup and restore', () => {
  it('backup → clear → restore gives back the same IndexedDB, history included', async () => {
    const page = await open();
    await drop(page, [utf8('extra.csv', '机构,年度,予以公开/总计\r\n平潭综合实验区,2026,5\r\n')]);
    await review(page);
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 1 份/);
    const original = await dump(page);
    expect(original.imports).toHaveLength(1);

    await page.locator('details.menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#backup-export')]);
    const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    await page.locator('details.menu summary').click();
    await clearAll(page);
    const cleared = await dump(page);
    expect([cleared.reports, cleared.imports]).toEqual([[], []]);

    await choose(page, [{ name: 'backup.json', mimeType: 'application/json', buffer: readFileSync(path) }]);
    await page.locator('.review .restore-backup').waitFor(WAIT);
    expect(await page.locator('.file-review [data-kind]').getAttribute('data-kind')).toBe('backup');
    await page.click('.review .restore-backup');
    await expect.poll(() => status(page), WAIT).toBe('已从备份恢复:57 份年报,1 条导入记录。');
    expect(await dump(page)).toEqual(original);
  });
});

describe('nothing changes unless the person imports', () => {
  it('a bad file: problems listed with file, row and column, import disabled; cancel leaves IndexedDB unchanged', async () => {
    const page = await open();
    const original = await dump(page);
    await choose(page, [
      utf8('bad.csv', '机构,年度,予以公开/总计,采购项目数量\r\n平潭综合实验区,2021,三十,-1\r\n'),
      utf8('not-a-table.csv', 'a,b\r\n1,2\r\n'),
    ]);
    const r = await review(page);
    expect(r).toEqual({ added: 0, replacing: 0, unchanged: 0, problems: 4 });
    expect(await page.locator('#import-commit').isDisabled()).toBe(true);
    const rows = await page.locator('.review .problems tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['bad.csv', '2', '予以公开/总计', '数值“三十”不是数字'],
      ['bad.csv', '2', '采购项目数量', '数值“-1”为负数,只有“本年增/减”可以为负'],
      ['bad.csv', '2', '机构', '平潭综合实验区 2021 年这一行没有可读取的数值,未导入'],
      ['not-a-table.csv', '1', '', '无法识别表头:宽表需要“机构”“年度”两列,长表还需要“行”“列”“数值”三列。文件的表头是:a、b'],
    ]);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('.review .download-problems')]);
    const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith('\uFEFF文件 file,行 row,列 column,代码 code,问题,problem\r\n')).toBe(true);
    expect(csv).toContain('bad.csv,2,予以公开/总计,bad-number,数值“三十”不是数字,"value ""三十"" is not a number"');
    await page.click('#import-discard');
    await expect.poll(() => status(page), WAIT).toBe('已取消导入,本地数据未改变。');
    expect(await dump(page)).toEqual(original);
  });

  it('an unknown column must be mapped or skipped before import; mapping it imports its figures', async () => {
    const page = await open();
    await choose(page, [utf8('unknown.csv', '机构,年度,予以公开/总计,总计\r\n平潭综合实验区,2026,5,9\r\n')]);
    await page.locator('.review > .summary').waitFor(WAIT);
    await expect.poll(() => page.locator('#import-commit').isDisabled(), WAIT).toBe(true);
    await page.locator('select.map').selectOption('requests.new_received.total');
    await expect.poll(() => page.locator('#import-commit').isDisabled(), WAIT).toBe(false);
    expect(await page.locator('tr[data-key="requests.new_received.total"]').count()).toBe(1);
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 1 份/);
    const outcomes = await tableValues(page, 'chart-outcomes');
    expect([outcomes['2026'].granted, outcomes['2026'].new_received]).toEqual([5, 9]);
  });

  it('cancel while a large file is being read stops it; IndexedDB is unchanged', async () => {
    const page = await open();
    const original = await dump(page);
    // ~40 MB of generated rows: long enough to be caught mid-way. Generated, never shown as real.
    const line = `测试机构,2020,1,2,3,4,5,6,7,8,9,10\r\n`;
    const big = `机构,年度,${['予以公开', '部分公开', '属于国家秘密', '重复申请', '信访举报投诉类申请', '本机关不掌握相关政府信息', '(七)总计', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '四、结转下年度继续办理'].map((r) => `${r}/总计`).join(',')}\r\n${line.repeat(1_000_000)}`;
    const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
    const path = join(dir, 'big.csv');
    writeFileSync(path, big);
    await page.setInputFiles('input[type="file"]', path);
    const figures = page.locator('.progress .figures');
    await figures.waitFor(WAIT);
    await expect.poll(async () => Number(await figures.getAttribute('data-bytes')), WAIT).toBeGreaterThan(0);
    await page.click('#import-cancel');
    await expect.poll(() => status(page), WAIT).toBe('已取消导入,本地数据未改变。');
    expect(await page.locator('.review').count()).toBe(0);
    expect(await dump(page)).toEqual(original);
  });

  it('pasted CSV text goes through the same review', async () => {
    const page = await open();
    await page.click('#import-paste');
    await page.fill('#import-paste-text', '机构\t年度\t予以公开/总计\n平潭综合实验区\t2026\t7\n');
    await page.click('#import-paste-read');
    expect(await review(page)).toEqual({ added: 1, replacing: 0, unchanged: 0, problems: 0 });
    expect(await page.locator('.file-review [data-delimiter]').getAttribute('data-delimiter')).toBe('\t');
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 1 份,替换 0 份,跳过 0 份,发现 0 个问题。');
    expect((await tableValues(page, 'chart-outcomes'))['2026'].granted).toBe(7);
  });

  it('the detected encoding can be overridden and read again without choosing the file again', async () => {
    const page = await open();
    await choose(page, [gbk('gbk-wide.csv', '机构,年度,予以公开/总计\r\n平潭综合实验区,2026,7\r\n')]);
    await review(page);
    const enc = page.locator('.file-review [data-encoding]');
    expect(await enc.getAttribute('data-encoding')).toBe('gb18030');
    await page.locator('select.encoding').selectOption('utf-8');
    await expect.poll(() => enc.getAttribute('data-encoding'), WAIT).toBe('utf-8');
    await expect.poll(() => page.locator('.review .problems tr[data-code="undecodable"]').count(), WAIT).toBe(1);
    await page.locator('select.encoding').selectOption('auto');
    await expect.poll(() => enc.getAttribute('data-encoding'), WAIT).toBe('gb18030');
    expect(await review(page)).toEqual({ added: 1, replacing: 0, unchanged: 0, problems: 0 });
  });

  it.each(['wide-GB2019', 'wide-GB2021', 'long-GB2019', 'long-GB2021'])('the %s template downloads and imports back with every column understood', async (name) => {
    const page = await open();
    await page.locator('details.templates summary').click();
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click(`[data-template="${name}"]`)]);
    const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await page.locator('details.templates summary').click();
    await choose(page, [{ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: bytes }]);
    // The wide template is its header alone: the review says there is nothing under it, and knows every column.
    const headerOnly = name.startsWith('wide') ? 1 : 0;
    expect(await review(page)).toEqual({ added: 0, replacing: 0, unchanged: 0, problems: headerOnly });
    expect(await page.locator('.review .problems tr[data-code="no-rows"]').count()).toBe(headerOnly);
    expect(await page.locator('.file-review tr[data-role="unknown"]').count()).toBe(0);
  });

  it('deleting a report and then an organ removes exactly those records', async () => {
    const page = await open();
    const before = (await dump(page)).reports as [[string, number], unknown][];
    await page.locator('details.data-manager summary').click();
    await page.locator('.data-manager .delete-report[data-year="2025"]').click();
    await expect.poll(() => status(page), WAIT).toBe(`已删除 ${PT} 2025 年的年报。`);
    let after = (await dump(page)).reports as [[string, number], unknown][];
    expect(after.map(([k]) => k.join('|'))).toEqual(before.map(([k]) => k.join('|')).filter((k) => k !== `${PT}|2025`));
    await page.locator('.data-manager .delete-organ').click();
    await expect.poll(() => status(page), WAIT).toBe(`已删除“${PT}”的 14 份年报。`);
    after = (await dump(page)).reports as [[string, number], unknown][];
    expect(after.some(([k]) => k[0] === PT)).toBe(false);
    expect(after).toHaveLength(before.length - 15);
  });

  it('in English, the review and the status speak English', async () => {
    const page = await open();
    await page.click('#lang-switch');
    await choose(page, [utf8('en.csv', 'agency,year,requests.granted.total\r\n平潭综合实验区,2026,7\r\n')]);
    expect(await review(page)).toEqual({ added: 1, replacing: 0, unchanged: 0, problems: 0 });
    expect(await page.locator('#import-review-title').textContent()).toBe('Review before import');
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toBe('Import finished. Added: 1. Replaced: 0. Skipped: 0. Problems found: 0.');
  });
});
