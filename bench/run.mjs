// Performance benchmark, in real Chromium against `vite preview` of the production build. One run measures every
// figure the dashboard has a budget for, prints each with its budget and pass/fail, then repeats the import at a
// larger size to find the next limit. The benchmark reports; it never fails (exit code 0 unless it cannot run).
//
//  1. cold first visit (fresh profile: no storage, no cache; the sample is seeded) → first chart drawn, and the JS
//     it loaded (gzip); the browser itself has drawn a page with Chinese text before, as a visitor's has;
//  2. import of a generated N-report wide CSV through the page's file input and import button: time from the file
//     chosen to the "imported" status, as a multiple of a bare PapaParse parse (`header: true`) of the same bytes in
//     the same page; the longest main-thread task during the import and in the 3 s after; the peak JS heap
//     (CDP Performance.getMetrics) during it;
//  3. reopen with everything stored: reload → first chart drawn (median of 3 reloads);
//  4. redraw after an organ change: p95 of 20 changes, each from the change to the first frame after the charts
//     show the new organ;
//  5. the 数据质量 tab: click → first findings shown, and the peak JS heap (after collecting the garbage of reading
//     the store) against the size of the stored data (the stored records as compact JSON: plain numbers for plain
//     cells);
//  6. the 报送与质量 tab: click → the coverage matrix (counts from the checks worker), for information;
//  7. the same import, reopen, redraw and quality tab at BENCH_LARGE_REPORTS (50,000), printing where it stops and why;
//  8. optionally a large long CSV read to the review (BENCH_LARGE_MB, 0 to skip).
// Generated data only: organs named 基准测试生成机构-NNNNN (see generate.mjs).
//
// Run: npm run bench (builds into dist/ first). This script alone: node bench/run.mjs, with DIST_DIR=<folder> to
// measure another build, BENCH_REPORTS (10000), BENCH_LARGE_REPORTS (50000, 0 to skip), BENCH_LARGE_MB (0),
// BENCH_QUALITY_TIMEOUT_MS (60000).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { generateLong, generateWide, organName } from './generate.mjs';
import { installProbes } from './probes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = process.env.DIST_DIR ?? 'dist';
const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000);
const LARGE_REPORTS = Number(process.env.BENCH_LARGE_REPORTS ?? 50_000);
const LARGE_MB = Number(process.env.BENCH_LARGE_MB ?? 0);
const QUALITY_TIMEOUT = Number(process.env.BENCH_QUALITY_TIMEOUT_MS ?? 60_000);
const STEP_TIMEOUT = 600_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BUDGET = {
  importRatio: 4,
  longestTaskMs: 200,
  reopenMs: 1500,
  redrawP95Ms: 50,
  coldMs: 1000,
  firstViewJsKiB: 250,
  qualityMs: 1000,
  qualityHeapRatio: 4,
};

function findChromium() {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (c && existsSync(c)) return c;
  }
  throw new Error('No Chromium found: install one or set CHROMIUM_PATH.');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x) => (x === undefined || x === null || Number.isNaN(x) ? null : Math.round(x));
const mib = (bytes) => (bytes === null || bytes === undefined ? null : Math.round((bytes / 1048576) * 10) / 10);
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
function errorText(e) {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/** Polls the page's JS heap through CDP (Performance.getMetrics) until stopped; keeps the peak. */
async function heapMonitor(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let last = 0;
  let running = true;
  const sample = async () => {
    try {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      last = used;
      peak = Math.max(peak, used);
    } catch {
      running = false; // the page crashed or closed
    }
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await sleep(100);
    }
  })();
  return {
    reset: async () => {
      await sample();
      peak = last;
    },
    now: async () => {
      await sample();
      return last;
    },
    peak: () => peak,
    stop: async () => {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peak;
    },
  };
}

async function newPage(context, expectNew = 0) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(installProbes, { expectNew });
  return { page, errors };
}

