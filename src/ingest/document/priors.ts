// What table 二's figures usually look like, to rank readings of digits printed glued together where no identity
// within the report relates them ("规范性文件7777166": 77, 77, 166 — or 7, 7, 77166?). These are tendencies, not
// rules: a reading chosen by them is always marked uncertain, the others are offered to the person, and the
// cross-year identities (when the neighbouring year is known) override them.

/** Higher is more plausible. `values` are the row's figures in column order; `columns` their column keys. */
export function activeRowScore(columns: readonly string[], values: readonly (number | null)[], digits: readonly number[], unit: string | undefined): number {
  let score = 0;
  const at = (c: string) => {
    const i = columns.indexOf(c);
    return i >= 0 ? values[i] : null;
  };
  const projects = at('procurement_projects');
  const amount = at('procurement_amount');
  if (projects !== null && amount !== null) {
    // A centralised procurement project is worth about ten thousand to ten million yuan (1 to 1,000 万元).
    if (projects === 0) return amount === 0 ? 0 : -5;
    const perProject = (unit === '万元' ? amount * 10_000 : amount) / projects;
    return perProject <= 0 ? -5 : -Math.abs(Math.log10(perProject) - 5.5);
  }
  // Figures of one row tend to be of similar size.
  const lengths = digits.filter((d) => d > 0);
  if (lengths.length > 1) {
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    score -= (0.5 * lengths.reduce((a, b) => a + (b - mean) ** 2, 0)) / lengths.length;
  }
  // GB2019 documents: what was made this year is usually what was published this year, and both are at most the total.
  const made = at('made_this_year');
  const published = at('published_this_year');
  const total = at('total_published');
  if (made !== null && published !== null && made === published) score += 1.5;
  if (published !== null && total !== null) score += published <= total ? 1 : -2;
  // Items of GB2019 (五)(六)(八): the list of items changes little in a year, often not at all, never below zero.
  const prev = at('prev_year_items');
  const change = at('change_this_year');
  if (prev !== null && change !== null) {
    if (prev + change < 0) score -= 4;
    if (change === 0) score += 1.5;
    else if (Math.abs(change) <= prev) score += 1 - Math.min(1, Math.abs(change) / Math.max(prev, 1));
  }
  // GB2021 documents: documents issued this year are among those in force.
  const issued = at('issued_this_year');
  const inForce = at('in_force');
  if (issued !== null && inForce !== null) score += inForce >= issued ? 1 : -2;
  return score;
}
