// Import commit, history, undo, delete, clear, backup/restore and the v1 → v2 migration, against fake-indexeddb.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/ingest/json';
import { backupJson } from '../../src/ingest/json';
import { mergeReports } from '../../src/ingest/plan';
import { sampleReports } from '../../src/ingest/sample';
import type { Report } from '../../src/model/report';
import { dumpBackup, restoreBackup } from '../../src/store/backup';
import { allReports, countReports, loadReports, openStore, organReports, reportKeys, seedSampleOnce, type Db } from '../../src/store/db';
import { clearAll, commitImport, deleteOrgan, deleteReports, listImports, undoLastImport } from '../../src/store/imports';
import { MIGRATIONS, type DashboardDB } from '../../src/store/schema';
import { fromStoredCopy, type StoredReport } from '../../src/model/storedShape';

let db: Db | undefined;
let n = 0;
const fresh = async () => {
  db = await openStore({ name: `store-imports-${++n}` });
  return db;
};
afterEach(() => db?.close());

const PT = '平潭综合实验区';
const report = (year: number, granted: number | null, extra: Partial<Report> = {}): Report => ({
  agency: PT,
  year,
  region: '福建省平潭综合实验区',
  level: '区县政府',
  format: 'GB2021',
  source: 'https://example.org/x',
  cells: { 'requests.granted.total': granted === null ? { value: null, printed: '—' } : { value: granted, unit: '件' } },
  ...extra,
});
const files = [{ name: 'a.csv', kind: 'wide' as const, encoding: 'utf-8', delimiter: ',', rows: 2 }];
const sorted = <T extends { agency: string; year: number }>(rs: T[]) => [...rs].sort((a, b) => a.agency.localeCompare(b.agency) || a.year - b.year);
/** A stored record in the model's shape (plain stored numbers as `{ value }`). */
const model = (s: StoredReport | undefined): Report | undefined => (s === undefined ? undefined : fromStoredCopy(s));

/** Everything in the database, in a comparable form. */
async function dump(d: Db) {
  return {
    reports: sorted(await d.getAll('reports')),
    imports: await d.getAll('imports'),
    seeded: await d.get('meta', 'sampleSeededAt'),
  };
}

describe('commit', () => {
  it('adds, replaces and skips in one transaction, and records what it overwrote', async () => {
    const d = await fresh();
    await commitImport(d, [report(2021, 30), report(2022, 5)], { files, problems: 0, keepExisting: false });
    const rec = await commitImport(d, [report(2021, 31), report(2022, 5), report(2023, null)], { files, problems: 2, keepExisting: false });
    expect(rec.counts).toEqual({ added: 1, replaced: 1, skipped: 1, problems: 2 });
    expect(rec.added).toEqual([{ agency: PT, year: 2023 }]);
    expect(rec.replaced).toEqual([report(2021, 30)]);
    expect((await d.get('reports', [PT, 2021]))?.cells['requests.granted.total']).toEqual({ value: 31, unit: '件' });
    expect((await listImports(d)).map((r) => r.id)).toHaveLength(2);
  });

  it('keep existing: conflicts are skipped, new reports still added', async () => {
    const d = await fresh();
    await commitImport(d, [report(2021, 30)], { files, problems: 0, keepExisting: false });
    const rec = await commitImport(d, [report(2021, 99), report(2024, 1)], { files, problems: 0, keepExisting: true });
    expect(rec.counts).toEqual({ added: 1, replaced: 0, skipped: 1, problems: 0 });
    expect(model(await d.get('reports', [PT, 2021]))?.cells['requests.granted.total'].value).toBe(30);
  });

  it('merge: the incoming cells are laid over the stored report; undo gives the stored report back', async () => {
    const d = await fresh();
    const stored = report(2021, 30, { cells: { 'requests.granted.total': { value: 30, unit: '件' }, 'requests.new_received.total': { value: 70, unit: '件' } } });
    await commitImport(d, [stored], { files, problems: 0, keepExisting: false });
    const incoming = report(2021, 31, { region: '', source: '' });
    const rec = await commitImport(d, [incoming], { files, problems: 0, keepExisting: false, combine: mergeReports });
    expect(rec.counts).toEqual({ added: 0, replaced: 1, skipped: 0, problems: 0 });
    expect(await d.get('reports', [PT, 2021])).toEqual({
      ...stored,
      cells: { 'requests.granted.total': { value: 31, unit: '件' }, 'requests.new_received.total': { value: 70, unit: '件' } },
    });
    // merging what is already there changes nothing: skipped, not replaced
    expect((await commitImport(d, [incoming], { files, problems: 0, keepExisting: false, combine: mergeReports })).counts.skipped).toBe(1);
    await undoLastImport(d);
    await undoLastImport(d);
    expect(await d.get('reports', [PT, 2021])).toEqual(stored);
  });

  it('a failing write aborts everything: the store is exactly as before', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    const before = await dump(d);
    // NaN is no valid IndexedDB key: the put fails after others in the same transaction succeeded.
    const bad = report(Number.NaN, 1);
    await expect(commitImport(d, [report(2030, 1), bad, report(2031, 1)], { files, problems: 0, keepExisting: false })).rejects.toThrow();
    expect(await dump(d)).toEqual(before);
  });
});

