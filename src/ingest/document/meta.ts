// What a report says about itself: the organ and the year (from its title, else from the sentence that names
// them), the date it was published (发布时间/发布日期), and the address it was saved from. Where the body only
// says 我镇/我局 and the title names nobody, the organ is left empty for the person to fill in.
import { normalizeKeepingLength } from './normalize';
import { squeeze } from './squeeze';
import type { DocMeta } from './types';

export interface ReportMeta {
  agency?: string;
  year?: number;
  /** ISO date 'YYYY-MM-DD'. */
  published?: string;
  url?: string;
  /** Where the organ and year were read (a title is surer than a sentence). */
  agencyFrom?: 'title' | 'sentence';
  yearFrom?: 'title' | 'period' | 'sentence';
}

const TITLE_AFTER = /([\u3400-\u9fff()()·\-—]{2,40}?)\s*((?:19|20)\d{2})\s*年\s*度?\s*(?:政府)?(?:信息公开|政务公开|政府信息公开)(?:工作)?年度?报告/;
const TITLE_BEFORE = /((?:19|20)\d{2})\s*年\s*度?\s*([\u3400-\u9fff()()·\-—]{2,40}?)\s*(?:政府信息公开|信息公开|政务公开)(?:工作)?年度?报告/;
const BY = /本报告由([\u3400-\u9fff()()]{2,30}?)(?:按照|根据|依据|编制)/;
const NOW = /现(?:将|公开|予以公布)([\u3400-\u9fff()()]{2,30}?)((?:19|20)\d{2})年度?(?:政府)?信息公开(?:工作)?年度?报告/;
const PERIOD = /(?:统计期限|统计时限|统计期间|数据统计期限)[^。]{0,12}?((?:19|20)\d{2})年\s*1\s*月\s*1\s*日/;
const PERIOD2 = /((?:19|20)\d{2})年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-)\s*(?:\1年\s*)?12\s*月\s*31\s*日/;
const DATE = /(?:发布|发文|信息提供|成文|印发)?(?:时间|日期)\s*[::]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const URL = /(?:原文链接|原文地址|来源网址|网址|链接|URL)\s*[::]\s*(https?:\/\/[^\s"'<>]+)/i;

/** Breadcrumbs and field names before a title ("首页 > 信息公开 > …", "标题:"). */
function cleanAgency(raw: string): string | undefined {
  let a = raw.replace(/^.*[>›»]/, '').replace(/^(?:标题|题名|名称)/, '').replace(/^[((][^))]*[))]/, '');
  a = a.replace(/^(?:现将|现公开|现予公布|根据|按照|编制)/, '');
  // "…沙塘镇人民政府信息公开年度报告": the title's 政府 belongs to the organ.
  if (/人民$/.test(a)) a += '政府';
  if (/关于|通知|意见|办法|条例|《|》/.test(a)) return undefined;
  a = a.replace(/^(?:关于|印发)/, '').replace(/(?:编制|发布|公布|制作)$/, '').replace(/[((]\s*$/, '').trim();
  if (a.length < 2 || /^(?:我|本|该)[镇乡局委办区县市院厅所]/.test(a) || /年度?$/.test(a)) return undefined;
  return a;
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * `lines`: the document's text lines in order (prose and table rows alike). Only the beginning of a document
 * names its organ, year and date; the year falls back to the statistics period anywhere in the text.
 */
export function readMeta(lines: readonly string[], doc: DocMeta): ReportMeta {
  const out: ReportMeta = {};
  if (doc.url) out.url = doc.url;
  const clean = (l: string) => squeeze(normalizeKeepingLength(l)).text;
  const head = lines.slice(0, 40).map(clean);
  const candidates = [...(doc.title ? [clean(doc.title)] : []), ...head];
  for (const text of candidates) {
    // A title quoted inside a sentence ("根据《…关于做好2020年度政府信息公开年度报告…》") names another document.
    const unquoted = text.replace(/《[^》]*》?/g, (m) => ' '.repeat(m.length));
    const before = TITLE_BEFORE.exec(unquoted);
    const after = TITLE_AFTER.exec(unquoted);
    // "2019年上海市人民政府办公厅政府信息公开…" names the year first; "平潭综合实验区2020年度…" the organ first.
    const m = before && (!after || before.index <= after.index) ? { agency: before[2], year: before[1] } : after ? { agency: after[1], year: after[2] } : null;
    if (!m) continue;
    out.year ??= Number(m.year);
    out.yearFrom ??= 'title';
    const agency = cleanAgency(m.agency);
    if (agency && !out.agency) {
      out.agency = agency;
      out.agencyFrom = 'title';
    }
    if (out.agency) break;
  }
  const all = lines.map(clean).join('\n');
  if (!out.agency) {
    const by = BY.exec(all) ?? NOW.exec(all);
    const agency = by ? cleanAgency(by[1]) : undefined;
    if (agency) {
      out.agency = agency;
      out.agencyFrom = 'sentence';
    }
  }
  if (out.year === undefined) {
    const p = PERIOD.exec(all) ?? PERIOD2.exec(all);
    if (p) {
      out.year = Number(p[1]);
      out.yearFrom = 'period';
    }
  }
  if (out.year === undefined) {
    // The overview usually opens with the year it reports on ("2020年,我镇…").
    const m = /(?:^|\n)[^\n]{0,20}?((?:19|20)\d{2})年[,,度]/.exec(all);
    if (m) {
      out.year = Number(m[1]);
      out.yearFrom = 'sentence';
    }
  }
  for (const text of head) {
    const d = DATE.exec(text);
    if (d && /发布|发文|信息提供|日期|时间/.test(text.slice(Math.max(0, d.index - 8), d.index + 8))) {
      const iso = isoDate(d[1], d[2], d[3]);
      if (iso) {
        out.published = iso;
        break;
      }
    }
  }
  if (!out.url) {
    const u = URL.exec(all);
    if (u) out.url = u[1].replace(/[)),。;;]+$/, '');
  }
  return out;
}
