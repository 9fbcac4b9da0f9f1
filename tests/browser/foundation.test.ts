// The foundation in real Chromium against the production build: sample on first run, IndexedDB records,
// the three charts drawn, their tables equal to figures.csv, data kept across reloads, the language switch.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { dumpReports, openApp, paintedPixels, storedValue, tableValues, WAIT } from './pageHelpers';
import {
  figureRows,
  fixtureAmountWan,
  fixtureNumber,
  fixtureOutcome,
  fixtureYears,
  OUTCOME_GROUP_KEYS,
  PINGTAN,
  type FixtureRow,
} from '../helpers/fixture';

const baseUrl = inject('baseUrl');
let browser: Browser;
let rows: FixtureRow[];

beforeAll(async () => {
  browser = await launch();
  rows = figureRows();
});
afterAll(async () => {
  await browser?.close();
});

describe('dashboard with the built-in sample', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await openApp(context, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('says in the status region that the sample was loaded', async () => {
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('首次打开:已载入 56 份真实年报作为示例数据。');
  });

  it('stores one IndexedDB record per report, cells keyed section.row.column', async () => {
    const records = await dumpReports(page);
    const ids = new Set(rows.map((r) => `${r.agency}|${r.year}`));
    expect(records).toHaveLength(ids.size);
    expect(new Set(records.map((r) => `${r.agency}|${r.year}`))).toEqual(ids);
    const pt2019 = records.find((r) => r.agency === PINGTAN && r.year === 2019);
    expect(storedValue(pt2019?.cells['requests.granted.total'])).toBe(fixtureNumber(rows, PINGTAN, 2019, 'requests', 'granted', 'total'));
    expect(storedValue(pt2019?.cells['active_2019.central_procurement.procurement_amount'])).toBe(75394432.52);
  });

  it('shows 平潭综合实验区 by default, the organ with the most years', async () => {
    const captions = await page.locator('figure figcaption').allTextContents();
    expect(captions).toEqual([
      '主动公开 / 更新信息条数 · 平潭综合实验区 2011–2025',
      '政府集中采购 · 平潭综合实验区 2011–2025',
      '依申请公开办理结果 · 平潭综合实验区 2011–2025',
    ]);
  });

  it('draws the three charts (canvas not blank)', async () => {
    for (const id of ['chart-published', 'chart-procurement', 'chart-outcomes']) {
      await expect.poll(() => paintedPixels(page, id), WAIT).toBeGreaterThan(2000);
    }
  });

  it('table views equal the figures of figures.csv', async () => {
    const years = fixtureYears(rows, PINGTAN);
    const published = await tableValues(page, 'chart-published');
    expect(Object.keys(published)).toEqual(years.map(String));
    for (const y of years) {
      expect(published[y].published_items, String(y)).toBe(fixtureNumber(rows, PINGTAN, y, 'headline', 'published_items', 'total'));
    }
    const procurement = await tableValues(page, 'chart-procurement');
    for (const y of years) {
      expect(procurement[y].procurement_projects, String(y)).toBe(
        fixtureNumber(rows, PINGTAN, y, 'active_2019', 'central_procurement', 'procurement_projects'),
      );
      expect(procurement[y].procurement_amount, String(y)).toBe(fixtureAmountWan(rows, PINGTAN, y));
    }
    const outcomes = await tableValues(page, 'chart-outcomes');
    for (const y of years) {
      for (const g of OUTCOME_GROUP_KEYS) expect(outcomes[y][g], `${y} ${g}`).toBe(fixtureOutcome(rows, PINGTAN, y, g));
      expect(outcomes[y].new_received, String(y)).toBe(fixtureNumber(rows, PINGTAN, y, 'requests', 'new_received', 'total'));
    }
  });

  it('shows missing as "—" with its reason, never 0, and says why procurement stops in 2021', async () => {
    const cell = page.locator('figure#chart-procurement table tbody tr', { hasText: '2022' }).locator('td').first();
    await expect.poll(() => cell.textContent(), WAIT).toBe('—该格式无此项');
    await expect
      .poll(() => page.locator('figure#chart-procurement .chart-note').allTextContents(), WAIT)
      .toEqual([
        '2021 年起年报格式不再包含政府集中采购(2021–2025)',
        '2011–2018 年没有这些数据(未采集、原表空白或无年报),图中留空,不是 0',
      ]);
    const sources = await page.locator('figure#chart-procurement .sources li').allTextContents();
    expect(sources).toHaveLength(15);
    expect(sources[8]).toContain('80576_平潭综合实验区2019年度政府信息公开工作年度报告');
  });

  it('the organ picker finds an organ by name and switches the charts', async () => {
    await page.fill('#organ-search', '大峪');
    await page.click('[role="option"][data-agency="大峪镇人民政府"]');
    await expect.poll(() => page.locator('figure#chart-published figcaption').textContent(), WAIT).toBe('主动公开 / 更新信息条数 · 大峪镇人民政府 2020');
    const published = await tableValues(page, 'chart-published');
    expect(published['2020'].published_items).toBe(907);
    const text = await page.locator('figure#chart-published td').first().textContent();
    expect(text).toBe('≈907约数(原文“余”“约”)');
  });

  it('keeps the data across a reload and never re-seeds what the user deleted', async () => {
    // Delete one report behind the app's back, as a user's delete would.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('disclosure-report-dashboard');
          req.onsuccess = () => {
            const tx = req.result.transaction('reports', 'readwrite');
            tx.objectStore('reports').delete(['平潭综合实验区', 2025]);
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await page.waitForSelector('figure#chart-outcomes canvas', WAIT);
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('已从本机读取 55 份年报。');
    expect(await dumpReports(page)).toHaveLength(55);
    // The URL is the state: the reload shows the organ picked before it.
    expect(await page.locator('figure#chart-published figcaption').textContent()).toBe('主动公开 / 更新信息条数 · 大峪镇人民政府 2020');
    expect(page.url()).toContain(`org=${encodeURIComponent('大峪镇人民政府')}`);
    // The plain address opens the default organ, now without the deleted year.
    await page.goto(baseUrl);
    await page.waitForSelector('figure#chart-outcomes canvas', WAIT);
    const published = await tableValues(page, 'chart-published');
    expect(Object.keys(published)).toEqual(fixtureYears(rows, PINGTAN).filter((y) => y !== 2025).map(String));
  });

  it('the language switch changes the captions and is remembered', async () => {
    await page.click('#lang-switch');
    await expect.poll(() => page.locator('figure figcaption').allTextContents(), WAIT).toEqual([
      'Items published or updated · 平潭综合实验区 2011–2024',
      'Centralized government procurement · 平潭综合实验区 2011–2024',
      'Outcomes of information requests · 平潭综合实验区 2011–2024',
    ]);
    await page.reload();
    await page.waitForSelector('figure#chart-outcomes canvas', WAIT);
    expect(await page.locator('figure figcaption').first().textContent()).toBe('Items published or updated · 平潭综合实验区 2011–2024');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('restore sample data puts the deleted report back', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Restore sample data' }).click();
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('Sample restored: 56 reports written.');
    expect(await dumpReports(page)).toHaveLength(56);
  });
});

describe('a fresh browser', () => {
  it('opens with the sample and the default language, whatever another profile did', async () => {
    const context = await browser.newContext();
    try {
      const page = await openApp(context, baseUrl);
      expect(await page.locator('figure figcaption').first().textContent()).toBe('主动公开 / 更新信息条数 · 平潭综合实验区 2011–2025');
      expect(await page.locator('input[type="file"][multiple]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
