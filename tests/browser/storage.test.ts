// The browser's storage failing under the dashboard, in real Chromium: IndexedDB refused (the page opens with the
// sample in memory, says nothing will be kept, imports for the session), a database saved by a newer version, the
// disk full during a commit (a clear message, the store exactly as before), an upgrade blocked by an old tab (said,
// then carried on), another tab's upgrade (this one told to reload), a commit cut by a reload or a closed tab (all of
// the import or none of it), and persistent storage asked for after the first import, not on the first visit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, launch } from './chromium';
import { dumpDatabase, WAIT } from './pageHelpers';

const baseUrl = inject('baseUrl');
const DB = 'disclosure-report-dashboard';
const OPENED_KEY = 'disclosure-report-dashboard:opened';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.textContent('[role="status"]');

async function withContext<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

async function openApp(context: BrowserContext, errors: string[] = []): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(baseUrl);
  await page.waitForSelector('figure canvas', WAIT);
  return page;
}

/** A wide CSV of `n` reports of generated organs: one line each, a few figures. */
function wideCsv(n: number, prefix = '存储测试机构'): Buffer {
  const lines = ['机构,年度,予以公开/总计,本年新收政府信息公开申请数量/总计,采购项目数量'];
  for (let i = 0; i < n; i++) lines.push(`${prefix}-${String(i).padStart(5, '0')},2020,${i % 50},${(i % 50) + 3},${i % 7}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('input[type="file"]', { name, mimeType: 'text/csv', buffer });
  await page.locator('.file-review').first().waitFor(WAIT);
}

/** A same-origin page that is not the app (to hold or inspect the database with the raw API). */
async function rawPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}manifest.webmanifest`);
  return page;
}

describe('IndexedDB cannot be used', () => {
  it('refused by the browser: the sample in memory, said plainly; an import works for the session and is gone after a reload', async () => {
    await withContext(async (context) => {
      // As where storage is denied to the page: merely reading window.indexedDB throws SecurityError.
      await context.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', {
          configurable: true,
          get() {
            throw new DOMException('The user denied permission to access the database.', 'SecurityError');
          },
        });
      });
      const errors: string[] = [];
      const page = await openApp(context, errors);
      await expect.poll(() => status(page), WAIT).toBe('本地数据库不可用,数据只在本页中,不会保存。');
      const notice = page.locator('#storage-notice');
      expect(await notice.getAttribute('data-reason')).toBe('denied');
      expect(await notice.locator('h2').textContent()).toBe('本地数据库不可用:数据不会保存');
      expect(await notice.locator('p').textContent()).toBe(
        '浏览器的设置或隐私模式不允许本页使用 IndexedDB。看板照常使用,示例数据和本次导入的数据只在这个页面里,关闭或刷新后就会丢失;要留下数据,请用“数据”菜单中的“导出备份”。',
      );
      // The charts are the sample's, drawn from memory.
      expect(await page.locator('figure canvas').count()).toBeGreaterThan(0);
      await chooseFile(page, 'session.csv', wideCsv(3, '会话机构'));
      await page.click('#import-commit');
      await expect.poll(() => status(page), WAIT).toBe('导入完成:新增 3 份,替换 0 份,跳过 0 份,发现 0 个问题。');
      // Undo works on the in-memory store too.
      await page.locator('details.data summary').click();
      expect(await page.locator('#storage-line').textContent()).toBe('数据只在本页中,关闭后丢失');
      await page.click('#import-undo');
      await expect.poll(() => status(page), WAIT).toBe('已撤销上次导入:删除 3 份,恢复 0 份。');
      await chooseFile(page, 'session.csv', wideCsv(3, '会话机构'));
      await page.click('#import-commit');
      await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 3 份/);
      await page.reload();
      await page.waitForSelector('figure canvas', WAIT);
      await expect.poll(() => status(page), WAIT).toBe('本地数据库不可用,数据只在本页中,不会保存。');
      // What was imported lived in the page only.
      expect(await page.evaluate(() => document.body.textContent?.includes('会话机构'))).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('site data blocked in the browser’s settings (a real profile): denied, said so; the checks say they cannot run', async () => {
    // The person's setting "block sites from saving data" (cookies and site data), written in the profile before
    // the browser starts: Chromium then fails every IndexedDB open of the site, in the page and in its workers.
    const profile = mkdtempSync(join(tmpdir(), 'blocked-profile-'));
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
    const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl);
      await page.waitForSelector('figure canvas', WAIT);
      await expect.poll(() => status(page), WAIT).toBe('本地数据库不可用,数据只在本页中,不会保存。');
      expect(await page.locator('#storage-notice').getAttribute('data-reason')).toBe('denied');
      expect(await page.locator('#storage-notice p').textContent()).toMatch(/^浏览器的设置或隐私模式不允许本页使用 IndexedDB。/);
      await chooseFile(page, 'blocked.csv', wideCsv(2, '设置机构'));
      await page.click('#import-commit');
      await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 2 份/);
      // The consistency checks run in a worker that reads the browser's database: they say they failed, never "0 findings".
      await page.click('#tab-quality');
      await expect.poll(() => status(page), WAIT).toMatch(/^数据质量核对失败:/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('saved by a newer version of the dashboard: said so, the sample in memory, and that database left untouched', async () => {
    await withContext(async (context) => {
      const raw = await rawPage(context);
      // A later version's database: version 99, one record of its own.
      await raw.evaluate(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.open(name, 99);
            req.onupgradeneeded = () => req.result.createObjectStore('future').put({ kept: true }, 'k');
            req.onsuccess = () => {
              req.result.close();
              resolve();
            };
            req.onerror = () => reject(req.error);
          }),
        DB,
      );
      const before = await dumpDatabase(raw);
      const page = await openApp(context);
      await expect.poll(() => page.locator('#storage-notice').getAttribute('data-reason'), WAIT).toBe('newer');
      expect(await page.locator('#storage-notice p').textContent()).toMatch(/^本机数据由本看板的较新版本保存,这个版本无法打开:请刷新页面以载入新版本。/);
      await chooseFile(page, 'newer.csv', wideCsv(2));
      await page.click('#import-commit');
      await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 2 份/);
      expect(await dumpDatabase(raw)).toEqual(before);
      expect(await raw.evaluate((name) => indexedDB.databases().then((l) => l.find((d) => d.name === name)?.version), DB)).toBe(99);
    });
  });
});

