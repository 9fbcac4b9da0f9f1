// Administrative levels in order, province down to street office. Levels are data from the reports; one that
// starts with a known level ("区县政府(实验区,全区汇总)") takes its rank, an unknown one comes after, none last.
import { zhCollator } from './organs';

export const LEVEL_ORDER: readonly string[] = ['省级政府', '省级部门', '设区的市政府', '设区的市部门', '区县政府', '区县部门', '乡镇', '街道'];

export function levelRank(level: string): number {
  if (level === '') return LEVEL_ORDER.length + 1;
  const i = LEVEL_ORDER.findIndex((l) => level.startsWith(l));
  return i === -1 ? LEVEL_ORDER.length : i;
}

/** The distinct levels in administrative order (unknown ones after, by name). */
export function sortLevels(levels: Iterable<string>): string[] {
  return [...new Set(levels)].sort((a, b) => levelRank(a) - levelRank(b) || zhCollator.compare(a, b));
}
