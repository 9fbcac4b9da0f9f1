// The streaming CSV cut: wherever the chunks happen to end, the records equal PapaParse's reading of the whole
// text (quotes, escaped quotes, delimiters and newlines inside quotes, CRLF, a stray quote mid-field, blank lines).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseRecords, RecordSplitter, sniffDelimiter, type Delimiter } from '../../src/ingest/csv';

function streamed(text: string, cuts: number[], delimiter: Delimiter, newline: '\n' | '\r\n'): string[][] {
  const splitter = new RecordSplitter(delimiter);
  const out: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const run = splitter.push(text.slice(from, cut));
    if (run !== null) out.push(...parseRecords(run, delimiter, newline));
    from = cut;
  }
  const rest = splitter.flush();
  if (rest !== '' && rest !== '\r') out.push(...parseRecords(rest, delimiter, newline));
  return out;
}

const CASES: [string, string, Delimiter, '\n' | '\r\n'][] = [
  ['plain LF', 'a,b,c\n1,2,3\n4,5,6\n', ',', '\n'],
  ['CRLF, no final newline', 'a,b\r\n1,2\r\n3,4', ',', '\r\n'],
  ['quoted newline and delimiter', 'a,b\n"x\ny,z",2\n"q",3\n', ',', '\n'],
  ['escaped quotes', 'a,b\n"he said ""hi""\n",2\n3,"""q"""\n', ',', '\n'],
  ['CRLF inside quotes', 'a;b\r\n"1\r\n2";3\r\n4;5\r\n', ';', '\r\n'],
  ['stray quote mid-field stays literal', 'a\tb\n1"2\t3\n4\t5\n', '\t', '\n'],
  ['blank lines keep their place', 'a,b\n\n1,2\n\n\n3,4\n', ',', '\n'],
  ['empty quoted fields', 'a,b\n"",""\n"","x"\n', ',', '\n'],
];

describe('records cut at any chunk boundary', () => {
  it.each(CASES)('%s', (_name, text, delimiter, newline) => {
    const whole = Papa.parse<string[]>(text.replace(/\r?\n$/, ''), { delimiter, newline, skipEmptyLines: false }).data;
    expect(streamed(text, [], delimiter, newline)).toEqual(whole);
    for (let i = 1; i < text.length; i++) expect(streamed(text, [i], delimiter, newline), `cut at ${i}`).toEqual(whole);
    for (let i = 1; i < text.length; i++) {
      const cuts = [];
      for (let j = i; j < text.length; j += i) cuts.push(j);
      expect(streamed(text, cuts, delimiter, newline), `every ${i}`).toEqual(whole);
    }
  });
});

describe('delimiter sniffing', () => {
  it.each([
    ['机构,年度,予以公开/总计\n', ','],
    ['机构\t年度\t予以公开/总计\n', '\t'],
    ['机构;年度;予以公开/总计\n', ';'],
    ['"a,b";c;d\n', ';'],
    ['only-one-column\n', ','],
  ] as const)('%j → %j', (text, d) => {
    expect(sniffDelimiter(text)).toBe(d);
  });
});
