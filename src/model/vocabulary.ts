// The national report formats as data: sections, rows, columns, Chinese and English labels, display units.
// Chinese labels are exactly those of labels.csv (tests/fixtures/labels.csv); a unit test holds the two together.

export type SectionKey =
  | 'headline'
  | 'active_2019'
  | 'active_2021'
  | 'requests'
  | 'requests_text'
  | 'review'
  | 'review_text'
  | 'stats_pre2019';

export interface Label {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

export interface RowDef extends Label {
  /** Column keys this row has, in the order the national table prints them. */
  readonly columns: readonly string[];
  /** Unit a value of this row is displayed in when the report prints none. */
  readonly unit: string;
}

export interface SectionDef extends Label {
  readonly rows: readonly RowDef[];
  readonly columns: readonly Label[];
}

const CHANNELS: readonly Label[] = [
  { key: 'total', zh: '合计', en: 'Total' },
  { key: 'website', zh: '政府网站', en: 'Government website' },
  { key: 'wechat', zh: '政务微信/微信公众号', en: 'WeChat account' },
  { key: 'weibo', zh: '政务微博', en: 'Weibo account' },
  { key: 'new_media', zh: '政务新媒体(多平台合计)', en: 'New media (all platforms)' },
  { key: 'bulletin_board', zh: '公开栏/公示栏', en: 'Notice boards' },
  { key: 'other', zh: '其他渠道', en: 'Other channels' },
];
const CHANNEL_KEYS = CHANNELS.map((c) => c.key);

const APPLICANTS: readonly Label[] = [
  { key: 'natural_person', zh: '自然人', en: 'Natural persons' },
  { key: 'commercial', zh: '法人或其他组织/商业企业', en: 'Organisations / businesses' },
  { key: 'research', zh: '法人或其他组织/科研机构', en: 'Organisations / research institutes' },
  { key: 'public_welfare', zh: '法人或其他组织/社会公益组织', en: 'Organisations / public-welfare groups' },
  { key: 'legal_service', zh: '法人或其他组织/法律服务机构', en: 'Organisations / legal services' },
  { key: 'other_org', zh: '法人或其他组织/其他', en: 'Organisations / other' },
  { key: 'total', zh: '总计', en: 'Total' },
];
const APPLICANT_KEYS = APPLICANTS.map((c) => c.key);
/** The six applicant columns whose sum is the 总计 column (identity I2). */
export const APPLICANT_PARTS: readonly string[] = APPLICANT_KEYS.filter((k) => k !== 'total');

const REVIEW_COLUMNS: readonly Label[] = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
  { key: 'other_result', zh: '其他结果', en: 'Other result' },
  { key: 'pending', zh: '尚未审结', en: 'Pending' },
  { key: 'total', zh: '总计', en: 'Total' },
];
const REVIEW_KEYS = REVIEW_COLUMNS.map((c) => c.key);

const ACTIVE_2019_COLUMNS: readonly Label[] = [
  { key: 'made_this_year', zh: '本年新制作数量', en: 'Made this year' },
  { key: 'published_this_year', zh: '本年新公开数量', en: 'Published this year' },
  { key: 'total_published', zh: '对外公开总数量', en: 'Total published' },
  { key: 'prev_year_items', zh: '上一年项目数量', en: 'Items last year' },
  { key: 'change_this_year', zh: '本年增/减', en: 'Change this year' },
  { key: 'decisions', zh: '处理决定数量', en: 'Decisions' },
  { key: 'procurement_projects', zh: '采购项目数量', en: 'Procurement projects' },
  { key: 'procurement_amount', zh: '采购总金额', en: 'Procurement amount' },
];
const DOCS_2019 = ['made_this_year', 'published_this_year', 'total_published'];
const ITEMS_2019 = ['prev_year_items', 'change_this_year', 'decisions'];

const ACTIVE_2021_COLUMNS: readonly Label[] = [
  { key: 'issued_this_year', zh: '本年制发件数', en: 'Issued this year' },
  { key: 'repealed_this_year', zh: '本年废止件数', en: 'Repealed this year' },
  { key: 'in_force', zh: '现行有效件数', en: 'In force' },
  { key: 'decisions_this_year', zh: '本年处理决定数量', en: 'Decisions this year' },
  { key: 'fee_amount', zh: '本年收费金额(单位:万元)', en: 'Fees collected (10k yuan)' },
];
const DOCS_2021 = ['issued_this_year', 'repealed_this_year', 'in_force'];