describe('undo', () => {
  it('undoing the last import restores exactly what it replaced and removes what it added', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    const before = await dump(d);
    const old2021 = (await d.get('reports', [PT, 2021])) as StoredReport;
    await commitImport(d, [report(2021, 999), report(2040, 1)], { files, problems: 0, keepExisting: false });
    expect(model(await d.get('reports', [PT, 2021]))?.cells['requests.granted.total'].value).toBe(999);
    const undone = await undoLastImport(d);
    expect(undone?.counts).toEqual({ added: 1, replaced: 1, skipped: 0, problems: 0 });
    expect(await d.get('reports', [PT, 2021])).toEqual(old2021);
    expect(await dump(d)).toEqual(before);
    expect(await undoLastImport(d)).toBeUndefined();
  });

  it('undoes the latest of several imports only', async () => {
    const d = await fresh();
    await commitImport(d, [report(2021, 1)], { files, problems: 0, keepExisting: false });
    await commitImport(d, [report(2021, 2)], { files, problems: 0, keepExisting: false });
    await undoLastImport(d);
    expect(model(await d.get('reports', [PT, 2021]))?.cells['requests.granted.total'].value).toBe(1);
    expect(await listImports(d)).toHaveLength(1);
  });
});

describe('delete and clear', () => {
  it('deletes one report, then a whole organ', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    expect(await deleteReports(d, [{ agency: PT, year: 2025 }])).toBe(1);
    expect((await allReports(d)).filter((r) => r.agency === PT)).toHaveLength(14);
    expect(await deleteOrgan(d, PT)).toBe(14);
    expect((await allReports(d)).filter((r) => r.agency === PT)).toHaveLength(0);
    expect(await allReports(d)).toHaveLength(56 - 15);
  });

  it('clear all removes reports and history but keeps the seeded flag, so the sample does not come back', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    await commitImport(d, [report(2040, 1)], { files, problems: 0, keepExisting: false });
    await clearAll(d);
    expect(await allReports(d)).toEqual([]);
    expect(await listImports(d)).toEqual([]);
    expect(await seedSampleOnce(d, async () => sampleReports())).toBe(0);
  });
});

describe('backup', () => {
  it('dump → JSON → validate → clear → restore gives back the same database', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    await commitImport(d, [report(2021, 999), report(2040, null, { formatNote: 'x' })], { files, problems: 3, keepExisting: false });
    const before = await dump(d);
    const text = backupJson(await dumpBackup(d));
    const parsed = parseJsonText(text, 'backup.json');
    expect(parsed.problems).toEqual([]);
    expect(parsed.kind).toBe('backup');
    await clearAll(d);
    if (!parsed.backup) throw new Error('no backup');
    await restoreBackup(d, parsed.backup);
    expect(await dump(d)).toEqual(before);
    // and the restored history still undoes exactly
    await undoLastImport(d);
    expect((await d.get('reports', [PT, 2021]))?.cells['requests.granted.total']).toEqual({ value: 30, unit: '件' });
  });
});

