// The supervisor's workbench in real Chromium against the production build: the coverage matrix of the sample
// (平潭综合实验区 2020 names its errors; 上海市人民政府办公厅 has no report for 2011 and says so), a roster file
// making an organ without reports appear as 未报 (kept across a reload and in the backup), the sheet of 平潭 2020
// with the (七)总计 cells highlighted, the scorecard, and the long CSV export imported into an empty browser giving
// back the same IndexedDB records.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { axeViolations, dumpDatabase } from './pageHelpers';

const baseUrl = inject('baseUrl');
const WAIT = { timeout: 20_000 };
const PT = '平潭综合实验区';
const SH_OFFICE = '上海市人民政府办公厅';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** A fresh profile (empty IndexedDB) on the given hash, the sample seeded; dialogs accepted, page errors collected. */
async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${baseUrl}${hash}`);
  await expect.poll(() => page.textContent('[role="status"]'), WAIT).toMatch(/已载入 56 份/);
  return { page, errors };
}

const status = (page: Page) => page.textContent('[role="status"]');
const cell = (page: Page, agency: string, year: number) => page.locator(`table.matrix tr[data-agency="${agency}"] td[data-year="${year}"]`);

describe('coverage matrix', () => {
  it('the sample: 平潭综合实验区 2020 names its errors; 上海市人民政府办公厅 2011 says it has no report', async () => {
    const { page, errors } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    // Years are column headers, organs row headers.
    const years = await page.locator('table.matrix thead th[scope="col"]').allTextContents();
    expect(years.slice(1)).toEqual(Array.from({ length: 15 }, (_, i) => String(2011 + i)));
    expect(await page.locator(`table.matrix th[scope="row"]:has-text("${PT}")`).count()).toBeGreaterThan(0);

    const pt2020 = cell(page, PT, 2020);
    expect(await pt2020.getAttribute('data-tone')).toBe('errors');
    const label = await pt2020.locator('button').getAttribute('aria-label');
    expect(label).toMatch(/^2020 · 2 个错误 · 完整度 \d+%$/);
    expect(await pt2020.textContent()).toContain('2 个错误');
    // 2019 of the same organ: its checks hold.
    expect(await cell(page, PT, 2019).getAttribute('data-tone')).toBe('consistent');

    const sh2011 = cell(page, SH_OFFICE, 2011);
    expect(await sh2011.getAttribute('data-tone')).toBe('none');
    expect((await sh2011.textContent())?.trim()).toBe('2011 · 无年报');
    expect(await sh2011.locator('button').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('with no database (storage denied, the sample in memory) the matrix is counted on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    contexts.push(context);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('The user denied permission to access the database.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}#v=1&view=coverage`);
    await expect.poll(() => status(page), WAIT).toBe('本地数据库不可用,数据只在本页中,不会保存。');
    await page.waitForSelector('table.matrix', WAIT);
    expect(await cell(page, PT, 2020).getAttribute('data-tone')).toBe('errors');
    expect(await cell(page, PT, 2020).locator('button').getAttribute('aria-label')).toMatch(/^2020 · 2 个错误/);
  });

  it('one tab stop for the matrix; arrow keys move between reports, Enter opens one', async () => {
    const { page } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    expect(await page.locator('table.matrix button[tabindex="0"]').count()).toBe(1);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell?.replace('\u0000', ' '));
    await page.locator(`table.matrix tr[data-agency="${PT}"] td[data-year="2019"] button`).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(`${PT} 2020`);
    await page.keyboard.press('End');
    expect(await focused()).toBe(`${PT} 2025`);
    await page.keyboard.press('Home');
    expect(await focused()).toBe(`${PT} 2011`);
    // Up the 2011 column: the nearest organ above with a 2011 report (平潭县人民政府, a row of its group above);
    // nothing below has one, so Down comes back and then stays.
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('平潭县人民政府 2011');
    expect(await page.locator('table.matrix button[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${PT} 2011`);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`${PT} 2011`);
    await page.keyboard.press('Enter');
    await page.locator('dialog.stored-sheet[open]').waitFor(WAIT);
    expect(await page.locator('#stored-title').textContent()).toContain(`${PT} 2011`);
  });

  it('the level facet keeps one level; English words follow the language switch', async () => {
    const { page } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    await page.selectOption('#facet-level', '乡镇');
    await expect.poll(() => page.locator('table.matrix tbody[data-level]').evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))), WAIT).toEqual(['乡镇']);
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('#coverage-title').textContent(), WAIT).toBe('Who has reported, and how well');
    const any = page.locator('table.matrix td[data-tone="none"]').first();
    expect(await any.textContent()).toMatch(/^\d{4} · No report$/);
  });

  it('a roster makes an organ without reports appear as 未报; it survives a reload, is in the backup, and is undone', async () => {
    const { page } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    expect(await page.locator('.roster-state').textContent()).toBe('尚未导入机构名单');
    const roster = '机构,层级,地区\r\n某某镇人民政府,乡镇,福建省某县\r\n平潭综合实验区,区县政府,福建省\r\n';
    await page.setInputFiles('input[type="file"]', [{ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster, 'utf8') }]);
    const use = page.locator('button.use-roster');
    await use.waitFor(WAIT);
    expect(await use.textContent()).toContain('2 个机构');
    // A roster brings no reports: nothing to import as reports.
    expect(await page.locator('#import-commit').isDisabled()).toBe(true);
    await use.click();
    await expect.poll(() => status(page), WAIT).toBe('已保存机构名单:2 个机构(原名单 0 个)。');

    const town = page.locator('table.matrix tr[data-agency="某某镇人民政府"]');
    await town.waitFor(WAIT);
    const tones = await town.locator('td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-tone')));
    expect(tones).toHaveLength(15);
    expect(new Set(tones)).toEqual(new Set(['missing']));
    expect((await town.locator('td[data-year="2020"]').textContent())?.trim()).toBe('2020 · 未报');
    // An organ on the roster with a report every year 2011–2025: nothing 未报, its reports keep their status.
    const ptTones = await page.locator(`table.matrix tr[data-agency="${PT}"] td`).evaluateAll((tds) => tds.map((td) => td.getAttribute('data-tone')));
    expect(ptTones).toHaveLength(15);
    expect(ptTones.filter((x) => x === 'missing')).toHaveLength(0);
    expect(await cell(page, PT, 2020).getAttribute('data-tone')).toBe('errors');
    expect(await page.locator('.roster-state').textContent()).toBe('名单:2 个机构');

    // Kept in IndexedDB (the meta store), and in the backup.
    const db = await dumpDatabase(page);
    const meta = new Map(db.meta as [string, unknown][]);
    expect(meta.get('roster')).toEqual([
      { agency: '某某镇人民政府', level: '乡镇', region: '福建省某县' },
      { agency: PT, level: '区县政府', region: '福建省' },
    ]);
    await page.locator('details.menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#backup-export')]);
    const backup = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as { meta: { roster?: unknown[] } };
    expect(backup.meta.roster).toHaveLength(2);
    await page.locator('details.menu summary').click();

    // Never in the charts: the overview's organ list has no organ without reports.
    await page.reload();
    await page.waitForSelector('table.matrix tr[data-agency="某某镇人民政府"]', WAIT);
    expect(await page.locator('.roster-state').textContent()).toBe('名单:2 个机构');
    await page.click('#tab-overview');
    await page.waitForSelector('figure canvas', WAIT);
    expect(await page.locator('body').textContent()).not.toContain('某某镇人民政府');
    await page.click('#tab-coverage');
    await page.click('button.roster-clear');
    await expect.poll(() => status(page), WAIT).toBe('已保存机构名单:0 个机构(原名单 2 个)。');
    expect(await page.locator('table.matrix tr[data-agency="某某镇人民政府"]').count()).toBe(0);
    await page.click('button.roster-undo');
    await expect.poll(() => page.locator('table.matrix tr[data-agency="某某镇人民政府"]').count(), WAIT).toBe(1);
  });
});

