// The folder rules of the design, held by reading every import of src/: the display half runs one way, and these
// rules cannot erode without this test saying where. See the folders table in the README ("Layout").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

interface Import {
  file: string;
  /** The folder of src/ the importing file is in. */
  from: string;
  /** The folder of src/ imported, or the package name. */
  to: string;
  spec: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|svelte)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).split('/')[0];
  const out: Import[] = [];
  // Static imports and re-exports (`import type` / `export type` marked), and dynamic import().
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)) {
    const spec = m[2] ?? m[3];
    const to = spec.startsWith('.') ? relative(SRC, join(dirname(file), spec)).split('/')[0] : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    out.push({ file: relative(SRC, file), from, to, spec, typeOnly: m[1] !== undefined });
  }
  return out;
}

const all = files(SRC).flatMap(importsOf);
const where = (list: Import[]) => list.map((i) => `${i.file} → ${i.spec}`);

describe('folder rules', () => {
  it('reads the imports of every source file', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((i) => i.from === 'ui' && i.to === 'state')).toBe(true);
  });

  it('model imports nothing of ours', () => {
    expect(where(all.filter((i) => i.from === 'model' && i.spec.startsWith('.') && i.to !== 'model'))).toEqual([]);
  });

  it('only store imports idb', () => {
    expect(where(all.filter((i) => i.to === 'idb' && i.from !== 'store'))).toEqual([]);
  });

  it('ui never runs ingest or store code (it may name the shapes they produce, with import type)', () => {
    expect(where(all.filter((i) => i.from === 'ui' && (i.to === 'ingest' || i.to === 'store') && !i.typeOnly))).toEqual([]);
  });

  it('figures, query, charts and share are pure: no store, ingest, state, UI, Svelte or database', () => {
    const pure = new Set(['figures', 'query', 'charts', 'share']);
    const never = new Set(['store', 'ingest', 'state', 'ui', 'svelte', 'idb']);
    expect(where(all.filter((i) => pure.has(i.from) && never.has(i.to)))).toEqual([]);
  });

  it('the figure catalogue and queries never draw: no ECharts', () => {
    expect(where(all.filter((i) => (i.from === 'figures' || i.from === 'query' || i.from === 'share') && i.to === 'echarts'))).toEqual([]);
  });

  it('checks know nothing of the page: no UI, state, figures or ECharts', () => {
    const never = new Set(['ui', 'state', 'figures', 'echarts', 'svelte']);
    expect(where(all.filter((i) => i.from === 'checks' && never.has(i.to)))).toEqual([]);
  });

  it('views only render: a view component imports figures and state, never a query or an option builder', () => {
    const views = all.filter((i) => i.file.startsWith('ui/views/'));
    expect(views.length).toBeGreaterThan(0);
    expect(where(views.filter((i) => i.to === 'charts' && !i.spec.endsWith('legendScroll')))).toEqual([]);
    expect(where(views.filter((i) => i.to === 'query' && !i.typeOnly))).toEqual([]);
  });
});