describe('the disk is full during a commit', () => {
  it('QuotaExceededError: a clear message with what to do, the store exactly as before, the review still open', async () => {
    await withContext(async (context) => {
      const page = await openApp(context);
      await expect.poll(() => status(page), WAIT).toMatch(/^首次打开/);
      const before = await dumpDatabase(page);
      // Chromium here ignores DevTools quota overrides (Storage.overrideQuotaForOrigin) and gives even a 30 MB
      // profile 1 GB of quota, so the browser's own error is raised where it would come from: a put, past the
      // 500th, fails with QuotaExceededError, as Chromium's puts do when the origin's quota is used up.
      await page.evaluate(() => {
        const put = IDBObjectStore.prototype.put;
        let n = 0;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.name === 'reports' && ++n > 500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        };
      });
      await chooseFile(page, 'full.csv', wideCsv(2000));
      await page.click('#import-commit');
      await expect
        .poll(() => status(page), WAIT)
        .toBe('浏览器的存储空间已满:这次没有写入任何数据,已保存的数据保持原样。请释放磁盘空间,或删除不需要的机构或年报(可先导出备份),然后再试。');
      expect(await page.locator('.file-review').count()).toBe(1);
      expect(await page.isEnabled('#import-commit')).toBe(true);
      expect(await dumpDatabase(page)).toEqual(before);
    });
  });
});

