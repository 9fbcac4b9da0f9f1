// A chart snapshot inside a link: the view plus exactly the cells its chart reads, compressed (deflate-raw via
// CompressionStream) and base64url-encoded. Decoding is schema-validated: a tampered link is an error, nothing else.
import * as v from 'valibot';
import { FORMAT_IDS, type Cell, type Report } from '../model/report';
import { isKnownKey } from '../model/vocabulary';
import { fromBase64Url, toBase64Url } from './base64url';

/** 2 added the chart's ⚠ marks; links of version 1 still open. */
export const SNAPSHOT_VERSION = 2;
/** A link longer than this may be cut by chat tools and mail clients: offer the view-only link instead. */
export const MAX_LINK_LENGTH = 2000;

/** A year's ⚠ mark as the sender's chart showed it (the same shape as the charts' year marks). */
export interface SharedMark {
  year: number;
  severity: 'error' | 'warning';
  rules: string[];
  /** One line per finding, in the sender's language. */
  lines: string[];
}

export interface Snapshot {
  /** The view's hash (without the snapshot itself). */
  view: string;
  /** The figure the link was made from (its element id). */
  chart: string;
  /** ISO date the link was made. */
  made: string;
  reports: Report[];
  /** The ⚠ marks of the chart's years as the sender saw them: the recipient cannot check a chart's cells alone. */
  marks?: SharedMark[];
}

/**
 * Compact wire form: strings (agencies, keys, units, sources, regions, levels) listed once and referred to by index;
 * a cell is [keyIndex, value|null, unitIndex?, approx?] with trailing defaults dropped.
 */
type WireCell = [number, number | null] | [number, number | null, number] | [number, number | null, number, 1];
interface Wire {
  v: number;
  view: string;
  chart: string;
  made: string;
  s: string[];
  r: [agency: number, year: number, format: number, region: number, level: number, source: number, cells: WireCell[]][];
  /** Marks: year, 1 for an error (0 a warning), rule strings, line strings. */
  m?: [year: number, error: 0 | 1, rules: number[], lines: number[]][];
}

const Index = v.pipe(v.number(), v.integer(), v.minValue(-1));
const WireSchema = v.object({
  v: v.union([v.literal(1), v.literal(SNAPSHOT_VERSION)]),
  view: v.pipe(v.string(), v.maxLength(4000)),
  chart: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/)),
  made: v.pipe(v.string(), v.isoTimestamp()),
  s: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(5000)),
  r: v.pipe(
    v.array(
      v.strictTuple([
        Index,
        v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
        v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(FORMAT_IDS.length - 1)),
        Index,
        Index,
        Index,
        v.array(
          v.union([
            // Strict: a plain tuple would match a longer cell and silently drop its unit or approx flag.
            v.strictTuple([Index, v.nullable(v.number())]),
            v.strictTuple([Index, v.nullable(v.number()), Index]),
            v.strictTuple([Index, v.nullable(v.number()), Index, v.literal(1)]),
          ]),
        ),
      ]),
    ),
    v.maxLength(2000),
  ),
  m: v.optional(
    v.pipe(
      v.array(
        v.strictTuple([
          v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
          v.union([v.literal(0), v.literal(1)]),
          v.pipe(v.array(Index), v.maxLength(50)),
          v.pipe(v.array(Index), v.maxLength(200)),
        ]),
      ),
      v.maxLength(200),
    ),
  ),
});

function toWire(s: Snapshot): Wire {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const ref = (text: string | undefined): number => {
    if (text === undefined || text === '') return -1;
    let i = at.get(text);
    if (i === undefined) {
      i = strings.push(text) - 1;
      at.set(text, i);
    }
    return i;
  };
  const r = s.reports.map((rep): Wire['r'][number] => [
    ref(rep.agency),
    rep.year,
    FORMAT_IDS.indexOf(rep.format),
    ref(rep.region),
    ref(rep.level),
    ref(rep.source),
    Object.entries(rep.cells)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, c]): WireCell => {
        const k = ref(key);
        if (c.approx) return [k, c.value, ref(c.unit), 1];
        if (c.unit) return [k, c.value, ref(c.unit)];
        return [k, c.value];
      }),
  ]);
  const wire: Wire = { v: SNAPSHOT_VERSION, view: s.view, chart: s.chart, made: s.made, s: strings, r };
  if (s.marks && s.marks.length > 0) {
    wire.m = s.marks.map((m) => [m.year, m.severity === 'error' ? 1 : 0, m.rules.map(ref), m.lines.map(ref)]);
  }
  return wire;
}

/**
 * Why a snapshot could not be read, for the message the recipient sees: a link far longer than any this dashboard
 * makes, characters no base64url link has, a stream that does not decompress (a cut link), more bytes than a chart
 * holds, no JSON, another format version, numbers or shapes the format forbids.
 */
export type SnapshotProblem = 'too-long' | 'encoding' | 'compression' | 'too-large' | 'json' | 'version' | 'schema';

