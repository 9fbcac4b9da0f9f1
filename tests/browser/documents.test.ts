// Published reports imported in real Chromium against the production build: a web page and a PDF dropped, a table
// pasted from the clipboard (HTML); the review lists each report; the review sheet shows the figures and, for a
// selected one, where it was read; a correction re-runs the checks; commit; the chart shows the corrected figure;
// undo removes the import. No request leaves the app's origin (pdf.js's cMaps included). Bad documents: a clear
// message each, nothing stored. A report naming no organ waits for one.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { drop, dumpDatabase, tableValues, type InputFile } from './pageHelpers';
import { REQUEST_ROWS } from '../../src/ingest/document/rows';
import { sampleReports } from '../../src/ingest/sample';
import { REQUEST_COLUMNS } from '../../src/model/officialLayout';
import type { Report } from '../../src/model/report';
import { pdfBytes, text, textRight } from '../helpers/pdfWriter';

const baseUrl = inject('baseUrl');
const WAIT = { timeout: 30_000 };
const PT = '平潭综合实验区';
const DOCS = 'tests/fixtures/documents';

let browser: Browser;
let context: BrowserContext | undefined;
let requests: string[] = [];

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

const file = (path: string): InputFile => ({ name: path.split('/').pop() ?? path, mimeType: 'application/octet-stream', buffer: readFileSync(path) });
const status = (page: Page) => page.textContent('[role="status"]');

async function open(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(baseUrl);
  await page.waitForSelector('figure canvas', WAIT);
  await expect.poll(() => status(page), WAIT).toMatch(/已载入 56 份/);
  expect(errors).toEqual([]);
  return page;
}

/** A stored cell's value, whichever shape the store keeps it in (a plain number, or an object with `value`). */
function storedValue(cell: unknown): number | null | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'number' || cell === null) return cell;
  return (cell as { value: number | null }).value;
}

async function storedCell(page: Page, agency: string, year: number, key: string): Promise<number | null | undefined> {
  const dump = await dumpDatabase(page);
  const rec = (dump.reports as [unknown, { agency: string; year: number; cells: Record<string, unknown> }][]).find(([, r]) => r.agency === agency && r.year === year);
  return storedValue(rec?.[1].cells[key]);
}

