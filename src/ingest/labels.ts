// Column headers and label texts → canonical keys. Files name figures by canonical key (`requests.granted.total`)
// or by the official Chinese labels in any of the ways people write them: the full path
// "三、本年度办理结果/(一)予以公开", its last part "(一)予以公开", without numbering "予以公开", full-width or
// ASCII punctuation, broken over lines. A text that matches more than one figure is never guessed: it is unknown.
import { KEY_DEFS, SECTIONS, type SectionDef } from '../model/vocabulary';
import { normalizeLabel, stripNumbering, trailingParen } from './text';

/** Drops the "[仅GB2019]" marker labels.csv puts on format-specific rows. */
function clean(label: string): string {
  return normalizeLabel(label).replace(/\[仅gb20\d\d\]$/, '');
}

/**
 * The ways a label may be written. Suffixes of its "/" path, with and without numbering; the last part also
 * without a trailing remark — except remarks saying the figure comes from the prose (正文), which are what tells
 * `requests_text` from `requests` and must not be dropped.
 */
export function labelAliases(label: string, key: string): string[] {
  const out = new Set<string>([key.toLowerCase()]);
  const segments = clean(label).split('/');
  for (let i = 0; i < segments.length; i++) {
    const suffix = segments.slice(i);
    const last = suffix[suffix.length - 1];
    const head = suffix.slice(0, -1);
    const lasts = [last];
    const paren = trailingParen(last);
    if (paren && !paren.inner.includes('正文')) lasts.push(paren.base);
    for (const l of lasts) {
      out.add([...head, l].join('/'));
      out.add([...head.map(stripNumbering), stripNumbering(l)].join('/'));
    }
  }
  out.delete('');
  return [...out];
}

type AliasMap = Map<string, Set<string>>;

function addAlias(map: AliasMap, alias: string, value: string): void {
  let set = map.get(alias);
  if (!set) map.set(alias, (set = new Set()));
  set.add(value);
}

interface SectionIndex {
  def: SectionDef;
  rows: AliasMap;
  columns: AliasMap;
}

const SECTION_INDEX: ReadonlyMap<string, SectionIndex> = new Map(
  SECTIONS.map((def) => {
    const rows: AliasMap = new Map();
    const columns: AliasMap = new Map();
    for (const r of def.rows) for (const a of labelAliases(r.zh, r.key)) addAlias(rows, a, r.key);
    for (const c of def.columns) for (const a of labelAliases(c.zh, c.key)) addAlias(columns, a, c.key);
    return [def.key, { def, rows, columns }];
  }),
);

const SECTION_ALIASES: AliasMap = (() => {
  const map: AliasMap = new Map();
  for (const s of SECTIONS) {
    for (const a of labelAliases(s.zh, s.key)) addAlias(map, a, s.key);
    addAlias(map, normalizeLabel(s.en), s.key);
  }
  return map;
})();

/** Headers that name a figure with words of their own, common in hand-made sheets. */
const EXTRA_HEADERS: ReadonlyMap<string, string> = new Map(
  [
    ['主动公开信息条数', 'headline.published_items.total'],
    ['主动公开政府信息条数', 'headline.published_items.total'],
    ['主动公开信息数量', 'headline.published_items.total'],
    ['主动公开政府信息数量', 'headline.published_items.total'],
    ['公开信息条数', 'headline.published_items.total'],
    ['更新信息条数', 'headline.published_items.total'],
  ].map(([k, v]) => [normalizeLabel(k), v]),
);

const UNIT_HINT = /^(?:单位:|计量单位:)?(万元|元|件|条|个|项)$/;

function only<T>(set: Set<T> | undefined): T | undefined {
  return set && set.size === 1 ? [...set][0] : undefined;
}

export function resolveSection(text: string): string | undefined {
  return only(SECTION_ALIASES.get(clean(text)));
}

/** Numbering stripped from every part of a path: "不予公开/1.属于国家秘密" mixes the two styles. */
function stripAll(text: string): string {
  return text.split('/').map(stripNumbering).join('/');
}

/** Looks a normalised text up as written, then with all numbering stripped (the aliases hold both forms). */
function lookup(map: AliasMap, text: string): Set<string> | undefined {
  return map.get(text) ?? map.get(stripAll(text));
}

/** All figures a row text and a column text can name together (section unknown). */
function figureCandidates(rowText: string, columnText: string, sections: Iterable<SectionIndex>): Set<string> {
  const out = new Set<string>();
  for (const s of sections) {
    const rows = lookup(s.rows, rowText);
    const cols = lookup(s.columns, columnText);
    if (!rows || !cols) continue;
    for (const r of rows) for (const c of cols) {
      const key = `${s.def.key}.${r}.${c}`;
      if (KEY_DEFS.has(key)) out.add(key);
    }
  }
  return out;
}

/**
 * The canonical key named by section/row/column texts of a long line. The section may be blank: then the row
 * and column must together name exactly one figure.
 */
