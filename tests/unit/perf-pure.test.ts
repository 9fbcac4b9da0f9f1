// Pure parts of the work at the size of a province: findings a page at a time (what the checks worker answers the
// quality view), the organ list from stored keys alone, and grouping by organ that keeps unchanged organs' arrays.
import { describe, expect, it } from 'vitest';
import { checkReports, type Finding } from '../../src/checks';
import { findingsPage, filtered, NO_FILTER } from '../../src/checks/page';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { groupByAgency, organs, organsFromKeys } from '../../src/query/organs';

const PT = '平潭综合实验区';
const SH = '上海市人民政府办公厅';
const sample = sampleReports();
const all = checkReports(sample);

describe('findings a page at a time', () => {
  it('pages through the filtered findings in order, with counts and the lists the selects offer', () => {
    const first = findingsPage(all, NO_FILTER, 0, 10);
    expect(first.findings).toEqual(all.slice(0, 10));
    expect(first.shown).toBe(all.length);
    expect(first.total).toBe(all.length);
    expect(Object.values(first.counts).reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(first.organs).toEqual([...new Set(all.map((f) => f.agency))]);
    const second = findingsPage(all, NO_FILTER, 10, 10);
    expect(second.findings).toEqual(all.slice(10, 20));
  });

  it('filters by organ, year, rule and severity; years are those of the organ', () => {
    const p = findingsPage(all, { organ: PT, year: '2020', rule: 'I3', severity: 'error' }, 0, 100);
    expect(p.findings.map((f) => [f.agency, f.year, f.rule])).toEqual([
      [PT, 2020, 'I3'],
      [PT, 2020, 'I3'],
    ]);
    expect(p.shown).toBe(2);
    expect(p.counts.error).toBe(2);
    expect(p.years).toEqual([...new Set(all.filter((f) => f.agency === PT).map((f) => f.year))].sort((a, b) => a - b));
    expect(filtered(all, { organ: SH, year: '', rule: 'T-prose', severity: '' }).map((f) => f.found)).toEqual([258, 265]);
  });

  it('an offset past the end gives the last page; nothing matching gives an empty page at 0', () => {
    const n = all.length;
    const last = findingsPage(all, NO_FILTER, n + 50, 10);
    expect(last.offset).toBe(Math.floor((n - 1) / 10) * 10);
    expect(last.findings).toEqual(all.slice(last.offset));
    const none = findingsPage(all, { organ: 'nobody', year: '', rule: '', severity: '' }, 30, 10);
    expect(none).toMatchObject({ offset: 0, findings: [], shown: 0 });
  });

  it('the whole store checked organ by organ in collation order gives the same list as one run', () => {
    const byOrgan = organs(sample)
      .map((o) => o.agency)
      .sort(new Intl.Collator('zh-CN').compare)
      .flatMap((a) => checkReports(sample.filter((r) => r.agency === a)));
    expect(byOrgan.map((f: Finding) => f.id)).toEqual(all.map((f) => f.id));
  });
});

describe('organs', () => {
  it('from keys alone: the same organs, years and order as from the reports; level and region where known', () => {
    const keys = sample.map((r) => ({ agency: r.agency, year: r.year }));
    const fromReports = organs(sample);
    const fromKeys = organsFromKeys(keys);
    expect(fromKeys.map((o) => [o.agency, o.years])).toEqual(fromReports.map((o) => [o.agency, o.years]));
    expect(fromKeys.every((o) => o.level === '' && o.region === '')).toBe(true);
    const withPt = organsFromKeys(keys, sample.filter((r) => r.agency === PT));
    expect(withPt.find((o) => o.agency === PT)).toEqual(fromReports.find((o) => o.agency === PT));
  });

  it('grouping keeps the array of an organ whose reports did not change, and only that one', () => {
    const first = groupByAgency(sample);
    const changed: Report = { ...(sample.find((r) => r.agency === SH) as Report), source: 'changed' };
    const next = sample.map((r) => (r.agency === SH && r.year === changed.year ? changed : r));
    const second = groupByAgency(next, first);
    expect(second.get(PT)).toBe(first.get(PT));
    expect(second.get(SH)).not.toBe(first.get(SH));
    expect(second.get(SH)).toContain(changed);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  });
});

describe('numbers written without Intl on the first view', () => {
  it('formatNumber writes what Intl.NumberFormat writes (zh-CN and en, at most 6 decimals)', async () => {
    const { formatNumber } = await import('../../src/i18n/messages');
    const values = [0, -0, 1, -1, 999, 1000, 1234, -1234.5, 12345.678, 0.1 + 0.2, 61.9, 8.3, 75394432.52, 13.595, 2.675];
    values.push(1e-7, 4e-7, 5e-7, 1.0000005, 999999.9999995, 0.000001, 123456789012.123, 1e21, 1.5e-9, Number.NaN, Number.POSITIVE_INFINITY);
    // Deterministic spread of magnitudes and decimals, negative ones included.
    let x = 7;
    for (let i = 0; i < 5000; i++) {
      x = (x * 48271) % 2147483647;
      const d = [0, 1, 2, 3, 6, 8][i % 6];
      values.push(Math.round((x / 2147483647 - 0.3) * 10 ** (1 + (i % 12)) * 10 ** d) / 10 ** d);
    }
    for (const lang of ['zh-CN', 'en'] as const) {
      const intl = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
      const wrong = values.filter((v) => formatNumber(lang, v) !== intl.format(v));
      expect(wrong).toEqual([]);
    }
  });
});
