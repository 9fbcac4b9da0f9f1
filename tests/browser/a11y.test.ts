// Accessibility in real Chromium: axe-core on every tab, the import review, present mode and a shared view (in
// Chinese and in English) finds no serious or critical violation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { axeViolations, drop, openApp, WAIT } from './pageHelpers';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TABS = ['overview', 'requests', 'review', 'active', 'compare', 'rollup', 'quality'] as const;

/** The violations as one line each (impact, rule, help, where), so a failure reads as a list to fix. */
async function violations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(' ')}`);
}

/** Waits until the tab's content is there: a figure drawn, the quality table, or (another tab) its panel filled. */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.click(`#tab-${tab}`);
  if (tab === 'quality') await page.waitForSelector('#quality-table tbody tr', WAIT);
  else if ((TABS as readonly string[]).includes(tab)) await page.waitForSelector('#tabpanel figure canvas', WAIT);
  else await page.waitForSelector('#tabpanel > :not(p)', WAIT);
  await page.waitForTimeout(300);
}

/** Every tab the page has, in order (the seven above and any added since). */
function allTabs(page: Page): Promise<string[]> {
  return page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.id.replace(/^tab-/, '')));
}

describe('axe-core finds no serious or critical violation', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    page = await openApp(context, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('finds a violation planted in the page (the check itself works)', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'planted';
      document.body.append(b);
    });
    const found = await axeViolations(page);
    expect(found.map((v) => v.id)).toContain('button-name');
    await page.evaluate(() => document.getElementById('planted')?.remove());
  });

  for (const tab of TABS) {
    it(`on the ${tab} tab`, async () => {
      await openTab(page, tab);
      expect(await page.getAttribute(`#tab-${tab}`, 'aria-selected')).toBe('true');
      expect(await violations(page)).toEqual([]);
    });
  }

  it('on every other tab', async () => {
    const others = (await allTabs(page)).filter((t) => !(TABS as readonly string[]).includes(t));
    const found: string[] = [];
    for (const tab of others) {
      await openTab(page, tab);
      found.push(...(await violations(page)).map((v) => `${tab}: ${v}`));
    }
    expect(found).toEqual([]);
  });

  it('with the organ picker open and a chart’s table and export menu open', async () => {
    await openTab(page, 'overview');
    await page.click('#organ-search');
    await page.waitForSelector('#organ-search-list [role="option"]', WAIT);
    expect(await page.getAttribute('#organ-search', 'aria-expanded')).toBe('true');
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    const fig = page.locator('figure#chart-outcomes');
    await fig.getByRole('button', { name: '显示数据表' }).click();
    await fig.locator('table').waitFor(WAIT);
    await fig.locator('details.export summary').click();
    expect(await violations(page)).toEqual([]);
  });

  it('in the import review', async () => {
    const csv = '\uFEFF机构,年度,予以公开/总计,本年新收/总计\r\n无障碍测试机构,2024,3,5\r\n';
    await drop(page, [{ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
    await page.locator('#import-commit').waitFor(WAIT);
    expect(await violations(page)).toEqual([]);
    await page.click('#import-discard');
  });

  it('in present mode', async () => {
    await openTab(page, 'overview');
    await page.locator('figure#chart-published').getByRole('button', { name: '加入演示' }).click();
    await page.locator('figure#chart-outcomes').getByRole('button', { name: '加入演示' }).click();
    await page.click('#present-start');
    await page.waitForSelector('[role="dialog"] canvas', WAIT);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role="dialog"]').count(), WAIT).toBe(0);
  });

  it('in English, on every tab', async () => {
    await page.click('#lang-switch');
    await expect.poll(() => page.getAttribute('html', 'lang'), WAIT).toBe('en');
    // The language switch is named by what it shows.
    expect(await page.locator('#lang-switch').getAttribute('aria-label')).toBeNull();
    expect(await page.locator('#lang-switch').textContent()).toBe('中文');
    const found: string[] = [];
    for (const tab of await allTabs(page)) {
      await openTab(page, tab);
      found.push(...(await violations(page)).map((v) => `${tab}: ${v}`));
    }
    expect(found).toEqual([]);
    await page.click('#lang-switch');
    await expect.poll(() => page.getAttribute('html', 'lang'), WAIT).toBe('zh-CN');
  });

  it('on a phone-sized screen (390 px)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const found: string[] = [];
      for (const tab of ['overview', 'compare', 'quality'] as const) {
        await openTab(page, tab);
        found.push(...(await violations(page)).map((v) => `${tab}: ${v}`));
      }
      expect(found).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('in a shared view', async () => {
    const fig = page.locator('figure#chart-outcomes');
    await openTab(page, 'overview');
    await fig.getByRole('button', { name: '分享链接' }).click();
    const link = await fig.locator('.share-link input').inputValue();
    const other = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const shared = await openApp(other, link, 'figure#chart-outcomes canvas');
      await shared.locator('aside.banner').waitFor(WAIT);
      expect(await violations(shared)).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
