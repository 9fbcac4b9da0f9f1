// Findings as a CSV download: UTF-8 with a BOM (so Excel reads the Chinese), every cell quoted, and cells that
// a spreadsheet would run as a formula neutralised — agency names and cell values come from users' files.
import { csvDocument, csvField, neutralise } from '../model/csvText';
import { RULES, SEVERITY_LABELS } from './rules';
import type { CellRef, Finding } from './types';

export type CsvLang = 'zh-CN' | 'en';

const HEADERS: Record<CsvLang, string[]> = {
  'zh-CN': ['机构', '年度', '规则', '规则名称', '严重程度', '范围', '说明(中文)', 'Message (English)', '应为', '实为', '依赖空白单元格', '含约数', '涉及单元格'],
  en: ['Organ', 'Year', 'Rule', 'Rule name', 'Severity', 'Scope', '说明(中文)', 'Message (English)', 'Expected', 'Found', 'Relied on blanks', 'Approximate', 'Cells'],
};

export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  return csvField(neutralise(text), true);
}

function cellsText(cells: CellRef[]): string {
  return cells.map((c) => `${c.year}:${c.key}=${c.value === null ? (c.state === 'blank' ? '(blank)' : '(absent)') : c.value}${c.approx ? '~' : ''}`).join('; ');
}

export function findingsCsv(findings: readonly Finding[], lang: CsvLang): string {
  const pick = (t: { zh: string; en: string }) => (lang === 'zh-CN' ? t.zh : t.en);
  const lines = [HEADERS[lang].map(csvCell).join(',')];
  for (const f of findings) {
    lines.push(
      [
        f.agency,
        f.year,
        f.rule,
        pick(RULES[f.rule]),
        pick(SEVERITY_LABELS[f.severity]),
        f.scope,
        f.zh,
        f.en,
        f.expected,
        f.found,
        f.reliedOnBlanks,
        f.approx,
        cellsText(f.cells),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return csvDocument(lines);
}
