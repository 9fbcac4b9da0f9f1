// Offline, in real Chromium, with the build served from a sub-path (/tools/nianbao/) by a server that can go away:
// after the first visit the service worker holds every file of the build; with the server gone the dashboard reloads,
// every tab works, a CSV and a PDF whose Chinese font is not embedded (pdf.js, its cMaps) are imported. The app is
// installable (manifest, icons, service worker). A new build is announced ("新版本可用,刷新") and takes over only
// when the person asks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REQUEST_ROWS } from '../../src/ingest/document/rows';
import { sampleReports } from '../../src/ingest/sample';
import { REQUEST_COLUMNS } from '../../src/model/officialLayout';
import type { Report } from '../../src/model/report';
import { pdfBytes, text, textRight } from '../helpers/pdfWriter';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { dumpDatabase, WAIT } from './pageHelpers';
import { serveBuild, type StaticServer } from './staticServer';

const PT = '平潭综合实验区';
let server: StaticServer;
let context: BrowserContext;
let profile: string;
let page: Page;

const status = () => page.textContent('[role="status"]');

beforeAll(async () => {
  server = await serveBuild(process.env.DIST_DIR ?? 'dist');
  // A profile of its own on disk, not an incognito context: installability is judged only outside incognito.
  profile = mkdtempSync(join(tmpdir(), 'offline-profile-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true, timeout: 30_000, viewport: { width: 1200, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  page.on('dialog', (d) => void d.accept());
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  rmSync(profile, { recursive: true, force: true });
});

/** The cache the worker filled, and the list of files the build told it to hold. */
async function precache(): Promise<{ caches: string[]; cached: string[]; listed: string[] }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    const cached = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    const source = await (await fetch('sw.js')).text();
    const listed = (JSON.parse(/const PRECACHE = (\[.*?\]);/.exec(source)?.[1] ?? '[]') as string[]).map((p) => new URL(p, location.href).pathname).sort();
    return { caches: names, cached, listed };
  });
}

describe('offline, from a sub-path', () => {
  it('the first visit installs the worker, which holds every file of the build (the pdf.js cMaps and fonts included)', async () => {
    await page.goto(server.url);
    await page.waitForSelector('figure canvas', WAIT);
    await expect.poll(status, WAIT).toMatch(/^首次打开/);
    // The first worker takes this page as soon as it has cached everything.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);
    const { caches, cached, listed } = await precache();
    expect(caches).toHaveLength(1);
    expect(cached).toEqual(listed);
    expect(listed).toContain('/tools/nianbao/index.html');
    expect(listed.filter((p) => p.includes('/pdfjs/cmaps/')).length).toBeGreaterThan(150);
    expect(listed.filter((p) => p.includes('/pdfjs/standard_fonts/')).length).toBeGreaterThan(10);
    expect(listed.some((p) => /\/assets\/worker-[\w-]+\.js$/.test(p))).toBe(true);
  });

  it('is installable: a manifest with 192 and 512 pixel icons and a maskable one, a worker in control, no errors', async () => {
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data?: string };
    expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as { start_url: string; scope: string; display: string; icons: { sizes: string; purpose: string }[] };
    expect([data.start_url, data.scope, data.display]).toEqual(['./', './', 'standalone']);
    expect(data.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable', 'any any']);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installability.installabilityErrors).toEqual([]);
    await cdp.detach();
  });

  it('with the server gone: the page reloads from the worker, every tab draws, nothing fails to load', async () => {
    await server.stop();
    const asked = server.requests.length;
    const started = Date.now();
    await page.reload();
    await page.waitForSelector('figure canvas', WAIT);
    const reloadMs = Date.now() - started;
    console.log(`offline reload → first chart: ${reloadMs} ms`);
    expect(reloadMs).toBeLessThan(10_000);
    await expect.poll(status, WAIT).toBe('已从本机读取 56 份年报。');
    for (const tab of await page.locator('[role="tab"]').all()) {
      await tab.click();
      await page.locator('[role="tabpanel"] figure, [role="tabpanel"] table').first().waitFor(WAIT);
    }
    // Nothing was asked of the (absent) server, and no part failed to load.
    expect(server.requests.length).toBe(asked);
    expect(await status()).toBe('已从本机读取 56 份年报。');
    await page.click('#tab-overview');
  });

  it('with the server gone: a CSV and a PDF whose Chinese font is not embedded are read and imported', async () => {
    const before = (await dumpDatabase(page)).reports.length;
    const asked = server.requests.length;
    await page.setInputFiles('input[type="file"]', {
      name: 'offline.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('机构,年度,予以公开/总计\n离线测试机构,2020,7\n'),
    });
    await page.locator('.file-review').first().waitFor(WAIT);
    await page.click('#import-commit');
    await expect.poll(status, WAIT).toBe('导入完成:新增 1 份,替换 0 份,跳过 0 份,发现 0 个问题。');

    // Table 三 of 平潭 2021 printed in STSong-Light, which the PDF names but does not embed: its labels need the cMaps.
    const report = sampleReports().find((r) => r.agency === PT && r.year === 2021) as Report;
    let y = 60;
    let body = text(40, y, '平潭综合实验区2021年度政府信息公开工作年度报告', 12);
    body += text(40, (y += 30), '三、收到和处理政府信息公开申请情况', 10);
    body += text(40, (y += 20), '申请人情况', 7);
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].forEach((h, i) => (body += textRight(380 + i * 30, y, h, 5)));
    for (const row of REQUEST_ROWS) {
      if (!(`requests.${row.key}.total` in report.cells)) continue;
      body += text(40, (y += 14), row.printed, 6);
      REQUEST_COLUMNS.forEach((c, i) => (body += textRight(380 + i * 30, y, String(report.cells[`requests.${row.key}.${c}`]?.value ?? ''), 7)));
    }
    await page.setInputFiles('input[type="file"]', { name: 'stsong.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdfBytes([body])) });
    await expect.poll(() => page.locator('tr.document-report').count(), WAIT).toBe(1);
    const row = page.locator('tr.document-report');
    expect(await row.getAttribute('data-agency')).toBe(PT);
    expect(await row.getAttribute('data-year')).toBe('2021');
    expect(Number(await row.getAttribute('data-figures'))).toBe(Object.keys(report.cells).filter((k) => k.startsWith('requests.')).length);
    // Its labels were read, so the cMaps were there: from the worker's cache, since the server is gone.
    expect(server.requests.length).toBe(asked);
    await page.locator('.file-review .remove').first().click();
    expect((await dumpDatabase(page)).reports.length).toBe(before + 1);
  });

  it('a new build is announced, not swapped in: "新版本可用,刷新", and the page reloads into it when asked', async () => {
    // The server is back with a new build (the same files, a worker of another version).
    await server.start('test-new-build');
    const before = await precache();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });
    await page.locator('#update-notice').waitFor({ timeout: 60_000 });
    expect(await page.textContent('#update-notice')).toBe('新版本可用,刷新');
    // The new worker waits, its files cached beside the old ones; the old one still serves this page.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting?.state)).toBe('installed');
    const both = (await page.evaluate(() => caches.keys())).sort();
    expect(both).toHaveLength(2);
    expect(both).toContain(before.caches[0]);
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('#update-reload')]);
    await page.waitForSelector('figure canvas', WAIT);
    expect(await page.locator('#update-notice').count()).toBe(0);
    // Now the new one alone: its cache kept, the old one's deleted, nothing waiting.
    await expect.poll(() => page.evaluate(() => caches.keys()), WAIT).toEqual(['disclosure-report-dashboard-test-new-build']);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();
  });
});