describe('migration', () => {
  it('a version-1 database opens at the current version with its reports kept and an empty history', async () => {
    const name = `store-migrate-${++n}`;
    const v1 = await openDB<DashboardDB>(name, 1, { upgrade: (database, _o, _n, tx) => void MIGRATIONS[0](database, tx) });
    await v1.put('reports', report(2021, 30));
    v1.close();
    db = await openStore({ name });
    expect(db.version).toBe(3);
    expect(await allReports(db)).toEqual([report(2021, 30)]);
    expect(await listImports(db)).toEqual([]);
  });

  it('2 → 3 stores plain cells as numbers and keeps every other cell, every absent key and the history', async () => {
    const name = `store-migrate-${++n}`;
    const v2 = await openDB<DashboardDB>(name, 2, {
      upgrade: (database, _o, _n, tx) => {
        void MIGRATIONS[0](database, tx);
        void MIGRATIONS[1](database, tx);
      },
    });
    const cells: Report['cells'] = {
      'requests.granted.total': { value: 30 },
      'requests.granted.natural_person': { value: 0 },
      'requests.denied_state_secret.total': { value: null },
      'requests.new_received.total': { value: null, printed: '—' },
      'headline.published_items.total': { value: 907, approx: true, note: '原文:907余条' },
      'active_2019.central_procurement.procurement_amount': { value: 251000, unit: '元' },
      'review.admin_review.total': { value: 3, source: 'https://example.org/page.html' },
      'requests.partially_granted.total': { value: 1.5 },
    };
    const v2Report = report(2020, null, { cells, formatNote: 'x' });
    // A version-2 record as version 2 wrote it: every cell an object, undefined properties left in.
    const withUndefined = { ...v2Report, cells: { ...cells, 'requests.carried_over.total': { value: 4, unit: undefined } } } as unknown as StoredReport;
    await v2.put('reports', withUndefined);
    await v2.put('reports', report(2021, 30) as unknown as StoredReport);
    const history = { id: '2024-01-01T00:00:00.000Z#000', at: '2024-01-01T00:00:00.000Z', files, counts: { added: 0, replaced: 1, skipped: 0, problems: 0 }, added: [], replaced: [v2Report as unknown as StoredReport] };
    await v2.put('imports', history);
    v2.close();

    db = await openStore({ name });
    expect(db.version).toBe(3);
    const raw = (await db.get('reports', [PT, 2020])) as StoredReport;
    expect(raw.cells).toEqual({
      'requests.granted.total': 30,
      'requests.granted.natural_person': 0,
      'requests.denied_state_secret.total': { value: null },
      'requests.new_received.total': { value: null, printed: '—' },
      'headline.published_items.total': { value: 907, approx: true, note: '原文:907余条' },
      'active_2019.central_procurement.procurement_amount': { value: 251000, unit: '元' },
      'review.admin_review.total': { value: 3, source: 'https://example.org/page.html' },
      'requests.partially_granted.total': 1.5,
      'requests.carried_over.total': 4,
    });
    expect(raw.formatNote).toBe('x');
    // Read through the store, the meaning is the version-2 record's: same cells, same absent keys.
    const read = await allReports(db);
    expect(read.find((r) => r.year === 2020)).toEqual({ ...v2Report, cells: { ...cells, 'requests.carried_over.total': { value: 4 } } });
    expect(read.find((r) => r.year === 2021)).toEqual(report(2021, 30));
    expect('requests.results_total.total' in (read.find((r) => r.year === 2020) as Report).cells).toBe(false);
    const [rec] = await db.getAll('imports');
    expect(rec.replaced[0].cells['requests.granted.total']).toBe(30);
    expect((await listImports(db))[0].replaced).toEqual([v2Report]);
    // and undo still puts back exactly the report as it was
    await undoLastImport(db);
    expect((await allReports(db)).find((r) => r.year === 2020)).toEqual(v2Report);
  });
});

