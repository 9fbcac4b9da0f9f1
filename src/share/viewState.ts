// The view state ⇄ URL hash. The hash is the state: every view and filter change is written there, and opening a
// URL restores the view. Versioned (`v=1`); anything broken or unknown opens the default view with a message.
import * as v from 'valibot';

export const VIEWS = ['overview', 'requests', 'review', 'active', 'compare', 'rollup', 'quality'] as const;
export type ViewId = (typeof VIEWS)[number];

export interface ViewState {
  view: ViewId;
  /** The organ of the single-organ views; undefined = the default organ. */
  agency?: string;
  from?: number;
  to?: number;
  /** Organs picked for compare and roll-up. */
  organs: string[];
  /** Metric key for compare, ranking and roll-up. */
  figure?: string;
  /** Year of the ranking. */
  year?: number;
  /** Requests view: outcomes as shares rather than counts. */
  shares: boolean;
  /** Roll-up by level or region instead of picked organs. */
  level?: string;
  region?: string;
}

export const HASH_VERSION = '1';

export function defaultView(): ViewState {
  return { view: 'overview', organs: [], shares: false };
}

const Year = v.pipe(v.string(), v.regex(/^\d{4}$/), v.transform(Number), v.number(), v.minValue(1990), v.maxValue(2100));
const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

const HashSchema = v.object({
  v: v.literal(HASH_VERSION),
  view: v.optional(v.picklist(VIEWS), 'overview'),
  org: v.optional(Text),
  from: v.optional(Year),
  to: v.optional(Year),
  orgs: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  fig: v.optional(v.pipe(v.string(), v.regex(/^[a-z_]{1,40}$/))),
  year: v.optional(Year),
  shares: v.optional(v.picklist(['1', '0'])),
  level: v.optional(Text),
  region: v.optional(Text),
  s: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/))),
});

export type HashResult =
  | { ok: true; state: ViewState; snapshot?: string }
  | { ok: false; reason: 'version' | 'invalid'; state: ViewState };

/** Reads a `location.hash`. An empty hash is the default view; a broken one says so and falls back. */
export function parseHash(hash: string): HashResult {
  const text = hash.replace(/^#/, '');
  if (text === '') return { ok: true, state: defaultView() };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { ok: false, reason: 'invalid', state: defaultView() };
  }
  const raw = Object.fromEntries(params.entries());
  if (raw.v !== HASH_VERSION) return { ok: false, reason: raw.v === undefined ? 'invalid' : 'version', state: defaultView() };
  const parsed = v.safeParse(HashSchema, raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', state: defaultView() };
  const h = parsed.output;
  const state: ViewState = {
    view: h.view,
    agency: h.org,
    from: h.from,
    to: h.to,
    organs: h.orgs ? h.orgs.split('|').filter((o) => o !== '') : [],
    figure: h.fig,
    year: h.year,
    shares: h.shares === '1',
    level: h.level,
    region: h.region,
  };
  return h.s ? { ok: true, state, snapshot: h.s } : { ok: true, state };
}

/** Writes the state as a hash (without '#'); parameters in a fixed order so equal states give equal URLs. */
export function formatHash(state: ViewState, snapshot?: string): string {
  const p = new URLSearchParams();
  p.set('v', HASH_VERSION);
  p.set('view', state.view);
  if (state.agency) p.set('org', state.agency);
  if (state.from !== undefined) p.set('from', String(state.from));
  if (state.to !== undefined) p.set('to', String(state.to));
  if (state.organs.length > 0) p.set('orgs', state.organs.join('|'));
  if (state.figure) p.set('fig', state.figure);
  if (state.year !== undefined) p.set('year', String(state.year));
  if (state.shares) p.set('shares', '1');
  if (state.level) p.set('level', state.level);
  if (state.region) p.set('region', state.region);
  if (snapshot) p.set('s', snapshot);
  return p.toString();
}
