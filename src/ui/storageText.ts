// The data menu's storage line, decided in plain code: "已用 12 MB / 可用 3.1 GB;浏览器不会自动清除".
import type { Lang, Translate } from '../i18n/messages';
import type { StorageUse } from '../store/quota';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes in the largest unit that keeps the number ≥ 1: one decimal under 10, none above ("0.4 MB" never, "400 KB"). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || value >= 10 ? String(Math.round(value)) : (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[unit]}`;
}

export interface StorageFacts {
  memory: boolean;
  use: StorageUse | null;
  persisted: boolean | null;
  asked: boolean;
}

export function storageLine(facts: StorageFacts, lang: Lang, t: Translate): string {
  if (facts.memory) return t('robust.storage.memory');
  const parts: string[] = [];
  parts.push(facts.use ? t('robust.storage.usage', { used: formatBytes(facts.use.usage), quota: formatBytes(facts.use.quota - facts.use.usage) }) : t('robust.storage.unknown'));
  if (facts.persisted === true) parts.push(t('robust.storage.persisted'));
  else if (facts.persisted === false) parts.push(t(facts.asked ? 'robust.storage.notPersisted' : 'robust.storage.notAsked'));
  return parts.join(lang === 'zh-CN' ? ';' : '; ');
}