describe('compact shape and loading', () => {
  it('stores plain cells as numbers; blank, approximate and unit cells as objects; reads the model back', async () => {
    const d = await fresh();
    const r = report(2021, 30, {
      cells: {
        'requests.granted.total': { value: 30 },
        'requests.new_received.total': { value: null, printed: '/' },
        'headline.published_items.total': { value: 300, approx: true },
        'requests.denied_state_secret.total': { value: 0 },
      },
    });
    await commitImport(d, [r], { files, problems: 0, keepExisting: false });
    const raw = (await d.get('reports', [PT, 2021])) as StoredReport;
    expect(raw.cells).toEqual({
      'requests.granted.total': 30,
      'requests.new_received.total': { value: null, printed: '/' },
      'headline.published_items.total': { value: 300, approx: true },
      'requests.denied_state_secret.total': 0,
    });
    expect(await allReports(d)).toEqual([r]);
  });

  it('plain cells read back are shared and frozen: nothing can change one report through another', async () => {
    const d = await fresh();
    await commitImport(d, [report(2021, 7, { cells: { 'requests.granted.total': { value: 7 } } }), report(2022, 7, { cells: { 'requests.granted.total': { value: 7 } } })], {
      files,
      problems: 0,
      keepExisting: false,
    });
    const [a, b] = await allReports(d);
    expect(a.cells['requests.granted.total']).toBe(b.cells['requests.granted.total']);
    expect(Object.isFrozen(a.cells['requests.granted.total'])).toBe(true);
  });

  it('loads every report in chunks, in key order, the same as one getAll; keys and one organ without reading all', async () => {
    const d = await fresh();
    await seedSampleOnce(d, async () => sampleReports());
    const seen: number[] = [];
    const chunked = await loadReports(d, (k) => seen.push(k), 7);
    expect(chunked).toEqual(await allReports(d));
    expect(seen).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 56]);
    expect((await reportKeys(d)).length).toBe(56);
    expect((await reportKeys(d)).filter((k) => k.agency === PT).map((k) => k.year)).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(await organReports(d, PT)).toEqual(chunked.filter((r) => r.agency === PT));
  });

  it('a commit tells what it wrote: added and replaced records as stored, not the skipped ones', async () => {
    const d = await fresh();
    await commitImport(d, [report(2021, 30), report(2022, 5)], { files, problems: 0, keepExisting: false });
    let written: readonly Report[] = [];
    await commitImport(d, [report(2021, 31), report(2022, 5), report(2023, 1)], { files, problems: 0, keepExisting: false, onCommitted: (w) => (written = w) });
    expect(written).toEqual([report(2021, 31), report(2023, 1)]);
    let merged: readonly Report[] = [];
    const extra = report(2021, 40, { cells: { 'requests.new_received.total': { value: 2 } } });
    await commitImport(d, [extra], { files, problems: 0, keepExisting: false, combine: mergeReports, onCommitted: (w) => (merged = w) });
    expect(merged).toEqual([model(await d.get('reports', [PT, 2021]))]);
    expect(Object.keys(merged[0].cells).sort()).toEqual(['requests.granted.total', 'requests.new_received.total']);
  });

  it('a commit in many steps tells added, replaced and skipped apart wherever they fall, listed in the order they came', async () => {
    const d = await fresh();
    const organ = (i: number) => `机构-${String(i).padStart(4, '0')}`;
    const make = (i: number, v: number) => report(2020, v, { agency: organ(i) });
    // Stored: every third organ.
    await commitImport(d, Array.from({ length: 300 }, (_, k) => make(k * 3, 1)), { files, problems: 0, keepExisting: false });
    // Incoming, in reverse order: 900 organs; stored ones changed when divisible by 6, the same otherwise.
    const incoming = Array.from({ length: 900 }, (_, k) => 899 - k).map((i) => make(i, i % 3 === 0 && i % 6 === 0 ? 2 : 1));
    let written: readonly Report[] = [];
    const rec = await commitImport(d, incoming, { files, problems: 0, keepExisting: false, onCommitted: (w) => (written = w) });
    expect(rec.counts).toEqual({ added: 600, replaced: 150, skipped: 150, problems: 0 });
    expect(rec.added.map((k) => k.agency)).toEqual(incoming.filter((r) => Number(r.agency.slice(3)) % 3 !== 0).map((r) => r.agency));
    expect(rec.replaced.map((r) => r.agency)).toEqual(incoming.filter((r) => Number(r.agency.slice(3)) % 6 === 0).map((r) => r.agency));
    expect(written.map((r) => r.agency)).toEqual(incoming.filter((r) => Number(r.agency.slice(3)) % 6 !== 3).map((r) => r.agency));
    expect(await countReports(d)).toBe(900);
    await undoLastImport(d);
    expect(await countReports(d)).toBe(300);
    expect((await allReports(d)).every((r) => r.cells['requests.granted.total'].value === 1)).toBe(true);
  });

  it('a large commit is written in steps of one transaction: all of it, or nothing when a put fails', async () => {
    const d = await fresh();
    const many = Array.from({ length: 600 }, (_, i) => report(1000 + i, i));
    await commitImport(d, many, { files, problems: 0, keepExisting: false });
    expect(await countReports(d)).toBe(600);
    const bad = [...Array.from({ length: 600 }, (_, i) => report(3000 + i, i)), report(Number.NaN, 1)];
    await expect(commitImport(d, bad, { files, problems: 0, keepExisting: false })).rejects.toThrow();
    expect(await countReports(d)).toBe(600);
  });
});
