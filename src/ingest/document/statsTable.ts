// The statistics table of reports before 2019 (政府信息公开情况统计表): rows of 指标名称 · 计量单位 · 本年度 ·
// 历年累计, in local variants. Each row's label is the text before its figures; only rows of the vocabulary's
// stats_pre2019 section are kept, the sub-rows (当面申请数 …) only end the row before them.
import { allowedEdits, findApprox } from './fuzzy';
import { labelKey } from './normalize';
import { readings, type Reading } from './readings';
import type { RowOptions, FigureReading } from './tables';
import { textOffset, type Stream } from './stream';
import { valueTokens, type ValueToken } from './tokens';

const ROWS: readonly { key: string; labels: readonly string[] }[] = [
  { key: 'old_published', labels: ['主动公开信息数', '主动公开文件数', '主动公开政府信息数'] },
  { key: 'old_published_web', labels: ['网站公开', '政府网站公开数', '网站公开数'] },
  { key: 'old_published_gazette', labels: ['政府公报公开', '政府公报公开数'] },
  { key: 'old_app_total', labels: ['受理依申请公开信息总数', '受理政府信息依申请公开总数', '受理依申请公开总数'] },
  { key: 'old_replies_total', labels: ['对申请的答复数', '对申请的答复总数'] },
  { key: 'old_reply_granted', labels: ['同意公开答复数'] },
  { key: 'old_admin_review', labels: ['行政复议数'] },
  { key: 'old_litigation', labels: ['行政诉讼数'] },
  { key: 'old_complaints', labels: ['行政申诉数', '接受行政诉讼举报数', '行政申诉举报数'] },
];
const COLUMNS = ['this_year', 'cumulative'];

/** The table's start: its name, with 指标名称 or 历年累计 close after it (the overview also says "统计表共五个部分"). */
function findTable(stream: Stream): { from: number; to: number } | undefined {
  const c = stream.compact;
  for (let i = c.indexOf('统计表'); i >= 0; i = c.indexOf('统计表', i + 1)) {
    const near = c.slice(i, i + 60);
    if (/指标名称|历年累计/.test(near)) {
      const head = Math.max(near.indexOf('历年累计') + 4, near.indexOf('指标名称') + 4);
      const end = c.indexOf('附件下载', i);
      return { from: textOffset(stream, i + head), to: end >= 0 ? textOffset(stream, end) : stream.text.length };
    }
  }
  return undefined;
}

function rowOf(label: string): string | undefined {
  // "其中：1.网站公开 条" → "网站公开"
  const key = labelKey(label).replace(/^其中/, '').replace(/^\d+/, '').replace(/(?:条|件|元|个)$/, '');
  if (key.length < 2) return undefined;
  for (const row of ROWS) {
    for (const l of row.labels) {
      const want = labelKey(l);
      if (Math.abs(want.length - key.length) > 1) continue;
      if (findApprox(key, want, 0, key.length, allowedEdits(want.length)).some((m) => m.start === 0 && m.end >= key.length - 1)) return row.key;
    }
  }
  return undefined;
}

/** A row's two figures: this year, cumulative (never less than this year). */
function score(r: Reading): number {
  const [year, total] = r.values.map((v) => v.value);
  const lengths = r.values.map((v) => (v.printed ?? '').length);
  let s = -0.5 * Math.abs(lengths[0] - lengths[1]);
  if (year !== null && total !== null) s += total >= year ? 1 : -3;
  return s;
}

export function readStatsTable(stream: Stream, rowOptions: RowOptions[]): FigureReading[] {
  const table = findTable(stream);
  if (!table) return [];
  const figures: FigureReading[] = [];
  const flush = (label: string, labelAt: number, group: ValueToken[]) => {
    const row = rowOf(label);
    if (!row || group.length === 0) return;
    const all = readings(group, { n: 2, splitCost: () => 0 }, false).filter((r) => r.fails === 0);
    if (all.length === 0) return;
    const ranked = all.filter((r) => r.cost === all[0].cost).sort((a, b) => score(b) - score(a));
    const chosen = ranked[0];
    const keys = COLUMNS.map((c) => `stats_pre2019.${row}.${c}`);
    keys.forEach((key, i) => {
      const v = chosen.values[i];
      const f: FigureReading = { key, value: v.value, labelAt };
      if (v.start !== undefined) f.start = v.start;
      if (v.end !== undefined) f.end = v.end;
      if (v.printed !== undefined) f.printed = v.printed;
      const others = [...new Set(ranked.slice(1, 6).map((r) => r.values[i].value).filter((x) => x !== v.value))];
      if (others.length > 0) {
        f.doubt = 'ambiguous';
        f.alternatives = others;
      }
      figures.push(f);
    });
    if (ranked.length > 1) rowOptions.push({ keys, options: ranked.slice(0, 40).map((r) => r.values.map((v) => v.value)) });
  };
  let group: ValueToken[] = [];
  let label = '';
  let labelAt = table.from;
  let prevEnd = table.from;
  for (const t of valueTokens(stream, table.from, table.to)) {
    const between = stream.text.slice(prevEnd, t.start);
    // Chinese words between two figures are the next row's label (units and "其中" aside).
    if (group.length === 0 || /[\u3400-\u9fff]{2,}/.test(between.replace(/其中|条|件|元|个|计量单位/g, ''))) {
      flush(label, labelAt, group);
      group = [];
      label = between;
      labelAt = prevEnd + Math.max(0, between.search(/\S/));
    }
    group.push(t);
    prevEnd = t.end;
  }
  flush(label, labelAt, group);
  return figures;
}
