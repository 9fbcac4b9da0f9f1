import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { compareOrgans } from '../../src/query/compare';
import { procurement, publishedItems, requestOutcomes } from '../../src/query/coreCharts';
import { METRIC_BY_KEY, type Metric } from '../../src/query/metrics';
import { KEY_DEFS } from '../../src/model/vocabulary';
import { findingsByYear, runChecks } from '../../src/checks';
import { yearMarks } from '../../src/charts/marks';
import { makeShareLink } from '../../src/share/link';
import { recordCellAccess } from '../../src/share/record';
import { decodeSnapshot, encodeSnapshot, MAX_LINK_LENGTH, mergeSnapshotReport, SnapshotError, type Snapshot } from '../../src/share/snapshot';
import { formatHash, parseHash } from '../../src/share/viewState';

let reports: Report[];
beforeAll(() => {
  reports = sampleReports();
});

const PT = '平潭综合实验区';
const LINK_BASE = 'https://example.gov.cn/tools/nianbao/#';

async function linkFor<T>(view: string, chart: string, run: (r: readonly Report[]) => T) {
  const rec = recordCellAccess(reports, run);
  const snapshot: Snapshot = { view, chart, made: '2026-11-27T10:00:00.000Z', reports: rec.reports };
  const s = await encodeSnapshot(snapshot);
  return { rec, snapshot, s, link: `${LINK_BASE}${view}&s=${s}` };
}

describe('chart snapshot', () => {
  it('one organ × 7 years × 6 series: the recipient computes the same chart from the link alone', async () => {
    const view = formatHash({ view: 'overview', agency: PT, from: 2019, to: 2025, organs: [], shares: false });
    const { rec, s, link } = await linkFor(view, 'chart-outcomes', (r) => requestOutcomes(r, PT, { from: 2019, to: 2025 }));
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const decoded = await decodeSnapshot(s);
    expect(decoded.view).toBe(view);
    expect(decoded.reports).toHaveLength(7);
    expect(requestOutcomes(decoded.reports, PT, { from: 2019, to: 2025 })).toEqual(rec.result);
    // Only what the chart read travels: no review table, no headline counts.
    expect(Object.keys(decoded.reports[0].cells).some((k) => k.startsWith('review.'))).toBe(false);
  });

  it('5 organs × 7 years × 1 figure stays under 2,000 characters', async () => {
    const organs = ['平潭综合实验区', '上海市人民政府(全市汇总年报)', '平潭县人民政府', '上海市人民政府办公厅', '深圳市龙岗区人民政府(全区年报)'];
    const metric = METRIC_BY_KEY.get('published_items') as Metric;
    const { rec, s, link } = await linkFor('v=1&view=compare', 'chart-compare', (r) => compareOrgans(r, organs, metric, 2017, 2023));
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const decoded = await decodeSnapshot(s);
    expect(compareOrgans(decoded.reports, organs, metric, 2017, 2023)).toEqual(rec.result);
  });

  it('keeps approximate flags, units and blank cells', async () => {
    const { rec, s } = await linkFor('v=1', 'chart-procurement', (r) => [publishedItems(r, '大峪镇人民政府'), procurement(r, '大峪镇人民政府')]);
    const decoded = await decodeSnapshot(s);
    expect([publishedItems(decoded.reports, '大峪镇人民政府'), procurement(decoded.reports, '大峪镇人民政府')]).toEqual(rec.result);
    expect(decoded.reports[0].cells['headline.published_items.total']).toEqual({ value: 907, unit: '条', approx: true });
  });

  it.each([
    ['garbage', 'not!base64'],
    ['not compressed', 'aGVsbG8'],
    ['truncated', 'q1YqU7Iy1FEqU7JSMjQwsFCqBQA'],
  ])('a tampered link (%s) is a SnapshotError', async (_case, text) => {
    await expect(decodeSnapshot(text)).rejects.toBeInstanceOf(SnapshotError);
  });

  it('a well-formed snapshot with an unknown figure key is rejected', async () => {
    const bad: Snapshot = {
      view: 'v=1',
      chart: 'chart-published',
      made: '2026-11-27T10:00:00.000Z',
      reports: [{ agency: 'X', year: 2020, format: 'GB2019', region: '', level: '', source: '', cells: { 'requests.evil.total': { value: 1 } } }],
    };
    await expect(decodeSnapshot(await encodeSnapshot(bad))).rejects.toThrow('unknown figure requests.evil.total');
  });
});

describe('view hash', () => {
  it('round-trips every field', () => {
    const state = { view: 'compare' as const, agency: PT, from: 2019, to: 2023, organs: ['a', 'b'], figure: 'new_received', year: 2022, shares: true, level: '乡镇', region: '福建' };
    const r = parseHash(`#${formatHash(state)}`);
    expect(r).toEqual({ ok: true, state });
  });

  it.each([
    ['#v=9&view=overview', 'version'],
    ['#view=overview', 'invalid'],
    ['#v=1&view=nowhere', 'invalid'],
    ['#v=1&from=20x9', 'invalid'],
    ['#%E0%A4%A', 'invalid'],
  ])('%s opens the default view (%s)', (hash, reason) => {
    const r = parseHash(hash);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ reason, state: { view: 'overview', organs: [], shares: false } });
  });
});

