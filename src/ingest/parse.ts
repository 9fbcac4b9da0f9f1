// One input (file bytes or pasted text) → FileResult: decode, tell JSON from CSV, sniff the delimiter, tell long
// from wide by the header, build reports. Runs in the worker; pure enough to run in Node tests unchanged.
import { parseRecords, RecordSplitter, RecordTooLongError, sniffDelimiter, type Delimiter } from './csv';
import { decodeChunks, DecodeError, sniffBom, type ByteSource, type EncodingId } from './encoding';
import { FigureRowsBuilder, type FigureRow } from './figureRows';
import { parseJsonText } from './json';
import { metaRoles, type MetaRole } from './labels';
import { grouped, headerList, MAX_JSON_CHARS, MAX_RECORD_CHARS, quoted } from './limits';
import { mixedEncoding } from './mixedEncoding';
import { isRosterHeader, RosterBuilder } from './roster';
import type { Problem } from './problems';
import { WideBuilder } from './wide';
import { MAX_PROBLEMS, type ColumnInfo, type EncodingSource, type FileResult, type ParseOptions } from './types';

export interface Progress {
  bytes: number;
  total: number;
  rows: number;
}

/** `unlisted`: problems the builders counted but did not keep (past MAX_PROBLEMS). */
type Body = Omit<FileResult, 'file' | 'bytes' | 'encoding' | 'encodingSource' | 'problemsTotal'> & { unlisted?: number };

const LONG_FIELDS: readonly (keyof FigureRow & MetaRole)[] = [
  'agency',
  'year',
  'region',
  'level',
  'format',
  'section',
  'row',
  'column',
  'value',
  'unit',
  'source',
  'note',
  'approx',
  'printed',
  'published',
  'file',
];

/** Reads a long file: each record becomes a FigureRow for the shared builder. */
class LongReader {
  readonly builder: FigureRowsBuilder;
  readonly columns: ColumnInfo[];
  #index: Partial<Record<MetaRole, number>> = {};

  constructor(file: string, headers: readonly string[], roles: readonly (MetaRole | undefined)[], options: ParseOptions) {
    const names: Partial<Record<keyof FigureRow, string>> = {};
    this.columns = headers.map((header, index): ColumnInfo => {
      const role = roles[index];
      if (role && this.#index[role] === undefined) {
        this.#index[role] = index;
        if ((LONG_FIELDS as readonly string[]).includes(role)) names[role as keyof FigureRow] = header;
        return { index, header, role };
      }
      // A long file has no figure columns: anything else the person must skip explicitly.
      if (options.mappings && index in options.mappings) return { index, header, role: 'skipped', mapped: true };
      return { index, header, role: 'unknown', samples: [] };
    });
    this.builder = new FigureRowsBuilder(file, { lenient: true, columnNames: names });
  }

  add(fields: readonly string[], line: number): void {
    for (const c of this.columns) {
      if (c.role === 'unknown' && c.samples && c.samples.length < 3) {
        const v = (fields[c.index] ?? '').trim();
        if (v !== '') c.samples.push(v);
      }
    }
    const get = (role: MetaRole) => {
      const i = this.#index[role];
      return i === undefined ? '' : (fields[i] ?? '');
    };
    if (fields.every((f) => f.trim() === '')) {
      this.builder.emptyLines++;
      return;
    }
    this.builder.add(
      {
        agency: get('agency'),
        year: get('year'),
        region: get('region'),
        level: get('level'),
        format: get('format'),
        section: get('section'),
        row: get('row'),
        column: get('column'),
        value: get('value'),
        unit: get('unit'),
        source: get('source'),
        note: get('note'),
        approx: get('approx'),
        printed: get('printed'),
        published: get('published'),
        file: get('file'),
      },
      line,
    );
  }
}

/** Reads a roster file: its columns as the review shows them, each record an organ. */
class RosterReader {
  readonly builder: RosterBuilder;
  readonly columns: ColumnInfo[];

  constructor(file: string, headers: readonly string[], roles: readonly (MetaRole | undefined)[]) {
    this.builder = new RosterBuilder(file, headers, roles);
    this.columns = headers.map((header, index): ColumnInfo => {
      const role = roles[index];
      return role ? { index, header, role } : { index, header, role: 'skipped' };
    });
  }

  add(fields: string[], line: number): void {
    this.builder.add(fields, line);
  }
}

const DELIMITER_NAMES: Record<string, [string, string]> = {
  ',': ['逗号', 'commas'],
  '\t': ['制表符', 'tabs'],
  ';': ['分号', 'semicolons'],
  '|': ['竖线', 'vertical bars'],
};

