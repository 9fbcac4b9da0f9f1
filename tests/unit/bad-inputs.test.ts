// Broken and hostile input, one file per case (tests/fixtures/bad/, written by make.ts; the three large cases made
// by large.ts; the bad published documents of tests/fixtures/documents/bad join them). Each file is read the way the
// import worker reads it (readSource: routed by content), and the table holds what must come back: how many reports
// could still be imported, and every problem with file, row, column and the words the person reads. Reading never
// writes: the store, seeded with the sample, dumps the same before and after the whole corpus, and nothing reaches
// Object.prototype.
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToHtml } from '../../src/ingest/document/docx';
import type { FrontEnds } from '../../src/ingest/document/extract';
import { readPdfNode } from '../../src/ingest/document/pdf/node';
import { readXlsx } from '../../src/ingest/document/xlsx';
import { bytesSource } from '../../src/ingest/encoding';
import { buildPlan } from '../../src/ingest/plan';
import { readSource } from '../../src/ingest/read';
import { sampleReports } from '../../src/ingest/sample';
import type { FileResult } from '../../src/ingest/types';
import { reportId, type Report } from '../../src/model/report';
import { allReports, openStore, seedSampleOnce, type Db } from '../../src/store/db';
import { CASES, type Listed } from '../fixtures/bad/cases';
import { LARGE, type LargeName } from '../fixtures/bad/large';

const BAD = 'tests/fixtures/bad/';
const DOCS = 'tests/fixtures/documents/bad/';
const frontEnds: FrontEnds = { pdf: (b, n) => readPdfNode(b, n), docx: (b) => docxToHtml(b), xlsx: (b, n) => readXlsx(b, n) };

function bytesOf(name: string): Uint8Array {
  if (name in LARGE) return LARGE[name as LargeName]();
  const dir = readdirSync(BAD).includes(name) ? BAD : DOCS;
  return new Uint8Array(readFileSync(`${dir}${name}`));
}

let db: Db;
let before: Record<string, unknown[]>;
let existing: Map<string, Report>;

async function dump(d: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ['reports', 'imports', 'meta'] as const) {
    const tx = d.transaction(name);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  return out;
}

beforeAll(async () => {
  db = await openStore({ name: 'bad-inputs' });
  await seedSampleOnce(db, async () => sampleReports());
  before = await dump(db);
  existing = new Map((await allReports(db)).map((r): [string, Report] => [reportId(r.agency, r.year), r]));
});

afterAll(() => db.close());

describe('the corpus', () => {
  it('has at least 40 files of its own, each named after its case and each in the table; the bad documents join it', () => {
    const own = readdirSync(BAD).filter((f) => !f.endsWith('.ts'));
    expect(own.length).toBeGreaterThanOrEqual(40);
    const listed = [...own, ...Object.keys(LARGE), ...readdirSync(DOCS)].sort();
    expect(Object.keys(CASES).sort()).toEqual(listed);
  });
});

describe('each broken or hostile file: its answer within seconds, the words the person reads, nothing written', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const expected = CASES[name];
    const started = performance.now();
    const r: FileResult = await readSource(bytesSource(name, bytesOf(name)), {}, frontEnds, () => {});
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.file).toBe(name);
    expect(r.reports).toHaveLength(expected.reports);
    expect(r.problemsTotal).toBe(expected.problems.length);
    const words = (zh: string | RegExp) => (typeof zh === 'string' ? zh : expect.stringMatching(zh));
    expect(r.problems.map((p): Listed => [p.code, p.row, p.column, p.zh])).toEqual(expected.problems.map(([c, row, col, zh]) => [c, row, col, words(zh)]));
    for (const p of r.problems) {
      expect(p.file).toBe(name);
      expect(p.en.length).toBeGreaterThan(10);
      // A message quotes the file, never copies it: the longest one here is a few hundred characters.
      expect(p.zh.length).toBeLessThan(400);
    }
    // No report of a refused line slipped through: every report read has its organ, year and at least one figure.
    for (const rep of r.reports) {
      expect(Object.getPrototypeOf(rep.cells)).toBe(Object.prototype);
      expect(Object.keys(rep.cells).length).toBeGreaterThan(0);
    }
    // What the review would do: a file that gives no report leaves nothing to import.
    const plan = buildPlan([r], existing);
    expect(plan.reports).toHaveLength(expected.reports);
    if (expected.reports === 0) expect(plan.added + plan.replacing.length).toBe(0);
    expect(await dump(db)).toEqual(before);
  });

  it('the 60,000-column header: every column accounted for, 59,998 waiting for a decision, read in well under 5 s', async () => {
    const started = performance.now();
    const r = await readSource(bytesSource('columns-60000.csv', LARGE['columns-60000.csv']()), {}, frontEnds, () => {});
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.columns).toHaveLength(60_000);
    expect(r.columns.filter((c) => c.role === 'unknown')).toHaveLength(59_998);
    // Skipping them all (the review's one button) is one more reading of the same size.
    const mappings = Object.fromEntries(r.columns.filter((c) => c.role === 'unknown').map((c) => [c.index, null]));
    const skipped = await readSource(bytesSource('columns-60000.csv', LARGE['columns-60000.csv']()), { mappings }, frontEnds, () => {});
    expect(skipped.columns.filter((c) => c.role === 'unknown')).toEqual([]);
    expect(skipped.problems.map((p) => p.code)).toEqual(['no-figures']);
  });

  it('no key of any file reached Object.prototype, and the store is exactly as it was', async () => {
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dump(db)).toEqual(before);
  });
});
