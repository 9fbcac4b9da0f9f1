// Import benchmark (issue 3), in real Chromium against `vite preview` of the production build:
// a generated 10,000-report wide CSV (GB2019 template headers in Chinese) is chosen through the page's file input,
// reviewed and committed; the same bytes are then decoded and parsed by bare PapaParse in the same page, and the
// ratio printed. The longest main-thread stall during the import shows whether the page stayed responsive.
// Generated data only: the organs are named 基准测试生成机构-NNNNN and never shown as real.
// A second run reads a ~100 MB long CSV to the review (then cancels) and reports the longest main-thread stall.
// Run: npm run bench   (builds first; this script alone: node bench/run.mjs; BENCH_REPORTS, BENCH_LARGE_MB)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000);
const TIMEOUT = 600_000;
/** Size of the large long file read afterwards (0 to skip). */
const LARGE_MB = Number(process.env.BENCH_LARGE_MB ?? 100);

function findChromium() {
  for (const c of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (c && existsSync(c)) return c;
  }
  throw new Error('No Chromium found: install one or set CHROMIUM_PATH.');
}

/** The official wide template headers and their keys, loaded from the source through Vite (what users get). */
async function template() {
  const server = await createServer({ root, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
  try {
    const mod = await server.ssrLoadModule('/src/ingest/templates.ts');
    return { header: mod.wideTemplate('GB2019').trim(), keys: mod.templateKeys('GB2019') };
  } finally {
    await server.close();
  }
}

/** Deterministic pseudo-random small counts, so every run parses the same file. */
function rng(seed) {
  let x = seed >>> 0;
  return (mod) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x >>> 8) % mod;
  };
}

const PARTS = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org'];
const LEAVES = [
  'granted', 'partially_granted', 'denied_state_secret', 'denied_law_prohibited', 'denied_three_safety', 'denied_third_party',
  'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_admin_query', 'unable_not_held',
  'unable_need_create', 'unable_unclear', 'notproc_petition', 'notproc_repeat', 'notproc_publication', 'notproc_massive',
  'notproc_confirm', 'other_processing',
];

/**
 * One organ's figures for consecutive years, consistent the way real reports mostly are (identities I1–I4, the
 * carry-over and item chains hold): the consistency checks then report little, as with real data.
 */
function organYears(years, r) {
  const out = [];
  let carry = Object.fromEntries(PARTS.map((c) => [c, r(3)]));
  let items = { admin_license: 50 + r(50), other_mgmt_services: 20 + r(20), admin_penalty: 30 + r(30), admin_coercion: 10 + r(10), admin_fees: 5 + r(5) };
  for (const year of years) {
    const v = { 'headline.published_items.total': 100 + r(2000) };
    const sum = (row) => PARTS.reduce((s, c) => s + v[`requests.${row}.${c}`], 0);
    for (const c of PARTS) {
      let total = 0;
      for (const leaf of LEAVES) {
        const n = leaf === 'granted' ? r(8) : r(3) === 0 ? r(3) : 0;
        v[`requests.${leaf}.${c}`] = n;
        total += n;
      }
      const forward = r(3);
      if (total + forward < carry[c]) {
        v[`requests.granted.${c}`] += carry[c] - total - forward;
        total = carry[c] - forward;
      }
      v[`requests.results_total.${c}`] = total;
      v[`requests.carried_forward.${c}`] = forward;
      v[`requests.carried_over.${c}`] = carry[c];
      v[`requests.new_received.${c}`] = total + forward - carry[c];
      carry[c] = forward;
    }
    for (const row of ['new_received', 'carried_over', ...LEAVES, 'results_total', 'carried_forward']) v[`requests.${row}.total`] = sum(row);
    for (const row of ['admin_review', 'litigation_direct', 'litigation_after_review']) {
      let t = 0;
      for (const c of ['upheld', 'corrected', 'other_result', 'pending']) t += v[`review.${row}.${c}`] = r(2);
      v[`review.${row}.total`] = t;
    }
    v['active_2019.regulations.made_this_year'] = 0;
    v['active_2019.regulations.published_this_year'] = 0;
    v['active_2019.regulations.total_published'] = 0;
    const docs = r(10);
    v['active_2019.normative_docs.made_this_year'] = docs;
    v['active_2019.normative_docs.published_this_year'] = docs;
    v['active_2019.normative_docs.total_published'] = docs + r(50);
    for (const row of Object.keys(items)) {
      const change = r(11) - 5;
      v[`active_2019.${row}.prev_year_items`] = items[row];
      v[`active_2019.${row}.change_this_year`] = change;
      if (row !== 'admin_fees') v[`active_2019.${row}.decisions`] = r(100);
      items[row] = Math.max(0, items[row] + change);
      if (items[row] === 0) v[`active_2019.${row}.change_this_year`] = -v[`active_2019.${row}.prev_year_items`];
    }
    v['active_2019.central_procurement.procurement_projects'] = r(50);
    v['active_2019.central_procurement.procurement_amount'] = r(1_000_000) / 100;
    out.push({ year, v });
  }
  return out;
}