/** Navigation start → first chart drawn, from the probe (null when none within the timeout). */
async function firstChart(page, timeout = 60_000) {
  await page.waitForFunction(() => window.__bench?.firstChart !== undefined, null, { timeout, polling: 50 });
  return page.evaluate(() => window.__bench.firstChart);
}

/**
 * A browser that has been used, as a visitor's is: a page with Chinese text drawn on a canvas, in a context of its
 * own (no storage or cache shared with the app). Without it the first visit would also pay for starting the
 * browser's renderer and loading CJK fonts, which is the browser's first start, not the app's first visit.
 */
async function warmUp(browser) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><p>政府信息公开工作年度报告</p><canvas id="c"></canvas>');
    await page.evaluate(() => {
      const ctx = document.getElementById('c').getContext('2d');
      ctx.font = '12px sans-serif';
      ctx.fillText('依申请公开办理结果 2024', 0, 20);
      return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    });
  } finally {
    await context.close();
  }
}

/** 1. Fresh profile: the sample is seeded, the first chart drawn; every script fetched until then, gzipped. */
async function coldVisit(browser, baseUrl) {
  await warmUp(browser);
  const context = await browser.newContext();
  const { page, errors } = await newPage(context);
  const scripts = new Map();
  let counting = true;
  page.on('response', async (res) => {
    if (!counting) return;
    const url = res.url();
    if (!url.endsWith('.js')) return;
    try {
      const body = await res.body();
      if (counting) scripts.set(url.replace(baseUrl, ''), gzipSync(body, { level: 9 }).length);
    } catch {
      // a redirected or aborted response has no body
    }
  });
  await page.goto(baseUrl);
  const ms = await firstChart(page);
  counting = false;
  await sleep(200);
  const files = [...scripts.entries()].sort((a, b) => b[1] - a[1]);
  const bytes = files.reduce((a, [, n]) => a + n, 0);
  return { context, page, errors, firstChartMs: ms, jsGzipBytes: bytes, jsFiles: Object.fromEntries(files) };
}

/**
 * 2. Import through the page's own file input; the probe clicks "import" as soon as the review shows the reports.
 * Returns the times from the probe, the long tasks from the file chosen to 3 s after the status, the peak heap.
 */
async function importFile(page, csvPath, n) {
  const heap = await heapMonitor(page);
  await heap.reset();
  const heapBefore = await heap.now();
  await page.setInputFiles('input[type="file"]', csvPath);
  await page.waitForFunction(() => window.__bench.imported !== undefined, null, { timeout: STEP_TIMEOUT, polling: 100 });
  const b0 = await page.evaluate(() => ({ ...window.__bench }));
  await sleep(3000);
  const peak = await heap.stop();
  const b = await page.evaluate(() => ({ ...window.__bench }));
  const windowEnd = b0.imported + 3000;
  const tasks = b.longTasks.filter((t) => t.start + t.duration >= b0.fileChosen && t.start <= windowEnd);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:')).map((m) => [m.name.slice(7), m.startTime])),
  );
  // Where the longest tasks fell: while the file was read (the reading worker's reports arriving), while the
  // commit wrote, or after it (the views taking the new reports).
  const stage = (t) =>
    t.start < (marks['review-ready'] ?? Infinity) ? 'reading' : t.start < (marks['commit-start'] ?? Infinity) ? 'review' : t.start < (marks.committed ?? Infinity) ? 'commit' : 'after';
  const worst = [...tasks].sort((x, y) => y.duration - x.duration).slice(0, 5).map((t) => ({ ms: Math.round(t.duration), stage: stage(t) }));
  return {
    totalMs: b0.imported - b0.fileChosen,
    reviewMs: b0.commitClicked - b0.fileChosen,
    commitToStatusMs: b0.imported - b0.commitClicked,
    longestTaskMs: longest,
    longTasksOver200: tasks.filter((t) => t.duration > 200).length,
    worstTasks: worst,
    timerGapMs: b.maxGap,
    heapBeforeBytes: heapBefore,
    heapPeakBytes: peak,
    marks,
  };
}

