import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { procurement, publishedItems, requestOutcomes } from '../../src/query/coreCharts';
import { defaultOrgan, organs } from '../../src/query/organs';
import {
  figureRows,
  fixtureAmountWan,
  fixtureNumber,
  fixtureOutcome,
  fixtureYears,
  OUTCOME_GROUP_KEYS,
  PINGTAN,
  type FixtureRow,
} from '../helpers/fixture';

let reports: Report[];
let rows: FixtureRow[];

beforeAll(() => {
  reports = sampleReports();
  rows = figureRows();
});

describe('sample → reports', () => {
  it('makes one report per organ and year of figures.csv', () => {
    const ids = new Set(rows.map((r) => `${r.agency}|${r.year}`));
    expect(reports).toHaveLength(ids.size);
    expect(reports).toHaveLength(56);
  });

  it('keeps every figure under its canonical key, blank as null', () => {
    let n = 0;
    for (const r of rows) {
      const report = reports.find((x) => x.agency === r.agency && x.year === Number(r.year));
      const cell = report?.cells[`${r.section}.${r.row}.${r.column}`];
      expect(cell, `${r.agency} ${r.year} ${r.section}.${r.row}.${r.column}`).toBeDefined();
      expect(cell?.value).toBe(r.value === '' ? null : Number(r.value));
      n++;
    }
    expect(n).toBe(2141);
  });

  it('keeps each report source and the cells read from elsewhere', () => {
    const pt2019 = reports.find((r) => r.agency === PINGTAN && r.year === 2019);
    expect(pt2019?.source).toMatch(/80576_.*page\.txt@12f00b4$/);
    const other = Object.values(pt2019?.cells ?? {}).filter((c) => c.source !== undefined);
    expect(other).toHaveLength(19); // 19 cells were read from page.html
    expect(other.every((c) => c.source?.includes('page.html'))).toBe(true);
  });

  it('marks 907余条 approximate and keeps the procurement amount with no unit unmarked by a unit', () => {
    const dayu = reports.find((r) => r.agency === '大峪镇人民政府' && r.year === 2020);
    expect(dayu?.cells['headline.published_items.total']).toEqual({ value: 907, unit: '条', note: '原文:907余条', approx: true });
    expect(dayu?.cells['active_2019.central_procurement.procurement_amount']).toEqual({ value: 13.595, note: '疑为万元' });
  });
});

describe('organs', () => {
  it('defaults to the organ with the most years, 平潭综合实验区 (15)', () => {
    expect(defaultOrgan(reports)).toBe(PINGTAN);
    const o = organs(reports)[0];
    expect(o.years).toEqual(fixtureYears(rows, PINGTAN));
    expect(o.years).toHaveLength(15);
    expect(o.level).toBe('区县政府(实验区,全区汇总)');
  });
});