export class SnapshotError extends Error {
  constructor(
    readonly reason: SnapshotProblem = 'schema',
    message: string = reason,
    /** What was found and what is allowed: the length or size against the limit, the version against the one known. */
    readonly found?: number,
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Characters of the snapshot text read at most: the dashboard makes links of up to MAX_LINK_LENGTH. */
export const MAX_SNAPSHOT_CHARS = 16 * MAX_LINK_LENGTH;
/** Bytes a snapshot may decompress to: a chart's cells are a few kilobytes; a small link may be a deflate bomb. */
export const MAX_SNAPSHOT_BYTES = 2_000_000;

function fromWire(w: v.InferOutput<typeof WireSchema>): Snapshot {
  const str = (i: number, what: string): string => {
    if (i === -1) return '';
    const t = w.s[i];
    if (t === undefined) throw new SnapshotError('schema', `${what}: index ${i} out of range`);
    return t;
  };
  const reports = w.r.map(([a, year, f, region, level, source, cells]): Report => {
    const agency = str(a, 'agency');
    if (agency === '') throw new SnapshotError('schema', 'report without organ');
    const out: Record<string, Cell> = {};
    for (const [k, value, u, approx] of cells) {
      const key = str(k, 'key');
      if (!isKnownKey(key)) throw new SnapshotError('schema', `unknown figure ${key}`);
      // The same rules as a file's cells: finite numbers, and no negative count but a year's change.
      if (value !== null && !Number.isFinite(value)) throw new SnapshotError('schema', `${key}: ${value} is not a finite number`);
      if (value !== null && value < 0 && !key.endsWith('.change_this_year')) throw new SnapshotError('schema', `${key}: ${value} is negative`);
      const cell: Cell = { value };
      const unit = u === undefined ? '' : str(u, 'unit');
      if (unit) cell.unit = unit;
      if (approx === 1) cell.approx = true;
      out[key] = cell;
    }
    return { agency, year, format: FORMAT_IDS[f], region: str(region, 'region'), level: str(level, 'level'), source: str(source, 'source'), cells: out };
  });
  const snapshot: Snapshot = { view: w.view, chart: w.chart, made: w.made, reports };
  if (w.m) {
    snapshot.marks = w.m.map(([year, error, rules, lines]) => ({
      year,
      severity: error === 1 ? 'error' : 'warning',
      rules: rules.map((i) => str(i, 'rule')),
      lines: lines.map((i) => str(i, 'line')),
    }));
  }
  return snapshot;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeSnapshot(s: Snapshot): Promise<string> {
  const json = JSON.stringify(toWire(s));
  return toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** Decompressed bytes, read chunk by chunk and given up past MAX_SNAPSHOT_BYTES (never held whole beyond it). */
async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_SNAPSHOT_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new SnapshotError('too-large', `more than ${MAX_SNAPSHOT_BYTES} bytes`, size, MAX_SNAPSHOT_BYTES);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every failure is a SnapshotError whose reason says which step failed (see SnapshotProblem). */
export async function decodeSnapshot(text: string): Promise<Snapshot> {
  if (text.length > MAX_SNAPSHOT_CHARS) throw new SnapshotError('too-long', `${text.length} characters`, text.length, MAX_SNAPSHOT_CHARS);
  let packed: Uint8Array;
  try {
    packed = fromBase64Url(text);
  } catch (e) {
    throw new SnapshotError('encoding', e instanceof Error ? e.message : String(e));
  }
  let bytes: Uint8Array;
  try {
    bytes = await inflate(packed);
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError('compression', e instanceof Error ? e.message : String(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new SnapshotError('json', e instanceof Error ? e.message : String(e));
  }
  const version = typeof json === 'object' && json !== null && 'v' in json ? (json as { v: unknown }).v : undefined;
  if (typeof version === 'number' && version !== 1 && version !== SNAPSHOT_VERSION) throw new SnapshotError('version', `version ${version}`, version, SNAPSHOT_VERSION);
  const parsed = v.safeParse(WireSchema, json);
  if (!parsed.success) {
    const first = parsed.issues[0];
    const path = v.getDotPath(first);
    throw new SnapshotError('schema', `${path ? `${path}: ` : ''}${first.message}`.slice(0, 200));
  }
  return fromWire(parsed.output);
}

/**
 * Lays a snapshot report over the stored one. A snapshot carries only the cells one chart read, without their
 * remarks or per-cell sources: a cell whose number, unit and approximate flag equal the stored one keeps the stored
 * cell, only differing figures are taken, and the stored report's own fields stay.
 */
export function mergeSnapshotReport(stored: Report, incoming: Report): Report {
  const cells: Record<string, Cell> = { ...stored.cells };
  for (const [key, cell] of Object.entries(incoming.cells)) {
    const old = stored.cells[key];
    const same = old !== undefined && old.value === cell.value && (old.unit ?? '') === (cell.unit ?? '') && !!old.approx === !!cell.approx;
    if (!same) cells[key] = cell;
  }
  return { ...stored, cells };
}
