// The view state ⇄ URL hash. The hash is the state: every view and filter change is written there, and opening a
// URL restores the view. Versioned (`v=1`); anything broken or unknown opens the default view with a message. The
// checks are written out here rather than with the schema library: they run on every first view, which should
// not download it (a snapshot's decoder, loaded only for a link that carries one, uses it).

export const VIEWS = ['overview', 'requests', 'review', 'active', 'compare', 'rollup', 'quality', 'coverage', 'scorecard'] as const;
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

class Invalid extends Error {}

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new Invalid(text);
  const y = Number(text);
  if (y < 1990 || y > 2100) throw new Invalid(text);
  return y;
}

function textParam(value: string | undefined, max = 200): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < 1 || value.length > max) throw new Invalid(value);
  return value;
}

function matching(value: string | undefined, pattern: RegExp): string | undefined {
  if (value !== undefined && !pattern.test(value)) throw new Invalid(value);
  return value;
}

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
  const raw: Record<string, string> = Object.fromEntries(params.entries());
  if (raw.v !== HASH_VERSION) return { ok: false, reason: raw.v === undefined ? 'invalid' : 'version', state: defaultView() };
  try {
    const view = raw.view ?? 'overview';
    if (!(VIEWS as readonly string[]).includes(view)) throw new Invalid(view);
    const orgs = matching(raw.orgs, /^[\s\S]{0,4000}$/);
    const shares = matching(raw.shares, /^[01]$/);
    const snapshot = matching(raw.s, /^[A-Za-z0-9_-]*$/);
    const state: ViewState = {
      view: view as ViewId,
      agency: textParam(raw.org),
      from: year(raw.from),
      to: year(raw.to),
      organs: orgs ? orgs.split('|').filter((o) => o !== '') : [],
      figure: matching(raw.fig, /^[a-z_]{1,40}$/),
      year: year(raw.year),
      shares: shares === '1',
      level: textParam(raw.level),
      region: textParam(raw.region),
    };
    return snapshot ? { ok: true, state, snapshot } : { ok: true, state };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: 'invalid', state: defaultView() };
    throw e;
  }
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