export function resolveFigure(sectionText: string, rowText: string, columnText: string): string | undefined {
  const direct = `${sectionText.trim()}.${rowText.trim()}.${columnText.trim()}`;
  if (KEY_DEFS.has(direct)) return direct;
  const r = clean(rowText);
  const c = clean(columnText);
  if (sectionText.trim() !== '') {
    const section = resolveSection(sectionText);
    const index = section ? SECTION_INDEX.get(section) : undefined;
    return index ? only(figureCandidates(r, c, [index])) : undefined;
  }
  return only(figureCandidates(r, c, SECTION_INDEX.values()));
}

export interface HeaderMatch {
  key: string;
  /** Unit named in the header ("采购总金额(万元)"): applies to every cell of the column that prints none. */
  unit?: string;
}

/** Every figure a wide header could name; more than one means the header is ambiguous. */
export function headerCandidates(header: string): { keys: string[]; unit?: string } {
  const h = clean(header);
  if (KEY_DEFS.has(h)) return { keys: [h] };
  let unit: string | undefined;
  const paren = trailingParen(h);
  const hint = paren ? UNIT_HINT.exec(paren.inner) : null;
  // "本年收费金额(单位:万元)" is itself an official label: try the header whole first, then without the unit.
  const tries = hint && paren ? [h, paren.base] : [h];
  for (const t of tries) {
    const extra = EXTRA_HEADERS.get(t);
    const found = new Set<string>(extra ? [extra] : []);
    const parts = t.split('/');
    for (let i = 1; i < parts.length; i++) {
      for (const k of figureCandidates(parts.slice(0, i).join('/'), parts.slice(i).join('/'), SECTION_INDEX.values())) found.add(k);
    }
    // A header that is only a column label ("采购项目数量") names a figure when that column appears once.
    if (found.size === 0) {
      for (const s of SECTION_INDEX.values()) {
        for (const c of lookup(s.columns, t) ?? []) {
          for (const r of s.def.rows) if (r.columns.includes(c)) found.add(`${s.def.key}.${r.key}.${c}`);
        }
      }
    }
    if (found.size > 0) {
      if (t !== h && hint) unit = hint[1];
      return unit ? { keys: [...found], unit } : { keys: [...found] };
    }
  }
  return { keys: [] };
}

export function resolveHeader(header: string): HeaderMatch | undefined {
  const { keys, unit } = headerCandidates(header);
  if (keys.length !== 1) return undefined;
  return unit ? { key: keys[0], unit } : { key: keys[0] };
}

/** The official label of a figure as templates print it: "row/column", or the column alone where it is unique. */
export function officialHeader(key: string): string {
  const def = KEY_DEFS.get(key);
  if (!def) throw new Error(`unknown key ${key}`);
  return `${def.row.zh.replace(/\[仅GB20\d\d\]$/, '')}/${def.column.zh}`;
}

export type MetaRole =
  | 'agency'
  | 'year'
  | 'region'
  | 'level'
  | 'format'
  | 'source'
  | 'section'
  | 'row'
  | 'column'
  | 'value'
  | 'unit'
  | 'note'
  | 'approx'
  | 'printed'
  | 'published'
  | 'file';

const ROLE_NAMES: Record<MetaRole, readonly string[]> = {
  agency: ['机构', '单位', '机关', '机构名称', '单位名称', '机关名称', '行政机关', 'agency', 'organ', 'organization'],
  year: ['年度', '年份', '报告年度', 'year'],
  region: ['地区', '行政区划', '所属地区', 'region'],
  level: ['层级', '级别', '机构层级', 'level'],
  format: ['格式', '报告格式', '表格格式', 'format'],
  source: ['来源', '出处', '链接', '数据来源', 'source', 'url'],
  section: ['部分', '表', '表格', '板块', 'section'],
  row: ['行', '项目', '指标', 'row'],
  column: ['列', '栏', '栏目', 'column', 'col'],
  value: ['数值', '值', '数据', 'value'],
  unit: ['计量单位', '单位(计量)', 'unit'],
  note: ['备注', '说明', 'note'],
  approx: ['约数', '近似', 'approx', 'approximate'],
  printed: ['原文印作', '原表印作', 'printed'],
  published: ['发布日期', '发布时间', 'published'],
  file: ['文件', '文件名', 'file'],
};

const ROLE_BY_NAME: ReadonlyMap<string, MetaRole> = new Map(
  (Object.entries(ROLE_NAMES) as [MetaRole, readonly string[]][]).flatMap(([role, names]) =>
    names.map((n): [string, MetaRole] => [normalizeLabel(n), role]),
  ),
);

/**
 * The role of each header that is not a figure. "单位" means the organ in Chinese offices, but the unit of
 * measure in a long file that already has an organ column: decided per file, not per header.
 */
export function metaRoles(headers: readonly string[]): (MetaRole | undefined)[] {
  const roles = headers.map((h) => ROLE_BY_NAME.get(normalizeLabel(h)));
  const hasOrgan = headers.some((h, i) => roles[i] === 'agency' && normalizeLabel(h) !== '单位');
  return roles.map((r, i) => (r === 'agency' && normalizeLabel(headers[i]) === '单位' && hasOrgan ? 'unit' : r));
}
