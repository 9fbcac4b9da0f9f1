// Names a file gives (organ, region, level) and sources: rules of their own, beyond "not empty". An organ name is
// a key of the store and the label of every chart, so characters no one can see are refused, not removed:
// 平潭\u200B综合实验区 would be a second organ that looks exactly like the first, and a right-to-left override
// turns the text around it. The person fixes the file; nothing is changed silently.
import { grouped, MAX_NAME_CHARS, MAX_SOURCE_CHARS, quoted } from './limits';

export type NameField = 'agency' | 'region' | 'level' | 'source';

export interface NameProblem {
  code: 'invisible-char' | 'name-too-long' | 'undecodable-name';
  zh: string;
  en: string;
}

const FIELD_ZH: Record<NameField, string> = { agency: '机构名称', region: '地区', level: '层级', source: '来源' };
const FIELD_EN: Record<NameField, string> = { agency: 'organ name', region: 'region', level: 'level', source: 'source' };

/** Control characters and format characters: zero-width spaces and joiners, direction marks and overrides, BOM. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** A source may be a citation over several lines: tab and line breaks are allowed there, nothing else. */
const INVISIBLE_SOURCE = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029]/u;

const KNOWN: Readonly<Record<number, [string, string]>> = {
  0x09: ['制表符', 'tab'],
  0x0a: ['换行', 'line feed'],
  0x0d: ['回车', 'carriage return'],
  0x200b: ['零宽空格', 'zero-width space'],
  0x200c: ['零宽不连字', 'zero-width non-joiner'],
  0x200d: ['零宽连字', 'zero-width joiner'],
  0x200e: ['从左到右标记', 'left-to-right mark'],
  0x200f: ['从右到左标记', 'right-to-left mark'],
  0x202a: ['从左到右嵌入', 'left-to-right embedding'],
  0x202b: ['从右到左嵌入', 'right-to-left embedding'],
  0x202c: ['方向格式结束', 'pop directional formatting'],
  0x202d: ['从左到右覆盖', 'left-to-right override'],
  0x202e: ['从右到左覆盖', 'right-to-left override'],
  0x2066: ['从左到右隔离', 'left-to-right isolate'],
  0x2067: ['从右到左隔离', 'right-to-left isolate'],
  0x2068: ['首字方向隔离', 'first strong isolate'],
  0x2069: ['方向隔离结束', 'pop directional isolate'],
  0xfeff: ['字节顺序标记', 'byte order mark'],
  0x00ad: ['软连字符', 'soft hyphen'],
};

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every invisible character written out as ‹U+XXXX›, so the message shows where they are. */
function shown(text: string): string {
  return quoted(text.replace(INVISIBLE_ALL, (ch) => `‹${codePoint(ch.codePointAt(0) ?? 0)}›`));
}

/** What is wrong with a name or source the file gives, or null. The text is taken as the file wrote it (trimmed). */
export function nameProblem(field: NameField, text: string): NameProblem | null {
  const max = field === 'source' ? MAX_SOURCE_CHARS : MAX_NAME_CHARS;
  if (text.length > max) {
    return {
      code: 'name-too-long',
      zh: `${FIELD_ZH[field]}有 ${grouped(text.length)} 个字符,超过 ${max} 个字符的上限:“${quoted(text)}”`,
      en: `the ${FIELD_EN[field]} has ${grouped(text.length)} characters, more than the limit of ${max}: "${quoted(text)}"`,
    };
  }
  if (text.includes('\uFFFD')) {
    return {
      code: 'undecodable-name',
      zh: `${FIELD_ZH[field]}“${quoted(text)}”含有无法解码的字符(�):文件的编码可能选错了,请换一种编码重新读取`,
      en: `the ${FIELD_EN[field]} "${quoted(text)}" has characters that could not be decoded (�): the file's encoding may be wrong; read it again in another encoding`,
    };
  }
  const m = (field === 'source' ? INVISIBLE_SOURCE : INVISIBLE).exec(text);
  if (m) {
    const cp = m[0].codePointAt(0) ?? 0;
    const [zh, en] = KNOWN[cp] ?? ['控制字符', 'control character'];
    const at = [...text.slice(0, m.index)].length + 1;
    return {
      code: 'invisible-char',
      zh: `${FIELD_ZH[field]}“${shown(text)}”的第 ${at} 个字符是看不见的 ${codePoint(cp)}(${zh}):请在文件中删除后再导入`,
      en: `the ${FIELD_EN[field]} "${shown(text)}" has an invisible ${codePoint(cp)} (${en}) at character ${at}: remove it in the file and import again`,
    };
  }
  return null;
}
