import { describe, expect, it } from 'vitest';
import { KEY_DEFS, SECTIONS } from '../../src/model/vocabulary';
import { OUTCOME_GROUPS, OUTCOME_LEAF_ROWS } from '../../src/model/outcomes';
import { LABELS_CSV, readCsv } from '../helpers/fixture';

interface LabelRow {
  section: string;
  row_key: string;
  row_label_zh: string;
  column_key: string;
  column_label_zh: string;
}

const labels = readCsv<LabelRow>(LABELS_CSV);

describe('vocabulary against labels.csv', () => {
  it('has the 330 keys of labels.csv', () => {
    expect(labels).toHaveLength(330);
  });

  it.each(labels.map((l) => [`${l.section}.${l.row_key}.${l.column_key}`, l] as const))('%s maps to the model with its Chinese labels', (key, l) => {
    const def = KEY_DEFS.get(key);
    expect(def, key).toBeDefined();
    expect(def?.row.zh).toBe(l.row_label_zh);
    expect(def?.column.zh).toBe(l.column_label_zh);
    expect(def?.row.en.length).toBeGreaterThan(0);
    expect(def?.row.unit.length).toBeGreaterThan(0);
  });

  it('knows no key that labels.csv lacks', () => {
    const fromCsv = new Set(labels.map((l) => `${l.section}.${l.row_key}.${l.column_key}`));
    expect([...KEY_DEFS.keys()].filter((k) => !fromCsv.has(k))).toEqual([]);
  });

  it('lists the sections of FORMATS.md', () => {
    expect(SECTIONS.map((s) => s.key)).toEqual([
      'headline',
      'active_2019',
      'active_2021',
      'requests',
      'requests_text',
      'review',
      'review_text',
      'stats_pre2019',
    ]);
  });
});

describe('outcome groups', () => {
  it('cover exactly the leaf rows between 二、上年结转 and (七)总计, each once', () => {
    const requestRows = SECTIONS.find((s) => s.key === 'requests')?.rows.map((r) => r.key) ?? [];
    const leaves = requestRows.slice(requestRows.indexOf('carried_over') + 1, requestRows.indexOf('results_total'));
    expect([...OUTCOME_LEAF_ROWS].sort()).toEqual([...leaves].sort());
    expect(new Set(OUTCOME_LEAF_ROWS).size).toBe(OUTCOME_LEAF_ROWS.length);
  });

  it('are the six chart groups with 8, 3, 5 and 1+3 rows', () => {
    expect(OUTCOME_GROUPS.map((g) => [g.zh, g.rows.length])).toEqual([
      ['予以公开', 1],
      ['部分公开', 1],
      ['不予公开', 8],
      ['无法提供', 3],
      ['不予处理', 5],
      ['其他处理', 4],
    ]);
  });
});