/** Bare PapaParse with `header: true` on the same bytes, same page: decode + parse, best of 3. */
async function bareParse(page, csvPath) {
  await page.route('**/__bench__.csv', (route) => route.fulfill({ path: csvPath, contentType: 'text/csv' }));
  // Served from the page's own origin: the app's CSP allows same-origin scripts only.
  await page.route('**/__papaparse__.js', (route) => route.fulfill({ path: join(root, 'node_modules/papaparse/papaparse.min.js'), contentType: 'text/javascript' }));
  await page.addScriptTag({ url: './__papaparse__.js' });
  return page.evaluate(async () => {
    const buf = await (await fetch('./__bench__.csv')).arrayBuffer();
    const runs = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const text = new TextDecoder('utf-8').decode(buf);
      rows = window.Papa.parse(text, { header: true, skipEmptyLines: true }).data.length;
      runs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { ms: Math.min(...runs), rows };
  });
}

/**
 * The count in the status once the whole store is in memory: "N reports read from this browser", or on a first
 * visit "N sample reports loaded".
 */
async function waitLoaded(page, timeout = STEP_TIMEOUT) {
  const pattern = /已从本机读取 (\d+) 份年报|已载入 (\d+) 份真实年报/;
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('[role="status"]')?.textContent ?? ''), pattern.source, { timeout, polling: 100 });
  const m = (await page.textContent('[role="status"]')).match(pattern);
  return Number(m[1] ?? m[2]);
}

/** 3. Reload with everything stored → first chart drawn; the median of `times` reloads. */
async function reopen(page, times = 3) {
  const runs = [];
  for (let i = 0; i < times; i++) {
    await page.reload();
    runs.push(await firstChart(page));
    await waitLoaded(page);
    await sleep(500);
  }
  return { ms: median(runs), runs: runs.map(round) };
}

/** 4. Twenty organ changes through the organ list, each timed to the first frame that shows the new organ. */
async function redraw(page) {
  // Generated organs by their names (generate.mjs); each is picked in the organ picker as a person would: typed,
  // then its option clicked. The time runs from the click to the frame where every chart names the organ.
  const agencies = Array.from({ length: 21 }, (_, i) => organName(i + 1));
  const runs = await page.evaluate(async (list) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const shows = (a) => [...document.querySelectorAll('figure figcaption')].every((c) => (c.textContent ?? '').includes(a)) && document.querySelector('figure canvas') !== null;
    const out = [];
    for (const a of list) {
      const input = document.getElementById('organ-search');
      if (!input) throw new Error('no organ picker (#organ-search) on the page');
      input.focus();
      input.value = a;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      let option = null;
      for (let f = 0; f < 600 && !option; f++) {
        await frame();
        option = document.querySelector(`#organ-search-list [role="option"][data-agency="${a}"]`);
      }
      if (!option) throw new Error(`the picker never listed ${a}`);
      const t0 = performance.now();
      option.click();
      let frames = 0;
      do {
        await frame();
        frames++;
      } while (!shows(a) && frames < 600);
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 400));
    }
    return out;
  }, agencies.slice(1));
  return { p95: percentile(runs, 95), median: median(runs), runs: runs.map(round) };
}

/** Size of the stored records as compact JSON (plain numbers for plain cells), read in chunks in its own page. */
async function storedSize(context, baseUrl) {
  const page = await context.newPage();
  try {
    // An empty page of the same origin (the app itself would load the store too).
    await page.route('**/__bench_blank__.html', (route) => route.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }));
    await page.goto(`${baseUrl}__bench_blank__.html`);
    return await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('disclosure-report-dashboard');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            let bytes = 0;
            let records = 0;
            const compact = (r) => {
              const cells = {};
              for (const [k, c] of Object.entries(r.cells)) {
                cells[k] = typeof c === 'object' && c !== null && Object.keys(c).length === 1 && typeof c.value === 'number' ? c.value : c;
              }
              return { ...r, cells };
            };
            const next = (after) => {
              const store = db.transaction('reports').objectStore('reports');
              const req = store.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), 1000);
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const list = req.result;
                for (const r of list) bytes += new Blob([JSON.stringify(compact(r))]).size;
                records += list.length;
                if (list.length < 1000) {
                  db.close();
                  resolve({ bytes, records });
                } else next([list[list.length - 1].agency, list[list.length - 1].year]);
              };
            };
            next(undefined);
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/**
 * 5. The quality tab: click → first finding row; the peak JS heap meanwhile. The garbage of reading the store is
 * collected first (CDP HeapProfiler.collectGarbage): the peak is then what the page holds plus what the tab needs.
 */
