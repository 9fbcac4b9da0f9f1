// Display helpers of the import review: figure labels and cells in the reader's language.
import { formatNumber, type Lang, type Translate } from '../../i18n/messages';
import type { Cell } from '../../model/report';
import { KEY_DEFS } from '../../model/vocabulary';

export function keyLabel(key: string, lang: Lang): string {
  const def = KEY_DEFS.get(key);
  if (!def) return key;
  return lang === 'zh-CN' ? `${def.row.zh} / ${def.column.zh}` : `${def.row.en} / ${def.column.en}`;
}

export function sectionLabel(key: string, lang: Lang): string {
  const def = KEY_DEFS.get(key);
  if (!def) return '';
  return lang === 'zh-CN' ? def.section.zh : def.section.en;
}

/** All figures for the mapping picker, grouped by section. */
export function keyOptions(lang: Lang): { section: string; keys: { key: string; label: string }[] }[] {
  const groups = new Map<string, { key: string; label: string }[]>();
  for (const def of KEY_DEFS.values()) {
    const name = lang === 'zh-CN' ? def.section.zh : def.section.en;
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push({ key: def.key, label: keyLabel(def.key, lang) });
  }
  return [...groups].map(([section, keys]) => ({ section, keys }));
}

/** A cell as the review shows it: missing states are words, never an empty string or a zero. */
export function cellShown(cell: Cell | undefined, lang: Lang, t: Translate): string {
  if (cell === undefined) return t('flag.absent');
  if (cell.value === null) return cell.printed ? `${t('flag.blank')}「${cell.printed}」` : t('flag.blank');
  const n = `${cell.approx ? '≈' : ''}${formatNumber(lang, cell.value)}${cell.unit ? ` ${cell.unit}` : ''}`;
  return cell.note ? `${n}(${cell.note})` : n;
}
