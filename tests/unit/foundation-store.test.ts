// The store against fake-indexeddb in Node (fast); the real-Chromium proof is tests/browser/foundation.test.ts.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReports } from '../../src/ingest/sample';
import { allReports, countReports, deleteReport, openStore, restoreSample, seedSampleOnce, type Db } from '../../src/store/db';

let db: Db | undefined;
let n = 0;
const fresh = () => openStore({ name: `test-${++n}` });

afterEach(() => db?.close());

describe('store', () => {
  it('seeds the sample once, one record per report, cells keyed section.row.column', async () => {
    db = await fresh();
    expect(await seedSampleOnce(db, async () => sampleReports())).toBe(56);
    expect(await countReports(db)).toBe(56);
    const rec = await db.get('reports', ['平潭综合实验区', 2021]);
    expect(rec?.cells['requests.granted.total']).toEqual({ value: 30, unit: '件' });
    expect(await seedSampleOnce(db, async () => sampleReports())).toBe(0);
  });

  it('never re-seeds over what the user deleted; restore puts the sample back', async () => {
    db = await fresh();
    await seedSampleOnce(db, async () => sampleReports());
    await deleteReport(db, '平潭综合实验区', 2025);
    let loads = 0;
    expect(
      await seedSampleOnce(db, async () => {
        loads++;
        return sampleReports();
      }),
    ).toBe(0);
    expect(loads).toBe(0);
    expect(await countReports(db)).toBe(55);
    expect(await restoreSample(db, sampleReports())).toBe(56);
    expect((await allReports(db)).filter((r) => r.agency === '平潭综合实验区')).toHaveLength(15);
  });
});
