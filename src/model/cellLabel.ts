// A figure named the way its readers know it: table, row and column by their official labels
// ("表三 · (一)予以公开 · 自然人", "Table 3 · (1) Granted · Natural persons") — never the canonical key.
import { KEY_DEFS } from './vocabulary';

type Lang = 'zh-CN' | 'en';

const TABLES: Readonly<Record<string, { zh: string; en: string }>> = {
  headline: { zh: '正文', en: 'Prose' },
  active_2019: { zh: '表二(2019 版)', en: 'Table 2 (2019 format)' },
  active_2021: { zh: '表二(2021 版)', en: 'Table 2 (2021 format)' },
  requests: { zh: '表三', en: 'Table 3' },
  requests_text: { zh: '正文(申请情况)', en: 'Prose (requests)' },
  review: { zh: '表四', en: 'Table 4' },
  review_text: { zh: '正文(复议诉讼)', en: 'Prose (appeals and lawsuits)' },
  stats_pre2019: { zh: '2008–2018 统计表', en: 'Statistics table 2008–2018' },
};

function rowZh(label: string): string {
  return label
    .replace(/^三、本年度办理结果\//, '')
    .replace(/\[仅GB20\d\d\]$/, '')
    .replace(/[(\uFF08]区分处理的[^)\uFF09]*[)\uFF09]/, '')
    .replace(/[(\uFF08](?:2008-2018统计表|正文所述[^)\uFF09]*|[合小]计[;；]仅正文|仅正文)[)\uFF09]/g, '')
    .split('/')
    .join(' · ');
}

function rowEn(label: string): string {
  return label
    .replace(/^III\. Outcome \/ /, '')
    .replace(/ \((prose|old table)\)$/, '')
    .split(' / ')
    .join(' · ');
}

/** "表三 · (一)予以公开 · 自然人"; an unknown key is returned as it is. */
export function cellLabel(key: string, lang: Lang): string {
  const def = KEY_DEFS.get(key);
  if (!def) return key;
  const table = TABLES[def.section.key] ?? { zh: def.section.zh, en: def.section.en };
  if (lang === 'zh-CN') return `${table.zh} · ${rowZh(def.row.zh)} · ${def.column.zh.split('/').pop() ?? def.column.zh}`;
  return `${table.en} · ${rowEn(def.row.en)} · ${def.column.en}`;
}