describe('published reports into the dashboard', () => {
  it('a web page, a PDF and a pasted table: review, source of a figure, correction, commit, chart, undo', async () => {
    const page = await open();
    await drop(page, [file(`${DOCS}/html/shanghai_office_2019.html`), file(`${DOCS}/pdf-office/pingtan_2023.pdf`)]);
    await expect.poll(() => page.locator('tr.document-report').count(), WAIT).toBe(2);

    // Paste: the clipboard of a table copied from a browser holds HTML; the textarea gets its plain text.
    const html = readFileSync(`${DOCS}/html/pingtan_2021.html`, 'utf8');
    await page.click('#import-paste');
    await page.evaluate((h) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', '平潭综合实验区 2021 表格');
      document.querySelector('#import-paste-text')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await page.fill('#import-paste-text', '平潭综合实验区 2021 表格');
    await expect.poll(() => page.locator('#import-paste-html').count(), WAIT).toBe(1);
    await page.click('#import-paste-read');
    await expect.poll(() => page.locator('tr.document-report').count(), WAIT).toBe(3);

    const line = (year: number) => page.locator(`tr.document-report[data-year="${year}"]`);
    expect(await line(2019).getAttribute('data-agency')).toBe('上海市人民政府办公厅');
    expect(Number(await line(2019).getAttribute('data-figures'))).toBeGreaterThanOrEqual(211);
    expect(await line(2023).getAttribute('data-agency')).toBe(PT);
    expect(Number(await line(2023).getAttribute('data-figures'))).toBeGreaterThanOrEqual(200);
    expect(await line(2021).getAttribute('data-agency')).toBe(PT);
    // 上海 2019 printed its 总计 column empty: the identities it fails are counted on its line.
    expect(Number(await line(2019).getAttribute('data-failed'))).toBeGreaterThan(0);

    // The review sheet of the PDF: figures in the official layout, and where the selected one was read.
    const opener = line(2023).locator('button.open-sheet');
    await opener.click();
    const sheet = page.locator('dialog.report-sheet[open]');
    await sheet.waitFor(WAIT);
    const cell = sheet.locator('button[data-key="requests.granted.total"]');
    expect((await cell.textContent())?.trim()).toBe('22');
    await cell.click();
    await expect.poll(() => sheet.locator('.source-where').textContent(), WAIT).toMatch(/第 \d+ 页 · 第 \d+ 个表格 · 第 \d+ 行 · 第 \d+ 格/);
    expect(await sheet.locator('.context mark').textContent()).toBe('22');
    expect(await sheet.locator('.findings-list li[data-rule="I2"]').count()).toBe(0);

    // Correct it: the checks follow (22 of the parts against 23 in 总计 breaks I2).
    await sheet.locator('.correct input').fill('23');
    await sheet.locator('.correct button.apply').click();
    await expect.poll(async () => (await cell.textContent())?.trim(), WAIT).toBe('23');
    expect(await sheet.locator('td.edited button[data-key="requests.granted.total"]').count()).toBe(1);
    await expect.poll(() => sheet.locator('.findings-list li[data-rule="I2"]').count(), WAIT).toBeGreaterThan(0);
    // A word is not a figure: the reason is shown and nothing changes.
    await sheet.locator('.correct input').fill('二十三');
    await sheet.locator('.correct button.apply').click();
    await expect.poll(() => sheet.locator('#sheet-error').textContent(), WAIT).toMatch(/不是数字/);
    expect((await cell.textContent())?.trim()).toBe('23');

    // Esc closes the sheet; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.report-sheet[open]').count(), WAIT).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('open-sheet'))).toBe(true);

    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 0 份,替换 3 份/);
    expect(await storedCell(page, PT, 2023, 'requests.granted.total')).toBe(23);
    expect(await storedCell(page, '上海市人民政府办公厅', 2019, 'active_2019.central_procurement.procurement_amount')).toBe(251000);
    await expect.poll(async () => (await tableValues(page, 'chart-outcomes'))['2023']?.granted, WAIT).toBe(23);

    // Undo: the stored reports are the sample's again.
    await page.locator('details.data-manager summary').click();
    await page.click('.history .undo-last');
    await expect.poll(() => status(page), WAIT).toBe('已撤销上次导入:删除 0 份,恢复 3 份。');
    expect(await storedCell(page, PT, 2023, 'requests.granted.total')).toBe(22);
    await expect.poll(async () => (await tableValues(page, 'chart-outcomes'))['2023']?.granted, WAIT).toBe(22);

    // Nothing left the app's origin; pdf.js ran from it (its code and, where the PDF needs them, its cMaps).
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
    expect(requests.some((u) => /\/assets\/pdf\.worker[^/]*\.js$/.test(u) || /pdf\.worker/.test(u))).toBe(true);
  });

  it('a PDF whose Chinese font is not embedded: its labels read through the cMaps, fetched from the app itself', async () => {
    // Table 三 of 平潭 2021 (the sample's real figures) printed in STSong-Light, which PDFs name but do not embed.
    const report = sampleReports().find((r) => r.agency === PT && r.year === 2021) as Report;
    let y = 60;
    let page1 = text(40, y, '平潭综合实验区2021年度政府信息公开工作年度报告', 12);
    page1 += text(40, (y += 30), '三、收到和处理政府信息公开申请情况', 10);
    page1 += text(40, (y += 20), '申请人情况', 7);
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].forEach((h, i) => (page1 += textRight(380 + i * 30, y, h, 5)));
    for (const row of REQUEST_ROWS) {
      if (!(`requests.${row.key}.total` in report.cells)) continue;
      page1 += text(40, (y += 14), row.printed, 6);
      REQUEST_COLUMNS.forEach((c, i) => (page1 += textRight(380 + i * 30, y, String(report.cells[`requests.${row.key}.${c}`]?.value ?? ''), 7)));
    }
    const page = await open();
    await drop(page, [{ name: 'stsong.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes([page1])) }]);
    await expect.poll(() => page.locator('tr.document-report').count(), WAIT).toBe(1);
    const row = page.locator('tr.document-report');
    expect(await row.getAttribute('data-agency')).toBe(PT);
    expect(await row.getAttribute('data-year')).toBe('2021');
    expect(Number(await row.getAttribute('data-figures'))).toBe(Object.keys(report.cells).filter((k) => k.startsWith('requests.')).length);
    const cmaps = requests.filter((u) => u.includes('/pdfjs/cmaps/'));
    expect(cmaps.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(baseUrl))).toEqual([]);
  });

  it('bad documents: a clear message each, nothing stored', async () => {
    const page = await open();
    const before = await dumpDatabase(page);
    const bad = ['encrypted_user_password.pdf', 'legacy_word97.doc', 'legacy_excel97.xls', 'scanned_no_text_layer.pdf', 'truncated.pdf', 'truncated.docx', 'news_page_no_tables.html', 'png_renamed.pdf'];
    await drop(
      page,
      bad.map((b) => file(`${DOCS}/bad/${b}`)),
    );
    await expect.poll(() => page.locator('.file-review').count(), WAIT).toBe(bad.length);
    const codes = await page.locator('.problems tr[data-code]').evaluateAll((trs) => trs.map((tr) => `${tr.children[0]?.textContent} ${tr.getAttribute('data-code')}`));
    expect(codes.sort()).toEqual(
      [
        'encrypted_user_password.pdf encrypted',
        'legacy_word97.doc legacy-office',
        'legacy_excel97.xls legacy-office',
        'scanned_no_text_layer.pdf no-text-layer',
        'truncated.pdf truncated',
        'truncated.docx truncated',
        'news_page_no_tables.html no-tables',
        'png_renamed.pdf unsupported',
      ].sort(),
    );
    const messages = await page.locator('.problems tr[data-code] td:last-child').allTextContents();
    expect(messages.join('\n')).toMatch(/另存为.{0,2}\.docx 或 \.xlsx/);
    expect(messages.join('\n')).toMatch(/扫描件/);
    expect(await page.locator('#import-commit').isDisabled()).toBe(true);
    await page.click('#import-discard');
    expect(await dumpDatabase(page)).toEqual(before);
  });

  it('a report that names no organ waits for one; given, it can be imported', async () => {
    const page = await open();
    const text = readFileSync('tests/fixtures/texts/excerpts/shanghai_city_2020.txt', 'utf8');
    await page.click('#import-paste');
    await page.fill('#import-paste-text', text);
    await page.click('#import-paste-read');
    const row = page.locator('tr.document-report');
    await expect.poll(() => row.getAttribute('data-status'), WAIT).toBe('needs-organ');
    expect(await page.locator('#import-incomplete').count()).toBe(1);
    expect(await page.locator('#import-commit').isDisabled()).toBe(true);
    await row.locator('input.organ').fill('上海市人民政府(全市汇总年报)');
    await row.locator('input.organ').press('Tab');
    await expect.poll(() => row.getAttribute('data-status'), WAIT).toBe('ready');
    expect(await page.locator('#import-commit').isDisabled()).toBe(false);
    await page.click('#import-commit');
    await expect.poll(() => status(page), WAIT).toMatch(/^导入完成/);
    expect(await storedCell(page, '上海市人民政府(全市汇总年报)', 2020, 'headline.published_normative_docs.total')).toBe(554);
  });
});
