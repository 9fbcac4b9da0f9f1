// Prose as the sentence rules read it: spaces between Chinese words and figures taken out ("共更新信息 907 余条"
// → "共更新信息907余条"), pinyin glosses that mirror sites insert ("網(wǎng)站") taken out, with a map from every
// character back to its offset in the stream so each figure found keeps its source.

const PINYIN = /[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[))]/g;

export interface Squeezed {
  text: string;
  /** Offset in the original text of each character of `text`. */
  map: number[];
}

export function squeeze(text: string, base = 0): Squeezed {
  const blanked = text.replace(PINYIN, (m) => ' '.repeat(m.length));
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < blanked.length; i++) {
    const ch = blanked[i];
    if (/\s/.test(ch)) {
      // A space between two digits or two Latin letters separates words; elsewhere it is layout.
      const prev = out[out.length - 1] ?? '';
      let j = i + 1;
      while (j < blanked.length && /\s/.test(blanked[j])) j++;
      const next = blanked[j] ?? '';
      if (/[\dA-Za-z]/.test(prev) && /[\dA-Za-z]/.test(next) && !(/\d/.test(prev) !== /\d/.test(next))) {
        out += ' ';
        map.push(base + i);
      }
      i = j - 1;
      continue;
    }
    out += ch;
    map.push(base + i);
  }
  return { text: out, map };
}
