// Plausibility: figures that the format allows but that cannot be right for this organ or year.
import { cellLabel } from '../model/cellLabel';
import type { Report } from '../model/report';
import { moneyUnitState } from '../model/units';
import { SECTION_BY_KEY } from '../model/vocabulary';
import { type Collector, ref } from './collect';

/** Levels that make no 规章: only provincial and 设区的市 governments do (立法法 第93条). */
const NO_REGULATIONS = /乡镇|街道|部门/;

/** Every cell of the 规章 rows of both formats, from the vocabulary (looked up, not searched for among all keys). */
const REGULATION_KEYS: readonly string[] = ['active_2019', 'active_2021'].flatMap((section) =>
  (SECTION_BY_KEY.get(section)?.rows ?? []).filter((row) => row.key === 'regulations').flatMap((row) => row.columns.map((col) => `${section}.regulations.${col}`)),
);

export function checkRegulations(c: Collector, r: Report): void {
  const keys = REGULATION_KEYS.filter((k) => k in r.cells);
  const nonzero = keys.map((k) => ref(r, k)).filter((x) => x.value !== null && x.value !== 0);
  if (keys.length === 0) return;
  if (nonzero.length === 0) {
    c.passed(r, 'P-regulations', 'regulations');
    return;
  }
  if (r.level.trim() === '') {
    c.notCheckable(r, 'P-regulations', 'regulations', [], { zh: '机构层级未知', en: 'the level of the organ is unknown' });
    return;
  }
  if (!NO_REGULATIONS.test(r.level)) {
    c.passed(r, 'P-regulations', 'regulations');
    return;
  }
  const list = (lang: 'zh-CN' | 'en') => nonzero.map((x) => `${cellLabel(x.key, lang)} = ${x.value}`).join(lang === 'zh-CN' ? '、' : ', ');
  c.fail({
    agency: r.agency,
    year: r.year,
    rule: 'P-regulations',
    severity: 'error',
    scope: 'regulations',
    zh: `层级为“${r.level}”的机构不制定规章,表二“规章”行却填有非零数字(${list('zh-CN')})。`,
    en: `An organ of level "${r.level}" makes no regulations, yet the regulations row of table II holds non-zero figures (${list('en')}).`,
    cells: nonzero,
    expected: 0,
    found: nonzero[0].value,
    reliedOnBlanks: false,
    approx: false,
  });
}

export function checkFormatYear(c: Collector, r: Report): void {
  let expected: 'GB2019' | 'GB2021' | null = null;
  if (r.format === 'GB2019' && r.year >= 2021) expected = 'GB2021';
  else if (r.format === 'GB2021' && r.year <= 2020) expected = 'GB2019';
  if (r.format !== 'GB2019' && r.format !== 'GB2021') return;
  if (expected === null) {
    c.passed(r, 'P-format', 'format');
    return;
  }
  c.fail({
    agency: r.agency,
    year: r.year,
    rule: 'P-format',
    severity: 'warning',
    scope: 'format',
    zh: `${r.year} 年度的年报应使用 ${expected === 'GB2021' ? '2021' : '2019'} 版格式,实际表格为 ${r.format === 'GB2019' ? '2019' : '2021'} 版。`,
    en: `A report for ${r.year} should use ${expected}; its tables follow ${r.format}.`,
    cells: [],
    expected,
    found: r.format,
    reliedOnBlanks: false,
    approx: false,
  });
}

export function checkAmountUnit(c: Collector, r: Report): void {
  const key = 'active_2019.central_procurement.procurement_amount';
  const cell = r.cells[key];
  if (cell === undefined || cell.value === null) return;
  // Zero is zero in any unit.
  if (cell.value === 0 || moneyUnitState(cell.unit) !== 'unknown') {
    c.passed(r, 'P-unit', key);
    return;
  }
  const note = cell.note ? `(${cell.note})` : '';
  c.fail({
    agency: r.agency,
    year: r.year,
    rule: 'P-unit',
    severity: 'warning',
    scope: key,
    zh: `政府集中采购总金额 ${cell.value} 未注明单位${cell.unit ? `(印为“${cell.unit}”)` : ''},无法换算为万元${note}。`,
    en: `The procurement amount ${cell.value} has no unit${cell.unit ? ` (printed "${cell.unit}")` : ''}; it cannot be converted to 10k yuan${note ? ` ${note}` : ''}.`,
    cells: [ref(r, key)],
    expected: '元 / 万元',
    found: cell.unit ?? null,
    reliedOnBlanks: false,
    approx: false,
  });
}