const YEARS_GB2019 = [2019, 2020];

async function generate(path) {
  const { header, keys } = await template();
  const r = rng(42);
  const lines = [header];
  const organs = Math.ceil(REPORTS / YEARS_GB2019.length);
  let n = 0;
  for (let o = 1; o <= organs; o++) {
    for (const { year, v } of organYears(YEARS_GB2019, r)) {
      if (n++ >= REPORTS) break;
      lines.push([`基准测试生成机构-${String(o).padStart(5, '0')}`, '', '', String(year), 'GB2019', 'generated for the benchmark', ...keys.map((k) => (k in v ? String(v[k]) : ''))].join(','));
    }
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return { bytes: readFileSync(path).length, columns: keys.length, cells: REPORTS * keys.length };
}

/** The same kind of generated reports as one long CSV (one figure a line), to about `mb` megabytes. */
async function generateLong(path, mb) {
  const { keys } = await template();
  const r = rng(7);
  const lines = ['机构,年度,格式,部分,行,列,数值,来源'];
  let bytes = 0;
  let organs = 0;
  while (bytes < mb * 1048576) {
    organs++;
    for (const { year, v } of organYears(YEARS_GB2019, r)) {
      for (const k of keys) {
        if (!(k in v)) continue;
        const [section, row, column] = k.split('.');
        const line = `基准测试生成机构-${String(organs).padStart(5, '0')},${year},GB2019,${section},${row},${column},${v[k]},generated`;
        bytes += Buffer.byteLength(line) + 2;
        lines.push(line);
      }
    }
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return { bytes: readFileSync(path).length, lines: lines.length - 1, reports: organs * YEARS_GB2019.length };
}

/** A large long file read to the review and then cancelled: the page must stay responsive meanwhile. */
async function largeLong(browser, baseUrl, mb) {
  const path = join(tmpdir(), 'disclosure-bench', `long-${mb}mb.csv`);
  const file = await generateLong(path, mb);
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(baseUrl);
  await page.waitForSelector('figure canvas', { timeout: 60_000 });
  await page.evaluate(() => {
    window.__maxGap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__maxGap = Math.max(window.__maxGap, now - last);
      last = now;
    }, 10);
  });
  const t0 = Date.now();
  await page.setInputFiles('input[type="file"]', path);
  await page.waitForSelector(`.review > .summary[data-new="${file.reports}"]`, { timeout: TIMEOUT });
  const ms = Date.now() - t0;
  const workerMs = Number(await page.locator('.file-review').first().getAttribute('data-read-ms'));
  const stall = await page.evaluate(() => window.__maxGap);
  const heap = await page.evaluate(() => {
    const m = performance.memory;
    return m ? Math.round(m.usedJSHeapSize / 1048576) : null;
  });
  await page.click('#import-discard');
  await context.close();
  const out = { fileMB: Math.round(file.bytes / 1048576), lines: file.lines, reports: file.reports, readAndReviewMs: ms, workerReadMs: workerMs, longestMainThreadStallMs: Math.round(stall), pageHeapMB: heap };
  console.log(`Large long CSV (${out.fileMB} MB, ${file.lines} figure lines, ${file.reports} reports), read to the review, then cancelled:`);
  console.log(`  read + review ready ${ms} ms (worker ${workerMs} ms); longest main-thread stall ${out.longestMainThreadStallMs} ms; page JS heap ${heap ?? '?'} MB (performance.memory, coarse)`);
  return out;
}

