// Explore and share in real Chromium: every view's table equals figures.csv, the URL is the state, share links
// carry a snapshot that a fresh browser shows, tampered links fail politely, present mode keys, exports.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';
import { dumpReports, openApp, openExport, putRaw, storedValue, tableValues, WAIT, type StoredReport } from './pageHelpers';
import { figureRows, fixtureNumber, fixtureOutcome, fixtureYears, OUTCOME_GROUP_KEYS, PINGTAN, type FixtureRow } from '../helpers/fixture';

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

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  return context;
}

const years2019 = () => fixtureYears(rows, PINGTAN).filter((y) => y >= 2019);

describe('views', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext();
    page = await openApp(context, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('overview cards show the latest year and the change', async () => {
    const value = await page.locator('[data-card="new_received"] .value').getAttribute('data-value');
    expect(Number(value)).toBe(fixtureNumber(rows, PINGTAN, 2025, 'requests', 'new_received', 'total'));
    const change = await page.locator('[data-card="new_received"] .change').getAttribute('data-change');
    expect(Number(change)).toBe(
      (fixtureNumber(rows, PINGTAN, 2025, 'requests', 'new_received', 'total') as number) -
        (fixtureNumber(rows, PINGTAN, 2024, 'requests', 'new_received', 'total') as number),
    );
  });

  it('requests view: counts, shares, applicants and reasons equal the fixture; the hash follows', async () => {
    await page.getByRole('tab', { name: '依申请公开' }).click();
    await page.selectOption('#year-from', '2019');
    const counts = await tableValues(page, 'chart-outcome-counts');
    for (const y of years2019()) for (const g of OUTCOME_GROUP_KEYS) expect(counts[y][g], `${y} ${g}`).toBe(fixtureOutcome(rows, PINGTAN, y, g));
    const applicants = await tableValues(page, 'chart-applicants');
    for (const y of years2019()) expect(applicants[y].natural_person).toBe(fixtureNumber(rows, PINGTAN, y, 'requests', 'new_received', 'natural_person'));
    const denied = await tableValues(page, 'chart-reasons-denied');
    expect(denied['2021'].denied_enforcement_file).toBe(fixtureNumber(rows, PINGTAN, 2021, 'requests', 'denied_enforcement_file', 'total'));
    await page.getByRole('radio', { name: '占比' }).check();
    const shares = await tableValues(page, 'chart-outcome-shares');
    const c2022 = OUTCOME_GROUP_KEYS.map((g) => fixtureOutcome(rows, PINGTAN, 2022, g) as number);
    const sum = c2022.reduce((a, b) => a + b, 0);
    expect(shares['2022'].granted).toBe(Math.round((c2022[0] / sum) * 1000) / 10);
    const hash = decodeURIComponent(new URL(page.url()).hash);
    expect(hash).toBe(`#v=1&view=requests&org=${PINGTAN}&from=2019&shares=1`);
  });

  it('review view equals table 四 of the fixture', async () => {
    await page.getByRole('tab', { name: '复议与诉讼' }).click();
    const review = await tableValues(page, 'chart-review-admin-review');
    for (const y of years2019()) {
      for (const col of ['upheld', 'corrected', 'other_result', 'pending', 'total']) {
        expect(review[y][col], `${y} ${col}`).toBe(fixtureNumber(rows, PINGTAN, y, 'review', 'admin_review', col));
      }
    }
  });

  it('table 二 view states the 2019→2021 change and keeps the formats apart', async () => {
    await page.getByRole('tab', { name: '主动公开(表二)' }).click();
    const fig = page.locator('figure#chart-active-normative-docs');
    expect(await fig.locator('.definition').textContent()).toContain('两版数字分列为不同系列,不拼接');
    const t = await tableValues(page, 'chart-active-normative-docs');
    expect(t['2020'].in_force).toBeNull();
    for (const y of [2021, 2022, 2023, 2024, 2025]) {
      expect(t[y].in_force).toBe(fixtureNumber(rows, PINGTAN, y, 'active_2021', 'normative_docs', 'in_force'));
      expect(t[y].total_published).toBeNull();
    }
  });

  it('compare and ranking', async () => {
    await page.getByRole('tab', { name: '机构对比' }).click();
    await page.fill('#compare-search', '平潭');
    await page.click('[role="option"][data-agency="平潭综合实验区"]');
    await page.click('[role="option"][data-agency="平潭县人民政府"]');
    await page.keyboard.press('Escape');
    await page.selectOption('#figure-picker', 'published_items');
    // The range set in the requests view (from 2019) carries over; widen it to the organs' first year.
    await page.selectOption('#year-from', '2011');
    const t = await tableValues(page, 'chart-compare');
    expect(t['2012']).toEqual({
      [PINGTAN]: fixtureNumber(rows, PINGTAN, 2012, 'headline', 'published_items', 'total'),
      平潭县人民政府: fixtureNumber(rows, '平潭县人民政府', 2012, 'headline', 'published_items', 'total'),
    });
    expect(t['2014']['平潭县人民政府']).toBeNull();
    await page.selectOption('#ranking-year', '2013');
    const rank = await tableValues(page, 'chart-ranking');
    expect(Object.entries(rank).map(([organ, v]) => [organ, v.published_items])).toEqual([
      [PINGTAN, 4970],
      ['平潭县人民政府', 1853],
    ]);
  });

  it('roll-up sums the picked organs and names the organs missing in partial years', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    const t = await tableValues(page, 'chart-rollup');
    expect(t['2013'].rollup).toBe(4970 + 1853);
    expect(t['2014'].rollup).toBe(2543);
    expect(await page.locator('figure#chart-rollup td[data-series="rollup"]').nth(3).getAttribute('data-flags')).toBe('partial');
    expect(await page.locator('.partial li[data-year="2014"]').textContent()).toBe('2014 年:2 个机构中有 1 个缺数据:平潭县人民政府');
  });

  it('a broken or unknown hash opens the default view with a polite message', async () => {
    await page.goto(`${baseUrl}#v=7&view=overview`);
    await page.waitForSelector('figure#chart-outcomes canvas', WAIT);
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('这个链接来自更新或更旧的版本,无法读取其中的视图;已打开默认视图。');
    await page.goto(`${baseUrl}#v=1&view=%%%&from=abc`);
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('链接中的视图参数无法识别;已打开默认视图。');
    expect(await page.locator('figure figcaption').first().textContent()).toContain(PINGTAN);
  });
});

