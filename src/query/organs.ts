// The organs in the store, for the picker: name, years, level, region.
import type { Report } from '../model/report';

export interface OrganSummary {
  agency: string;
  years: number[];
  level: string;
  region: string;
}

/** Chinese collation, built once: `localeCompare` builds a collator per call, which thousands of organs feel. */
export const zhCollator = new Intl.Collator('zh-CN');

function byYearsThenName(a: OrganSummary, b: OrganSummary): number {
  return b.years.length - a.years.length || zhCollator.compare(a.agency, b.agency);
}

/** Organs sorted by number of years (most first), then by name in Chinese collation. */
export function organs(reports: readonly Report[]): OrganSummary[] {
  const map = new Map<string, OrganSummary>();
  for (const r of reports) {
    let o = map.get(r.agency);
    if (!o) {
      // A record written by another tool may lack level or region: an organ's are then empty text, never undefined.
      o = { agency: r.agency, years: [], level: r.level ?? '', region: r.region ?? '' };
      map.set(r.agency, o);
    }
    o.years.push(r.year);
    if (!o.level) o.level = r.level ?? '';
    if (!o.region) o.region = r.region ?? '';
  }
  const list = [...map.values()];
  for (const o of list) o.years.sort((a, b) => a - b);
  return list.sort(byYearsThenName);
}

/**
 * The organs from the stored keys alone (organ + year), before the reports are read: level and region are taken
 * from the reports already at hand and are empty for the others until everything is read.
 */
export function organsFromKeys(keys: readonly { agency: string; year: number }[], known: readonly Report[] = []): OrganSummary[] {
  const meta = new Map<string, Report>();
  for (const r of known) if (!meta.has(r.agency) || (!meta.get(r.agency)?.level && r.level)) meta.set(r.agency, r);
  const map = new Map<string, OrganSummary>();
  for (const k of keys) {
    let o = map.get(k.agency);
    if (!o) {
      const m = meta.get(k.agency);
      o = { agency: k.agency, years: [], level: m?.level ?? '', region: m?.region ?? '' };
      map.set(k.agency, o);
    }
    o.years.push(k.year);
  }
  const list = [...map.values()];
  for (const o of list) o.years.sort((a, b) => a - b);
  return list.sort(byYearsThenName);
}

export function defaultOrgan(reports: readonly Report[]): string | undefined {
  return organs(reports)[0]?.agency;
}

/**
 * Reports grouped by organ. An organ whose reports are the very same objects as in `previous` keeps its array
 * from there, so whatever was computed from one organ's reports is not computed again when another organ changes.
 */
export function groupByAgency(reports: readonly Report[], previous?: ReadonlyMap<string, readonly Report[]>): Map<string, readonly Report[]> {
  const fresh = new Map<string, Report[]>();
  for (const r of reports) {
    const list = fresh.get(r.agency);
    if (list) list.push(r);
    else fresh.set(r.agency, [r]);
  }
  const out = new Map<string, readonly Report[]>();
  for (const [agency, list] of fresh) {
    const old = previous?.get(agency);
    out.set(agency, old && old.length === list.length && old.every((r, i) => r === list[i]) ? old : list);
  }
  return out;
}

export function matchesOrgan(o: OrganSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [o.agency, o.region, o.level, o.years.join(' ')].some((s) => s.toLowerCase().includes(q));
}

/** Organs at one level and/or whose region contains the given text. */
export function filterByFacets(list: readonly OrganSummary[], level?: string, region?: string): OrganSummary[] {
  return list.filter((o) => (!level || o.level === level) && (!region || o.region.includes(region)));
}
