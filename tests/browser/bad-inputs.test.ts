// The broken and hostile files of tests/fixtures/bad (and the bad published documents) through the page, in real
// Chromium: each chosen in the one file input, each answered in the review with its problems — file, row, column,
// the words of tests/fixtures/bad/cases.ts — and the import button off when nothing could be read; then discarded.
// The full IndexedDB dump is the same before and after the whole corpus, no injected script ran, and the header of
// 60,000 columns answers within seconds with a summary, not 60,000 controls.
// Then a full session with organ names, a region and a source made to inject markup, script or formulas: imported,
// every tab, tooltips, tables, sources, the organ picker, present mode, the PNG, SVG and CSV exports, a share link
// opened by a recipient — every one stays text, no handler or element is injected (the exported SVG is opened on
// its own, where no page policy would stop a script), no policy violation, no request to another origin. And share
// links broken every way: each its own message, the page working on its own data, nothing stored.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { translator } from '../../src/i18n/messages';
import { toBase64Url } from '../../src/share/base64url';
import { decodeSnapshot, MAX_SNAPSHOT_CHARS, type SnapshotError } from '../../src/share/snapshot';
import { snapshotFailure } from '../../src/state/snapshotFailure';
import { CASES } from '../fixtures/bad/cases';
import { LARGE, writeLarge } from '../fixtures/bad/large';
import { launch } from './chromium';
import { dumpDatabase, WAIT } from './pageHelpers';

const baseUrl = inject('baseUrl');
const BAD = resolve('tests/fixtures/bad');
const DOCS = resolve('tests/fixtures/documents/bad');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let large: string;
let before: Record<string, unknown[]>;
const errors: string[] = [];

function pathOf(name: string): string {
  if (name in LARGE) return join(large, name);
  return readdirSync(BAD).includes(name) ? join(BAD, name) : join(DOCS, name);
}

