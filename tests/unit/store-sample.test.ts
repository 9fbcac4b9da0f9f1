// The sample the first visit writes (src/store/sample.json) is exactly what the importer reads from
// src/sample/figures.csv. After a change of the CSV: UPDATE_SAMPLE=1 npx vitest run tests/unit/store-sample.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleReports as fromCsv } from '../../src/ingest/sample';
import { toStored } from '../../src/store/shape';
import { sampleReports } from '../../src/store/sample';

const file = fileURLToPath(new URL('../../src/store/sample.json', import.meta.url));

describe('built-in sample', () => {
  it('sample.json holds the reports the importer reads from figures.csv, in the stored shape', () => {
    const expected = fromCsv();
    const text = `${JSON.stringify(expected.map(toStored))}\n`;
    if (process.env.UPDATE_SAMPLE === '1') {
      writeFileSync(file, text);
      return;
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(sampleReports()).toEqual(expected);
  });

  it('keeps blank cells, approximate counts, units and sources', () => {
    const cells = sampleReports().flatMap((r) => Object.values(r.cells));
    expect(cells.some((c) => c.value === null)).toBe(true);
    expect(cells.some((c) => c.approx === true)).toBe(true);
    expect(cells.some((c) => c.source !== undefined)).toBe(true);
    expect(sampleReports()).toHaveLength(56);
  });
});
