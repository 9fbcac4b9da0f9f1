// The national tables 二, 三 and 四 as they are printed (国办公开办函〔2019〕60号 and 〔2021〕30号): header rows,
// label cells with their row and column spans, and the canonical key of every value cell. One description serves
// every place that draws a report the way its readers know it (the import review sheet, printed report sheets)
// and the tests that write documents in the official layout.
import type { FormatId } from './report';

export type LayoutCellKind = 'title' | 'head' | 'label' | 'value';

export interface LayoutCell {
  kind: LayoutCellKind;
  /** Printed text of a title, header or label cell (full-width punctuation, as the official template). */
  zh?: string;
  en?: string;
  /** Canonical key `section.row.column` of a value cell. */
  key?: string;
  rowspan?: number;
  colspan?: number;
}

export type LayoutTableId = 'active' | 'requests' | 'review';

export interface LayoutTable {
  id: LayoutTableId;
  /** The section heading printed above the table. */
  zh: string;
  en: string;
  /** Grid columns the table spans (label columns included). */
  width: number;
  rows: LayoutCell[][];
}

const title = (zh: string, en: string, colspan: number): LayoutCell => ({ kind: 'title', zh, en, colspan });
const head = (zh: string, en: string, span: { rowspan?: number; colspan?: number } = {}): LayoutCell => ({ kind: 'head', zh, en, ...span });
const label = (zh: string, en: string, span: { rowspan?: number; colspan?: number } = {}): LayoutCell => ({ kind: 'label', zh, en, ...span });
const value = (key: string, colspan?: number): LayoutCell => (colspan ? { kind: 'value', key, colspan } : { kind: 'value', key });

const INFO = head('信息内容', 'Item');

function activeGb2019(): LayoutTable {
  const s = 'active_2019';
  const docs = ['made_this_year', 'published_this_year', 'total_published'];
  const items = ['prev_year_items', 'change_this_year', 'decisions'];
  const docsHead = [INFO, head('本年新制作数量', 'Made this year'), head('本年新公开数量', 'Published this year'), head('对外公开总数量', 'Total published')];
  const itemsHead = [INFO, head('上一年项目数量', 'Items last year'), head('本年增/减', 'Change this year'), head('处理决定数量', 'Decisions')];
  const row = (zh: string, en: string, key: string, columns: string[], widths?: number[]) => [
    label(zh, en),
    ...columns.map((c, i) => value(`${s}.${key}.${c}`, widths?.[i])),
  ];
  return {
    id: 'active',
    zh: '二、主动公开政府信息情况',
    en: 'II. Proactive disclosure',
    width: 4,
    rows: [
      [title('第二十条第（一）项', 'Article 20 (1)', 4)],
      docsHead,
      row('规章', 'Regulations', 'regulations', docs),
      row('规范性文件', 'Normative documents', 'normative_docs', docs),
      [title('第二十条第（五）项', 'Article 20 (5)', 4)],
      itemsHead,
      row('行政许可', 'Administrative licensing', 'admin_license', items),
      row('其他对外管理服务事项', 'Other management services', 'other_mgmt_services', items),
      [title('第二十条第（六）项', 'Article 20 (6)', 4)],
      itemsHead,
      row('行政处罚', 'Administrative penalties', 'admin_penalty', items),
      row('行政强制', 'Administrative coercion', 'admin_coercion', items),
      [title('第二十条第（八）项', 'Article 20 (8)', 4)],
      [INFO, head('上一年项目数量', 'Items last year'), head('本年增/减', 'Change this year', { colspan: 2 })],
      row('行政事业性收费', 'Administrative fees', 'admin_fees', ['prev_year_items', 'change_this_year'], [1, 2]),
      [title('第二十条第（九）项', 'Article 20 (9)', 4)],
      [INFO, head('采购项目数量', 'Procurement projects'), head('采购总金额', 'Procurement amount', { colspan: 2 })],
      row('政府集中采购', 'Centralized procurement', 'central_procurement', ['procurement_projects', 'procurement_amount'], [1, 2]),
    ],
  };
}

