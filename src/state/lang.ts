// The chosen language, remembered in localStorage (a preference, not data: it does not belong in IndexedDB).
import { LANGS, type Lang } from '../i18n/messages';

const KEY = 'disclosure-report-dashboard:lang';

export function loadLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    // Storage can be disabled (private mode): fall back to the default language.
  }
  return 'zh-CN';
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered, but the switch still works for this visit.
  }
}
