// Generated benchmark data: wide and long CSV files of consistent reports for organs named
// 基准测试生成机构-NNNNN (never shown as real). Deterministic, so every run reads the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

/** The figure keys of both national formats, as the templates list them, loaded from the source through Vite. */
export async function templateKeys(root) {
  const server = await createServer({ root, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
  try {
    const mod = await server.ssrLoadModule('/src/ingest/templates.ts');
    const gb2019 = mod.templateKeys('GB2019');
    const gb2021 = mod.templateKeys('GB2021');
    return { gb2019, gb2021, all: [...new Set([...gb2019, ...gb2021])] };
  } finally {
    await server.close();
  }
}

/** Deterministic pseudo-random small counts. */
function rng(seed) {
  let x = seed >>> 0;
  return (mod) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x >>> 8) % mod;
  };
}

const PARTS = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org'];
const COMMON_LEAVES = [
  'granted', 'partially_granted', 'denied_state_secret', 'denied_law_prohibited', 'denied_three_safety', 'denied_third_party',
  'denied_internal_affairs', 'denied_process_info', 'denied_enforcement_file', 'denied_admin_query', 'unable_not_held',
  'unable_need_create', 'unable_unclear', 'notproc_petition', 'notproc_repeat', 'notproc_publication', 'notproc_massive',
  'notproc_confirm',
];
const OTHER_GB2019 = ['other_processing'];
const OTHER_GB2021 = ['other_no_correction', 'other_no_fee', 'other_other'];

/**
 * One organ's figures for consecutive years: GB2019 tables up to 2020, GB2021 from 2021, consistent the way real
 * reports mostly are (identities I1–I4, the carry-over, item and in-force chains hold). Like real data, some
 * reports lack table 四 (their I4 is "not checkable") and a few break I3 by one in a column.
 */
function organYears(years, r) {
  const out = [];
  let carry = Object.fromEntries(PARTS.map((c) => [c, r(3)]));
  const items = { admin_license: 50 + r(50), other_mgmt_services: 20 + r(20), admin_penalty: 30 + r(30), admin_coercion: 10 + r(10), admin_fees: 5 + r(5) };
  const inForce = { regulations: 0, normative_docs: 20 + r(30) };
  for (const year of years) {
    const format = year <= 2020 ? 'GB2019' : 'GB2021';
    const leaves = [...COMMON_LEAVES, ...(format === 'GB2019' ? OTHER_GB2019 : OTHER_GB2021)];
    const v = { 'headline.published_items.total': 100 + r(2000) };
    const sum = (row) => PARTS.reduce((s, c) => s + v[`requests.${row}.${c}`], 0);
    for (const c of PARTS) {
      let total = 0;
      for (const leaf of leaves) {
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
    for (const row of ['new_received', 'carried_over', ...leaves, 'results_total', 'carried_forward']) v[`requests.${row}.total`] = sum(row);
    // About 3 % of reports print a results total one too high in the natural-person column (I1, I2, I3 break).
    if (r(100) < 3) v['requests.results_total.natural_person'] += 1;
    // About 10 % of reports left table 四 out.
    if (r(10) !== 0) {
      for (const row of ['admin_review', 'litigation_direct', 'litigation_after_review']) {
        let t = 0;
        for (const c of ['upheld', 'corrected', 'other_result', 'pending']) t += v[`review.${row}.${c}`] = r(2);
        v[`review.${row}.total`] = t;
      }
    }
    if (format === 'GB2019') {
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
    } else {
      for (const row of ['regulations', 'normative_docs']) {
        const issued = row === 'regulations' ? 0 : r(10);
        const repealed = Math.min(inForce[row], row === 'regulations' ? 0 : r(4));
        inForce[row] += issued - repealed;
        v[`active_2021.${row}.issued_this_year`] = issued;
        v[`active_2021.${row}.repealed_this_year`] = repealed;
        v[`active_2021.${row}.in_force`] = inForce[row];
      }
      for (const row of ['admin_license', 'admin_penalty', 'admin_coercion']) v[`active_2021.${row}.decisions_this_year`] = r(100);
      v['active_2021.admin_fees.fee_amount'] = r(10_000) / 100;
    }
    out.push({ year, format, v });
  }
  return out;
}

/** Five years as a provincial evaluator holds them: 2019–2020 in GB2019, 2021–2023 in GB2021. */
export const YEARS = [2019, 2020, 2021, 2022, 2023];

export function organName(o) {
  return `基准测试生成机构-${String(o).padStart(5, '0')}`;
}

const LEVELS = ['乡镇', '区县政府', '区县部门', '设区的市政府', '设区的市部门'];
const REGIONS = ['福建省福州市', '福建省厦门市', '福建省泉州市', '福建省漳州市', '福建省南平市', '福建省三明市', '福建省龙岩市', '福建省宁德市', '福建省莆田市'];

/**
 * `reports` reports as one wide CSV: one report a line, canonical keys as headers (both formats' columns, a
 * report leaving the other format's empty, which reads as absent).
 */
export async function generateWide(root, path, reports) {
  const { all } = await templateKeys(root);
  const r = rng(42);
  const lines = [['机构', '地区', '层级', '年度', '格式', '来源', ...all].join(',')];
  const organs = Math.ceil(reports / YEARS.length);
  let n = 0;
  for (let o = 1; o <= organs; o++) {
    const region = REGIONS[o % REGIONS.length];
    const level = LEVELS[o % LEVELS.length];
    for (const { year, format, v } of organYears(YEARS, r)) {
      if (n++ >= reports) break;
      lines.push([organName(o), region, level, String(year), format, 'generated for the benchmark', ...all.map((k) => (k in v ? String(v[k]) : ''))].join(','));
    }
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return { bytes: readFileSync(path).length, columns: all.length, organs };
}

/** The same kind of generated reports as one long CSV (one figure a line), to about `mb` megabytes. */
export async function generateLong(root, path, mb) {
  const { all } = await templateKeys(root);
  const r = rng(7);
  const lines = ['机构,年度,格式,部分,行,列,数值,来源'];
  let bytes = 0;
  let organs = 0;
  let reports = 0;
  while (bytes < mb * 1048576) {
    organs++;
    for (const { year, format, v } of organYears(YEARS, r)) {
      reports++;
      for (const k of all) {
        if (!(k in v)) continue;
        const [section, row, column] = k.split('.');
        const line = `${organName(organs)},${year},${format},${section},${row},${column},${v[k]},generated`;
        bytes += Buffer.byteLength(line) + 2;
        lines.push(line);
      }
    }
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return { bytes: readFileSync(path).length, lines: lines.length - 1, reports };
}
