// The sample the first visit writes (src/store/sample.json) is exactly what the importer reads from
// src/sample/figures.csv. After a change of the CSV: UPDATE_SAMPLE=1 npx vitest run tests/unit/store-sample.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report';
import { samplePublished, sampleReports as fromCsv } from '../../src/ingest/sample';
import { packSample, sampleReports, unpackSample } from '../../src/store/sample';

const file = fileURLToPath(new URL('../../src/store/sample.json', import.meta.url));

describe('built-in sample', () => {
  it('sample.json holds the reports the importer reads from figures.csv, in the stored shape', () => {
    const expected = fromCsv();
    const text = `${JSON.stringify(packSample(expected))}\n`;
    if (process.env.UPDATE_SAMPLE === '1') {
      writeFileSync(file, text);
      return;
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(sampleReports()).toEqual(expected);
  });

  it('every publication date of the sample is the one its report page states', () => {
    const dates = samplePublished();
    expect(dates.length).toBe(21);
    for (const d of dates) {
      const text = readFileSync(fileURLToPath(new URL(`../fixtures/texts/${d.text}`, import.meta.url)), 'utf8');
      const stated = /(?:发布时间|发布日期)[:：]\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
      expect([d.agency, d.year, stated]).toEqual([d.agency, d.year, d.published]);
    }
    const reports = fromCsv();
    expect(reports.filter((r) => r.published).length).toBe(21);
    expect(reports.find((r) => r.agency === '平潭综合实验区' && r.year === 2020)?.published).toBe('2021-03-05');
  });

  it('packs and unpacks every kind of cell the same', () => {
    const r = fromCsv()[0];
    const cells: Report['cells'] = {
      'requests.granted.total': { value: 3 },
      'requests.denied_state_secret.total': { value: null },
      'requests.new_received.total': { value: null, printed: '—' },
      'requests.carried_over.total': { value: 5, unit: '件' },
      'requests.results_total.total': { value: null, unit: '件' },
      'headline.published_items.total': { value: 907, approx: true, unit: '条', note: '原文:907余条' },
      'review.admin_review.total': { value: 1.5, source: 'https://example.org/p.html' },
    };
    expect(unpackSample(packSample([{ ...r, cells }]))).toEqual([{ ...r, cells }]);
  });

  it('keeps blank cells, approximate counts, units and sources', () => {
    const cells = sampleReports().flatMap((r) => Object.values(r.cells));
    expect(cells.some((c) => c.value === null)).toBe(true);
    expect(cells.some((c) => c.approx === true)).toBe(true);
    expect(cells.some((c) => c.source !== undefined)).toBe(true);
    expect(sampleReports()).toHaveLength(56);
  });
});
