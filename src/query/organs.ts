// The organs in the store, for the picker: name, years, level, region.
import type { Report } from '../model/report';

export interface OrganSummary {
  agency: string;
  years: number[];
  level: string;
  region: string;
}

/** Organs sorted by number of years (most first), then by name in Chinese collation. */
export function organs(reports: readonly Report[]): OrganSummary[] {
  const map = new Map<string, OrganSummary>();
  for (const r of reports) {
    let o = map.get(r.agency);
    if (!o) {
      o = { agency: r.agency, years: [], level: r.level, region: r.region };
      map.set(r.agency, o);
    }
    o.years.push(r.year);
    if (!o.level) o.level = r.level;
    if (!o.region) o.region = r.region;
  }
  const list = [...map.values()];
  for (const o of list) o.years.sort((a, b) => a - b);
  return list.sort((a, b) => b.years.length - a.years.length || a.agency.localeCompare(b.agency, 'zh-CN'));
}

export function defaultOrgan(reports: readonly Report[]): string | undefined {
  return organs(reports)[0]?.agency;
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