/** A delimiter other than the file's that a one-field line uses instead, if any. */
function otherDelimiter(text: string, delimiter: Delimiter): string | undefined {
  return Object.keys(DELIMITER_NAMES).find((d) => d !== delimiter && text.includes(d));
}

/**
 * Problems that make a whole file unreadable as a table (a quote never closed, a record past the bound, two
 * encodings in one file): what was read before them cannot be trusted to be all of it, so the file gives no
 * reports at all, and the problem says where to look.
 */
const FATAL = new Set(['unclosed-quote', 'record-too-long', 'mixed-encoding', 'json-too-large']);

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Reads decoded text chunks to the end. Throws DecodeError (from the chunks) when detection must retry. */
async function consume(chunks: AsyncIterable<string>, file: string, options: ParseOptions, onRows: (rows: number) => void): Promise<Body> {
  let mode: 'json' | 'csv' | undefined;
  const jsonParts: string[] = [];
  let jsonChars = 0;
  let splitter: RecordSplitter | undefined;
  let delimiter: Delimiter = ',';
  let newline: '\n' | '\r\n' = '\n';
  let reader: LongReader | WideBuilder | RosterReader | undefined;
  let line = 0;
  let rows = 0;
  let blank = 0;
  let replacementChars = 0;
  const fileProblems: Problem[] = [];
  let fileUnlisted = 0;
  let columns: ColumnInfo[] = [];
  let kind: FileResult['kind'] = 'unknown';

  const feed = (records: string[][]) => {
    for (const rec of records) {
      line++;
      if (line === 1) {
        const headers = rec.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
        const roles = metaRoles(headers);
        if (roles.includes('row') && roles.includes('column') && roles.includes('value')) {
          kind = 'long';
          reader = new LongReader(file, headers, roles, options);
        } else if (roles.includes('agency') && roles.includes('year')) {
          kind = 'wide';
          reader = new WideBuilder(file, headers, roles, options.mappings);
        } else if (isRosterHeader(headers, roles)) {
          kind = 'roster';
          reader = new RosterReader(file, headers, roles);
        } else {
          const other = headers.length === 1 ? otherDelimiter(headers[0], delimiter) : undefined;
          const hint = other ? DELIMITER_NAMES[other] : undefined;
          fileProblems.push({
            file,
            row: 1,
            code: 'no-header',
            zh: `无法识别表头:宽表需要“机构”“年度”两列,长表还需要“行”“列”“数值”三列。文件的表头是:${headerList(headers, '、')}${hint ? `(表头只有 1 列,似乎以${hint[0]}分隔:请改用逗号、制表符或分号)` : ''}`,
            en: `header not recognised: a wide file needs the columns 机构/agency and 年度/year, a long file also 行/row, 列/column and 数值/value. The file's header is: ${headerList(headers, ', ')}${hint ? ` (the header is one column and seems separated by ${hint[1]}: use commas, tabs or semicolons)` : ''}`,
          });
        }
        continue;
      }
      if (rec.length === 1 && rec[0] === '') {
        blank++;
        continue;
      }
      rows++;
      if (reader && rec.length === 1 && reader.columns.length > 1) {
        // One field where the header has several: the line is separated by another character than the header.
        const other = otherDelimiter(rec[0], delimiter);
        if (other) {
          const [zh, en] = DELIMITER_NAMES[other];
          const [hz, he] = DELIMITER_NAMES[delimiter];
          if (fileProblems.length >= MAX_PROBLEMS) {
            fileUnlisted++;
            continue;
          }
          fileProblems.push({
            file,
            row: line,
            code: 'wrong-delimiter',
            zh: `本行只有 1 个字段,表头有 ${reader.columns.length} 列(以${hz}分隔):本行似乎以${zh}分隔,未读取`,
            en: `this line is one field while the header has ${reader.columns.length} columns (separated by ${he}): the line seems separated by ${en}; not read`,
          });
          continue;
        }
      }
      reader?.add(rec, line);
    }
    onRows(rows);
  };

  for await (const chunk of chunks) {
    replacementChars += countReplacement(chunk);
    if (mode === undefined) {
      const start = chunk.replace(/^\uFEFF/, '').trimStart();
      if (start === '') continue;
      mode = start[0] === '[' || start[0] === '{' ? 'json' : 'csv';
      if (mode === 'csv') {
        delimiter = sniffDelimiter(chunk);
        const lf = chunk.indexOf('\n');
        newline = lf > 0 && chunk[lf - 1] === '\r' ? '\r\n' : '\n';
        splitter = new RecordSplitter(delimiter);
      }
    }
    if (mode === 'json') {
      jsonChars += chunk.length;
      if (jsonChars > MAX_JSON_CHARS) {
        fileProblems.push({
          file,
          code: 'json-too-large',
          zh: `JSON 文件超过 ${grouped(MAX_JSON_CHARS / 1024 / 1024)} M 个字符,无法一次读取:请分成几个文件,或改用 CSV(CSV 逐行读取,没有这个上限)`,
          en: `the JSON file is over ${grouped(MAX_JSON_CHARS / 1024 / 1024)} M characters and cannot be read at once: split it into several files, or use CSV (read line by line, without this limit)`,
        });
        jsonParts.length = 0;
        break;
      }
      jsonParts.push(chunk);
      continue;
    }
    let run: string | null | undefined;
    try {
      run = splitter?.push(chunk);
    } catch (e) {
      if (!(e instanceof RecordTooLongError)) throw e;
      fileProblems.push({
        file,
        row: line + 1,
        code: 'record-too-long',
        zh: `第 ${line + 1} 行起的一条记录超过 ${grouped(MAX_RECORD_CHARS / 1024 / 1024)} M 个字符还没有结束(常见原因是引号没有闭合):文件没有读取`,
        en: `the record starting at line ${line + 1} runs past ${grouped(MAX_RECORD_CHARS / 1024 / 1024)} M characters without ending (most often a quote that never closes): the file was not read`,
      });
      splitter = undefined;
      break;
    }
    if (run !== undefined && run !== null) feed(parseRecords(run, delimiter, newline));
  }

  if (mode === 'json' && jsonParts.length === 0) {
    return { kind: 'unknown', replacementChars, columns: [], rows: 0, emptyLines: 0, reports: [], problems: fileProblems };
  }
  if (mode === 'json') {
    const r = parseJsonText(jsonParts.join(''), file);
    const body: Body = { kind: r.kind, replacementChars, columns: [], rows: r.reports.length, emptyLines: 0, reports: r.reports, problems: r.problems };
    if (r.backup) body.backup = r.backup;
    return body;
  }
  const rest = splitter?.flush() ?? '';
  const open = splitter?.unclosedField ?? null;
  if (open !== null) {
    // Everything from the open quote to the end would be one field: say where it opened, read nothing more.
    const header = line === 0 ? undefined : reader?.columns[open]?.header;
    const column = header ?? `${open + 1}`;
    const whereZh = header === undefined ? `第 ${open + 1} 列` : `“${quoted(header)}”列`;
    const whereEn = header === undefined ? `column ${open + 1}` : `column "${quoted(header)}"`;
    fileProblems.push({
      file,
      row: line + 1,
      column,
      code: 'unclosed-quote',
      zh: `第 ${line + 1} 行${whereZh}的引号没有闭合:从这里到文件末尾都会成为一个字段。请补上引号后再导入,文件没有读取`,
      en: `the quote opened at line ${line + 1}, ${whereEn} never closes: everything from there to the end would be one field. Close the quote and import again; the file was not read`,
    });
  } else if (rest !== '' && rest !== '\r') feed(parseRecords(rest, delimiter, newline));
  if (mode === undefined) {
    fileProblems.push({ file, code: 'empty-file', zh: '文件是空的', en: 'the file is empty' });
  } else if (reader && rows === 0 && !fileProblems.some((p) => FATAL.has(p.code))) {
    fileProblems.push({ file, row: 1, code: 'no-rows', zh: '文件只有表头,没有数据行', en: 'the file has a header and no data lines' });
  }
  let reports: FileResult['reports'] = [];
  let problems = fileProblems;
  let emptyLines = blank;
  if (reader instanceof LongReader) {
    const r = reader.builder.finish();
    reports = r.reports;
    problems = [...fileProblems, ...r.problems];
    emptyLines += reader.builder.emptyLines;
    columns = reader.columns;
  } else if (reader instanceof WideBuilder) {
    const r = reader.finish();
    reports = r.reports;
    problems = [...fileProblems, ...r.problems];
    emptyLines += reader.emptyLines;
    columns = reader.columns;
  } else if (reader instanceof RosterReader) {
    problems = [...fileProblems, ...reader.builder.problems];
    emptyLines += reader.builder.emptyLines;
    columns = reader.columns;
  }
  if (problems.some((p) => FATAL.has(p.code))) {
    reports = [];
    // The problem that stopped the file comes first, ahead of any line problems the cap might keep it behind.
    problems = [...problems.filter((p) => FATAL.has(p.code)), ...problems.filter((p) => !FATAL.has(p.code))];
  }
  const unlisted = fileUnlisted + (reader instanceof LongReader ? reader.builder.unlisted : reader instanceof WideBuilder ? reader.unlisted : 0);
  const body: Body = { kind, replacementChars, delimiter, columns, rows, emptyLines, reports, problems, unlisted };
  if (reader instanceof RosterReader && !problems.some((p) => FATAL.has(p.code))) body.roster = reader.builder.entries;
  return body;
}

