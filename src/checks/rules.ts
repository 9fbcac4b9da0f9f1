// The rules as data: names and exact definitions in zh-CN and English, shown in the quality view and its CSV.
import type { RuleId, Severity } from './types';

export interface RuleDef {
  id: RuleId;
  zh: string;
  en: string;
  /** The definition as an evaluator would write it. */
  defZh: string;
  defEn: string;
}

export const RULES: Readonly<Record<RuleId, RuleDef>> = {
  I1: {
    id: 'I1',
    zh: 'I1 收支平衡',
    en: 'I1 balance',
    defZh: '表三每一栏:本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理',
    defEn: 'Table III, every column: new received + carried over = results total + carried forward',
  },
  I2: {
    id: 'I2',
    zh: 'I2 申请人合计',
    en: 'I2 applicant sum',
    defZh: '表三每一行:总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
    defEn: 'Table III, every row: total = natural persons + the five kinds of organisation',
  },
  I3: {
    id: 'I3',
    zh: 'I3 办理结果合计',
    en: 'I3 outcome sum',
    defZh: '表三每一栏:(七)总计 = 各项办理结果之和((六)其他处理按所印行:2019 版一行,2021 版三行)',
    defEn: 'Table III, every column: (7) total = sum of all outcome rows ((6) other processing as printed: one row in GB2019, three in GB2021)',
  },
  I4: {
    id: 'I4',
    zh: 'I4 复议诉讼合计',
    en: 'I4 review sum',
    defZh: '表四每一行:总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    defEn: 'Table IV, every row: total = upheld + corrected + other result + pending',
  },
  'X-carry': {
    id: 'X-carry',
    zh: '跨年 结转衔接',
    en: 'Cross-year carry-over',
    defZh: '上一年度“结转下年度继续办理” = 本年度“上年结转”(每一栏)',
    defEn: "Last year's carried forward = this year's carried over (every column)",
  },
  'X-items': {
    id: 'X-items',
    zh: '跨年 事项数量衔接',
    en: 'Cross-year item count',
    defZh: '2019 版表二:上一年度“上一年项目数量” + “本年增/减” = 本年度“上一年项目数量”',
    defEn: "GB2019 table II: last year's items last year + last year's change = this year's items last year",
  },
  'X-in-force': {
    id: 'X-in-force',
    zh: '跨年 现行有效件数',
    en: 'Cross-year documents in force',
    defZh: '2021 版表二:现行有效件数 ≈ 上一年度现行有效件数 + 本年制发件数 − 本年废止件数(提示,非错误)',
    defEn: "GB2021 table II: in force ≈ last year's in force + issued − repealed (a warning, not an error)",
  },
  'P-regulations': {
    id: 'P-regulations',
    zh: '合理性 规章制定主体',
    en: 'Plausibility: who makes regulations',
    defZh: '只有省级和设区的市人民政府制定规章;乡镇、街道或部门的年报表二“规章”行应为 0',
    defEn: 'Only provincial and districted-city governments make regulations; a town, street office or department should report 0',
  },
  'P-format': {
    id: 'P-format',
    zh: '合理性 表格格式与年度',
    en: 'Plausibility: format and year',
    defZh: '2020 年度及以前用 2019 版格式,2021 年度起用 2021 版格式',
    defEn: 'Report years up to 2020 use GB2019; from 2021, GB2021',
  },
  'P-unit': {
    id: 'P-unit',
    zh: '合理性 采购金额单位',
    en: 'Plausibility: procurement unit',
    defZh: '政府集中采购总金额应注明单位(元或万元)',
    defEn: 'The procurement amount should state its unit (yuan or 10k yuan)',
  },
  'P-approx': {
    id: 'P-approx',
    zh: '合理性 约数参与求和',
    en: 'Plausibility: approximations in sums',
    defZh: '参与勾稽求和的数值是约数(“余”“约”),核对结果只是近似',
    defEn: 'An approximate value took part in a sum, so the check is only approximate',
  },
  'T-prose': {
    id: 'T-prose',
    zh: '正文与表格',
    en: 'Prose vs table',
    defZh: '正文所述数字(申请、复议诉讼情况)应与表三、表四一致',
    defEn: 'Figures stated in the prose (requests, review and litigation) should equal tables III and IV',
  },
};

export const RULE_IDS: readonly RuleId[] = Object.keys(RULES) as RuleId[];

export const SEVERITY_LABELS: Readonly<Record<Severity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '说明', en: 'Info' },
  'not-checkable': { zh: '无法核对', en: 'Not checkable' },
};
