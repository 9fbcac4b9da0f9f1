// Consistency checks in real Chromium against the production build: the findings of the sample in the
// data-quality view (filters, CSV download, status message) and the ⚠ marker on a chart's table.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './chromium';

const baseUrl = inject('baseUrl');
const WAIT = { timeout: 15_000 };
const PT = '平潭综合实验区';
const SH = '上海市人民政府办公厅';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openApp(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The data-quality view is a tab of its own; its URL opens it directly.
  await page.goto(`${baseUrl}#v=1&view=quality`);
  await page.waitForSelector('#quality-table tbody tr', WAIT);
  return { page, errors };
}

interface Row {
  agency: string;
  year: string;
  rule: string;
  severity: string;
  cells: string[];
}

async function qualityRows(page: Page): Promise<Row[]> {
  return page.locator('#quality-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      agency: tr.getAttribute('data-agency') ?? '',
      year: tr.getAttribute('data-year') ?? '',
      rule: tr.getAttribute('data-rule') ?? '',
      severity: tr.getAttribute('data-severity') ?? '',
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
    })),
  );
}

describe('data-quality view on the built-in sample', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    ({ page, errors } = await openApp(context));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows 平潭综合实验区 2020 I3: outcome rows 27 vs (七)总计 21, and 自然人 26 vs 20', async () => {
    await page.selectOption('#quality-organ', PT);
    await page.selectOption('#quality-rule', 'I3');
    await expect.poll(async () => (await qualityRows(page)).length, WAIT).toBe(2);
    const rows = await qualityRows(page);
    expect(rows.map((r) => [r.agency, r.year, r.rule, r.severity])).toEqual([
      [PT, '2020', 'I3', 'error'],
      [PT, '2020', 'I3', 'error'],
    ]);
    const byMessage = Object.fromEntries(rows.map((r) => [r.cells[4], [r.cells[5], r.cells[6]]]));
    expect(byMessage['「自然人」栏:各项办理结果之和为 26,(七)总计为 20。']).toEqual(['26', '20']);
    expect(byMessage['「总计」栏:各项办理结果之和为 27,(七)总计为 21。']).toEqual(['27', '21']);
    expect(rows[0].cells[3]).toBe('错误');
    expect(await page.textContent('#quality-summary')).toContain('显示 2 条');
  });

  it('downloads the shown findings as CSV with a BOM and says so in the status region', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('#quality-download')]);
    expect(download.suggestedFilename()).toBe('consistency-checks.csv');
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('"机构","年度","规则"')).toBe(true);
    expect(lines.some((l) => l.startsWith(`"${PT}","2020","I3","I3 办理结果合计","错误","requests.*.total"`))).toBe(true);
    expect(lines.some((l) => l.includes('"27","21"'))).toBe(true);
    await expect.poll(() => page.textContent('[role="status"]'), WAIT).toBe('已下载 2 条核对结果(CSV,UTF-8)。');
  });

  it('shows 上海市人民政府办公厅 2019: prose 258 vs table 275, 265 vs 337, and the blank 总计 column', async () => {
    await page.selectOption('#quality-organ', SH);
    await page.selectOption('#quality-rule', 'T-prose');
    await expect.poll(async () => (await qualityRows(page)).length, WAIT).toBe(2);
    const prose = await qualityRows(page);
    expect(prose.map((r) => [r.year, r.cells[5], r.cells[6]])).toEqual([
      ['2019', '275', '258'],
      ['2019', '337', '265'],
    ]);
    expect(prose[0].cells[4]).toContain('正文称予以公开及部分公开为 258,表中为 275');
    await page.selectOption('#quality-rule', 'I3');
    await expect.poll(async () => (await qualityRows(page)).length, WAIT).toBe(1);
    const [i3] = await qualityRows(page);
    expect(i3.cells[4]).toContain('「总计」栏:各项办理结果之和为 0,(七)总计为 805(其中 19 个空白单元格按 0 计)');
    expect(i3.cells[4]).toContain('依赖空白单元格(按 0 计)');
    expect(i3.cells[7]).toContain('表三 · (一)予以公开 · 总计 = 空白');
  });

  it('filters by severity: not-checkable findings are listed as such', async () => {
    await page.selectOption('#quality-organ', '大峪镇人民政府');
    await page.selectOption('#quality-rule', '');
    await page.selectOption('#quality-severity', 'not-checkable');
    await expect.poll(async () => (await qualityRows(page)).map((r) => r.rule), WAIT).toEqual(['I1', 'I2', 'I3', 'I4']);
    const rows = await qualityRows(page);
    expect(rows.every((r) => r.cells[3] === '无法核对')).toBe(true);
    expect(rows[0].cells[4]).toBe('I1 收支平衡无法核对:表三(收到和处理政府信息公开申请情况)未采集。');
    await page.selectOption('#quality-severity', 'warning');
    await expect.poll(async () => (await qualityRows(page)).map((r) => r.rule), WAIT).toEqual(['P-unit']);
  });

  it('marks 2020 on the outcome chart of the overview: axis note, row header, reason in the table', async () => {
    await page.click('#tab-overview');
    const fig = page.locator('figure#chart-outcomes');
    await expect.poll(() => fig.locator('.marks-note').textContent(), WAIT).toBe(
      '⚠ 标记的年度,其年报有勾稽或合理性问题:2020、2023、2024、2025。原因见数据表,全部结果见“数据质量”。',
    );
    await fig.getByRole('button', { name: '显示数据表' }).click();
    const th = fig.locator('table tbody tr th', { hasText: /^2020$/ });
    await th.waitFor(WAIT);
    expect(await th.getAttribute('data-findings')).toBe('I3');
    expect(await th.textContent()).toBe('2020');
    const note = await fig.locator('table tfoot tr[data-year="2020"]').textContent();
    expect(note).toContain('I3: 「总计」栏:各项办理结果之和为 27,(七)总计为 21。');
    expect(await fig.locator('table tbody tr th', { hasText: /^2019$/ }).getAttribute('data-findings')).toBeNull();
    // The bars still show the published figures: the checker never "fixes" them (27 outcomes vs 21 total).
    const row = fig.locator('table tbody tr', { has: page.locator('th', { hasText: /^2020$/ }) });
    expect(await row.locator('td[data-series="granted"]').getAttribute('data-value')).toBe('7');
    expect(await row.locator('td[data-series="other"]').getAttribute('data-value')).toBe('4');
  });

  it('every chart of the overview says ⚠ and the finding in its tooltip for 2020', async () => {
    await page.click('#tab-overview');
    // The tooltip code loads after the first charts are drawn: wait for it, then hover 2020 (the 10th of 15 years).
    await page.waitForTimeout(2500);
    for (const [id, right] of [['chart-published', 20], ['chart-procurement', 64], ['chart-outcomes', 20]] as const) {
      const fig = page.locator(`figure#${id}`);
      await fig.locator('canvas').scrollIntoViewIfNeeded();
      const box = await fig.locator('canvas').boundingBox();
      if (!box) throw new Error(`${id} has no canvas`);
      const x = box.x + 64 + ((box.width - 64 - right) * 9.5) / 15;
      const tip = () => fig.evaluate((f) => [...f.querySelectorAll('div')].filter((d) => /z-index:\s*9999999/.test(d.getAttribute('style') ?? '')).map((d) => d.textContent ?? '').join(''));
      await expect
        .poll(async () => {
          await page.mouse.move(x, box.y + box.height * 0.55);
          await page.mouse.move(x + 2, box.y + box.height * 0.55);
          return tip();
        }, { ...WAIT, message: `the tooltip of ${id}` })
        .toMatch(/^⚠ 2020/);
      expect(await tip()).toContain('⚠ I3: 「总计」栏:各项办理结果之和为 27,(七)总计为 21。');
    }
  });

  it('marks 2020 on the disclosure-rate table with the reason, and leaves 2019 unmarked', async () => {
    await page.click('#tab-requests');
    const fig = page.locator('figure#chart-disclosure-rate');
    await expect.poll(() => fig.locator('figcaption').textContent(), WAIT).toBe(`公开率 · ${PT} 2011–2025`);
    expect(await fig.locator('.definition').textContent()).toContain('公开率 =(予以公开 + 部分公开)÷ 办理结果总计');
    expect(await fig.locator('.marks-note').textContent()).toContain('2020、2023、2024、2025');
    await fig.getByRole('button', { name: '显示数据表' }).click();
    const row2020 = fig.locator('table tbody tr', { has: page.locator('th', { hasText: '2020' }) });
    await row2020.waitFor(WAIT);
    const th = row2020.locator('th');
    expect(await th.getAttribute('data-findings')).toBe('I3');
    expect(await th.textContent()).toBe('2020');
    // The ⚠ is drawn by CSS on the row header; the reason is the footer row the header points to.
    expect(await th.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('" ⚠"');
    const describedBy = await th.getAttribute('aria-describedby');
    expect(describedBy).toBe('chart-disclosure-rate-findings-2020');
    const note = await page.locator(`#${describedBy}`).textContent();
    expect(note).toContain('I3: 「自然人」栏:各项办理结果之和为 26,(七)总计为 20。');
    expect(note).toContain('I3: 「总计」栏:各项办理结果之和为 27,(七)总计为 21。');
    const cell2020 = row2020.locator('td[data-series="disclosure"]');
    expect(await cell2020.getAttribute('data-value')).toBe('61.9');
    const row2019 = fig.locator('table tbody tr', { has: page.locator('th', { hasText: '2019' }) });
    expect(await row2019.locator('th').getAttribute('data-findings')).toBeNull();
    expect(await row2019.locator('td').first().textContent()).toBe('34.8%8 ÷ 23');
  });

  it('shows a missing ratio as "—" with its reason, never 0%', async () => {
    await page.click('#tab-review');
    const fig = page.locator('figure#chart-correction-rate');
    await expect.poll(() => fig.locator('.definition').textContent(), WAIT).toContain('纠错率 = 结果纠正 ÷ 总计');
    await fig.getByRole('button', { name: '显示数据表' }).click();
    const row2019 = fig.locator('table tbody tr', { has: page.locator('th', { hasText: '2019' }) });
    await row2019.waitFor(WAIT);
    expect(await row2019.locator('td').allTextContents()).toEqual(['—0 ÷ 0;总计为 0,比率无定义', '—0 ÷ 0;总计为 0,比率无定义']);
    const row2025 = fig.locator('table tbody tr', { has: page.locator('th', { hasText: '2025' }) });
    expect(await row2025.locator('td').allTextContents()).toEqual(['8.3%3 ÷ 36', '33.3%3 ÷ 9']);
  });

  it('filters by year, and starts the year over when the organ changes', async () => {
    await page.click('#tab-quality');
    await page.selectOption('#quality-organ', PT);
    await page.selectOption('#quality-severity', '');
    await page.selectOption('#quality-rule', '');
    await page.selectOption('#quality-year', '2023');
    await expect.poll(async () => (await qualityRows(page)).map((r) => [r.year, r.rule, r.severity]), WAIT).toEqual([['2023', 'X-in-force', 'warning']]);
    const [row] = await qualityRows(page);
    expect(row.cells[4]).toBe('「行政规范性文件」:2022 年现行有效 + 2023 年制发 − 废止 = 643,2023 年现行有效件数为 470。');
    await page.selectOption('#quality-organ', SH);
    await expect.poll(() => page.inputValue('#quality-year'), WAIT).toBe('');
    expect((await qualityRows(page)).every((r) => r.agency === SH)).toBe(true);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('data-quality view in English', () => {
  it('shows the rule names, severities and messages in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const { page, errors } = await openApp(context);
      await page.click('#lang-switch');
      await expect.poll(() => page.textContent('#quality h2'), WAIT).toBe('Data quality: consistency checks');
      await page.selectOption('#quality-organ', PT);
      await page.selectOption('#quality-rule', 'I3');
      await expect.poll(async () => (await qualityRows(page)).length, WAIT).toBe(2);
      const rows = await qualityRows(page);
      expect(rows.map((r) => r.cells[4]).sort()).toEqual([
        'Column "Natural persons": outcome rows sum to 26; (7) Total says 20.',
        'Column "Total": outcome rows sum to 27; (7) Total says 21.',
      ]);
      expect(rows[0].cells[3]).toBe('Error');
      expect(await page.locator('#quality-rule option:checked').textContent()).toBe('I3: outcome rows add up to the total');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
