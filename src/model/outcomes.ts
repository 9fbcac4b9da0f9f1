// Outcome groups of table 三 and the documented GB2019 ↔ GB2021 bridge used by charts.
import type { Label } from './vocabulary';

export type OutcomeGroupKey = 'granted' | 'partially_granted' | 'denied' | 'unable' | 'not_processed' | 'other';

export interface OutcomeGroup extends Label {
  key: OutcomeGroupKey;
  /** Leaf rows of `requests` that add up to this group. */
  rows: readonly string[];
}

/**
 * (六)其他处理 is one row in GB2019 (`other_processing`) and three in GB2021; some 2023–24 reports still print
 * the single row. Both map to the one group 其他处理 — this is the bridge between the formats.
 */
export const OTHER_PROCESSING_GB2019: readonly string[] = ['other_processing'];
export const OTHER_PROCESSING_GB2021: readonly string[] = ['other_no_correction', 'other_no_fee', 'other_other'];

export const OUTCOME_GROUPS: readonly OutcomeGroup[] = [
  { key: 'granted', zh: '予以公开', en: 'Granted', rows: ['granted'] },
  { key: 'partially_granted', zh: '部分公开', en: 'Partially granted', rows: ['partially_granted'] },
  {
    key: 'denied',
    zh: '不予公开',
    en: 'Denied',
    rows: [
      'denied_state_secret',
      'denied_law_prohibited',
      'denied_three_safety',
      'denied_third_party',
      'denied_internal_affairs',
      'denied_process_info',
      'denied_enforcement_file',
      'denied_admin_query',
    ],
  },
  { key: 'unable', zh: '无法提供', en: 'Unable to provide', rows: ['unable_not_held', 'unable_need_create', 'unable_unclear'] },
  {
    key: 'not_processed',
    zh: '不予处理',
    en: 'Not processed',
    rows: ['notproc_petition', 'notproc_repeat', 'notproc_publication', 'notproc_massive', 'notproc_confirm'],
  },
  { key: 'other', zh: '其他处理', en: 'Other processing', rows: [...OTHER_PROCESSING_GB2019, ...OTHER_PROCESSING_GB2021] },
];

/** Every leaf row of 三、本年度办理结果, i.e. the rows whose sum is (七)总计 (identity I3). */
export const OUTCOME_LEAF_ROWS: readonly string[] = OUTCOME_GROUPS.flatMap((g) => g.rows);