async function main() {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does).');
  const dir = join(tmpdir(), 'disclosure-bench');
  mkdirSync(dir, { recursive: true });
  const csvPath = join(dir, `wide-${REPORTS}.csv`);
  const file = await generate(csvPath);

  const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const baseUrl = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(baseUrl);
    await page.waitForSelector('figure canvas', { timeout: 60_000 });

    // Main-thread stall monitor: the longest gap between 10 ms timer ticks while the import runs.
    await page.evaluate(() => {
      const w = window;
      w.__maxGap = 0;
      let last = performance.now();
      w.__tick = setInterval(() => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
      }, 10);
    });

    const marks = () =>
      page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('import:')).map((m) => [m.name.slice(7), m.startTime])));
    const t0 = Date.now();
    await page.setInputFiles('input[type="file"]', csvPath);
    await page.waitForSelector(`.review > .summary[data-new="${REPORTS}"]`, { timeout: TIMEOUT });
    const tReview = Date.now();
    const stallRead = await page.evaluate(() => window.__maxGap);
    await page.evaluate(() => {
      window.__maxGap = 0;
    });
    const m1 = await marks();
    const workerMs = Number(await page.locator('.file-review').first().getAttribute('data-read-ms'));
    await page.click('#import-commit');
    let crashed = '';
    let m2 = {};
    let stallCommit = NaN;
    try {
      await page.waitForFunction((n) => document.querySelector('[role="status"]')?.textContent?.includes(`新增 ${n} 份`), REPORTS, { timeout: TIMEOUT });
      m2 = await marks();
      stallCommit = await page.evaluate(() => {
        clearInterval(window.__tick);
        return window.__maxGap;
      });
    } catch (e) {
      crashed = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    const tDone = Date.now();
    if (crashed) {
      console.log(`The page did not survive the re-render after the commit: ${crashed}`);
      console.log(`  read in worker + review ready ${Math.round(m1['review-ready'] - m1['read-start'])} ms (User Timing marks)`);
      process.exitCode = 1;
      return;
    }
    // How much of the reload is reading IndexedDB (the rest is the views re-rendering): a raw getAll.
    const getAllMs = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('disclosure-report-dashboard');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const t = performance.now();
            const all = req.result.transaction('reports').objectStore('reports').getAll();
            all.onsuccess = () => {
              req.result.close();
              resolve(Math.round(performance.now() - t));
            };
          };
        }),
    );

    // Bare PapaParse on the same bytes, same page, same run: decode + parse, nothing else.
    await page.route('**/__bench__.csv', (route) => route.fulfill({ path: csvPath, contentType: 'text/csv' }));
    // Served from the page's own origin: the app's CSP allows same-origin scripts only.
    await page.route('**/__papaparse__.js', (route) => route.fulfill({ path: join(root, 'node_modules/papaparse/papaparse.min.js'), contentType: 'text/javascript' }));
    await page.addScriptTag({ url: './__papaparse__.js' });
    const bare = await page.evaluate(async () => {
      const buf = await (await fetch('./__bench__.csv')).arrayBuffer();
      const runs = [];
      let rows = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const text = new TextDecoder('utf-8').decode(buf);
        rows = window.Papa.parse(text, { skipEmptyLines: true }).data.length;
        runs.push(performance.now() - t);
      }
      return { ms: Math.min(...runs), rows };
    });

    const read = Math.round(m1['review-ready'] - m1['read-start']);
    const commit = Math.round(m2.committed - m2['commit-start']);
    const reload = Math.round(m2.reloaded - m2.committed);
    const total = tDone - t0;
    const out = {
      date: new Date().toISOString(),
      reports: REPORTS,
      figureColumns: file.columns,
      cells: file.cells,
      fileMB: Math.round((file.bytes / 1048576) * 100) / 100,
      readAndReviewMs: read,
      workerReadMs: workerMs,
      commitTransactionMs: commit,
      reloadMs: reload,
      rawGetAllMs: getAllMs,
      wallClockToStatusMs: total,
      barePapaParseMs: Math.round(bare.ms),
      barePapaParseRows: bare.rows,
      ratioReadToBare: Math.round((read / bare.ms) * 10) / 10,
      ratioReadPlusCommitToBare: Math.round(((read + commit) / bare.ms) * 10) / 10,
      longestMainThreadStallMs: { reading: Math.round(stallRead), afterCommit: Math.round(stallCommit) },
    };
    console.log(`Import of a generated ${REPORTS}-report wide CSV (${out.fileMB} MB, ${file.columns} figure columns, ${file.cells} cells), real Chromium:`);
    console.log(`  read in the worker until the review is ready  ${read} ms`);
    console.log(`    of which the worker decoding and parsing     ${workerMs} ms`);
    console.log(`  commit, one IndexedDB transaction              ${commit} ms`);
    console.log(`  reload from IndexedDB and re-render of views   ${reload} ms (a raw getAll of all reports: ${getAllMs} ms)`);
    console.log(`  wall clock, file chosen → status message shown ${total} ms (includes re-rendering every view)`);
    console.log(`  bare PapaParse on the same bytes (decode+parse) ${out.barePapaParseMs} ms  (${bare.rows} rows, best of 3)`);
    console.log(`  ratio read/bare ${out.ratioReadToBare}×, (read+commit)/bare ${out.ratioReadPlusCommitToBare}×`);
    console.log(`  longest main-thread stall: ${out.longestMainThreadStallMs.reading} ms while reading; ${out.longestMainThreadStallMs.afterCommit} ms after the commit (re-render)`);
    await context.close();
    const large = LARGE_MB > 0 ? await largeLong(browser, baseUrl, LARGE_MB) : undefined;
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/import.json'), JSON.stringify({ ...out, large }, null, 2) + '\n');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
