// The organs a person supervises: the roster. It names organs, not figures — it never enters a chart, only the
// coverage matrix and the scorecard, where an organ on it without a report shows as 未报 instead of not at all.

export interface RosterEntry {
  agency: string;
  /** Administrative level as the roster gives it ("乡镇", "区县部门" …); empty when not given. */
  level: string;
  /** Region as the roster gives it; empty when not given. */
  region: string;
}