const OUTCOME = '三、本年度办理结果/';
const DENIED = `${OUTCOME}(三)不予公开/`;
const UNABLE = `${OUTCOME}(四)无法提供/`;
const NOTPROC = `${OUTCOME}(五)不予处理/`;
const OTHER = `${OUTCOME}(六)其他处理/`;

/** Rows of table 三 without their columns: shared by `requests` and (with a suffix) `requests_text`. */
const REQUEST_ROWS: readonly (Label & { gb?: 'GB2019' | 'GB2021' })[] = [
  { key: 'new_received', zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests received this year' },
  { key: 'carried_over', zh: '二、上年结转政府信息公开申请数量', en: 'II. Carried over from last year' },
  { key: 'granted', zh: `${OUTCOME}(一)予以公开`, en: 'III. Outcome / (1) Granted' },
  { key: 'partially_granted', zh: `${OUTCOME}(二)部分公开(区分处理的,只计这一情形,不计其他情形)`, en: 'III. Outcome / (2) Partially granted' },
  { key: 'denied_state_secret', zh: `${DENIED}1.属于国家秘密`, en: 'Denied / state secret' },
  { key: 'denied_law_prohibited', zh: `${DENIED}2.其他法律行政法规禁止公开`, en: 'Denied / prohibited by other laws' },
  { key: 'denied_three_safety', zh: `${DENIED}3.危及“三安全一稳定”`, en: 'Denied / endangers security or stability' },
  { key: 'denied_third_party', zh: `${DENIED}4.保护第三方合法权益`, en: "Denied / third parties' rights" },
  { key: 'denied_internal_affairs', zh: `${DENIED}5.属于三类内部事务信息`, en: 'Denied / internal affairs' },
  { key: 'denied_process_info', zh: `${DENIED}6.属于四类过程性信息`, en: 'Denied / process information' },
  { key: 'denied_enforcement_file', zh: `${DENIED}7.属于行政执法案卷`, en: 'Denied / enforcement files' },
  { key: 'denied_admin_query', zh: `${DENIED}8.属于行政查询事项`, en: 'Denied / administrative query' },
  { key: 'unable_not_held', zh: `${UNABLE}1.本机关不掌握相关政府信息`, en: 'Unable / not held' },
  { key: 'unable_need_create', zh: `${UNABLE}2.没有现成信息需要另行制作`, en: 'Unable / would need creating' },
  { key: 'unable_unclear', zh: `${UNABLE}3.补正后申请内容仍不明确`, en: 'Unable / still unclear after correction' },
  { key: 'notproc_petition', zh: `${NOTPROC}1.信访举报投诉类申请`, en: 'Not processed / petitions and complaints' },
  { key: 'notproc_repeat', zh: `${NOTPROC}2.重复申请`, en: 'Not processed / repeated request' },
  { key: 'notproc_publication', zh: `${NOTPROC}3.要求提供公开出版物`, en: 'Not processed / public publication' },
  { key: 'notproc_massive', zh: `${NOTPROC}4.无正当理由大量反复申请`, en: 'Not processed / mass repeated requests' },
  { key: 'notproc_confirm', zh: `${NOTPROC}5.要求行政机关确认或重新出具已获取信息`, en: 'Not processed / confirm or reissue' },
  { key: 'other_processing', zh: `${OUTCOME}(六)其他处理`, en: 'Other processing (GB2019)', gb: 'GB2019' },
  { key: 'other_no_correction', zh: `${OTHER}1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请`, en: 'Other / no correction in time (GB2021)', gb: 'GB2021' },
  { key: 'other_no_fee', zh: `${OTHER}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请`, en: 'Other / fee not paid (GB2021)', gb: 'GB2021' },
  { key: 'other_other', zh: `${OTHER}3.其他`, en: 'Other / other (GB2021)', gb: 'GB2021' },
  { key: 'results_total', zh: `${OUTCOME}(七)总计`, en: 'III. Outcome / (7) Total' },
  { key: 'carried_forward', zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year' },
];

/** labels.csv marks the format-specific 其他处理 rows in the table section only. */
function requestRowZh(row: Label & { gb?: string }): string {
  return row.gb ? `${row.zh}[仅${row.gb}]` : row.zh;
}

const PROSE = '(正文所述)';

const REVIEW_ROWS: readonly Label[] = [
  { key: 'admin_review', zh: '行政复议', en: 'Administrative review' },
  { key: 'litigation_direct', zh: '行政诉讼/未经复议直接起诉', en: 'Litigation / direct' },
  { key: 'litigation_after_review', zh: '行政诉讼/复议后起诉', en: 'Litigation / after review' },
];

const PRE2019_COLUMNS: readonly Label[] = [
  { key: 'this_year', zh: '本年度', en: 'This year' },
  { key: 'cumulative', zh: '历年累计', en: 'Cumulative' },
];
const OLD = '(2008-2018统计表)';

function row(key: string, zh: string, en: string, columns: readonly string[], unit: string): RowDef {
  return { key, zh, en, columns, unit };
}

export const SECTIONS: readonly SectionDef[] = [
  {
    key: 'headline',
    zh: '总体情况(正文所述)',
    en: 'Overview (stated in prose)',
    columns: CHANNELS,
    rows: [
      row('published_items', '主动公开政府信息数量(正文所述)', 'Items published or updated (prose)', CHANNEL_KEYS, '条'),
      row('published_regulations', '主动公开规章数量(正文所述)', 'Regulations published (prose)', CHANNEL_KEYS, '件'),
      row('published_normative_docs', '主动公开(行政)规范性文件数量(正文所述)', 'Normative documents published (prose)', CHANNEL_KEYS, '件'),
      row('applications_received', '收到政府信息公开申请数量(正文所述,口径不明)', 'Requests received (prose, scope unclear)', CHANNEL_KEYS, '件'),
    ],
  },
  {
    key: 'active_2019',
    zh: '主动公开政府信息情况(GB2019)',
    en: 'Proactive disclosure (GB2019)',
    columns: ACTIVE_2019_COLUMNS,
    rows: [
      row('regulations', '规章', 'Regulations', DOCS_2019, '件'),
      row('normative_docs', '规范性文件', 'Normative documents', DOCS_2019, '件'),
      row('other_active_docs', '其他主动公开文件(湖北省扩展行,非国办格式)', 'Other proactive documents (Hubei variant)', DOCS_2019, '件'),
      row('admin_license', '行政许可', 'Administrative licensing', ITEMS_2019, '项'),
      row('other_mgmt_services', '其他对外管理服务事项', 'Other management services', ITEMS_2019, '项'),
      row('admin_penalty', '行政处罚', 'Administrative penalties', ITEMS_2019, '项'),
      row('admin_coercion', '行政强制', 'Administrative coercion', ITEMS_2019, '项'),
      row('admin_fees', '行政事业性收费', 'Administrative fees', ['prev_year_items', 'change_this_year'], '项'),
      row('central_procurement', '政府集中采购', 'Centralized procurement', ['procurement_projects', 'procurement_amount'], '个'),
    ],
  },
  {
    key: 'active_2021',
    zh: '主动公开政府信息情况(GB2021)',
    en: 'Proactive disclosure (GB2021)',
    columns: ACTIVE_2021_COLUMNS,
    rows: [
      row('regulations', '规章', 'Regulations', DOCS_2021, '件'),
      row('normative_docs', '行政规范性文件', 'Administrative normative documents', DOCS_2021, '件'),
      row('admin_license', '行政许可', 'Administrative licensing', ['decisions_this_year'], '件'),
      row('admin_penalty', '行政处罚', 'Administrative penalties', ['decisions_this_year'], '件'),
      row('admin_coercion', '行政强制', 'Administrative coercion', ['decisions_this_year'], '件'),
      row('admin_fees', '行政事业性收费', 'Administrative fees', ['fee_amount'], '万元'),
    ],
  },
  {
    key: 'requests',
    zh: '收到和处理政府信息公开申请情况',
    en: 'Information requests received and handled',
    columns: APPLICANTS,
    rows: REQUEST_ROWS.map((r) => row(r.key, requestRowZh(r), r.en, APPLICANT_KEYS, '件')),
  },
  {
    key: 'requests_text',
    zh: '收到和处理政府信息公开申请情况(正文所述)',
    en: 'Information requests (stated in prose)',
    columns: [{ key: 'total', zh: '总计', en: 'Total' }],
    rows: [
      ...REQUEST_ROWS.map((r) => row(r.key, `${r.zh}${PROSE}`, `${r.en} (prose)`, ['total'], '件')),
      row('granted_plus_partial', '予以公开及部分公开(合计;仅正文)', 'Granted + partially granted (prose only)', ['total'], '件'),
      row('denied_subtotal', `${OUTCOME}(三)不予公开(小计;仅正文)`, 'Denied, subtotal (prose only)', ['total'], '件'),
      row('unable_subtotal', `${OUTCOME}(四)无法提供(小计;仅正文)`, 'Unable to provide, subtotal (prose only)', ['total'], '件'),
      row('notproc_subtotal', `${OUTCOME}(五)不予处理(小计;仅正文)`, 'Not processed, subtotal (prose only)', ['total'], '件'),
      row('other_subtotal', `${OUTCOME}(六)其他处理(小计;仅正文)`, 'Other processing, subtotal (prose only)', ['total'], '件'),
    ],
  },
  {
    key: 'review',
    zh: '政府信息公开行政复议、行政诉讼情况',
    en: 'Administrative review and litigation',
    columns: REVIEW_COLUMNS,
    rows: REVIEW_ROWS.map((r) => row(r.key, r.zh, r.en, REVIEW_KEYS, '件')),
  },
  {
    key: 'review_text',
    zh: '行政复议、行政诉讼情况(正文所述)',
    en: 'Review and litigation (stated in prose)',
    columns: REVIEW_COLUMNS,
    rows: [
      ...REVIEW_ROWS.map((r) => row(r.key, `${r.zh}${PROSE}`, `${r.en} (prose)`, REVIEW_KEYS, '件')),
      row('litigation_all', '行政诉讼(合计;仅正文)', 'Litigation, all (prose only)', REVIEW_KEYS, '件'),
      row('all_cases', '行政复议与行政诉讼合计(仅正文)', 'Review and litigation, all (prose only)', ['total'], '件'),
    ],
  },
  {
    key: 'stats_pre2019',
    zh: '政府信息公开统计表(2008-2018)',
    en: 'Statistics table (2008–2018)',
    columns: PRE2019_COLUMNS,
    rows: [
      row('old_published', `主动公开文件数/主动公开信息数${OLD}`, 'Items published (old table)', ['this_year', 'cumulative'], '条'),
      row('old_published_web', `其中:政府网站公开数${OLD}`, '… on the website (old table)', ['this_year', 'cumulative'], '条'),
      row('old_published_gazette', `其中:政府公报公开数${OLD}`, '… in the gazette (old table)', ['this_year', 'cumulative'], '条'),
      row('old_app_total', `受理依申请公开信息总数${OLD}`, 'Requests accepted (old table)', ['this_year', 'cumulative'], '件'),
      row('old_replies_total', `对申请的答复总数${OLD}`, 'Replies to requests (old table)', ['this_year', 'cumulative'], '件'),
      row('old_reply_granted', `其中:同意公开答复数${OLD}`, '… granted (old table)', ['this_year', 'cumulative'], '件'),
      row('old_admin_review', `行政复议数${OLD}`, 'Administrative reviews (old table)', ['this_year', 'cumulative'], '件'),
      row('old_litigation', `行政诉讼数${OLD}`, 'Lawsuits (old table)', ['this_year', 'cumulative'], '件'),
      row('old_complaints', `接受行政诉讼、举报数/行政申诉、举报数/行政申诉数${OLD}`, 'Complaints and reports (old table)', ['this_year', 'cumulative'], '件'),
    ],
  },
];

export const SECTION_BY_KEY: ReadonlyMap<string, SectionDef> = new Map(SECTIONS.map((s) => [s.key, s]));

export interface KeyDef {
  readonly key: string;
  readonly section: SectionDef;
  readonly row: RowDef;
  readonly column: Label;
}

/** Every canonical key `section.row.column` the vocabulary knows, with its definitions. */
export const KEY_DEFS: ReadonlyMap<string, KeyDef> = new Map(
  SECTIONS.flatMap((section) =>
    section.rows.flatMap((r) =>
      r.columns.map((c): [string, KeyDef] => {
        const column = section.columns.find((col) => col.key === c);
        if (!column) throw new Error(`vocabulary: column ${c} missing in section ${section.key}`);
        const key = `${section.key}.${r.key}.${c}`;
        return [key, { key, section, row: r, column }];
      }),
    ),
  ),
);

export function cellKey(section: string, row: string, column: string): string {
  return `${section}.${row}.${column}`;
}

export function isKnownKey(key: string): boolean {
  return KEY_DEFS.has(key);
}