describe('report sheet', () => {
  it('平潭 2020 from the matrix: table 三 with the (七)总计 cells highlighted and the findings beside; another year side by side', async () => {
    const { page, errors } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    await cell(page, PT, 2020).locator('button').click();
    const sheet = page.locator('dialog.stored-sheet[open]');
    await sheet.waitFor(WAIT);
    expect(await sheet.locator('#stored-title').textContent()).toContain(`${PT} 2020 年年报`);
    // Table 三: the two 总计 cells the I3 findings name are marked; a cell no finding names is not.
    const natural = sheet.locator('td[data-key="requests.results_total.natural_person"]');
    const total = sheet.locator('td[data-key="requests.results_total.total"]');
    await expect.poll(() => natural.getAttribute('class'), WAIT).toMatch(/\bfinding\b/);
    expect(await total.getAttribute('class')).toMatch(/\bfinding\b/);
    expect((await natural.textContent())?.trim()).toMatch(/^20/);
    expect((await total.textContent())?.trim()).toMatch(/^21/);
    expect(await total.getAttribute('title')).toContain('27');
    expect(await sheet.locator('td[data-key="requests.new_received.natural_person"]').getAttribute('class')).not.toMatch(/\bfinding\b/);
    const listed = await sheet.locator('.findings-list li[data-severity="error"]').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed.join(' ')).toContain('(七)总计为 20');

    // 2019 beside it: figures compared, the largest change first.
    await sheet.locator('.compare-pick select').selectOption('2019');
    const rows = sheet.locator('table.compare-table tbody tr');
    await rows.first().waitFor(WAIT);
    const head = await sheet.locator('table.compare-table thead th').allTextContents();
    expect(head.slice(1, 3)).toEqual(['2019', '2020']);
    expect(await rows.count()).toBeGreaterThan(20);
    // Nothing serious for a screen reader or keyboard in the open sheet with its comparison.
    expect((await axeViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(' ')}`)).toEqual([]);
    // Esc closes and the keyboard goes back to the cell that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.stored-sheet[open]').count(), WAIT).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('td')?.getAttribute('data-year'))).toBe('2020');
    expect(errors).toEqual([]);
  });

  it('prints on A4 from its title, table 三 whole on a page, the findings after', async () => {
    const { page } = await open('#v=1&view=coverage');
    await page.waitForSelector('table.matrix', WAIT);
    await cell(page, PT, 2020).locator('button').click();
    await page.locator('dialog.stored-sheet[open] td.finding').first().waitFor(WAIT);
    const pdf = await page.pdf({ format: 'A4' });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Chromium embeds its fonts with their Unicode maps: no cMaps needed to read the text back.
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const p = await doc.getPage(i);
      expect(p.view.map(Math.round)).toEqual([0, 0, 596, 843]); // A4 in points
      const text = await p.getTextContent();
      pages.push(text.items.map((x) => ('str' in x ? x.str : '')).join('').normalize('NFKC'));
    }
    expect(pages[0].startsWith(`${PT} 2020 年年报`)).toBe(true);
    // Nothing of the page behind the dialog is printed.
    expect(pages.join('')).not.toContain('谁报了,报得怎样');
    const table3 = pages.findIndex((t) => t.includes('本年新收政府信息公开申请数量'));
    expect(table3).toBeGreaterThanOrEqual(0);
    expect(pages[table3]).toContain('(七)总计');
    expect(pages.slice(table3).join('')).toContain('(七)总计为 20');
  });

  it('a chart’s source year opens that report’s sheet', async () => {
    const { page } = await open();
    await page.waitForSelector('figure#chart-outcomes canvas, #chart-outcomes canvas', WAIT);
    const fig = page.locator('#chart-outcomes');
    await fig.locator('button.table-toggle').click();
    await fig.locator('.sources button.open-sheet[data-year="2020"]').click();
    const sheet = page.locator('dialog.stored-sheet[open]');
    await sheet.waitFor(WAIT);
    expect(await sheet.locator('#stored-title').textContent()).toContain(`${PT} 2020 年年报`);
    await expect.poll(() => sheet.locator('td.finding').count(), WAIT).toBeGreaterThan(1);
  });

  it('the import review shows an incoming report as its tables, beside the stored report it would replace', async () => {
    const { page } = await open();
    await page.waitForSelector('figure canvas', WAIT);
    const csv = 'agency,year,requests.granted.total\r\n平潭综合实验区,2021,31\r\n';
    await page.setInputFiles('input[type="file"]', [{ name: 'fix.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') }]);
    const conflict = page.locator(`.conflict[data-agency="${PT}"][data-year="2021"]`);
    await conflict.waitFor(WAIT);
    await conflict.locator('summary').click();
    await conflict.locator('button.show-sheet').click();
    const sheet = page.locator('dialog.stored-sheet[open]');
    await sheet.waitFor(WAIT);
    expect(await sheet.locator('.incoming').textContent()).toBe('导入前预览');
    expect((await sheet.locator('td[data-key="requests.granted.total"]').textContent())?.trim()).toBe('31');
    await sheet.locator('.compare-pick select').selectOption('2021');
    const row = sheet.locator('table.compare-table tr[data-key="requests.granted.total"]');
    await row.waitFor(WAIT);
    expect(await sheet.locator('table.compare-table thead th').allTextContents()).toEqual(['数字', '本机已存', '导入文件', '变化']);
    expect((await row.locator('td').allTextContents()).map((x) => x.trim())).toEqual(['30 件', '31', '+1 (+3.3%)']);
    // Nothing was stored by looking.
    const stored = (await dumpDatabase(page)).reports as [[string, number], { cells: Record<string, unknown> }][];
    const pt2021 = stored.find(([k]) => k[0] === PT && k[1] === 2021)?.[1];
    expect(pt2021?.cells['requests.granted.total']).toEqual({ value: 30, unit: '件' });
  });

  it('the quality tab opens the sheet of a finding’s report', async () => {
    const { page } = await open('#v=1&view=quality');
    const row = page.locator(`tr[data-agency="${PT}"][data-year="2020"][data-severity="error"]`).first();
    await row.waitFor(WAIT);
    await row.locator('button.open-sheet').click();
    await page.locator('dialog.stored-sheet[open]').waitFor(WAIT);
    expect(await page.locator('#stored-title').textContent()).toContain(`${PT} 2020`);
  });
});

describe('scorecard', () => {
  it('scores each report; a report without a publication date is unknown, never on time or late; weights change the total; CSV', async () => {
    const { page } = await open('#v=1&view=scorecard');
    await page.waitForSelector('table.scores tbody tr', WAIT);
    // 平潭 2020: published 2021-03-05, a county-level government's deadline is 31 March: on time.
    const pt2020 = page.locator(`table.scores tr[data-agency="${PT}"][data-year="2020"]`);
    expect(await pt2020.getAttribute('data-timeliness')).toBe('on-time');
    expect(await pt2020.locator('.timeliness').textContent()).toContain('2021-03-05 发布,期限 2021-03-31');
    // The Shanghai office's reports carry no publication date in the sample: unknown.
    const sh = page.locator(`table.scores tr[data-agency="${SH_OFFICE}"]`).first();
    expect(await sh.getAttribute('data-timeliness')).toBe('unknown');
    expect(await sh.locator('.total').textContent()).toContain('总分未计入:及时性');
    const before = await pt2020.locator('.total').textContent();
    await page.fill('input[data-weight="timeliness"]', '0');
    await page.locator('input[data-weight="timeliness"]').dispatchEvent('change');
    await expect.poll(() => pt2020.locator('.total').textContent(), WAIT).not.toBe(before);
    await page.fill('input[data-weight="completeness"]', '150');
    await page.locator('input[data-weight="completeness"]').dispatchEvent('change');
    await expect.poll(() => status(page), WAIT).toBe('“完整度”的权重应为 0 到 100 之间的数字;未更改。');

    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#score-export')]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('及时性 (权重 0)');
    expect(lines).toHaveLength((await page.locator('table.scores tbody tr').count()) + 1);
    expect(lines.some((l) => l.startsWith(`${PT},`) && l.includes(',2020,') && l.includes('2021-03-05,2021-03-31'))).toBe(true);
  });
});

describe('everything out', () => {
  it('the long CSV export imports into an empty browser and gives back the same records, cell by cell', async () => {
    const { page: a } = await open();
    await a.waitForSelector('figure canvas', WAIT);
    await a.locator('details.menu summary').click();
    const [download] = await Promise.all([a.waitForEvent('download', WAIT), a.click('#export-all')]);
    const bytes = readFileSync((await download.path()) as string);
    const original = (await dumpDatabase(a)).reports;

    const { page: b } = await open();
    await b.waitForSelector('figure canvas', WAIT);
    await b.locator('details.menu summary').click();
    await b.click('#data-clear');
    await expect.poll(() => b.textContent('[role="status"]'), WAIT).toMatch(/已清空|清空/);
    expect((await dumpDatabase(b)).reports).toEqual([]);
    await b.setInputFiles('input[type="file"]', [{ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: bytes }]);
    await b.locator('#import-commit').waitFor(WAIT);
    await expect.poll(() => b.locator('#import-commit').isEnabled(), WAIT).toBe(true);
    await b.click('#import-commit');
    await expect.poll(() => b.textContent('[role="status"]'), WAIT).toMatch(/^导入完成:新增 56 份/);
    const restored = (await dumpDatabase(b)).reports;
    expect(restored).toHaveLength(56);
    expect(restored).toEqual(original);
  });
});
