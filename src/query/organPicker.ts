// What the organ picker lists for a search: the matching organs grouped by level in administrative order, by
// region within a level, at most `limit` of them (the picker offers the rest, never drops them silently). Pure.
import { levelRank } from './levels';
import { matchesOrgan, zhCollator, type OrganSummary } from './organs';

export interface PickerGroup {
  level: string;
  /** Organs of this level that match (all of them, also those past the limit). */
  count: number;
  items: { organ: OrganSummary; /** Set on the first organ of a region within the group. */ region?: string }[];
}

export interface PickerList {
  groups: PickerGroup[];
  /** Organs that match the search, and how many of them are listed. */
  matching: number;
  shown: number;
}

/** The organs in picker order: level (administrative order), region, name. Sort once per list of organs. */
export function pickerOrder(organs: readonly OrganSummary[]): OrganSummary[] {
  return [...organs].sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || zhCollator.compare(a.level, b.level) || zhCollator.compare(a.region, b.region) || zhCollator.compare(a.agency, b.agency),
  );
}

/** `ordered` from pickerOrder; `keep` are listed whatever the limit (the organs picked). */
export function pickerList(ordered: readonly OrganSummary[], query: string, limit: number, keep: ReadonlySet<string> = new Set()): PickerList {
  const groups: PickerGroup[] = [];
  let group: PickerGroup | undefined;
  let region: string | undefined;
  let matching = 0;
  let shown = 0;
  for (const o of ordered) {
    if (!matchesOrgan(o, query)) continue;
    matching++;
    if (!group || group.level !== o.level) {
      group = { level: o.level, count: 0, items: [] };
      groups.push(group);
      region = undefined;
    }
    group.count++;
    if (shown >= limit && !keep.has(o.agency)) continue;
    shown++;
    group.items.push(o.region !== region ? { organ: o, region: o.region } : { organ: o });
    region = o.region;
  }
  return { groups: groups.filter((g) => g.items.length > 0), matching, shown };
}