describe('the URL is the state', () => {
  it('a view URL opened in a fresh browser restores the same view', async () => {
    const a = await newContext();
    const b = await newContext();
    try {
      const pa = await openApp(a, baseUrl);
      const historyBefore = await pa.evaluate(() => history.length);
      await pa.getByRole('tab', { name: '复议与诉讼' }).click();
      await pa.selectOption('#year-from', '2020');
      await pa.selectOption('#year-to', '2023');
      // The address is replaced just after the change is drawn.
      await expect.poll(() => pa.url(), WAIT).toContain('to=2023');
      const url = pa.url();
      // replaceState: three changes, no new history entries.
      expect(await pa.evaluate(() => history.length)).toBe(historyBefore);
      const pb = await openApp(b, url);
      expect(await pb.getByRole('tab', { name: '复议与诉讼' }).getAttribute('aria-selected')).toBe('true');
      expect(await pb.locator('figure figcaption').first().textContent()).toBe(`行政复议 · ${PINGTAN} 2020–2023`);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('sharing a chart', () => {
  it('a link opened in a fresh browser shows the same numbers from its snapshot; tampered links fail', async () => {
    const a = await newContext();
    const b = await newContext();
    const c = await newContext();
    try {
      const pa = await openApp(a, baseUrl);
      // Make the sender's data differ from the sample the recipient's fresh browser will have.
      const stored = (await dumpReports(pa)).find((r) => r.agency === PINGTAN && r.year === 2021) as StoredReport;
      stored.cells['requests.granted.total'] = { value: 999, unit: '件' };
      await putRaw(pa, [stored]);
      await pa.goto(`${baseUrl}#v=1&view=overview&from=2019`);
      await pa.reload();
      await pa.waitForSelector('figure#chart-outcomes canvas', WAIT);
      const sent = await tableValues(pa, 'chart-outcomes');
      expect(sent['2021'].granted).toBe(999);
      await pa.locator('figure#chart-outcomes').getByRole('button', { name: '分享链接' }).click();
      const input = pa.locator('figure#chart-outcomes .share-link input');
      await input.waitFor(WAIT);
      const link = await input.inputValue();
      expect(link.length).toBeLessThanOrEqual(2000);
      expect(await pa.textContent('[role="status"]')).toBe(`已复制分享链接(${link.length} 个字符)。`);
      expect(await pa.evaluate(() => navigator.clipboard.readText())).toBe(link);

      // 7 years × 6 outcome groups + 本年新收: the recipient sees exactly the sender's table.
      const pb = await openApp(b, link, 'figure#chart-outcomes canvas');
      await expect.poll(() => pb.textContent('[role="status"]'), WAIT).toMatch(/^正在查看共享的图表快照\(生成于 \d{4}-\d\d-\d\d\)。$/);
      expect(await pb.locator('aside.banner').textContent()).toContain(PINGTAN);
      expect(await tableValues(pb, 'chart-outcomes')).toEqual(sent);
      // It may be stored; the recipient's own record then carries the shared figure.
      await pb.getByRole('button', { name: '存入本机数据' }).click();
      // Only the differing figure is laid over the recipient's fuller record; the rest stays as it was.
      await expect.poll(() => pb.textContent('[role="status"]'), WAIT).toBe(
        '已将快照存入本机:新增 0 份年报,1 份已有年报取了快照中不同的数值,6 份无变化(可撤销)。',
      );
      const mineAll = await dumpReports(pb);
      const mine = mineAll.find((r) => r.agency === PINGTAN && r.year === 2021);
      expect(storedValue(mine?.cells['requests.granted.total'])).toBe(999);
      expect(mine?.cells['review.admin_review.total']).toEqual(stored.cells['review.admin_review.total']);
      expect(mineAll).toHaveLength(56);

      // A tampered link: an error in the status region, the page still works on one's own data.
      const s = new URL(link).hash.split('&s=')[1];
      const tampered = link.replace(`&s=${s}`, `&s=${s.slice(0, 40)}XyZ${s.slice(43)}`);
      const pc = await openApp(c, tampered);
      await expect.poll(() => pc.textContent('[role="status"]'), WAIT).toMatch(/^链接中的图表快照.+。已打开本机数据。$/);
      expect(await pc.locator('aside.banner').count()).toBe(0);
      expect(await pc.locator('figure figcaption').first().textContent()).toContain(PINGTAN);
    } finally {
      await a.close();
      await b.close();
      await c.close();
    }
  });
});

describe('present mode and exports', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext();
    page = await openApp(context, baseUrl);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('arrow keys step through the picked charts; Esc leaves', async () => {
    await page.locator('figure#chart-published').getByRole('button', { name: '加入演示' }).click();
    await page.locator('figure#chart-outcomes').getByRole('button', { name: '加入演示' }).click();
    await page.getByRole('button', { name: '开始演示(2)' }).click();
    const dialog = page.getByRole('dialog');
    const caption = () => dialog.locator('figcaption').textContent();
    // A slide leaves out the years before the first and after the last with data.
    await expect.poll(caption, WAIT).toBe(`主动公开 / 更新信息条数 · ${PINGTAN} 2011–2023`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(caption, WAIT).toBe(`依申请公开办理结果 · ${PINGTAN} 2019–2025`);
    await page.keyboard.press('ArrowRight'); // stays on the last
    await expect.poll(caption, WAIT).toBe(`依申请公开办理结果 · ${PINGTAN} 2019–2025`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(caption, WAIT).toBe(`主动公开 / 更新信息条数 · ${PINGTAN} 2011–2023`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
  });

  it('print: every chart shows its table, controls are hidden, one chart per page', async () => {
    await page.goto(baseUrl);
    await page.waitForSelector('figure#chart-outcomes canvas', WAIT);
    expect(await page.locator('figure table').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.locator('figure table').count(), WAIT).toBe(3);
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.locator('.controls').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.locator('figure#chart-published').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('figure table').count(), WAIT).toBe(0);
  });

  it('PNG export is twice the chart’s CSS size', async () => {
    const fig = page.locator('figure#chart-procurement');
    const box = await fig.locator('.chart').evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
    await openExport(page, 'chart-procurement');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), fig.getByRole('button', { name: 'PNG' }).click()]);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([box.w * 2, box.h * 2]);
  });

  it('SVG export is an SVG of the chart', async () => {
    const fig = page.locator('figure#chart-procurement');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), fig.getByRole('button', { name: 'SVG' }).click()]);
    const svg = readFileSync(await download.path(), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('采购项目数量');
  });

  it('CSV export has the BOM, the numbers, and neutralised text cells', async () => {
    await putRaw(page, [{ agency: '=SUM(A1)', year: 2013, format: 'pre2019', source: 'test', cells: { 'headline.published_items.total': { value: 12, unit: '条' } } }]);
    await page.goto(`${baseUrl}#v=1&view=compare&fig=published_items&year=2013`);
    await page.reload();
    await page.waitForSelector('figure#chart-ranking canvas', WAIT);
    const fig = page.locator('figure#chart-ranking');
    await openExport(page, 'chart-ranking');
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), fig.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('机构,主动公开/更新信息条数(2013)(条)');
    expect(lines).toContain(`${PINGTAN},4970`);
    expect(lines).toContain("'=SUM(A1),12");
  });

  it('copy table puts tab-separated numbers on the clipboard', async () => {
    await openExport(page, 'chart-ranking');
    await page.locator('figure#chart-ranking').getByRole('button', { name: '复制表格' }).click();
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('表格已复制,可直接粘贴到 Excel。');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')).toContain(`${PINGTAN}\t4970`);
  });
});