describe('平潭综合实验区: the three charts equal figures.csv', () => {
  it('published items per year, gaps where the total was not stated', () => {
    const data = publishedItems(reports, PINGTAN);
    expect(data.years).toEqual(fixtureYears(rows, PINGTAN));
    const values = data.series[0].points.map((p) => p.value);
    expect(values).toEqual(data.years.map((y) => fixtureNumber(rows, PINGTAN, y, 'headline', 'published_items', 'total')));
    // 2024 and 2025 state only per-channel counts: gaps, not zeros.
    expect(data.series[0].points.slice(-2).map((p) => [p.value, p.flags])).toEqual([
      [null, ['absent']],
      [null, ['absent']],
    ]);
  });

  it('procurement count and 万元 amount; GB2021 years are gaps with a reason', () => {
    const data = procurement(reports, PINGTAN);
    const [projects, amount] = data.series;
    expect(projects.points.map((p) => p.value)).toEqual(
      data.years.map((y) => fixtureNumber(rows, PINGTAN, y, 'active_2019', 'central_procurement', 'procurement_projects')),
    );
    expect(amount.points.map((p) => p.value)).toEqual(data.years.map((y) => fixtureAmountWan(rows, PINGTAN, y)));
    const y2019 = amount.points.find((p) => p.year === 2019);
    expect(y2019).toEqual({ year: 2019, value: 7539.443252, flags: ['converted'], printed: { value: 75394432.52, unit: '元' } });
    for (const p of [...projects.points, ...amount.points].filter((p) => p.year >= 2021)) {
      expect(p).toEqual({ year: p.year, value: null, flags: ['not-in-format'] });
    }
  });

  it('outcome groups and 本年新收 per year', () => {
    const data = requestOutcomes(reports, PINGTAN);
    for (const key of OUTCOME_GROUP_KEYS) {
      const s = data.series.find((x) => x.key === key);
      expect(s?.points.map((p) => p.value), key).toEqual(data.years.map((y) => fixtureOutcome(rows, PINGTAN, y, key)));
    }
    const received = data.series.find((s) => s.key === 'new_received');
    expect(received?.points.map((p) => p.value)).toEqual(
      data.years.map((y) => fixtureNumber(rows, PINGTAN, y, 'requests', 'new_received', 'total')),
    );
    // Before 2019 the reports have no request table: gaps with a reason.
    expect(received?.points.filter((p) => p.year < 2019).every((p) => p.value === null && p.flags[0] === 'not-in-format')).toBe(true);
  });

  it('2020 outcome groups sum to 27 while (七)总计 says 21 (a real publishing error, shown as printed)', () => {
    const data = requestOutcomes(reports, PINGTAN, { from: 2020, to: 2020 });
    const sum = data.series.filter((s) => s.key !== 'new_received').reduce((acc, s) => acc + (s.points[0].value ?? 0), 0);
    expect(sum).toBe(27);
    expect(fixtureNumber(rows, PINGTAN, 2020, 'requests', 'results_total', 'total')).toBe(21);
  });

  it('2021–2025 outcome groups add up to (七)总计', () => {
    const data = requestOutcomes(reports, PINGTAN, { from: 2021 });
    data.years.forEach((y, i) => {
      const sum = data.series.filter((s) => s.key !== 'new_received').reduce((acc, s) => acc + (s.points[i].value ?? NaN), 0);
      expect(sum, String(y)).toBe(fixtureNumber(rows, PINGTAN, y, 'requests', 'results_total', 'total'));
    });
  });

  it('year range narrows the years', () => {
    expect(publishedItems(reports, PINGTAN, { from: 2019, to: 2021 }).years).toEqual([2019, 2020, 2021]);
  });
});

describe('other organs', () => {
  it('上海市人民政府办公厅 2019: blank 总计 column → group values summed from the applicant columns, flagged', () => {
    const data = requestOutcomes(reports, '上海市人民政府办公厅', { from: 2019, to: 2019 });
    const granted = data.series.find((s) => s.key === 'granted')?.points[0];
    // research and public_welfare are blank in the report: counted as 0, and the point says so.
    expect(granted?.flags).toEqual(['derived', 'blank-as-zero']);
    const byColumn = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org'].reduce(
      (s, c) => s + (fixtureNumber(rows, '上海市人民政府办公厅', 2019, 'requests', 'granted', c) ?? 0),
      0,
    );
    expect(granted?.value).toBe(byColumn);
    expect(granted?.value).toBe(272);
    // 予以公开 + 部分公开 = 275, the table figure the prose (258) contradicts.
    const partial = data.series.find((s) => s.key === 'partially_granted')?.points[0];
    expect((granted?.value ?? 0) + (partial?.value ?? 0)).toBe(275);
    expect(fixtureNumber(rows, '上海市人民政府办公厅', 2019, 'requests', 'granted', 'total')).toBeNull();
  });

  it('大峪镇 2020: 907 approximate; amount 13.595 with no unit shown as printed and marked', () => {
    expect(publishedItems(reports, '大峪镇人民政府').series[0].points[0]).toEqual({ year: 2020, value: 907, approx: true, flags: [] });
    const amount = procurement(reports, '大峪镇人民政府').series[1].points[0];
    expect(amount).toEqual({ year: 2020, value: 13.595, flags: ['unit-unknown'], printed: { value: 13.595, unit: undefined } });
  });

  it('an organ with no reports in range gives no years', () => {
    expect(publishedItems(reports, PINGTAN, { from: 2030 }).years).toEqual([]);
  });
});