function activeGb2021(): LayoutTable {
  const s = 'active_2021';
  const docs = ['issued_this_year', 'repealed_this_year', 'in_force'];
  const one = (zh: string, en: string, key: string, column: string) => [label(zh, en), value(`${s}.${key}.${column}`, 3)];
  return {
    id: 'active',
    zh: '二、主动公开政府信息情况',
    en: 'II. Proactive disclosure',
    width: 4,
    rows: [
      [title('第二十条第（一）项', 'Article 20 (1)', 4)],
      [INFO, head('本年制发件数', 'Issued this year'), head('本年废止件数', 'Repealed this year'), head('现行有效件数', 'In force')],
      [label('规章', 'Regulations'), ...docs.map((c) => value(`${s}.regulations.${c}`))],
      [label('行政规范性文件', 'Administrative normative documents'), ...docs.map((c) => value(`${s}.normative_docs.${c}`))],
      [title('第二十条第（五）项', 'Article 20 (5)', 4)],
      [INFO, head('本年处理决定数量', 'Decisions this year', { colspan: 3 })],
      one('行政许可', 'Administrative licensing', 'admin_license', 'decisions_this_year'),
      [title('第二十条第（六）项', 'Article 20 (6)', 4)],
      [INFO, head('本年处理决定数量', 'Decisions this year', { colspan: 3 })],
      one('行政处罚', 'Administrative penalties', 'admin_penalty', 'decisions_this_year'),
      one('行政强制', 'Administrative coercion', 'admin_coercion', 'decisions_this_year'),
      [title('第二十条第（八）项', 'Article 20 (8)', 4)],
      [INFO, head('本年收费金额（单位：万元）', 'Fees collected (10k yuan)', { colspan: 3 })],
      one('行政事业性收费', 'Administrative fees', 'admin_fees', 'fee_amount'),
    ],
  };
}

/** The seven applicant columns of table 三, in printed order. */
export const REQUEST_COLUMNS: readonly string[] = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org', 'total'];
/** The fifteen value columns of table 四, in printed order: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉. */
export const REVIEW_ROWS: readonly string[] = ['admin_review', 'litigation_direct', 'litigation_after_review'];
export const REVIEW_COLUMNS: readonly string[] = ['upheld', 'corrected', 'other_result', 'pending', 'total'];

export interface RequestsLayoutOptions {
  /** GB2021-year reports that still print GB2019's single row (六)其他处理. */
  singleOtherRow?: boolean;
}