async function qualityTab(page) {
  const gc = await page.context().newCDPSession(page);
  await gc.send('HeapProfiler.enable');
  await gc.send('HeapProfiler.collectGarbage');
  await gc.detach();
  const heap = await heapMonitor(page);
  await heap.reset();
  const liveBefore = await heap.now();
  let crashed = '';
  page.once('crash', () => (crashed = 'the tab crashed'));
  await page.evaluate(() => {
    const b = window.__bench;
    b.qualityShown = undefined;
    const found = () => document.querySelector('#quality-table tbody tr');
    new MutationObserver((_, obs) => {
      if (b.qualityShown === undefined && found()) {
        b.qualityShown = performance.now();
        obs.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
    b.qualityClicked = performance.now();
    document.getElementById('tab-quality').click();
  });
  let ms = null;
  let stop = '';
  try {
    await page.waitForFunction(() => window.__bench.qualityShown !== undefined, null, { timeout: QUALITY_TIMEOUT, polling: 100 });
    ms = await page.evaluate(() => window.__bench.qualityShown - window.__bench.qualityClicked);
    await sleep(1500);
  } catch (e) {
    stop = crashed || `no finding shown within ${QUALITY_TIMEOUT / 1000} s (${errorText(e)})`;
  }
  const peak = await Promise.race([heap.stop(), sleep(5000).then(() => heap.peak())]);
  const rows = ms === null ? null : await page.$$eval('#quality-table tbody tr', (trs) => trs.length).catch(() => null);
  const summary = ms === null ? null : await page.textContent('#quality-summary').catch(() => null);
  return { ms, heapPeakBytes: peak, heapLiveBeforeBytes: liveBefore, stop, rows, summary: summary?.replace(/\s+/g, ' ').trim() ?? null };
}

/**
 * 6. The 报送与质量 tab: click → the matrix drawn. Its counts of findings come from the checks worker reading the
 * whole store, so this is the supervisor's first answer at this size; the longest main-thread task is reported too.
 */
async function coverageTab(page) {
  await page.evaluate(() => {
    const b = window.__bench;
    b.coverageShown = undefined;
    b.coverageLongest = 0;
    b.coverageObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.coverageLongest = Math.max(b.coverageLongest, e.duration);
    });
    b.coverageObserver.observe({ type: 'longtask' });
    new MutationObserver((_, obs) => {
      if (b.coverageShown === undefined && document.querySelector('table.matrix tbody tr[data-agency]')) {
        b.coverageShown = performance.now();
        obs.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
    b.coverageClicked = performance.now();
    document.getElementById('tab-coverage').click();
  });
  try {
    await page.waitForFunction(() => window.__bench.coverageShown !== undefined, null, { timeout: QUALITY_TIMEOUT, polling: 100 });
    await sleep(500);
    const r = await page.evaluate(() => {
      const b = window.__bench;
      b.coverageObserver.disconnect();
      return { ms: b.coverageShown - b.coverageClicked, longestTaskMs: b.coverageLongest, rows: document.querySelectorAll('table.matrix tr[data-agency]').length };
    });
    return { ...r, stop: '' };
  } catch (e) {
    return { ms: null, longestTaskMs: null, rows: null, stop: `no matrix within ${QUALITY_TIMEOUT / 1000} s (${errorText(e)})` };
  }
}

/** Import, reopen, redraw, quality at one size; every step catches its failure and says where the run stopped. */
async function sizeRun(browser, baseUrl, n, { withCold }) {
  const dir = join(tmpdir(), 'disclosure-bench');
  mkdirSync(dir, { recursive: true });
  const csvPath = join(dir, `wide-${n}.csv`);
  const file = await generateWide(root, csvPath, n);
  const out = { reports: n, organs: file.organs, fileMB: Math.round((file.bytes / 1048576) * 100) / 100, columns: file.columns };
  let context;
  let page;
  let errors = [];
  let step = 'cold visit';
  try {
    if (withCold) {
      const cold = await coldVisit(browser, baseUrl);
      out.cold = { firstChartMs: round(cold.firstChartMs), jsGzipBytes: cold.jsGzipBytes, jsFiles: cold.jsFiles };
      // Import into the page the cold visit opened, as a person would.
      await cold.page.close();
      context = cold.context;
    } else {
      context = await browser.newContext();
    }
    step = 'opening the page';
    ({ page, errors } = await newPage(context, n));
    page.on('crash', () => errors.push('the tab crashed'));
    await page.goto(baseUrl);
    await firstChart(page);
    await waitLoaded(page);
    step = 'import';
    out.import = await importFile(page, csvPath, n);
    step = 'bare PapaParse';
    out.bare = await bareParse(page, csvPath);
    out.importRatio = out.import.totalMs / out.bare.ms;
    step = 'stored size';
    out.stored = await storedSize(context, baseUrl);
    step = 'reopen';
    out.reopen = await reopen(page);
    step = 'redraw';
    out.loadedReports = await waitLoaded(page);
    out.redraw = await redraw(page);
    step = 'quality tab';
    out.quality = await qualityTab(page);
    if (out.quality.stop) out.stoppedAt = { step, reason: out.quality.stop };
    else {
      step = 'coverage tab';
      out.coverage = await coverageTab(page);
      if (out.coverage.stop) out.stoppedAt = { step, reason: out.coverage.stop };
    }
  } catch (e) {
    out.stoppedAt = { step, reason: errorText(e) };
  } finally {
    if (errors.length > 0) out.pageErrors = errors.slice(0, 5);
    await Promise.race([context?.close(), sleep(10_000)]).catch(() => undefined);
  }
  return out;
}

async function largeLong(browser, baseUrl, mb) {
  const path = join(tmpdir(), 'disclosure-bench', `long-${mb}mb.csv`);
  const file = await generateLong(root, path, mb);
  const context = await browser.newContext();
  try {
    const { page } = await newPage(context);
    await page.goto(baseUrl);
    await firstChart(page);
    await waitLoaded(page);
    const t0 = Date.now();
    await page.setInputFiles('input[type="file"]', path);
    await page.waitForSelector(`.review > .summary[data-new="${file.reports}"]`, { timeout: STEP_TIMEOUT });
    const ms = Date.now() - t0;
    const b = await page.evaluate(() => ({ ...window.__bench }));
    const longest = b.longTasks.filter((t) => t.start >= b.fileChosen).reduce((m, t) => Math.max(m, t.duration), 0);
    await page.click('#import-discard');
    return { fileMB: Math.round(file.bytes / 1048576), lines: file.lines, reports: file.reports, readAndReviewMs: ms, longestTaskMs: round(longest) };
  } finally {
    await context.close();
  }
}

function row(figure, value, budget, pass) {
  return { figure, value, budget, result: pass === null ? 'n/a' : pass ? 'pass' : 'FAIL' };
}

function table(main) {
  const rows = [];
  const imp = main.import;
  rows.push(
    row(
      'import: file chosen → "imported" status, × bare PapaParse (header: true)',
      imp ? `${main.importRatio.toFixed(1)}× (${round(imp.totalMs)} ms / ${round(main.bare.ms)} ms)` : `stopped: ${main.stoppedAt?.reason}`,
      `≤ ${BUDGET.importRatio}×`,
      imp ? main.importRatio <= BUDGET.importRatio : false,
    ),
  );
  rows.push(
    row(
      'longest main-thread task, during the import and 3 s after',
      imp ? `${round(imp.longestTaskMs)} ms (${imp.longTasksOver200} tasks over 200 ms; longest timer gap ${round(imp.timerGapMs)} ms)` : '—',
      `≤ ${BUDGET.longestTaskMs} ms`,
      imp ? imp.longestTaskMs <= BUDGET.longestTaskMs : false,
    ),
  );
  rows.push(
    row(
      `reopen with ${main.reports + 56} stored: reload → first chart drawn (median of 3)`,
      main.reopen ? `${round(main.reopen.ms)} ms (${main.reopen.runs.join(', ')})` : '—',
      `≤ ${BUDGET.reopenMs} ms`,
      main.reopen ? main.reopen.ms <= BUDGET.reopenMs : false,
    ),
  );
  rows.push(
    row(
      'redraw after an organ change, p95 of 20 changes',
      main.redraw ? `${round(main.redraw.p95)} ms (median ${round(main.redraw.median)} ms)` : '—',
      `≤ ${BUDGET.redrawP95Ms} ms`,
      main.redraw ? main.redraw.p95 <= BUDGET.redrawP95Ms : false,
    ),
  );
  rows.push(
    row('cold first visit (sample seeded) → first chart drawn', main.cold ? `${main.cold.firstChartMs} ms` : '—', `≤ ${BUDGET.coldMs} ms`, main.cold ? main.cold.firstChartMs <= BUDGET.coldMs : false),
  );
  rows.push(
    row(
      'JS the first view loads (cold visit, gzip -9)',
      main.cold ? `${(main.cold.jsGzipBytes / 1024).toFixed(1)} KiB` : '—',
      `≤ ${BUDGET.firstViewJsKiB} KiB`,
      main.cold ? main.cold.jsGzipBytes / 1024 <= BUDGET.firstViewJsKiB : false,
    ),
  );
  const q = main.quality;
  const stored = main.stored?.bytes;
  const heapRatio = q && stored ? q.heapPeakBytes / stored : null;
  rows.push(
    row(
      `数据质量 tab with ${main.reports + 56} stored: click → first findings shown`,
      q ? (q.ms === null ? `never: ${q.stop}` : `${round(q.ms)} ms`) : '—',
      `≤ ${BUDGET.qualityMs} ms`,
      q ? q.ms !== null && q.ms <= BUDGET.qualityMs : false,
    ),
  );
  rows.push(
    row(
      '  its peak JS heap, × the stored data (compact JSON)',
      q && heapRatio !== null ? `${heapRatio.toFixed(2)}× (${mib(q.heapPeakBytes)} MiB / ${mib(stored)} MiB)` : '—',
      `≤ ${BUDGET.qualityHeapRatio}×`,
      heapRatio !== null ? q.ms !== null && heapRatio <= BUDGET.qualityHeapRatio : false,
    ),
  );
  return rows;
}

function printTable(rows) {
  const w0 = Math.max(...rows.map((r) => [...r.figure].length));
  const w1 = Math.max(...rows.map((r) => [...r.value].length));
  const w2 = Math.max(...rows.map((r) => r.budget.length));
  const pad = (s, n) => s + ' '.repeat(Math.max(0, n - [...s].length));
  for (const r of rows) console.log(`  ${pad(r.figure, w0)}  ${pad(r.value, w1)}  ${pad(r.budget, w2)}  ${r.result}`);
}

function printSize(out) {
  console.log(`  ${out.reports} reports (${out.organs} organs × 5 years), ${out.fileMB} MB wide CSV, ${out.columns} figure columns`);
  if (out.import) {
    const i = out.import;
    console.log(
      `  import ${round(i.totalMs)} ms (review ready ${round(i.reviewMs)} ms, commit → status ${round(i.commitToStatusMs)} ms); bare PapaParse ${round(out.bare?.ms)} ms → ${out.importRatio?.toFixed(1)}×`,
    );
    console.log(`  longest task ${round(i.longestTaskMs)} ms; peak JS heap during the import ${mib(i.heapPeakBytes)} MiB (before: ${mib(i.heapBeforeBytes)} MiB)`);
    console.log(`  longest tasks and when: ${i.worstTasks.map((t) => `${t.ms} ms ${t.stage}`).join(', ')}`);
    if (i.marks['review-ready'] !== undefined) {
      const m = i.marks;
      console.log(`  stages: reading ${round(m['review-ready'] - m['read-start'])} ms, commit transaction ${round(m.committed - m['commit-start'])} ms, memory updated and status ${round(i.commitToStatusMs - (m.committed - m['commit-start']))} ms`);
    }
  }
  if (out.stored) console.log(`  stored data ${mib(out.stored.bytes)} MiB as compact JSON (${out.stored.records} records)`);
  if (out.reopen) console.log(`  reopen → first chart ${round(out.reopen.ms)} ms (${out.reopen.runs.join(', ')})`);
  if (out.redraw) console.log(`  redraw p95 ${round(out.redraw.p95)} ms, median ${round(out.redraw.median)} ms`);
  if (out.quality) {
    const q = out.quality;
    console.log(
      `  quality tab ${q.ms === null ? `never: ${q.stop}` : `${round(q.ms)} ms to the first findings`}; JS heap ${mib(q.heapLiveBeforeBytes)} MiB live before the click, peak ${mib(q.heapPeakBytes)} MiB${q.summary ? `; ${q.summary}` : ''}`,
    );
  }
  if (out.coverage && out.coverage.ms !== null) {
    const c = out.coverage;
    console.log(`  报送与质量 tab ${round(c.ms)} ms to the matrix (${c.rows} organs drawn), longest task ${round(c.longestTaskMs)} ms`);
  }
  if (out.stoppedAt) console.log(`  STOPPED at ${out.stoppedAt.step}: ${out.stoppedAt.reason}`);
  if (out.pageErrors) console.log(`  page errors: ${out.pageErrors.join(' | ')}`);
}

async function main() {
  if (!existsSync(join(root, OUT_DIR, 'index.html')) && !existsSync(join(OUT_DIR, 'index.html'))) throw new Error(`${OUT_DIR}/ is missing: run \`npm run build\` (npm run bench does).`);
  const server = await preview({ root, build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  const version = browser.version();
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`Benchmark of ${OUT_DIR}/ in Chromium ${version}, ${cpus().length} cores, load average ${load} at the start`);
  const result = { date: new Date().toISOString(), dist: OUT_DIR, chromium: version, cores: cpus().length, loadAtStart: load, budgets: BUDGET };
  try {
    const main = await sizeRun(browser, baseUrl, REPORTS, { withCold: true });
    result.main = main;
    const rows = table(main);
    result.table = rows;
    console.log(`\nBudgets at ${REPORTS} reports:`);
    printTable(rows);
    console.log(`  peak JS heap during the import: ${mib(main.import?.heapPeakBytes)} MiB (CDP Performance.getMetrics JSHeapUsedSize)`);
    if (main.cold) console.log(`  scripts of the first view (gzip -9 bytes): ${Object.entries(main.cold.jsFiles).map(([f, n]) => `${f} ${n}`).join(', ')}`);
    console.log('\nDetails:');
    printSize(main);
    if (LARGE_REPORTS > 0) {
      console.log(`\nThe next limit, ${LARGE_REPORTS} reports:`);
      result.large = await sizeRun(browser, baseUrl, LARGE_REPORTS, { withCold: false });
      printSize(result.large);
    }
    if (LARGE_MB > 0) {
      result.longCsv = await largeLong(browser, baseUrl, LARGE_MB);
      const l = result.longCsv;
      console.log(`\nLong CSV of ${l.fileMB} MB (${l.lines} figure lines, ${l.reports} reports) read to the review: ${l.readAndReviewMs} ms, longest task ${l.longestTaskMs} ms`);
    }
    result.loadAtEnd = loadavg().map((x) => x.toFixed(2)).join(' ');
    console.log(`\nLoad average at the end: ${result.loadAtEnd}`);
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/perf.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await Promise.race([browser.close(), sleep(15_000)]);
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