beforeAll(async () => {
  large = writeLarge();
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(baseUrl);
  await page.waitForSelector('figure canvas', WAIT);
  // The sample is written on the first visit: the dump is taken once it is there.
  await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith('首次打开'), null, WAIT);
  before = await dumpDatabase(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The problems the review lists, as the person reads them: file, row, column, message. */
async function listedProblems(): Promise<string[][]> {
  return page.locator('.problems table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

describe('every bad file through the page', () => {
  it.each(Object.keys(CASES))('%s: its problems in the review, nothing to import unless a line was good', async (name) => {
    const expected = CASES[name];
    const started = Date.now();
    await page.setInputFiles('input[type="file"]', pathOf(name));
    await page.locator(`.file-review[data-file="${name}"]`).waitFor(WAIT);
    const answered = Date.now() - started;
    expect(answered).toBeLessThan(15_000);
    const rows = await listedProblems();
    expect(rows.length).toBe(expected.problems.length);
    expected.problems.forEach(([, row, column, zh], i) => {
      const [file, r, c, message] = rows[i];
      expect([file, r, c]).toEqual([name, row === undefined ? '' : String(row), column ?? '']);
      if (typeof zh === 'string') expect(message).toBe(zh);
      else expect(message).toMatch(zh);
    });
    expect(await page.isDisabled('#import-commit')).toBe(expected.reports === 0);
    await page.click('#import-discard');
    await page.locator('.file-review').first().waitFor({ state: 'detached', ...WAIT });
  });
});

describe('the 60,000-column header', () => {
  it('answers within seconds: 60 columns listed, the other 59,940 summed up, one button skips them all', async () => {
    const started = Date.now();
    await page.setInputFiles('input[type="file"]', pathOf('columns-60000.csv'));
    const review = page.locator('.file-review[data-file="columns-60000.csv"]');
    await review.waitFor(WAIT);
    await review.locator('.more-columns').waitFor(WAIT);
    const answered = Date.now() - started;
    console.log(`60,000-column header (1.4 MB): file chosen → review shown in ${answered} ms`);
    expect(answered).toBeLessThan(5_000);
    expect(await review.locator('table.columns tbody tr').count()).toBe(60);
    expect(await review.locator('select.map').count()).toBe(58);
    expect(await review.locator('.more-columns').textContent()).toBe(
      '另有 59,940 列没有逐一列出,其中 59,940 列无法识别:可以点“全部跳过”一次跳过,或修正文件的表头后重新导入。',
    );
    const skipping = Date.now();
    await review.locator('.skip-unknown').click();
    await expect.poll(() => review.locator('select.map').count(), WAIT).toBe(0);
    console.log(`skip all 59,998 unknown columns → review shown again in ${Date.now() - skipping} ms`);
    await page.click('#import-discard');
    await page.locator('.file-review').first().waitFor({ state: 'detached', ...WAIT });
  });
});

describe('after the whole corpus', () => {
  it('the store is exactly as before, no script of a file ran, the page had no error', async () => {
    expect(await dumpDatabase(page)).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => Object.keys(Object.prototype))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Names that try to become markup, script, a link or a formula wherever they are shown; each must stay text. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"><a href="javascript:window.__pwned=4">x</a></svg>',
  '"><iframe src="javascript:window.__pwned=5"></iframe>',
  ']]><script>window.__pwned=6</script><!--',
  '</text><foreignObject><img src=x onerror="window.__pwned=7"></foreignObject>',
  '=HYPERLINK("https://example.org/steal","点击")',
];
const HOSTILE_REGION = '<b onmouseover="window.__pwned=8">区</b>';
const HOSTILE_SOURCE = 'javascript:window.__pwned=9';

function hostileCsv(): Buffer {
  const q = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
  const lines = ['机构,地区,年度,来源,予以公开/总计,本年新收政府信息公开申请数量/总计,采购项目数量'];
  HOSTILE.forEach((name, i) => {
    for (const year of [2020, 2021]) lines.push([name, HOSTILE_REGION, year, HOSTILE_SOURCE, 5 + i, 9 + i, i].map(q).join(','));
  });
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * What a successful injection would leave in a document: an inline handler attribute, a javascript: address, an
 * inline script, a frame or foreignObject, an image pointing at "x"; and whether any planted script ran.
 */
function injected(): { found: string[]; pwned: unknown } {
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (/^\s*javascript:/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value}]`);
    }
    if (tag === 'script' && !(el as HTMLScriptElement).src) found.push('inline script');
    if (['iframe', 'object', 'embed', 'foreignobject'].includes(tag)) found.push(tag);
    if (tag === 'img' && /\/x$/.test((el as HTMLImageElement).src)) found.push('img src=x');
  }
  return { found, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
}

/** Every Content-Security-Policy violation any page of the context reports, sent out before the page's scripts run. */
async function recordViolations(context: BrowserContext, into: string[]): Promise<void> {
  await context.exposeFunction('reportViolation', (v: string) => void into.push(v));
  await context.addInitScript(() => {
    const report = (window as unknown as { reportViolation: (v: string) => void }).reportViolation;
    document.addEventListener('securitypolicyviolation', (e) => report(`${location.href} ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
}

describe('hostile names, everywhere they are shown', () => {
  let hostile: BrowserContext;
  let p: Page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    hostile = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await recordViolations(hostile, violations);
    hostile.on('request', (r) => {
      const url = r.url();
      // file: is the test itself opening the exported SVG.
      if (!url.startsWith(baseUrl) && !/^(data|blob|file):/.test(url)) foreign.push(url);
    });
    p = await hostile.newPage();
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => pageErrors.push(e.message));
    p.on('dialog', (d) => void d.accept());
    await p.goto(baseUrl);
    await p.waitForSelector('figure canvas', WAIT);
    await p.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith('首次打开'), null, WAIT);
  });

  afterAll(async () => {
    await hostile?.close();
  });

  const clean = async (where: string) => {
    const r = await p.evaluate(injected);
    expect({ where, ...r }).toEqual({ where, found: [], pwned: undefined });
  };

  /** Each chart of the open tab: hovered (its HTML tooltip shown) and its table opened. */
  async function everyFigure(where: string): Promise<void> {
    const figures = p.locator('[role="tabpanel"] figure.chart-figure');
    await figures.first().waitFor(WAIT);
    for (const figure of await figures.all()) {
      const canvas = figure.locator('canvas');
      if ((await canvas.count()) > 0) {
        await figure.scrollIntoViewIfNeeded();
        const box = await canvas.first().boundingBox();
        if (box) await p.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
        await p.waitForTimeout(150);
      }
      const toggle = figure.locator('.table-toggle');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await figure.locator('table').first().waitFor(WAIT);
    }
    await clean(where);
  }

  it('imported: the review, then every tab of the compared organs, tooltips and tables, stay text', async () => {
    await p.setInputFiles('input[type="file"]', { name: 'hostile.csv', mimeType: 'text/csv', buffer: hostileCsv() });
    await p.locator('.file-review').first().waitFor({ timeout: 30_000 });
    await clean('review');
    await p.click('#import-commit');
    await expect.poll(() => p.textContent('[role="status"]'), WAIT).toMatch(/^导入完成:新增 14 份/);
    await p.click('#compare-imported');
    await p.waitForSelector('[role="tabpanel"] figure canvas', WAIT);
    await everyFigure('compare');
    // The names are there, as the text they are.
    const text = (await p.textContent('body')) ?? '';
    for (const name of HOSTILE) expect(text).toContain(name);
    const tooltip = await p.evaluate(() => [...document.querySelectorAll('figure div')].filter((d) => d.childElementCount > 0 && /z-index:\s*9999999/.test(d.getAttribute('style') ?? '')).map((d) => d.textContent ?? '').join('\n'));
    expect(tooltip).toContain(HOSTILE[6]);
  });

  it('one hostile organ on every single-organ tab, its sources, the organ picker, present mode', async () => {
    await p.goto('about:blank');
    await p.goto(`${baseUrl}#v=1&view=overview&org=${encodeURIComponent(HOSTILE[2])}`);
    await p.waitForSelector('[role="tabpanel"] figure canvas', WAIT);
    for (const tab of await p.locator('[role="tab"]').all()) {
      await tab.click();
      await p.locator('[role="tabpanel"]').first().waitFor(WAIT);
      await p.waitForTimeout(300);
      if ((await p.locator('[role="tabpanel"] figure.chart-figure').count()) > 0) await everyFigure(`tab ${await tab.textContent()}`);
      else await clean(`tab ${await tab.textContent()}`);
    }
    await p.click('#tab-overview');
    await p.waitForSelector('[role="tabpanel"] figure canvas', WAIT);
    // The organ picker lists them, grouped by their (hostile) region.
    const picker = p.locator('[role="combobox"]').first();
    await picker.fill('<');
    await p.locator('[role="listbox"] [role="option"]').first().waitFor(WAIT);
    expect(await p.locator('[role="listbox"]').first().textContent()).toContain(HOSTILE[0]);
    await clean('organ picker');
    await picker.press('Escape');
    const first = p.locator('[role="tabpanel"] figure.chart-figure').first();
    expect(await first.locator('figcaption').textContent()).toContain(HOSTILE[2]);
    // The source, javascript: in the file, is shown as text, not as a link.
    await first.locator('.table-toggle').click();
    await first.locator('details.sources').waitFor(WAIT);
    expect(await first.locator('details.sources').textContent()).toContain(HOSTILE_SOURCE);
    expect(await first.locator('details.sources a').count()).toBe(0);
    await clean('sources');
    // Present mode: the slide's caption.
    await first.locator('.present').click();
    await p.click('#present-start');
    await p.locator('#present-close').waitFor(WAIT);
    await p.waitForTimeout(500);
    expect(await p.textContent('body')).toContain(HOSTILE[2]);
    await clean('present');
    await p.click('#present-close');
  });

  it('the exported SVG holds the names as text: opened on its own (no page policy to help), nothing runs', async () => {
    await p.goto('about:blank');
    await p.goto(`${baseUrl}#v=1&view=compare&orgs=${encodeURIComponent(HOSTILE.join('|'))}`);
    await p.waitForSelector('[role="tabpanel"] figure canvas', WAIT);
    const figure = p.locator('[role="tabpanel"] figure.chart-figure').first();
    await figure.locator('details.export summary').click();
    const [svgDownload] = await Promise.all([p.waitForEvent('download', WAIT), figure.locator('button.svg').click()]);
    const svgPath = join(large, 'hostile.svg');
    await svgDownload.saveAs(svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const [csvDownload] = await Promise.all([p.waitForEvent('download', WAIT), figure.locator('button.csv').click()]);
    const csvPath = join(large, 'hostile.csv');
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    // A spreadsheet would run a cell starting with "=": the export starts it with an apostrophe.
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    const [pngDownload] = await Promise.all([p.waitForEvent('download', WAIT), figure.locator('button.png').click()]);
    const pngPath = join(large, 'hostile.png');
    await pngDownload.saveAs(pngPath);
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    await clean('exports');

    // The SVG opened as a document of its own, from a file: scripts in it would run here.
    const viewer = await hostile.newPage();
    await viewer.goto(pathToFileURL(svgPath).href);
    await viewer.waitForTimeout(300);
    const inSvg = await viewer.evaluate(injected);
    expect(inSvg).toEqual({ found: [], pwned: undefined });
    const svgText = await viewer.evaluate(() => document.documentElement.textContent ?? '');
    expect(HOSTILE.filter((name) => svgText.includes(name)).length).toBeGreaterThan(0);
    await viewer.close();
  });

  it('a share link of a hostile chart: the recipient’s banner and chart show the names as text', async () => {
    const figure = p.locator('[role="tabpanel"] figure.chart-figure').first();
    await figure.locator('button.share').click();
    await figure.locator('.share-link input').waitFor(WAIT);
    const link = await figure.locator('.share-link input').inputValue();
    expect(link).toContain('&s=');
    const recipient = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const theirs: string[] = [];
      await recordViolations(recipient, theirs);
      const r = await recipient.newPage();
      const errs: string[] = [];
      r.on('pageerror', (e) => errs.push(e.message));
      await r.goto(link);
      await r.locator('#snapshot-title').waitFor(WAIT);
      await r.waitForSelector('figure canvas', WAIT);
      const banner = (await r.locator('aside.banner').textContent()) ?? '';
      expect(HOSTILE.filter((name) => banner.includes(name))).toEqual(HOSTILE);
      const box = await r.locator('figure canvas').first().boundingBox();
      if (box) await r.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
      await r.waitForTimeout(200);
      expect(await r.evaluate(injected)).toEqual({ found: [], pwned: undefined });
      expect(theirs).toEqual([]);
      expect(errs).toEqual([]);
    } finally {
      await recipient.close();
    }
  });

  it('the whole session: no policy violation, no request to another origin, no page error', async () => {
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('broken share links, opened in the page', () => {
  let ctx: BrowserContext;
  let p: Page;
  let stored: Record<string, unknown[]>;
  let valid: string;
  const errs: string[] = [];
  const zh = translator('zh-CN');

  /** A link's snapshot text in the wire form of the current format, deflated the way the page deflates. */
  const pack = (wire: unknown) => toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(wire))));
  const WIRE = { v: 2, view: 'v=1', chart: 'chart-published', made: '2026-11-27T10:00:00.000Z', s: ['平潭综合实验区', 'requests.granted.total'], r: [[0, 2021, 2, -1, -1, -1, [[1, 30]]]] };

  beforeAll(async () => {
    ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    p = await ctx.newPage();
    p.setDefaultTimeout(20_000);
    p.on('pageerror', (e) => errs.push(e.message));
    await p.goto(baseUrl);
    await p.waitForSelector('figure canvas', WAIT);
    await p.waitForFunction(() => document.querySelector('[role="status"]')?.textContent?.startsWith('首次打开'), null, WAIT);
    // A real link, made by the page for its first chart.
    const figure = p.locator('figure.chart-figure').first();
    await figure.locator('button.share').click();
    await figure.locator('.share-link input').waitFor(WAIT);
    valid = new URLSearchParams((await figure.locator('.share-link input').inputValue()).split('#')[1]).get('s') ?? '';
    expect(valid.length).toBeGreaterThan(100);
    stored = await dumpDatabase(p);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it.each([
    ['cut in half (as a chat program may cut it)', 'compression', (): string => valid.slice(0, Math.floor(valid.length / 2))],
    ['far longer than any link made here', 'too-long', (): string => 'A'.repeat(MAX_SNAPSHOT_CHARS + 1)],
    ['a length no base64 has', 'encoding', (): string => 'abcde'],
    ['valid base64 of garbage', 'compression', (): string => toBase64Url(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256))],
    ['deflated text that is no JSON', 'json', (): string => toBase64Url(deflateRawSync(Buffer.from('not json at all')))],
    ['another format version', 'version', (): string => pack({ ...WIRE, v: 7 })],
    ['a negative count', 'schema', (): string => pack({ ...WIRE, r: [[0, 2021, 2, -1, -1, -1, [[1, -5]]]] })],
    ['a year the format forbids', 'schema', (): string => pack({ ...WIRE, r: [[0, 1900, 2, -1, -1, -1, [[1, 30]]]] })],
    ['a small link that inflates to 20 MB', 'too-large', (): string => toBase64Url(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20), { level: 9 }))],
  ] as const)('%s: its own message, the page working on its own data, nothing stored', async (_case, reason, make) => {
    const text: string = make();
    // What the decoder says of it, in words: the same code the page runs.
    let said: string | undefined;
    try {
      await decodeSnapshot(text);
    } catch (e) {
      expect((e as SnapshotError).reason).toBe(reason);
      said = zh(...snapshotFailure(e));
    }
    expect(said).toBeDefined();
    await p.goto('about:blank');
    await p.goto(`${baseUrl}#v=1&view=overview&s=${text}`);
    await p.waitForSelector('figure canvas', WAIT);
    await expect.poll(() => p.textContent('[role="status"]'), WAIT).toBe(said);
    expect(await p.locator('#snapshot-title').count()).toBe(0);
    // The page works: another tab draws.
    await p.click('#tab-requests');
    await p.waitForSelector('[role="tabpanel"] figure canvas', WAIT);
    expect(await dumpDatabase(p)).toEqual(stored);
  });

  it('characters a link cannot carry: the view says it could not read the link; nothing stored, no page error', async () => {
    await p.goto('about:blank');
    await p.goto(`${baseUrl}#v=1&view=overview&s=abc$def`);
    await p.waitForSelector('figure canvas', WAIT);
    await expect.poll(() => p.textContent('[role="status"]'), WAIT).toBe(zh('share.badLink'));
    expect(await dumpDatabase(p)).toEqual(stored);
    expect(errs).toEqual([]);
  });
});
