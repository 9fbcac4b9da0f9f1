// The labels the interpreter looks for: the sections of a report and the rows of tables 二, 三 and 四, each with
// the words that identify it. Rows are found by these labels in the order the national format prints them —
// never by position alone — so a missing or extra row never shifts the figures of the others.
import { labelKey } from './normalize';

export interface RowLabel {
  /** Row key in the section (`granted`, `admin_license` …). */
  key: string;
  /** The label as printed in the national template. */
  printed: string;
  /** Other printed forms seen in real reports. */
  aliases?: readonly string[];
}

export interface LabelPattern {
  key: string;
  /** Compact form of the leading ordinal ("一", "1"), if the label has one. */
  ordinal?: string;
  /** Compact label without its ordinal. */
  core: string;
}

const ORDINAL = /^([一二三四五六七八九十]+|\d+)/;

export function patternsOf(row: RowLabel): LabelPattern[] {
  return [row.printed, ...(row.aliases ?? [])].map((text) => {
    const key = labelKey(text);
    const m = ORDINAL.exec(key);
    // "(一)予以公开" and "一、本年新收…" carry ordinals; "规章" and "政府集中采购" do not.
    const hasOrdinal = m !== null && /^[((]?\s*[一二三四五六七八九十\d]+\s*[))、.．]/.test(text.normalize('NFKC').trim());
    return hasOrdinal ? { key: row.key, ordinal: m[1], core: key.slice(m[1].length) } : { key: row.key, core: key };
  });
}

/** Table 二's rows: both formats (the headers tell GB2019 from GB2021). */
export const ACTIVE_ROWS: readonly RowLabel[] = [
  { key: 'regulations', printed: '规章' },
  { key: 'normative_docs', printed: '行政规范性文件', aliases: ['规范性文件'] },
  { key: 'other_active_docs', printed: '其他主动公开文件' },
  { key: 'admin_license', printed: '行政许可' },
  { key: 'other_mgmt_services', printed: '其他对外管理服务事项' },
  { key: 'admin_penalty', printed: '行政处罚' },
  { key: 'admin_coercion', printed: '行政强制' },
  { key: 'admin_fees', printed: '行政事业性收费' },
  { key: 'central_procurement', printed: '政府集中采购' },
];

/** Header words of table 二 that only one format prints. */
export const GB2019_ACTIVE_HEADERS: readonly string[] = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额'];
export const GB2021_ACTIVE_HEADERS: readonly string[] = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];

/** Table 三's rows in printed order; group labels ((三)不予公开 …) have no figures and are not listed. */
export const REQUEST_ROWS: readonly RowLabel[] = [
  { key: 'new_received', printed: '一、本年新收政府信息公开申请数量' },
  { key: 'carried_over', printed: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', printed: '(一)予以公开' },
  { key: 'partially_granted', printed: '(二)部分公开(区分处理的,只计这一情形,不计其他情形)' },
  { key: 'denied_state_secret', printed: '1.属于国家秘密' },
  { key: 'denied_law_prohibited', printed: '2.其他法律行政法规禁止公开' },
  { key: 'denied_three_safety', printed: '3.危及“三安全一稳定”' },
  { key: 'denied_third_party', printed: '4.保护第三方合法权益' },
  { key: 'denied_internal_affairs', printed: '5.属于三类内部事务信息' },
  { key: 'denied_process_info', printed: '6.属于四类过程性信息' },
  { key: 'denied_enforcement_file', printed: '7.属于行政执法案卷' },
  { key: 'denied_admin_query', printed: '8.属于行政查询事项' },
  { key: 'unable_not_held', printed: '1.本机关不掌握相关政府信息' },
  { key: 'unable_need_create', printed: '2.没有现成信息需要另行制作' },
  { key: 'unable_unclear', printed: '3.补正后申请内容仍不明确' },
  { key: 'notproc_petition', printed: '1.信访举报投诉类申请' },
  { key: 'notproc_repeat', printed: '2.重复申请' },
  { key: 'notproc_publication', printed: '3.要求提供公开出版物' },
  { key: 'notproc_massive', printed: '4.无正当理由大量反复申请' },
  { key: 'notproc_confirm', printed: '5.要求行政机关确认或重新出具已获取信息' },
  // OCR and narrow columns lose "处理": "(六) 其他 · 0 0 …" is still this row, known by its ordinal.
  { key: 'other_processing', printed: '(六)其他处理', aliases: ['(六)其他'] },
  { key: 'other_no_correction', printed: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other_no_fee', printed: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other_other', printed: '3.其他' },
  { key: 'results_total', printed: '(七)总计' },
  { key: 'carried_forward', printed: '四、结转下年度继续办理' },
];

/** Section headings, and the header words that mark a table where its heading is missing. */
export const SECTION_ANCHORS = {
  active: ['二、主动公开政府信息情况'],
  requests: ['三、收到和处理政府信息公开申请情况'],
  review: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况'],
  end: ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
} as const;

/** Fallback anchors: words every such table prints in its header. */
export const TABLE_HEADER_ANCHORS = {
  active: ['第二十条第(一)项'],
  requests: ['申请人情况', '本列数据的勾稽关系'],
  review: ['行政复议'],
} as const;
