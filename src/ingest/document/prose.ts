// Figures a report states in words rather than in its tables: the headline count of items published or updated
// ("共更新信息907余条", per channel where it says so), regulations and normative documents published, and the
// request and review figures its prose repeats (requests_text, review_text), which the consistency checks hold
// against the tables. Rules read one sentence at a time; a figure they are unsure of is left out, not guessed.
import { squeeze } from './squeeze';

export interface ProseFigure {
  key: string;
  value: number;
  unit: string;
  approx?: boolean;
  /** Stream offsets of the figure as printed. */
  start: number;
  end: number;
}

const CHANNELS: readonly [RegExp, string][] = [
  [/(?:门户)?网站|政务网|信息公开网|政府网|网上|在线|官网/, 'website'],
  [/微信|公众号/, 'wechat'],
  [/微博/, 'weibo'],
  [/新媒体|客户端|抖音|头条号|APP|app/, 'new_media'],
  [/公开栏|公示栏|宣传栏|公告栏|村务公开|展板/, 'bulletin_board'],
];

/** Words that make a count a kind of content, not the published items in all ("工作动态50条"). */
const CATEGORY = /类|动态|公告|通知|解读|文件|简报|预决算|预算|决算|年报|指南|目录|规划|计划|政策|新闻|稿件|图片|视频|访谈|回应|问答|建议|提案|清单|名单|事项|项目|会议|数据|报告|许可|证|专题|栏目|领域/;
const PUBLISH = /公开|发布|公布|更新|推送|刊发|刊登|上传|报送|编发|维护/;
const ITEM = new RegExp(/(\d+(?:,\d{3})*)(余|多)?(条|篇|件)/.source, 'g');

interface Sentence {
  text: string;
  map: number[];
}

