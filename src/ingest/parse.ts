// One input (file bytes or pasted text) → FileResult: decode, tell JSON from CSV, sniff the delimiter, tell long
// from wide by the header, build reports. Runs in the worker; pure enough to run in Node tests unchanged.
import { parseRecords, RecordSplitter, sniffDelimiter, type Delimiter } from './csv';
import { decodeChunks, DecodeError, sniffBom, type ByteSource, type EncodingId } from './encoding';
import { FigureRowsBuilder, type FigureRow } from './figureRows';
import { parseJsonText } from './json';
import { metaRoles, type MetaRole } from './labels';
import type { Problem } from './problems';
import { WideBuilder } from './wide';
import { MAX_PROBLEMS, type ColumnInfo, type EncodingSource, type FileResult, type ParseOptions } from './types';

export interface Progress {
  bytes: number;
  total: number;
  rows: number;
}

type Body = Omit<FileResult, 'file' | 'bytes' | 'encoding' | 'encodingSource' | 'problemsTotal'>;

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

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Reads decoded text chunks to the end. Throws DecodeError (from the chunks) when detection must retry. */
async function consume(chunks: AsyncIterable<string>, file: string, options: ParseOptions, onRows: (rows: number) => void): Promise<Body> {
  let mode: 'json' | 'csv' | undefined;
  const jsonParts: string[] = [];
  let splitter: RecordSplitter | undefined;
  let delimiter: Delimiter = ',';
  let newline: '\n' | '\r\n' = '\n';
  let reader: LongReader | WideBuilder | undefined;
  let line = 0;
  let rows = 0;
  let blank = 0;
  let replacementChars = 0;
  const fileProblems: Problem[] = [];
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
        } else {
          fileProblems.push({
            file,
            row: 1,
            code: 'no-header',
            zh: `无法识别表头:宽表需要“机构”“年度”两列,长表还需要“行”“列”“数值”三列。文件的表头是:${headers.join('、')}`,
            en: `header not recognised: a wide file needs the columns 机构/agency and 年度/year, a long file also 行/row, 列/column and 数值/value. The file's header is: ${headers.join(', ')}`,
          });
        }
        continue;
      }
      if (rec.length === 1 && rec[0] === '') {
        blank++;
        continue;
      }
      rows++;
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
      jsonParts.push(chunk);
      continue;
    }
    const run = splitter?.push(chunk);
    if (run !== undefined && run !== null) feed(parseRecords(run, delimiter, newline));
  }

  if (mode === 'json') {
    const r = parseJsonText(jsonParts.join(''), file);
    const body: Body = { kind: r.kind, replacementChars, columns: [], rows: r.reports.length, emptyLines: 0, reports: r.reports, problems: r.problems };
    if (r.backup) body.backup = r.backup;
    return body;
  }
  const rest = splitter?.flush() ?? '';
  if (rest !== '' && rest !== '\r') feed(parseRecords(rest, delimiter, newline));
  if (mode === undefined) {
    fileProblems.push({ file, code: 'empty-file', zh: '文件是空的', en: 'the file is empty' });
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
  }
  const body: Body = { kind, replacementChars, delimiter, columns, rows, emptyLines, reports, problems };
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
  if (body.replacementChars > 0) {
    problems.unshift({
      file,
      code: 'undecodable',
      zh: `按 ${encoding} 解码时有 ${body.replacementChars} 个字符无法识别,请换一种编码重新读取`,
      en: `${body.replacementChars} characters could not be decoded as ${encoding}: choose another encoding and read again`,
    });
  }
  return { ...body, file, bytes, encoding, encodingSource, problems: problems.slice(0, MAX_PROBLEMS), problemsTotal: problems.length };
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
  if (bom) return finish(src.name, src.size, bom.encoding, 'bom', await run(bom.encoding, false));
  try {
    return finish(src.name, src.size, 'utf-8', 'utf-8-valid', await run('utf-8', true));
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return finish(src.name, src.size, 'gb18030', 'fallback', await run('gb18030', false));
  }
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
