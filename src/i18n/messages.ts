// All UI strings, zh-CN first. Keys are grouped by where they appear.

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const zh = {
  'app.title': '公开年报看板',
  'app.subtitle': '政府信息公开工作年度报告 · 数据只保存在本机浏览器中',
  'app.loading': '正在打开本地数据库…',
  'app.language': 'English',
  'app.languageLabel': '切换语言',
  'app.empty': '本地没有任何年报数据。可以恢复示例数据,或导入文件。',
  'organ.label': '机构',
  'organ.search': '搜索机构、地区、层级或年份',
  'organ.years': '{n} 个年度',
  'organ.none': '没有匹配的机构',
  'range.from': '起始年度',
  'range.to': '截止年度',
  'import.label': '导入文件(CSV、JSON)',
  'import.notYet': '已选择 {n} 个文件。文件导入功能尚在建设中,本次未读取任何文件,本地数据未改变。',
  'sample.restore': '恢复示例数据',
  'sample.confirm': '恢复示例数据会用示例中的数值覆盖同一机构同一年度的记录(其他记录保留)。继续吗?',
  'sample.restored': '已恢复示例数据:写入 {n} 份年报。',
  'sample.seeded': '首次打开:已载入 {n} 份真实年报作为示例数据。',
  'store.loaded': '已从本机读取 {n} 份年报。',
  'store.error': '无法打开本地数据库:{message}',
  'chart.showTable': '显示数据表',
  'chart.hideTable': '隐藏数据表',
  'chart.year': '年度',
  'chart.sources': '数据来源',
  'chart.format': '表格格式',
  'chart.noData': '所选年度没有数据。',
  'chart.published.title': '主动公开 / 更新信息条数',
  'chart.procurement.title': '政府集中采购',
  'chart.outcomes.title': '依申请公开办理结果',
  'chart.procurement.gb2021': '2021 年起年报格式不再包含政府集中采购',
  'chart.outcomes.noTable': '2019 年前的年报没有依申请公开办理结果表',
  'flag.blank': '原表空白',
  'flag.absent': '未采集',
  'flag.no-report': '无该年度年报',
  'flag.not-in-format': '该格式无此项',
  'flag.unit-unknown': '原文未注明单位,按原数显示',
  'flag.converted': '原文 {value} {unit},已换算为万元',
  'flag.derived': '原表总计栏空白,按各类申请人合计',
  'flag.blank-as-zero': '含空白单元格,按 0 计',
  'flag.approx': '约数(原文“余”“约”)',
  'unit.items': '条',
  'unit.cases': '件',
  'unit.projects': '个',
  'unit.wan': '万元',
  'format.GB2019': '2019 版国办格式',
  'format.GB2021': '2021 版国办格式',
  'format.pre2019': '2019 年前地方格式',
  'format.text-only': '仅正文',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Disclosure Report Dashboard',
  'app.subtitle': 'Annual reports on government information disclosure · data stays in this browser',
  'app.loading': 'Opening the local database…',
  'app.language': '中文',
  'app.languageLabel': 'Switch language',
  'app.empty': 'No reports are stored here. Restore the sample data or import files.',
  'organ.label': 'Organ',
  'organ.search': 'Search organ, region, level or year',
  'organ.years': '{n} years',
  'organ.none': 'No organ matches',
  'range.from': 'From year',
  'range.to': 'To year',
  'import.label': 'Import files (CSV, JSON)',
  'import.notYet': '{n} file(s) chosen. File import is still being built: no file was read and stored data is unchanged.',
  'sample.restore': 'Restore sample data',
  'sample.confirm': 'Restoring the sample overwrites records of the same organ and year with the sample figures (other records stay). Continue?',
  'sample.restored': 'Sample restored: {n} reports written.',
  'sample.seeded': 'First run: {n} real reports loaded as sample data.',
  'store.loaded': '{n} reports read from this browser.',
  'store.error': 'Could not open the local database: {message}',
  'chart.showTable': 'Show data table',
  'chart.hideTable': 'Hide data table',
  'chart.year': 'Year',
  'chart.sources': 'Sources',
  'chart.format': 'Table format',
  'chart.noData': 'No data in the selected years.',
  'chart.published.title': 'Items published or updated',
  'chart.procurement.title': 'Centralized government procurement',
  'chart.outcomes.title': 'Outcomes of information requests',
  'chart.procurement.gb2021': 'From 2021 the report format no longer includes centralized procurement',
  'chart.outcomes.noTable': 'Reports before 2019 have no table of request outcomes',
  'flag.blank': 'blank in the report',
  'flag.absent': 'not captured',
  'flag.no-report': 'no report for this year',
  'flag.not-in-format': 'not in this format',
  'flag.unit-unknown': 'no unit printed; shown as printed',
  'flag.converted': 'printed as {value} {unit}, converted to 10k yuan',
  'flag.derived': 'total column blank; sum of applicant columns',
  'flag.blank-as-zero': 'includes blank cells counted as 0',
  'flag.approx': 'approximate (printed as "about")',
  'unit.items': 'items',
  'unit.cases': 'cases',
  'unit.projects': 'projects',
  'unit.wan': '10k yuan',
  'format.GB2019': 'GB2019 national format',
  'format.GB2021': 'GB2021 national format',
  'format.pre2019': 'pre-2019 local format',
  'format.text-only': 'prose only',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, params) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

/** Numbers in the reader's convention: 75,394,432.52 in both zh-CN and en, up to 6 decimals. */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 6 }).format(value);
}

/** Unit text for display: Chinese units stay in zh-CN; English gets words. */
export function unitLabel(lang: Lang, unit: string): string {
  if (lang === 'zh-CN') return unit;
  const map: Record<string, string> = { 条: 'items', 件: 'cases', 个: 'projects', 项: 'items', 万元: '10k yuan', 元: 'yuan' };
  return map[unit] ?? unit;
}
