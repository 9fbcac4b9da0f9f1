// The colours of every chart, in one place. Outcomes of requests are coloured by what they mean: granted in
// greens, refused in reds and oranges, neither in violet and grey; review results likewise. Other series take
// the categorical palette in order (distinguishable with the common colour-vision deficiencies).

/** Findings (⚠) and anything that asks for attention: the same accent in charts, tables and the page. */
export const ACCENT = '#b5430b';
/** Text on charts. */
export const INK = '#1d2733';
/** Secondary text on charts (a reason in place of a bar). */
export const MUTED = '#5b6675';

export const PALETTE: readonly string[] = ['#2f6fb0', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#6b7a8f', '#8c6d1f', '#1d2733'];

const BY_KEY: Readonly<Record<string, string>> = {
  // 依申请公开办理结果
  granted: '#17805a',
  partially_granted: '#7cc8a4',
  denied: '#c0392b',
  unable: '#e8833a',
  not_processed: '#8e6bb0',
  other: '#9aa5b1',
  new_received: INK,
  // 行政复议、行政诉讼
  upheld: '#2f6fb0',
  corrected: '#d55e00',
  other_result: '#9aa5b1',
  pending: '#e0b040',
  total: INK,
};

/** The colour of a series: by its meaning where it has one, else by its place. */
export function colourOf(key: string, index: number): string {
  return BY_KEY[key] ?? PALETTE[index % PALETTE.length];
}
