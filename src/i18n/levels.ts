// Administrative levels in English. Levels are data from the reports: one not known here keeps its own name.
import type { Lang } from './messages';

const EN: readonly [string, string][] = [
  ['省级政府', 'Provincial government'],
  ['省级部门', 'Provincial department'],
  ['设区的市政府', 'City government'],
  ['设区的市部门', 'City department'],
  ['区县政府', 'County or district government'],
  ['区县部门', 'County or district department'],
  ['乡镇', 'Township'],
  ['街道', 'Street office'],
];

/** "区县政府(实验区,全区汇总)" → "County or district government (实验区,全区汇总)" in English; as it is in Chinese. */
export function levelLabel(level: string, lang: Lang): string {
  if (lang === 'zh-CN' || level === '') return level;
  const known = EN.find(([zh]) => level.startsWith(zh));
  if (!known) return level;
  const rest = level.slice(known[0].length).replace(/^[(\uFF08](.*)[)\uFF09]$/, '$1');
  return rest ? `${known[1]} (${rest})` : known[1];
}
