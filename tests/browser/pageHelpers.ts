// Page helpers shared by the browser tests: open the app, read IndexedDB with the raw API, read chart tables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';

export const WAIT = { timeout: 15_000 };

/** A cell as stored: a plain number, or an object with `value` when the cell says more (blank, unit, approx…). */
export type StoredCell = number | { value: number | null; unit?: string; approx?: boolean };

export interface StoredReport {
  agency: string;
  year: number;
  format: string;
  source: string;
  cells: Record<string, StoredCell>;
}

/** The value of a stored cell, whichever shape it is stored in; undefined for an absent cell. */
export function storedValue(cell: StoredCell | undefined): number | null | undefined {
  if (cell === undefined) return undefined;
  return typeof cell === 'number' ? cell : cell.value;
}

export async function openApp(context: BrowserContext, url: string, ready = 'figure canvas'): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector(ready, WAIT);
  expect(errors).toEqual([]);
  return page;
}

/** Every stored record, read with the raw IndexedDB API (not through the app's code). */
export async function dumpReports(page: Page): Promise<StoredReport[]> {
  return page.evaluate(
    () =>
      new Promise<StoredReport[]>((resolve, reject) => {
        const req = indexedDB.open('disclosure-report-dashboard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('reports').objectStore('reports').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Count of painted (non-white, non-transparent) pixels on each chart canvas. */
export async function paintedPixels(page: Page, figureId: string): Promise<number> {
  return page.$eval(`figure#${figureId} canvas`, (canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = (c.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++;
    return n;
  });
}

/** The table view of a figure as { year: { series: value } }, read from the rendered <table>. */
export async function tableValues(page: Page, figureId: string): Promise<Record<string, Record<string, number | null>>> {
  const fig = page.locator(`figure#${figureId}`);
  if ((await fig.locator('table').count()) === 0) await fig.getByRole('button', { name: /数据表|data table/ }).click();
  await fig.locator('table tbody tr').first().waitFor(WAIT);
  return fig.locator('table tbody tr').evaluateAll((trs) => {
    const out: Record<string, Record<string, number | null>> = {};
    for (const tr of trs) {
      const year = tr.querySelector('th')?.textContent?.trim() ?? '';
      out[year] = {};
      for (const td of tr.querySelectorAll('td')) {
        const v = td.getAttribute('data-value') ?? '';
        out[year][td.getAttribute('data-series') ?? ''] = v === '' ? null : Number(v);
      }
    }
    return out;
  });
}


/** Writes records straight into the store (as another tool or a user's earlier import would have). */
export async function putRaw(page: Page, reports: StoredReport[]): Promise<void> {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('disclosure-report-dashboard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('reports', 'readwrite');
          for (const r of list) tx.objectStore('reports').put(r);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    reports,
  );
}

/** Every store of the database as [key, value] pairs: compare two dumps to prove nothing changed. */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('disclosure-report-dashboard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const store = tx.objectStore(name);
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              out[name] = keys.result.map((k, i) => [k, values.result[i]]);
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}


export interface InputFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Drops files on the page the way a drag from the desktop does: a drop event carrying a DataTransfer. */
export async function drop(page: Page, files: InputFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, bytes: [...f.buffer] }));
  const dt = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    return transfer;
  }, payload);
  await page.evaluate((dataTransfer) => {
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
  }, dt);
}

/** Opens a chart's export menu (PNG, SVG, CSV, copy), whether or not it is open already. */
export async function openExport(page: Page, figureId: string): Promise<void> {
  await page.locator(`figure#${figureId} details.export`).evaluate((d) => ((d as HTMLDetailsElement).open = true));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Serious and critical accessibility violations on the page as it is now, found by axe-core injected into the page
 * (through the debugging protocol, which the page's Content-Security-Policy does not apply to).
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeViolation[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${source}\n;void 0`);
  const found = await page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['body']], exclude: exclude.map((e) => [e]) }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, options.exclude ?? []);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
