// The bounds the reader keeps on hostile input, each on its own: where an unclosed quote opened (across chunk
// boundaries), a record past the bound, problems past the listed maximum, two encodings in one file (and a GBK file
// whose short lines happen to be valid UTF-8, which is not two), names, and how file text is quoted in messages.
import { describe, expect, it } from 'vitest';
import { RecordSplitter, RecordTooLongError } from '../../src/ingest/csv';
import { bytesSource } from '../../src/ingest/encoding';
import { headerList, quoted } from '../../src/ingest/limits';
import { mixedEncoding } from '../../src/ingest/mixedEncoding';
import { nameProblem } from '../../src/ingest/names';
import { parseText } from '../../src/ingest/parse';
import { MAX_PROBLEMS } from '../../src/ingest/types';
import { gbkBytes } from '../fixtures/import/encode';

describe('RecordSplitter', () => {
  it('names the field of a quote left open, wherever the chunks are cut', () => {
    const text = 'a,b,c\n1,2,3\n4,"5,6\n7,8,9\n';
    for (let cut = 1; cut < text.length; cut++) {
      const s = new RecordSplitter(',');
      s.push(text.slice(0, cut));
      s.push(text.slice(cut));
      expect(s.unclosedField, `cut at ${cut}`).toBe(1);
    }
    const closed = new RecordSplitter(',');
    closed.push('a,"b ""q"" ",c\n');
    expect(closed.unclosedField).toBeNull();
  });

  it('gives up on a record longer than its bound instead of carrying it on', () => {
    const s = new RecordSplitter(',', 100);
    expect(s.push('a,b\n1,2\n')).toBe('a,b\n1,2');
    expect(() => s.push(`"${'x'.repeat(150)}`)).toThrow(RecordTooLongError);
  });
});

describe('problems past the listed maximum are counted, not kept', () => {
  it('a file broken on every one of 12,000 lines lists 10,000 problems and counts all of them', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => `机构${i},二〇二〇,1`);
    const r = await parseText('broken.csv', `机构,年度,予以公开/总计\n${lines.join('\n')}\n`, {}, () => {});
    expect(r.problems).toHaveLength(MAX_PROBLEMS);
    expect(r.problemsTotal).toBe(12_000);
    expect(r.problems[MAX_PROBLEMS - 1]).toMatchObject({ code: 'bad-year', row: MAX_PROBLEMS + 1 });
  });
});

describe('mixedEncoding', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

  it('finds the first UTF-8 line and the first line that is not UTF-8', async () => {
    const bytes = join(utf8('机构,年度\n平潭综合实验区,2020\n'), gbkBytes('福州市人民政府,2021\n'));
    expect(await mixedEncoding(bytesSource('m.csv', bytes), 0)).toEqual({ utf8Line: 1, otherLine: 3 });
  });

  it('a GBK file whose short lines pass as UTF-8 by chance is one encoding, not two', async () => {
    // GBK 平潭 is C6 BD CC B6: two valid two-byte UTF-8 sequences; no line holds two three-byte CJK sequences.
    const bytes = gbkBytes('机构,年度\n平潭,2020\n福州市人民政府办公厅,2021\n');
    expect(await mixedEncoding(bytesSource('g.csv', bytes), 0)).toBeNull();
    expect(await mixedEncoding(bytesSource('u.csv', utf8('机构,年度\n平潭,2020\n')), 0)).toBeNull();
  });
});

describe('names', () => {
  it.each([
    ['福州市人民政府办公厅', null],
    ['Office of the <b>People</b>', null],
    ['平潭\u200b综合实验区', 'invisible-char'],
    ['平潭\u202e区验实', 'invisible-char'],
    ['平潭\ufeff', 'invisible-char'],
    ['平潭\u00ad', 'invisible-char'],
    ['平潭\t综合', 'invisible-char'],
    ['平潭\ufffd', 'undecodable-name'],
    ['机'.repeat(201), 'name-too-long'],
    ['机'.repeat(200), null],
  ] as const)('%j → %s', (text, code) => {
    expect(nameProblem('agency', text)?.code ?? null).toBe(code);
  });

  it('a source may run over lines, but not past 2,000 characters', () => {
    expect(nameProblem('source', '档案第 2 页\n第二行')).toBeNull();
    expect(nameProblem('source', 'x'.repeat(2001))?.code).toBe('name-too-long');
  });
});

describe('file text in messages', () => {
  it('is cut to a readable length, with line breaks shown', () => {
    expect(quoted('a\nb')).toBe('a⏎b');
    expect(quoted('x'.repeat(61))).toBe(`${'x'.repeat(60)}…(61 字符 chars)`);
    expect(headerList(['a', 'b'], '、')).toBe('a、b');
    expect(headerList(Array.from({ length: 60_000 }, (_, i) => `c${i}`), ', ')).toBe('c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, …(60,000)');
  });
});
