// A share link is untrusted input. Each way one can be broken gets its own reason (and so its own message): far
// too long, characters a link has not, cut short, valid base64 of garbage, no JSON inside, another format version,
// numbers or shapes the format forbids, a small link that inflates to megabytes. Then 2,000 random corruptions of a
// real link: each decodes to a snapshot the schema accepts or fails with a SnapshotError, never anything else.
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleReports } from '../../src/ingest/sample';
import { toBase64Url } from '../../src/share/base64url';
import { decodeSnapshot, encodeSnapshot, MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_CHARS, SnapshotError, type Snapshot } from '../../src/share/snapshot';
import { snapshotFailure } from '../../src/state/snapshotFailure';

const PT = '平潭综合实验区';
let valid: string;

beforeAll(async () => {
  const reports = sampleReports()
    .filter((r) => r.agency === PT && r.year >= 2019)
    .map((r) => ({ ...r, cells: { 'requests.granted.total': r.cells['requests.granted.total'] ?? { value: 1 } } }));
  const snapshot: Snapshot = { view: 'v=1&view=overview', chart: 'chart-outcomes', made: '2026-11-27T10:00:00.000Z', reports };
  valid = await encodeSnapshot(snapshot);
});

/** The wire form of a snapshot, packed the way links are. */
function pack(wire: unknown): string {
  return toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(wire))));
}

const WIRE = {
  v: 2,
  view: 'v=1',
  chart: 'chart-x',
  made: '2026-11-27T10:00:00.000Z',
  s: [PT, 'requests.granted.total', 'active_2019.admin_fees.change_this_year'],
  r: [[0, 2021, 2, -1, -1, -1, [[1, 30]]]],
};

async function reasonOf(text: string): Promise<string> {
  try {
    await decodeSnapshot(text);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(SnapshotError);
    return (e as SnapshotError).reason;
  }
}

describe('each broken link has its reason, and its message', () => {
  it.each([
    ['the well-formed wire form', 'ok', (): string => pack(WIRE)],
    ['far longer than any link made here', 'too-long', (): string => 'A'.repeat(MAX_SNAPSHOT_CHARS + 1)],
    ['characters no base64url has', 'encoding', (): string => 'abc$def'],
    ['valid base64 of garbage', 'compression', (): string => toBase64Url(Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256))],
    ['a deflated text that is no JSON', 'json', (): string => toBase64Url(deflateRawSync(Buffer.from('not json at all')))],
    ['another format version', 'version', (): string => pack({ ...WIRE, v: 7 })],
    ['a negative count', 'schema', (): string => pack({ ...WIRE, r: [[0, 2021, 2, -1, -1, -1, [[1, -5]]]] })],
    ['a negative change this year is allowed', 'ok', (): string => pack({ ...WIRE, r: [[0, 2021, 2, -1, -1, -1, [[2, -5]]]] })],
    ['1e999 (Infinity once parsed)', 'schema', (): string => toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(WIRE).replace('[1,30]', '[1,1e999]'))))],
    ['the year 1900', 'schema', (): string => pack({ ...WIRE, r: [[0, 1900, 2, -1, -1, -1, [[1, 30]]]] })],
    ['a string index out of range', 'schema', (): string => pack({ ...WIRE, r: [[9, 2021, 2, -1, -1, -1, [[1, 30]]]] })],
    ['a figure the vocabulary does not have', 'schema', (): string => pack({ ...WIRE, s: [PT, '__proto__'] })],
    ['a format index out of range', 'schema', (): string => pack({ ...WIRE, r: [[0, 2021, 99, -1, -1, -1, [[1, 30]]]] })],
    ['a chart id with markup', 'schema', (): string => pack({ ...WIRE, chart: '<img src=x>' })],
  ] as const)('%s → %s', async (_case, reason, make) => {
    expect(await reasonOf(make())).toBe(reason);
  });

  it('a link cut short (every length from 1 to the whole but one) never opens as something else', async () => {
    const reasons = new Set<string>();
    for (let n = 1; n < valid.length; n++) reasons.add(await reasonOf(valid.slice(0, n)));
    expect([...reasons].every((r) => ['compression', 'json', 'encoding', 'schema'].includes(r))).toBe(true);
    expect(reasons.has('ok')).toBe(false);
  });

  it('a link under the length bound that would inflate to 20 MB stops at 2 MB, without inflating the rest', async () => {
    const bomb = toBase64Url(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 0x20), { level: 9 }));
    expect(bomb.length).toBeLessThan(MAX_SNAPSHOT_CHARS);
    const started = performance.now();
    expect(await reasonOf(bomb)).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the messages: the recipient reads which of them it was', async () => {
    const error = async (text: string) => {
      try {
        await decodeSnapshot(text);
      } catch (e) {
        return snapshotFailure(e);
      }
      throw new Error('decoded');
    };
    expect(await error('A'.repeat(MAX_SNAPSHOT_CHARS + 1))).toEqual(['robust.share.tooLong', { n: MAX_SNAPSHOT_CHARS + 1, max: MAX_SNAPSHOT_CHARS }]);
    expect(await error('abc$def')).toEqual(['robust.share.encoding']);
    expect(await error(valid.slice(0, 20))).toEqual(['robust.share.compression']);
    expect(await error(pack({ ...WIRE, v: 7 }))).toEqual(['robust.share.version', { found: 7, known: 2 }]);
    expect(await error(pack({ ...WIRE, r: [[0, 2021, 2, -1, -1, -1, [[1, -5]]]] }))).toEqual(['robust.share.schema', { detail: 'requests.granted.total: -5 is negative' }]);
    expect(await error(toBase64Url(deflateRawSync(Buffer.alloc(3_000_000, 0x20))))).toEqual(['robust.share.tooLarge', { max: MAX_SNAPSHOT_BYTES }]);
    expect(snapshotFailure(new Error('other'))).toEqual(['share.tampered']);
  });
});

describe('random corruption of a real link', () => {
  it('2,000 links with characters changed, dropped or added: a valid snapshot or a SnapshotError, nothing else', async () => {
    let seed = 20261127;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const chars = [...valid];
      const edits = 1 + Math.floor(random() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(random() * chars.length);
        const op = random();
        const ch = alphabet[Math.floor(random() * alphabet.length)];
        if (op < 0.5) chars[at] = ch;
        else if (op < 0.75) chars.splice(at, 1);
        else chars.splice(at, 0, ch);
      }
      let reason = 'ok';
      try {
        const s = await decodeSnapshot(chars.join(''));
        // Whatever decodes is a snapshot the rules accept: known figures, finite numbers, years in range.
        for (const r of s.reports) {
          expect(r.year).toBeGreaterThanOrEqual(1990);
          for (const c of Object.values(r.cells)) if (c.value !== null) expect(Number.isFinite(c.value)).toBe(true);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(SnapshotError);
        reason = (e as SnapshotError).reason;
      }
      outcomes.set(reason, (outcomes.get(reason) ?? 0) + 1);
    }
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    expect(outcomes.get('compression') ?? 0).toBeGreaterThan(0);
  });
});
