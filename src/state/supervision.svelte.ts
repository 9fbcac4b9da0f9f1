// The supervisor's workbench: the roster (kept in the store), each report's counts of findings (counted by the
// checks worker), the scorecard's weights and deadline rules, and the report sheet open now. The views only render
// what src/figures makes of these.
import type { ReportTally } from '../checks/tally';
import type { Finding } from '../checks/types';
import { csvDocument } from '../model/csvText';
import type { Report } from '../model/report';
import { ROSTER_TEMPLATE_HEADER } from '../ingest/roster';
import type { RosterEntry } from '../model/roster';
import { coverageMatrix, type CoverageMatrix } from '../query/coverage';
import { ARTICLE_49, DEFAULT_WEIGHTS, scoreLine, type ScoreLine, type ScoreSortKey, type TimelinessRules, type Weights } from '../query/scorecard';
import { loadRoster, saveRoster } from '../store/roster';
import type { AppState } from './app.svelte';
import { downloadText } from './download';

const tallyId = (agency: string, year: number) => `${agency}\u0000${year}`;

export class SupervisionState {
  readonly #app: AppState;
  roster = $state.raw<RosterEntry[]>([]);
  /** The roster before the last change, while that change can be undone. */
  previousRoster = $state.raw<RosterEntry[] | null>(null);
  /** Counts per report (organ + year); null while the worker counts. */
  tallies = $state.raw<ReadonlyMap<string, ReportTally> | null>(null);
  progress = $state.raw<{ checked: number; total: number } | null>(null);
  error = $state('');
  weights = $state<Weights>({ ...DEFAULT_WEIGHTS });
  rules = $state<TimelinessRules>({
    government: { ...ARTICLE_49.government },
    organ: { ...ARTICLE_49.organ },
    before2019: { ...ARTICLE_49.before2019 },
  });
  sortBy = $state<ScoreSortKey>('total');
  /** The report whose sheet is open, and the year it is compared with (null: the sheet alone). */
  sheet = $state.raw<{ agency: string; year: number } | null>(null);
  compareWith = $state<number | null>(null);
  /** Findings of the open sheet's report, checked with its organ's other years. */
  sheetFindings = $state.raw<Finding[]>([]);
  #tallied = -1;
  #rosterRead = false;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Reads the roster once, and counts findings whenever the store changed since the last count. */
  refresh(): void {
    if (!this.#rosterRead) {
      this.#rosterRead = true;
      const db = this.#app.database();
      if (db) loadRoster(db).then((r) => (this.roster = r), (e: unknown) => this.#fail(e));
    }
    const version = this.#app.storeVersion;
    if (version === this.#tallied) return;
    this.#tallied = version;
    this.tallies = null;
    this.progress = null;
    this.error = '';
    // The worker reads the browser's database; the sample held in memory (no database) is counted here.
    if (this.#app.storage.memory) {
      this.#tallyHere(version).catch((e: unknown) => this.#fail(e));
      return;
    }
    this.#app
      .checks()
      .then((client) => client.tally(this.#app.databaseName, (checked, total) => (this.progress = { checked, total })))
      .then(
        (list) => {
          if (this.#tallied !== version) return; // the store changed meanwhile: a newer count is coming
          const map = new Map(list.map((t) => [tallyId(t.agency, t.year), t]));
          // A report the worker did not see (its database is not the one shown) is counted here, never taken as clean.
          if (this.#app.reports.some((r) => !map.has(tallyId(r.agency, r.year)))) void this.#tallyHere(version).catch((e: unknown) => this.#fail(e));
          else this.tallies = map;
        },
        (e: unknown) => {
          // The worker could not read the database: count here.
          if (this.#tallied === version) this.#tallyHere(version).catch(() => this.#fail(e));
        },
      );
  }

  /** Counts on the page, an organ at a time with a pause between groups, so the page stays responsive. */
  async #tallyHere(version: number): Promise<void> {
    const [{ runChecks }, { tallyRun }] = await Promise.all([import('../checks/index'), import('../checks/tally')]);
    const byOrgan = new Map<string, Report[]>();
    for (const r of this.#app.reports) byOrgan.set(r.agency, [...(byOrgan.get(r.agency) ?? []), r]);
    const out: ReportTally[] = [];
    let checked = 0;
    let i = 0;
    for (const list of byOrgan.values()) {
      for (const t of tallyRun(runChecks(list, { records: true }), list)) out.push(t);
      checked += list.length;
      if (++i % 50 === 0) {
        if (this.#tallied !== version) return;
        this.progress = { checked, total: this.#app.reports.length };
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    if (this.#tallied !== version) return;
    this.tallies = new Map(out.map((t) => [tallyId(t.agency, t.year), t]));
  }

  #fail(e: unknown): void {
    this.error = e instanceof Error ? e.message : String(e);
    this.#app.say('coverage.failed', { message: this.error });
  }

  tally(agency: string, year: number): ReportTally | undefined {
    return this.tallies?.get(tallyId(agency, year));
  }

  /** The matrix over every report in memory and the roster; cells of reports not counted yet show no findings. */
  get matrix(): CoverageMatrix {
    return coverageMatrix(this.#app.reports, {
      roster: this.roster,
      findings: (agency, year) => {
        const t = this.tally(agency, year);
        return t ? { errors: t.errors, warnings: t.warnings, checked: t.passed + t.failed } : { errors: 0, warnings: 0, checked: 0 };
      },
    });
  }

  get scores(): ScoreLine[] {
    return this.#app.reports.map((r) => {
      const t = this.tally(r.agency, r.year);
      return scoreLine(r, t ?? { passed: 0, failed: 0, errors: 0, warnings: 0 }, this.weights, this.rules);
    });
  }

  /** Replaces the roster with the organs of a roster file; the old one can be put back. */
  async useRoster(entries: readonly RosterEntry[]): Promise<void> {
    const db = this.#app.database();
    if (!db) return;
    try {
      const before = await saveRoster(db, entries);
      this.roster = [...entries];
      this.previousRoster = before;
      this.#app.say('roster.saved', { n: entries.length, before: before.length });
    } catch (e) {
      this.#app.say('roster.failed', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  async undoRoster(): Promise<void> {
    const previous = this.previousRoster;
    if (!previous) return;
    await this.useRoster(previous);
    this.previousRoster = null;
  }

  /** The roster file's header (机构,层级,地区), to fill in a spreadsheet and drop back. */
  downloadRosterTemplate(): void {
    try {
      downloadText(csvDocument([ROSTER_TEMPLATE_HEADER.join(',')]), 'roster-template.csv', 'text/csv;charset=utf-8');
    } catch (e) {
      this.#app.say('app.failed', { message: e instanceof Error ? e.message : String(e) });
    }
  }

  async clearRoster(): Promise<void> {
    await this.useRoster([]);
  }

  /** An incoming report of an import review shown in the sheet before it is stored; null for a stored report. */
  incoming = $state.raw<Report | null>(null);

  /** Opens one stored report's sheet, and checks it with its organ's other years for the findings it shows. */
  openSheet(agency: string, year: number): void {
    this.incoming = null;
    this.#open(agency, year);
  }

  /** Opens the sheet of a report being imported, checked with the organ's stored years it would join. */
  openIncoming(report: Report): void {
    this.incoming = report;
    this.#open(report.agency, report.year);
  }

  #open(agency: string, year: number): void {
    this.sheet = { agency, year };
    this.compareWith = null;
    this.sheetFindings = [];
    const own = this.#app.reports.filter((r) => r.agency === agency && (this.incoming === null || r.year !== year));
    const report = this.incoming ?? own.find((r) => r.year === year);
    if (!report) return;
    import('../checks/index').then(
      ({ checkReport }) => {
        if (this.sheet?.agency === agency && this.sheet.year === year) this.sheetFindings = checkReport(report, own);
      },
      (e: unknown) => this.#fail(e),
    );
  }

  closeSheet(): void {
    this.sheet = null;
    this.incoming = null;
    this.compareWith = null;
  }

  /** The report of the open sheet, and the organ's other years (for the comparison). */
  get sheetReport(): Report | undefined {
    const s = this.sheet;
    if (!s) return undefined;
    return this.incoming ?? this.#app.reports.find((r) => r.agency === s.agency && r.year === s.year);
  }

  get sheetYears(): number[] {
    const s = this.sheet;
    if (!s) return [];
    // An incoming report may be compared with the stored report of its own year (the one it would replace).
    return this.#app.reports
      .filter((r) => r.agency === s.agency && (this.incoming !== null || r.year !== s.year))
      .map((r) => r.year)
      .sort((a, b) => b - a);
  }

  report(agency: string, year: number): Report | undefined {
    return this.#app.reports.find((r) => r.agency === agency && r.year === year);
  }
}
