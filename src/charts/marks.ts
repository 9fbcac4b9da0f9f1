// Year markers for charts and their tables: which years' reports have findings, and why. Pure.
import type { Finding } from '../checks/types';
import type { Lang } from '../i18n/messages';

export interface YearMark {
  year: number;
  /** Rule ids, unique, in the order of the findings ("I3", "X-in-force"). */
  rules: string[];
  severity: 'error' | 'warning';
  /** One line per finding in the reader's language: "I3:「总计」栏:……". */
  lines: string[];
}

export function yearMarks(byYear: ReadonlyMap<number, readonly Finding[]>, lang: Lang): Map<number, YearMark> {
  const out = new Map<number, YearMark>();
  for (const [year, findings] of byYear) {
    if (findings.length === 0) continue;
    out.set(year, {
      year,
      rules: [...new Set(findings.map((f) => f.rule))],
      severity: findings.some((f) => f.severity === 'error') ? 'error' : 'warning',
      lines: findings.map((f) => `${f.rule}: ${lang === 'zh-CN' ? f.zh : f.en}`),
    });
  }
  return out;
}

/** The marked years among those a chart shows, as text for its note ("2020、2023" / "2020, 2023"). */
export function markedYearsText(years: readonly number[], marks: ReadonlyMap<number, YearMark>, lang: Lang): string {
  return years.filter((y) => marks.has(y)).join(lang === 'zh-CN' ? '、' : ', ');
}

export const MARK = '⚠';
