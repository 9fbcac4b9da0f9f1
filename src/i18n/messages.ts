// All UI strings, zh-CN first, grouped by feature in their own files; this one puts them together and formats
// them: parameters, English plurals (Intl.PluralRules), numbers, units.

import { appEn, appZh } from './app';
import { chartsEn, chartsZh } from './charts';
import { documentEn, documentZh } from './document';
import { importingEn, importingZh } from './importing';
import { qualityEn, qualityZh } from './quality';
import { robustnessEn, robustnessZh } from './robustness';
import { shareEn, shareZh } from './share';
import { supervisionEn, supervisionZh } from './supervision';
import type { Message, Plural } from './types';

export type { Message, Plural } from './types';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const zh = { ...appZh, ...chartsZh, ...shareZh, ...qualityZh, ...importingZh, ...documentZh, ...supervisionZh, ...robustnessZh };

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, Message> = { ...appEn, ...chartsEn, ...shareEn, ...qualityEn, ...importingEn, ...documentEn, ...supervisionEn, ...robustnessEn };

export const MESSAGES: Record<Lang, Record<MessageKey, Message>> = { 'zh-CN': zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Made on the first English plural: Chinese has one form, and the first view (in Chinese) never needs it. */
let pluralRules: Intl.PluralRules | undefined;

/** The form of a plural message for the count `n` (the first numeric parameter when there is no `n`). */
function pluralForm(message: Plural, params: Record<string, string | number> | undefined): string {
  const n = params?.n ?? Object.values(params ?? {}).find((v) => typeof v === 'number');
  pluralRules ??= new Intl.PluralRules('en');
  return typeof n === 'number' && pluralRules.select(n) === 'one' ? message.one : message.other;
}

export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, params) => {
    const message = table[key];
    const text = typeof message === 'string' ? message : pluralForm(message, params);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
  };
}

/** Numbers in the reader's convention: 75,394,432.52 in both zh-CN and en, up to 6 decimals. */
/**
 * The shortest decimal text of the number (what String() gives) rounded to 6 decimals half away from zero, grouped
 * by thousands: what Intl.NumberFormat does with these options. Null for numbers String() writes with an exponent.
 */
function plainNumber(value: number): string | null {
  const digits = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  let [whole, fraction = ''] = digits.split('.');
  if (fraction.length > 6) {
    const up = fraction.charCodeAt(6) >= 53; // '5'
    fraction = fraction.slice(0, 6);
    if (up) {
      // Add one at the sixth decimal, carrying through the decimals into the whole part.
      const n = (BigInt(whole + fraction) + 1n).toString().padStart(whole.length + 6, '0');
      whole = n.slice(0, n.length - 6);
      fraction = n.slice(n.length - 6);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}

/** One formatter per language, for the numbers the plain path below does not take. */
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A number as Intl.NumberFormat writes it for zh-CN and en (thousands grouped with ",", "." before decimals, at
 * most 6 of them). Written out here for ordinary numbers: the first Intl.NumberFormat of a page loads locale data
 * for some 50 ms, on the way to the first view's cards. A unit test holds the two to the same text.
 */
export function formatNumber(lang: Lang, value: number): string {
  const plain = plainNumber(value);
  if (plain !== null) return plain;
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
    numberFormats.set(lang, f);
  }
  return f.format(value);
}

/** Unit text for display: Chinese units stay in zh-CN; English gets words. */
export function unitLabel(lang: Lang, unit: string): string {
  if (lang === 'zh-CN') return unit;
  const map: Record<string, string> = { 条: 'items', 件: 'cases', 个: 'projects', 项: 'items', 万元: '10k yuan', 元: 'yuan' };
  return map[unit] ?? unit;
}