function requests(format: 'GB2019' | 'GB2021', options: RequestsLayoutOptions): LayoutTable {
  const values = (row: string) => REQUEST_COLUMNS.map((c) => value(`requests.${row}.${c}`));
  const singleOther = format === 'GB2019' || options.singleOtherRow === true;
  const denied: [string, string, string][] = [
    ['denied_state_secret', '1.属于国家秘密', 'State secret'],
    ['denied_law_prohibited', '2.其他法律行政法规禁止公开', 'Prohibited by other laws'],
    ['denied_three_safety', '3.危及“三安全一稳定”', 'Endangers security or stability'],
    ['denied_third_party', '4.保护第三方合法权益', "Third parties' rights"],
    ['denied_internal_affairs', '5.属于三类内部事务信息', 'Internal affairs'],
    ['denied_process_info', '6.属于四类过程性信息', 'Process information'],
    ['denied_enforcement_file', '7.属于行政执法案卷', 'Enforcement files'],
    ['denied_admin_query', '8.属于行政查询事项', 'Administrative query'],
  ];
  const unable: [string, string, string][] = [
    ['unable_not_held', '1.本机关不掌握相关政府信息', 'Not held'],
    ['unable_need_create', '2.没有现成信息需要另行制作', 'Would need creating'],
    ['unable_unclear', '3.补正后申请内容仍不明确', 'Still unclear after correction'],
  ];
  const notProcessed: [string, string, string][] = [
    ['notproc_petition', '1.信访举报投诉类申请', 'Petitions and complaints'],
    ['notproc_repeat', '2.重复申请', 'Repeated request'],
    ['notproc_publication', '3.要求提供公开出版物', 'Public publication'],
    ['notproc_massive', '4.无正当理由大量反复申请', 'Mass repeated requests'],
    ['notproc_confirm', '5.要求行政机关确认或重新出具已获取信息', 'Confirm or reissue'],
  ];
  const other: [string, string, string][] = [
    ['other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'No correction in time'],
    ['other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'Fee not paid'],
    ['other_other', '3.其他', 'Other'],
  ];
  const group = (zh: string, en: string, leaves: [string, string, string][]): LayoutCell[][] =>
    leaves.map(([key, lzh, len], i) => [...(i === 0 ? [label(zh, en, { rowspan: leaves.length })] : []), label(lzh, len), ...values(key)]);
  const outcomeRows: LayoutCell[][] = [
    [label('（一）予以公开', '(1) Granted', { colspan: 2 }), ...values('granted')],
    [label('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partially granted', { colspan: 2 }), ...values('partially_granted')],
    ...group('（三）不予公开', '(3) Denied', denied),
    ...group('（四）无法提供', '(4) Unable to provide', unable),
    ...group('（五）不予处理', '(5) Not processed', notProcessed),
    ...(singleOther
      ? [[label('（六）其他处理', '(6) Other processing', { colspan: 2 }), ...values('other_processing')]]
      : group('（六）其他处理', '(6) Other processing', other)),
    [label('（七）总计', '(7) Total', { colspan: 2 }), ...values('results_total')],
  ];
  outcomeRows[0].unshift(label('三、本年度办理结果', 'III. Outcomes this year', { rowspan: outcomeRows.length }));
  return {
    id: 'requests',
    zh: '三、收到和处理政府信息公开申请情况',
    en: 'III. Information requests received and handled',
    width: 10,
    rows: [
      [
        head('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '(Rows I + II = rows III + IV)', { rowspan: 3, colspan: 3 }),
        head('申请人情况', 'Applicants', { colspan: 7 }),
      ],
      [
        head('自然人', 'Natural persons', { rowspan: 2 }),
        head('法人或其他组织', 'Legal persons and other organisations', { colspan: 5 }),
        head('总计', 'Total', { rowspan: 2 }),
      ],
      [
        head('商业企业', 'Businesses'),
        head('科研机构', 'Research institutes'),
        head('社会公益组织', 'Public-welfare groups'),
        head('法律服务机构', 'Legal services'),
        head('其他', 'Other'),
      ],
      [label('一、本年新收政府信息公开申请数量', 'I. New requests received this year', { colspan: 3 }), ...values('new_received')],
      [label('二、上年结转政府信息公开申请数量', 'II. Carried over from last year', { colspan: 3 }), ...values('carried_over')],
      ...outcomeRows,
      [label('四、结转下年度继续办理', 'IV. Carried forward to next year', { colspan: 3 }), ...values('carried_forward')],
    ],
  };
}

function review(): LayoutTable {
  const columns: [string, string][] = [
    ['结果维持', 'Upheld'],
    ['结果纠正', 'Corrected'],
    ['其他结果', 'Other result'],
    ['尚未审结', 'Pending'],
    ['总计', 'Total'],
  ];
  const heads = () => columns.map(([zh, en]) => head(zh, en));
  return {
    id: 'review',
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: 'IV. Administrative review and litigation',
    width: 15,
    rows: [
      [head('行政复议', 'Administrative review', { colspan: 5 }), head('行政诉讼', 'Litigation', { colspan: 10 })],
      [
        ...columns.map(([zh, en]) => head(zh, en, { rowspan: 2 })),
        head('未经复议直接起诉', 'Direct', { colspan: 5 }),
        head('复议后起诉', 'After review', { colspan: 5 }),
      ],
      [...heads(), ...heads()],
      REVIEW_ROWS.flatMap((row) => REVIEW_COLUMNS.map((c) => value(`review.${row}.${c}`))),
    ],
  };
}

/**
 * The three tables of a report in the national layout. GB2021-year reports that still print the single row
 * (六)其他处理 are drawn with it, so every printed cell has its place.
 */
export function officialLayout(format: FormatId, options: RequestsLayoutOptions = {}): LayoutTable[] {
  const gb = format === 'GB2021' ? 'GB2021' : 'GB2019';
  return [gb === 'GB2021' ? activeGb2021() : activeGb2019(), requests(gb, options), review()];
}

/** Every value key a layout holds, in printed order. */
export function layoutKeys(tables: readonly LayoutTable[]): string[] {
  return tables.flatMap((t) => t.rows.flatMap((r) => r.filter((c) => c.kind === 'value' && c.key).map((c) => c.key as string)));
}
