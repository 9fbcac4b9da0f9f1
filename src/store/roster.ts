// The roster of organs a person supervises, kept in the meta store as one record. It is not part of the reports:
// the charts never see it; the coverage matrix and the scorecard give its organs a row even without a report.
import type { RosterEntry } from '../model/roster';
import type { Db } from './schema';

export async function loadRoster(db: Db): Promise<RosterEntry[]> {
  const roster = (await db.get('meta', 'roster')) as RosterEntry[] | undefined;
  return roster ?? [];
}

/** Replaces the roster; an empty list removes it. Returns the roster it replaced, so the change can be undone. */
export async function saveRoster(db: Db, roster: readonly RosterEntry[]): Promise<RosterEntry[]> {
  const tx = db.transaction('meta', 'readwrite');
  const before = ((await tx.store.get('roster')) as RosterEntry[] | undefined) ?? [];
  if (roster.length === 0) await tx.store.delete('roster');
  else await tx.store.put(roster.map((r) => ({ agency: r.agency, level: r.level, region: r.region })), 'roster');
  await tx.done;
  return before;
}