describe('share link', () => {
  const base = 'https://example.gov.cn/tools/nianbao/';
  const made = new Date('2026-11-27T10:00:00.000Z');

  it('carries the view and the snapshot when short enough', async () => {
    const hash = formatHash({ view: 'overview', agency: PT, from: 2019, organs: [], shares: false });
    const r = await makeShareLink(reports, (rs) => requestOutcomes(rs, PT, { from: 2019 }), { hash, chart: 'chart-outcomes', base, made });
    expect(r.tooLong).toBe(false);
    expect(r.link.startsWith(`${base}#${hash}&s=`)).toBe(true);
    expect(r.length).toBe(r.link.length);
    const parsed = parseHash(new URL(r.link).hash);
    expect(parsed.ok && parsed.snapshot !== undefined).toBe(true);
  });

  it('falls back to the view-only link past 2,000 characters, and says how long it would have been', async () => {
    const hash = formatHash({ view: 'overview', organs: [], shares: false });
    const everything = (rs: readonly Report[]) => rs.map((r) => [...KEY_DEFS.keys()].map((k) => r.cells[k]));
    const r = await makeShareLink(reports, everything, { hash, chart: 'chart-outcomes', base, made });
    expect(r).toEqual({ link: `${base}#${hash}`, tooLong: true, length: expect.any(Number), marksShortened: false });
    expect(r.length).toBeGreaterThan(MAX_LINK_LENGTH);
  });

  it('carries the chart’s ⚠ marks with their text, within the length limit (平潭 2019–2025 outcomes)', async () => {
    const hash = formatHash({ view: 'overview', agency: PT, from: 2019, organs: [], shares: false });
    const marks = [...yearMarks(findingsByYear(runChecks(reports).findings, PT), 'zh-CN').values()].filter((m) => m.year >= 2019);
    expect(marks.map((m) => m.year)).toEqual([2020, 2023, 2024, 2025]);
    const r = await makeShareLink(reports, (rs) => requestOutcomes(rs, PT, { from: 2019 }), { hash, chart: 'chart-outcomes', base, made, marks });
    expect(r.tooLong).toBe(false);
    expect(r.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const decoded = await decodeSnapshot(new URL(r.link).hash.split('&s=')[1]);
    expect(decoded.marks?.map((m) => [m.year, m.severity, m.rules])).toEqual(marks.map((m) => [m.year, m.severity, m.rules]));
    const m2020 = decoded.marks?.find((m) => m.year === 2020);
    expect(m2020?.lines[0]).toContain('I3: 「');
    if (!r.marksShortened) expect(decoded.marks?.map((m) => m.lines)).toEqual(marks.map((m) => m.lines));
  });

  it('shortens the marks before giving up the snapshot: first one line a year, then the rule ids', async () => {
    const hash = formatHash({ view: 'overview', agency: PT, organs: [], shares: false });
    const long = Array.from({ length: 8 }, (_, i) => `I3: 「总计」栏:各项办理结果之和为 ${i * 7 + 20},(七)总计为 ${i * 3 + 11}。第 ${i} 行的说明。`);
    const marks = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, severity: 'error' as const, rules: ['I3', 'I1'], lines: long.map((l) => `${year} ${l}`) }));
    const r = await makeShareLink(reports, (rs) => requestOutcomes(rs, PT, { from: 2019 }), { hash, chart: 'chart-outcomes', base, made, marks });
    expect(r.tooLong).toBe(false);
    expect(r.marksShortened).toBe(true);
    const decoded = await decodeSnapshot(new URL(r.link).hash.split('&s=')[1]);
    expect(decoded.marks?.map((m) => m.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(decoded.marks?.every((m) => m.lines.length <= 2)).toBe(true);
  });

  it('a link of version 1 (no marks) still opens', async () => {
    const json = JSON.stringify({ v: 1, view: 'v=1&view=overview', chart: 'chart-outcomes', made: '2026-11-27T10:00:00.000Z', s: [PT], r: [[0, 2020, 0, -1, -1, -1, []]] });
    const bytes = await new Response(new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    const { toBase64Url } = await import('../../src/share/base64url');
    const decoded = await decodeSnapshot(toBase64Url(new Uint8Array(bytes)));
    expect(decoded.reports[0].agency).toBe(PT);
    expect(decoded.marks).toBeUndefined();
  });

  it('a query that enumerates cells is refused (the snapshot would miss what it read)', () => {
    expect(() => recordCellAccess(reports, (rs) => Object.keys(rs[0].cells))).toThrow('queries must look cells up by key');
  });
});

describe('storing a snapshot', () => {
  it('takes only differing figures and keeps the stored cells, remarks and fields', () => {
    const stored = reports.find((r) => r.agency === '大峪镇人民政府') as Report;
    const incoming: Report = {
      ...stored,
      source: 'snapshot',
      cells: {
        'headline.published_items.total': { value: 907, unit: '条', approx: true }, // same figure, no remark
        'active_2019.central_procurement.procurement_projects': { value: 17, unit: '个' }, // differs
      },
    };
    const merged = mergeSnapshotReport(stored, incoming);
    expect(merged.source).toBe(stored.source);
    expect(merged.cells['headline.published_items.total']).toEqual({ value: 907, unit: '条', note: '原文:907余条', approx: true });
    expect(merged.cells['active_2019.central_procurement.procurement_projects']).toEqual({ value: 17, unit: '个' });
    expect(Object.keys(merged.cells)).toHaveLength(Object.keys(stored.cells).length);
  });
});