function finish(
  file: string,
  bytes: number,
  encoding: FileResult['encoding'],
  encodingSource: EncodingSource,
  body: Body,
): FileResult {
  const problems = [...body.problems];
  if (body.replacementChars > 0 && !problems.some((p) => FATAL.has(p.code))) {
    // After the problem that stopped the file, if one did: that one says what to do first.
    const at = problems.findIndex((p) => !FATAL.has(p.code));
    problems.splice(at < 0 ? problems.length : at, 0, {
      file,
      code: 'undecodable',
      zh: `按 ${encoding} 解码时有 ${body.replacementChars} 个字符无法识别,请换一种编码重新读取`,
      en: `${body.replacementChars} characters could not be decoded as ${encoding}: choose another encoding and read again`,
    });
  }
  const { unlisted = 0, ...rest } = body;
  return { ...rest, file, bytes, encoding, encodingSource, problems: problems.slice(0, MAX_PROBLEMS), problemsTotal: problems.length + unlisted };
}

export async function parseSource(src: ByteSource, options: ParseOptions, onProgress: (p: Progress) => void): Promise<FileResult> {
  const head = await src.read(0, Math.min(4, src.size));
  const bom = sniffBom(head);
  let rows = 0;
  let bytes = 0;
  const report = () => onProgress({ bytes, total: src.size, rows });
  const run = (encoding: EncodingId, fatal: boolean) => {
    rows = 0;
    const start = bom && bom.encoding === encoding ? bom.length : 0;
    const chunks = decodeChunks(src, encoding, start, fatal, (b) => {
      bytes = b;
      report();
    });
    return consume(chunks, src.name, options, (r) => {
      rows = r;
      report();
    });
  };
  if (options.encoding) return finish(src.name, src.size, options.encoding, 'override', await run(options.encoding, false));
  if (bom) {
    const body = await run(bom.encoding, false);
    if (bom.encoding === 'utf-8' && body.replacementChars > 0) await refuseMixed(src, bom.length, body);
    return finish(src.name, src.size, bom.encoding, 'bom', body);
  }
  try {
    return finish(src.name, src.size, 'utf-8', 'utf-8-valid', await run('utf-8', true));
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    const body = await run('gb18030', false);
    await refuseMixed(src, 0, body);
    return finish(src.name, src.size, 'gb18030', 'fallback', body);
  }
}