function sentences(text: string, base: number): Sentence[] {
  const out: Sentence[] = [];
  // A line broken inside a sentence (PDF and Word lines, wrapped paragraphs) is joined; a line that ends a
  // sentence, a heading or a table row ends it.
  const joined = text.replace(/([^。;;!?！？:\n\s])\n(?=[\u3400-\u9fff\d(])/g, '$1 ');
  const re = /[^。;;!?！？\n]+/g;
  for (const m of joined.matchAll(re)) {
    const s = squeeze(m[0], base + (m.index ?? 0));
    if (/\d/.test(s.text)) out.push(s);
  }
  return out;
}

function at(s: Sentence, index: number, length: number): { start: number; end: number } {
  return { start: s.map[index], end: s.map[index + length - 1] + 1 };
}

/** The clause before an offset: from the previous comma, semicolon or colon (an enumeration with 、 stays whole). */
function clauseBefore(text: string, index: number): string {
  // A closed parenthesis is a remark inside the clause ("规章18件(含新制定4件,修改14件)、行政规范性文件707件").
  const head = text.slice(0, index).replace(/\([^()]*\)/g, '');
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'));
  return head.slice(cut + 1);
}

/**
 * Published items in all and per channel. Each count is scored — the words 主动公开 and 信息, a "共/累计/全年",
 * a channel — and the best statement of each figure wins: a report mentions narrower counts too ("全年共发布
 * 信息166条" of one department before "全区主动公开政府信息2122条").
 */
const GENERIC_TAIL = /(?:政府|政务|各类|各项|相关|的|了|主动|公开|发布|更新|公布|推送|报送|刊发|上传|共|累计|全年|等方面|方面|等|类)$/;

/** Is the word right before "信息" generic (共公布政府信息, 更新信息) rather than a kind of content (采购信息)? */
function isGeneral(before: string): boolean {
  return before === '' || GENERIC_TAIL.test(before) || !/[\u3400-\u9fff]$/.test(before);
}

function items(s: Sentence, add: (f: ProseFigure, score: number) => void): void {
  if (!PUBLISH.test(s.text)) return;
  for (const m of s.text.matchAll(ITEM)) {
    const index = m.index ?? 0;
    const clause = clauseBefore(s.text, index);
    if (/申请|复议|诉讼|规章|规范性文件|件数|占/.test(clause)) continue;
    if (m[3] === '件' && !/信息|网上|网站/.test(clause)) continue;
    // "网上信息、安全提示等1000余条": a list of kinds ending in 等, not the items in all.
    if (/等$/.test(clause)) continue;
    // "主动公开的1913条政府信息中,…" refers back to a figure; it does not state one.
    if (/^(?:政府|政务)?信息中|^中[,:]/.test(s.text.slice(index + m[0].length))) continue;
    const channel = CHANNELS.find(([re]) => re.test(clause));
    // What is left once the words for "information" and the channel are taken out must not name a kind of content.
    const rest = clause.replace(/政务公开|信息公开|政府信息|政务信息|各类|公开信息|信息/g, '').replace(channel?.[0] ?? /$^/, '');
    if (CATEGORY.test(rest)) continue;
    // "信息" must be information in general: "采购信息25条" or "重点领域信息2000余条" count one kind of it.
    const general = /信息/.test(clause) && isGeneral(clause.slice(0, clause.lastIndexOf('信息')));
    const all = /共|累计|全年|总计|合计|全部|总数/.test(clause);
    if (!channel && !(general && (all || PUBLISH.test(clause)))) continue;
    // A breakdown ("其中…", a parenthesis still open) counts parts; only a channel's part is a figure of its own.
    const before = s.text.slice(0, index);
    const inParenthesis = before.lastIndexOf('(') > before.lastIndexOf(')');
    const among = before.lastIndexOf('其中');
    // "总数3978条,其中主动公开政府信息2026条" introduces the figure itself, not a part of one.
    const breakdown = among >= 0 && /\d+(?:余|多)?(?:条|篇|件)/.test(before.slice(0, among)) && !/主动公开/.test(clause);
    if (!channel && (breakdown || inParenthesis)) continue;
    let score = 0;
    if (/主动公开/.test(clause)) score += 2;
    if (general) score += 1;
    if (all) score += 1;
    if (/总数/.test(clause) && !/主动/.test(clause)) score -= 2;
    const value = Number(m[1].replace(/,/g, ''));
    const f: ProseFigure = { key: `headline.published_items.${channel?.[1] ?? 'total'}`, value, unit: m[3], ...at(s, index, m[1].length) };
    if (m[2]) f.approx = true;
    add(f, score);
  }
}

/** Regulations and normative documents published this year (not those in force, repealed or revised). */
function documents(s: Sentence, add: (f: ProseFigure, score: number) => void): void {
  if (!/公开|发布|制定|出台|制发|印发|更新|新增/.test(s.text)) return;
  for (const m of s.text.matchAll(/(规章|规范性文件)(?:等)?(\d+)件/g)) {
    const index = m.index ?? 0;
    const clause = clauseBefore(s.text, index);
    if (/现行有效|清理|废止|修改|修订|备案|审查|解读|起草|有效期|失效/.test(clause)) continue;
    if (m[0].includes('等')) continue;
    const key = m[1] === '规章' ? 'headline.published_regulations.total' : 'headline.published_normative_docs.total';
    add({ key, value: Number(m[2]), unit: '件', ...at(s, index + m[1].length, m[2].length) }, 0);
  }
}

interface Rule {
  key: string;
  re: RegExp;
  /** The sentence must be about requests (or review): words that must appear in it. */
  about?: RegExp;
  /** Words in the match that make it another figure. */
  unless?: RegExp;
}

const COUNT = '(\\d+)(?:件|起|条|份|个)';
const REQUEST_RULES: readonly Rule[] = [
  // "收到和处理…申请165份", "全年办理…申请218件": received and handled, scope unclear (carried-over ones too?).
  { key: 'headline.applications_received.total', re: new RegExp(`(?:收到和处理|受理和办理|办理)[^,;]{0,30}?申请(?:共计|共|合计)?${COUNT}`), about: /申请/ },
  { key: 'requests_text.new_received.total', re: new RegExp(`(?:收到|受理|接收|接到|新收)[^,;]{0,40}?(?:申请|依申请公开件?)(?:共计|共|合计)?${COUNT}`), about: /申请/, unless: /和处理|和办理/ },
  { key: 'requests_text.new_received.total', re: new RegExp(`(?:收到|受理|接收|接到)${COUNT}[^,;]{0,12}?申请`), about: /申请/ },
  { key: 'requests_text.new_received.total', re: new RegExp(`依申请公开${COUNT}`) },
  { key: 'requests_text.results_total.total', re: new RegExp(`(?:答复|办结|办理完结)[^,;]{0,16}?(?:申请)?(?:共计|共)?${COUNT}`), about: /申请|依申请/ },
  { key: 'requests_text.carried_over.total', re: new RegExp(`上年度?(?:结转|转结)(?:申请)?${COUNT}`), about: /申请/ },
  { key: 'requests_text.carried_forward.total', re: new RegExp(`${COUNT}(?:申请)?[^,;]{0,16}?(?:结转|顺延)(?:到|至)?下一?年度`), about: /申请|结转/ },
  { key: 'requests_text.carried_forward.total', re: new RegExp(`结转(?:至|到)(?:下一?年度|\\d{4}年)${COUNT}`) },
  { key: 'requests_text.granted_plus_partial.total', re: new RegExp(`予以公开(?:及|和|与|、)部分公开${COUNT}`) },
  { key: 'requests_text.denied_subtotal.total', re: new RegExp(`不予公开${COUNT}`) },
  { key: 'requests_text.unable_subtotal.total', re: new RegExp(`无法提供${COUNT}`) },
  { key: 'requests_text.notproc_subtotal.total', re: new RegExp(`不予处理${COUNT}`) },
  { key: 'requests_text.other_subtotal.total', re: new RegExp(`其他处理${COUNT}`) },
];

const REVIEW_RULES: readonly Rule[] = [
  { key: 'review_text.admin_review.total', re: new RegExp(`行政复议(?:案件|申请)?(?:共)?${COUNT}`) },
  { key: 'review_text.litigation_all.total', re: new RegExp(`(?:行政)?诉讼(?:案件)?(?:共)?${COUNT}`) },
];

function byRules(s: Sentence, rules: readonly Rule[], add: (f: ProseFigure, score: number) => void): void {
  for (const rule of rules) {
    if (rule.about && !rule.about.test(s.text)) continue;
    const m = rule.re.exec(s.text);
    if (!m || rule.unless?.test(m[0])) continue;
    const digits = m[1];
    const index = (m.index ?? 0) + m[0].indexOf(digits, m[0].search(/\d/));
    add({ key: rule.key, value: Number(digits), unit: m[0].match(/(件|条|份|个)$/)?.[1] ?? '件', ...at(s, index, digits.length) }, 0);
  }
}

/**
 * Figures stated in the report's prose. `text` is the prose part of the stream (tables blanked out), `base` its
 * offset. The first statement of a figure wins: later mentions are usually of something narrower.
 */
export function readProse(text: string, base = 0): ProseFigure[] {
  const found = new Map<string, { f: ProseFigure; score: number }>();
  const add = (f: ProseFigure, score: number) => {
    const before = found.get(f.key);
    if (!before || score > before.score) found.set(f.key, { f, score });
  };
  for (const s of sentences(text, base)) {
    items(s, add);
    documents(s, add);
    byRules(s, REQUEST_RULES, add);
    if (/复议|诉讼/.test(s.text) && !/未发生|没有发生|未出现|无/.test(s.text.replace(/\d.*$/, '').slice(-10))) byRules(s, REVIEW_RULES, add);
  }
  return [...found.values()].map((x) => x.f);
}