describe('another tab and the database version', () => {
  it('an upgrade blocked by an old tab: the new one says so and does not hang; it carries on once the old tab lets go', async () => {
    await withContext(async (context) => {
      const raw = await rawPage(context);
      // An old tab's database: version 2 (cells as objects), seeded, holding its connection and ignoring versionchange.
      await raw.evaluate(
        ([name, opened]) =>
          new Promise<void>((resolve, reject) => {
            localStorage.setItem(opened, '1');
            const req = indexedDB.open(name, 2);
            req.onupgradeneeded = () => {
              const db = req.result;
              db.createObjectStore('reports', { keyPath: ['agency', 'year'] }).createIndex('by-agency', 'agency');
              db.createObjectStore('meta');
              db.createObjectStore('imports', { keyPath: 'id' });
              const tx = req.transaction as IDBTransaction;
              tx.objectStore('meta').put('2026-01-01T00:00:00.000Z', 'sampleSeededAt');
              tx.objectStore('reports').put({ agency: '旧版机构', year: 2020, region: '', level: '', format: 'GB2019', source: '', cells: { 'requests.granted.total': { value: 7 } } });
            };
            req.onsuccess = () => {
              (window as unknown as { held: IDBDatabase }).held = req.result;
              resolve();
            };
            req.onerror = () => reject(req.error);
          }),
        [DB, OPENED_KEY] as const,
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(baseUrl);
      await expect
        .poll(() => status(page), WAIT)
        .toBe('另一个标签页中的旧版本看板还在使用本地数据库,升级要等它关闭:请关闭或刷新其他打开本看板的标签页,这里会自动继续。');
      // Not hung: the page answers (the tabs work) while it waits.
      await page.click('#tab-requests');
      expect(await page.getAttribute('#tab-requests', 'aria-selected')).toBe('true');
      await raw.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
      await expect.poll(() => status(page), WAIT).toBe('已从本机读取 1 份年报。');
      // Migrated to version 3 on the way: a plain cell is stored as its number.
      const dump = await dumpDatabase(page);
      expect(dump.reports).toEqual([[['旧版机构', 2020], expect.objectContaining({ cells: { 'requests.granted.total': 7 } })]]);
      expect(errors).toEqual([]);
    });
  });

  it('another tab upgrades: this one closes its connection at once (no blocked upgrade), says to reload, and writes nothing after', async () => {
    await withContext(async (context) => {
      const page = await openApp(context);
      await expect.poll(() => status(page), WAIT).toMatch(/^首次打开/);
      const raw = await rawPage(context);
      // The next version, whatever this build's is: as a newer build of the dashboard opened in another tab.
      const next = (await raw.evaluate((name) => indexedDB.databases().then((l) => l.find((d) => d.name === name)?.version ?? 0), DB)) + 1;
      expect(next).toBeGreaterThan(1);
      const upgrade = await raw.evaluate(
        ([name, version]) =>
          new Promise<string>((resolve) => {
            const req = indexedDB.open(name, version);
            req.onblocked = () => resolve('blocked');
            req.onupgradeneeded = () => req.result.createObjectStore('added-by-the-next-version');
            req.onsuccess = () => {
              req.result.close();
              resolve('upgraded');
            };
            req.onerror = () => resolve(`error ${req.error?.name}`);
          }),
        [DB, next] as const,
      );
      expect(upgrade).toBe('upgraded');
      await expect
        .poll(() => status(page), WAIT)
        .toBe('本看板的新版本已在另一个标签页中打开,需要升级本地数据库:请刷新本页。刷新之前,本页的修改无法保存。');
      const before = await dumpDatabase(raw);
      await page.getByRole('button', { name: '恢复示例数据' }).click();
      await expect
        .poll(() => status(page), WAIT)
        .toBe('本地数据库已经关闭(另一个标签页升级了它,或浏览器清除了网站数据):请刷新页面后再试,这次没有写入任何数据。');
      expect(await dumpDatabase(raw)).toEqual(before);
    });
  });
});

describe('a commit cut short', () => {
  it.each(['reload', 'close'] as const)('by a %s in the middle of a large commit: all of the import or none of it', async (how) => {
    await withContext(async (context) => {
      let page = await openApp(context);
      await expect.poll(() => status(page), WAIT).toMatch(/^首次打开/);
      const before = await dumpDatabase(page);
      await chooseFile(page, 'large.csv', wideCsv(6000));
      await page.click('#import-commit');
      // The commit has begun (its first step is written) and has not finished.
      await page.waitForFunction(() => performance.getEntriesByName('import:commit-start').length > 0, null, WAIT);
      await page.waitForTimeout(150);
      const finished = await page.evaluate(() => performance.getEntriesByName('import:committed').length > 0);
      expect(finished).toBe(false);
      if (how === 'reload') await page.reload();
      else {
        await page.close();
        page = await context.newPage();
        await page.goto(baseUrl);
      }
      await page.waitForSelector('figure canvas', WAIT);
      const after = await dumpDatabase(page);
      // None of it: the transaction never committed, so the store is the one before, record for record.
      expect(after).toEqual(before);
    });
  });
});

describe('persistent storage and the storage line', () => {
  it('asked for after the first import, not on the first visit; used and available shown in the data menu', async () => {
    await withContext(async (context) => {
      await context.addInitScript(() => {
        const calls: string[] = [];
        let persisted = false;
        (window as unknown as { persistCalls: string[] }).persistCalls = calls;
        StorageManager.prototype.persist = async () => {
          calls.push('persist');
          persisted = true;
          return true;
        };
        StorageManager.prototype.persisted = async () => persisted;
        StorageManager.prototype.estimate = async () => ({ usage: 12 * 1024 * 1024, quota: 3 * 1024 * 1024 * 1024 + 12 * 1024 * 1024 });
      });
      const page = await openApp(context);
      await expect.poll(() => status(page), WAIT).toMatch(/^首次打开/);
      await page.locator('details.data summary').click();
      await expect.poll(() => page.textContent('#storage-line'), WAIT).toBe('已用 12 MB / 可用 3 GB;首次导入后会请求浏览器长期保存');
      await page.waitForTimeout(1500); // idle: nothing asks for persistence on a first visit
      expect(await page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls)).toEqual([]);
      await page.locator('details.data summary').click();
      await chooseFile(page, 'first.csv', wideCsv(2));
      await page.click('#import-commit');
      await expect.poll(() => status(page), WAIT).toMatch(/^导入完成:新增 2 份/);
      await expect.poll(() => page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls), WAIT).toEqual(['persist']);
      await page.locator('details.data summary').click();
      await expect.poll(() => page.textContent('#storage-line'), WAIT).toBe('已用 12 MB / 可用 3 GB;浏览器不会自动清除');
      // English on request.
      await page.click('#lang-switch');
      await expect.poll(() => page.textContent('#storage-line'), WAIT).toBe('12 MB used / 3 GB available; the browser will not clear it by itself');
    });
  });
});