/**
 * A file that is partly UTF-8 and partly another encoding reads wrongly in either: no report of it is kept, and
 * the problem names the first line of each part. The person can still choose an encoding by hand.
 */
async function refuseMixed(src: ByteSource, start: number, body: Body): Promise<void> {
  const mixed = await mixedEncoding(src, start);
  if (!mixed) return;
  body.reports = [];
  // What else the reading found (characters not decoded, a header in wrong characters) follows from the mix: only
  // the mix is said.
  body.problems = [
    {
      file: src.name,
      row: mixed.otherLine,
      code: 'mixed-encoding',
      zh: `文件混用了两种编码:第 ${mixed.utf8Line} 行是 UTF-8,第 ${mixed.otherLine} 行不是 UTF-8(可能是 GBK)。无论按哪种编码读取,都有一部分文字会读错:请把整个文件另存为同一种编码后再导入,文件没有读取`,
      en: `the file mixes two encodings: line ${mixed.utf8Line} is UTF-8, line ${mixed.otherLine} is not (GBK, perhaps). Either way part of the text would read wrongly: save the whole file in one encoding and import again; the file was not read`,
    },
  ];
}

const TEXT_CHUNK = 1 << 20;

/** Pasted text: already characters, so no encoding; cut into chunks only to report progress. */
export async function parseText(name: string, text: string, options: ParseOptions, onProgress: (p: Progress) => void): Promise<FileResult> {
  let rows = 0;
  async function* chunks(): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += TEXT_CHUNK) {
      yield text.slice(i, i + TEXT_CHUNK);
      onProgress({ bytes: Math.min(text.length, i + TEXT_CHUNK), total: text.length, rows });
    }
  }
  const body = await consume(chunks(), name, options, (r) => {
    rows = r;
  });
  return finish(name, text.length, 'text', 'text', body);
}
