// App state as a rune class: the reports loaded from IndexedDB, the view (mirrored in the URL hash), the language,
// messages, a shared snapshot when the page was opened from one, and the presentation list.
//
// Opening with many reports stored: the organ shown first is read on its own (keys, then that organ's reports), its
// charts are drawn, and everything else is read in chunks behind it. After a write made here, the reports in memory
// are updated from what was written instead of reading the store back.
import type { Finding } from '../checks';
import type { ChecksClient } from '../checks/client';
import { yearMarks, type YearMark } from '../charts/marks';
import type { Figure, FigureContext } from '../figures/types';
import { translator, type Lang, type MessageKey, type Translate } from '../i18n/messages';
import { reportId, type Report } from '../model/report';
import { groupByAgency, organs, organsFromKeys, type OrganSummary } from '../query/organs';
import type { Snapshot } from '../share/snapshot';
import { defaultView, formatHash, parseHash, type ViewState } from '../share/viewState';
import { isSeeded, loadReports, organReports, reportKeys, restoreSample, seedSampleOnce, type Db } from '../store/db';
import { sameReport } from '../store/equal';
import { DB_NAME } from '../store/schema';
import { announceChange, onChange } from '../store/sync';
import { loadLang, saveLang } from './lang';
import { StorageState } from './storage.svelte';
import { snapshotFailure } from './snapshotFailure';

/** User Timing marks of the start (bench/run.mjs prints them): where the time before the first chart goes. */
function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`store:${name}`);
}

/** The sample as a small JSON module (see store/sample.ts), loaded on the first visit and for "restore" only. */
async function loadSample(): Promise<Report[]> {
  const { sampleReports } = await import('../store/sample');
  return sampleReports();
}

/**
 * Set once this profile has opened the dashboard. Only a hint: on a first visit the sample is fetched while the
 * database opens instead of after; whether to seed is decided by the database's own flag.
 */
const OPENED_KEY = 'disclosure-report-dashboard:opened';

function openedBefore(): boolean {
  try {
    return localStorage.getItem(OPENED_KEY) !== null;
  } catch {
    return true;
  }
}

function rememberOpened(): void {
  try {
    localStorage.setItem(OPENED_KEY, '1');
  } catch {
    // Not remembered: the next visit fetches the sample a little later, nothing else changes.
  }
}

/** Views that show one organ: they can draw before the other organs are read. */
export function isSingleOrganView(view: ViewState['view']): boolean {
  return view !== 'compare' && view !== 'rollup' && view !== 'quality' && view !== 'coverage' && view !== 'scorecard';
}

const NO_FINDINGS: Finding[] = [];
const NO_MARKS: ReadonlyMap<number, YearMark> = new Map();

/** A chart picked for present mode: its figure id and the view it was picked in (organ, years, organs, metric). */
export interface PresentItem {
  /** Figure id plus the view: the same chart of two organs is two slides. */
  key: string;
  id: string;
  view: ViewState;
}

/** What the status region says, kept as a message key so a change of language says it again in the new one. */
interface Said {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The findings of an import review's incoming reports, computed by the checks worker. */
export class IncomingFindings {
  findings = $state.raw<Finding[]>([]);
  ready = $state(false);
  error = $state('');
}

export class AppState {
  /** The stored reports in memory: all of them once `loaded`, before that the organs read so far. Replaced, never mutated. */
  reports = $state.raw<Report[]>([]);
  /** Every stored report is in memory. */
  loaded = $state(false);
  /** While reading: reports read so far, of how many. */
  loading = $state.raw<{ read: number; total: number } | null>(null);
  /** Counts changes of the store (here or in another tab): what was computed from the store is stale after one. */
  storeVersion = $state(0);
  ready = $state(false);
  lang = $state<Lang>(loadLang());
  #said = $state.raw<Said | null>(null);
  view = $state<ViewState>(defaultView());
  /** A chart snapshot opened from a shared link: shown instead of the store until dismissed or imported. */
  snapshot = $state.raw<Snapshot | null>(null);
  /** Charts picked for present mode, in order (each rebuilt from its id and the view it was picked in). */
  presentList = $state.raw<PresentItem[]>([]);
  presenting = $state(false);
  printing = $state(false);
  /** Opens a stored report's official tables (set by the page once the supervisor's views can load). */
  openSheet: ((agency: string, year: number) => void) | undefined = undefined;
  /** Organs whose reports the last import wrote here: the page offers to show them (the view stays where it was). */
  imported = $state.raw<string[]>([]);

  #db: Db | undefined;
  /** The browser's storage: the database opened (or in memory), another tab's upgrade, use and persistence. */
  readonly storage = new StorageState((key, params) => this.say(key, params));
  #checks: Promise<ChecksClient> | undefined;
  /** The organs from the stored keys while the reports are being read. */
  #catalogue = $state.raw<OrganSummary[] | null>(null);
  #groups: ReadonlyMap<string, readonly Report[]> | undefined;
  #loadRun = 0;

  t: Translate = $derived(translator(this.lang));
  /** The status region's text, in the language shown now. */
  message = $derived(this.#said ? this.t(this.#said.key, this.#said.params) : '');
  /** What the charts show: the snapshot's reports when viewing a shared link, else the store. */
  visible = $derived(this.snapshot ? this.snapshot.reports : this.reports);
  organs: OrganSummary[] = $derived(this.snapshot || this.loaded || !this.#catalogue ? organs(this.visible) : this.#catalogue);
  #organIndex = $derived(new Map(this.organs.map((o) => [o.agency, o])));
  /** The visible reports by organ; an organ whose reports did not change keeps the same array (see groupByAgency). */
  byAgency: ReadonlyMap<string, readonly Report[]> = $derived.by(() => {
    const groups = groupByAgency(this.visible, this.#groups);
    this.#groups = groups;
    return groups;
  });

  /** One organ's visible reports (the same array until that organ's reports change). */
  reportsOf(agency: string): readonly Report[] {
    return this.byAgency.get(agency) ?? [];
  }

  /** The visible reports of the given organs: what a figure over these organs reads. */
  reportsOfMany(agencies: readonly string[]): readonly Report[] {
    if (agencies.length === 1) return this.reportsOf(agencies[0]);
    return agencies.flatMap((a) => this.reportsOf(a));
  }

  #findingsOf = new WeakMap<readonly Report[], Finding[]>();
  /**
   * The checks, loaded once the first charts are drawn (they are not part of the first download): until then
   * charts show no ⚠ marks, and get them when the checks arrive.
   */
  #rules = $state.raw<typeof import('../checks') | null>(null);

  /** Loads the checks for the charts' ⚠ marks (once; a failure leaves the marks out and says so). */
  loadMarks(): void {
    if (this.#rules) return;
    import('../checks').then(
      (m) => (this.#rules = m),
      (e: unknown) => this.say('app.loadFailed', { message: e instanceof Error ? e.message : String(e) }),
    );
  }

  /**
   * Findings on one organ's reports (the ⚠ marks of its charts), on the page's thread: a few reports, a few
   * milliseconds. Cached per organ until that organ's reports change. A shared snapshot holds only the cells of
   * one chart: checking it would report mostly "not checkable".
   */
  findingsOf(agency: string): Finding[] {
    const reports = this.reportsOf(agency);
    const rules = this.#rules;
    if (this.snapshot || !rules) return NO_FINDINGS;
    let found = this.#findingsOf.get(reports);
    if (!found) {
      found = rules.checkReports(reports);
      this.#findingsOf.set(reports, found);
    }
    return found;
  }

  agency = $derived(this.view.agency !== undefined && this.#organIndex.has(this.view.agency) ? this.view.agency : this.organs[0]?.agency);
  organ = $derived(this.agency === undefined ? undefined : this.#organIndex.get(this.agency));
  range = $derived({ from: this.view.from, to: this.view.to });
  /** The hash names the organ actually shown, so the link shows it even where the default organ differs. */
  hash = $derived(formatHash(this.view.view === 'compare' || this.view.view === 'rollup' ? this.view : { ...this.view, agency: this.agency }));

  /**
   * What the figure catalogue needs to choose and build figures (see src/figures). The organs are read through a
   * getter: a view whose figures do not depend on them (one organ's charts) is not rebuilt when they change.
   */
  figureContext: FigureContext = $derived.by(() => {
    const app = this;
    return {
      lang: this.lang,
      t: this.t,
      agency: this.agency,
      get organs() {
        return app.organs;
      },
      reportsOf: (agencies: readonly string[]) => app.reportsOfMany(agencies),
    };
  });

  say(key: MessageKey, params?: Record<string, string | number>): void {
    this.#said = { key, params };
  }

  #marks = new WeakMap<readonly Finding[], ReadonlyMap<number, YearMark>>();
  #marksLang: Lang = this.lang;

  /**
   * The ⚠ marks of a figure's years: the findings of its one organ's reports (a figure over several organs, or a
   * ranking, has none). A shared snapshot carries the marks of its chart, made by the sender.
   */
  marksOf(figure: Figure): ReadonlyMap<number, YearMark> {
    if (this.snapshot) {
      if (figure.id !== this.snapshot.chart || !this.snapshot.marks) return NO_MARKS;
      return new Map(this.snapshot.marks.map((m) => [m.year, m]));
    }
    if (figure.byOrgan || figure.agencies.length !== 1) return NO_MARKS;
    const agency = figure.agencies[0];
    const findings = this.findingsOf(agency);
    if (findings.length === 0) return NO_MARKS;
    if (this.#marksLang !== this.lang) {
      this.#marks = new WeakMap();
      this.#marksLang = this.lang;
    }
    let marks = this.#marks.get(findings);
    if (!marks) {
      marks = yearMarks(this.#rules?.findingsByYear(findings, agency) ?? new Map(), this.lang);
      this.#marks.set(findings, marks);
    }
    return marks;
  }

  async start(): Promise<void> {
    const early = openedBefore() ? undefined : loadSample();
    early?.catch(() => undefined); // a failure is met again below, where it is reported
    const opened = await this.openFromHash(location.hash);
    const opening = this.storage.open();
    opening.catch(() => undefined); // awaited below
    if (early) {
      // A first visit as far as this profile remembers: the sample is drawn while the database opens (creating one
      // takes a few hundred milliseconds). Should the database hold reports after all, they replace it below.
      try {
        this.reports = await early;
        this.loaded = true;
        this.ready = true;
      } catch {
        // met again below
      }
    }
    try {
      this.#db = await opening;
      mark('opened');
      let seeded = 0;
      if (!(await isSeeded(this.#db))) {
        const sample = await (early ?? loadSample());
        // First visit: the sample is drawn at once while it is written (one transaction, as before).
        this.reports = sample;
        this.loaded = true;
        this.ready = true;
        seeded = await seedSampleOnce(this.#db, async () => sample);
        // Another tab seeded first: show what the store holds.
        if (seeded === 0) await this.#load(false);
      } else if (early) {
        this.loaded = false;
        await this.#load(false);
      } else {
        await this.#load(true);
      }
      rememberOpened();
      if (opened === 'snapshot') {
        // keep the snapshot message
      } else if (opened === 'broken') {
        // keep the broken-link message
      } else if (this.storage.memory) this.say('robust.memory.status');
      else if (seeded > 0) this.say('sample.seeded', { n: seeded });
      else this.say('store.loaded', { n: this.reports.length });
      onChange(() => {
        this.storeVersion++;
        void this.#load(false);
      });
    } catch (e) {
      this.say('store.error', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.ready = true;
    }
  }

  /**
   * Reads the store. At the start of a single-organ view the organ shown is read first (`ready` then lets its
   * charts draw) and the rest follows in chunks; a reload after a change elsewhere keeps showing the reports in
   * memory until the new ones are all read.
   */
  async #load(first: boolean): Promise<void> {
    const db = this.#db;
    if (!db) return;
    const run = ++this.#loadRun;
    if (first) {
      const single = isSingleOrganView(this.view.view);
      // The organ the link names is read before anything else; the organ list (from the keys) follows.
      let own: Report[] = single && this.view.agency !== undefined ? await organReports(db, this.view.agency) : [];
      if (own.length > 0) this.#showFirst(own);
      const keys = await reportKeys(db);
      mark('keys');
      this.loading = { read: 0, total: keys.length };
      if (single && own.length === 0 && keys.length > 0) {
        // No organ named, or one not stored: the default one, the organ with the most years.
        own = await organReports(db, organsFromKeys(keys)[0].agency);
        this.#showFirst(own);
      }
      if (own.length > 0) this.#catalogue = organsFromKeys(keys, own);
    }
    const all = await loadReports(db, (read) => {
      if (run === this.#loadRun && this.loading) this.loading = { read, total: Math.max(read, this.loading.total) };
    });
    if (run !== this.#loadRun) return; // a newer read started meanwhile
    this.reports = keepSame(all, this.reports);
    this.loaded = true;
    this.loading = null;
    this.#catalogue = null;
    mark('loaded');
  }

  /** The first organ's reports, shown while the others are read. */
  #showFirst(own: Report[]): void {
    this.reports = own;
    this.ready = true;
    mark('first-organ');
  }

  /** While the reports are still being read: the chosen organ's reports are read at once, ahead of the rest. */
  async #readOrgan(agency: string): Promise<void> {
    const db = this.#db;
    if (!db || this.loaded || this.reportsOf(agency).length > 0) return;
    const own = await organReports(db, agency);
    if (this.loaded) return;
    this.reports = [...this.reports.filter((r) => r.agency !== agency), ...own];
    if (this.#catalogue) {
      const meta = own.find((r) => r.level || r.region);
      if (meta) this.#catalogue = this.#catalogue.map((o) => (o.agency === agency ? { ...o, level: meta.level, region: meta.region } : o));
    }
  }

  /** Applies a URL hash: the view, and a snapshot if the link carries one. Never throws. */
  async openFromHash(hash: string): Promise<'view' | 'snapshot' | 'broken'> {
    const parsed = parseHash(hash);
    this.view = parsed.state;
    if (!parsed.ok) {
      this.say(parsed.reason === 'version' ? 'share.badVersion' : 'share.badLink');
      return 'broken';
    }
    if (!parsed.snapshot) {
      this.snapshot = null;
      return 'view';
    }
    try {
      // The decoder (and its schema library) loads only for a link that carries a snapshot.
      const { decodeSnapshot } = await import('../share/snapshot');
      this.snapshot = await decodeSnapshot(parsed.snapshot);
      this.say('share.opened', { date: this.snapshot.made.slice(0, 10) });
      return 'snapshot';
    } catch (e) {
      this.snapshot = null;
      this.say(...snapshotFailure(e));
      return 'broken';
    }
  }

  /** Reads every stored report again (in chunks; the reports in memory stay shown meanwhile). */
  async reload(): Promise<void> {
    await this.#load(false);
  }

  /** The open database, for the import state; undefined until start() has opened it. */
  database(): Db | undefined {
    return this.#db;
  }

  /** The checks worker's client (loaded on first use): the quality view and the import review check off the page's thread. */
  checks(): Promise<ChecksClient> {
    this.#checks ??= import('../checks/client').then(({ ChecksClient }) => new ChecksClient());
    return this.#checks;
  }

  /** Name of the database the checks worker reads. */
  readonly databaseName = DB_NAME;

  /**
   * Findings of incoming reports (an import review) from the checks worker; `ready` once they arrived. The
   * caller keeps the object while its review lasts; a new review asks for a new one.
   */
  incomingFindings(reports: readonly Report[]): IncomingFindings {
    const out = new IncomingFindings();
    this.checks()
      .then((client) => client.checkIncoming(this.databaseName, reports))
      .then(
        (found) => {
          out.findings = found;
          out.ready = true;
        },
        (e: unknown) => {
          out.error = e instanceof Error ? e.message : String(e);
          out.ready = true;
          this.say('quality.failed', { message: out.error });
        },
      );
    return out;
  }

  /** After a write made elsewhere (undo, delete, restore): read the store again, and tell other tabs. */
  async changed(): Promise<void> {
    this.storeVersion++;
    announceChange();
    await this.reload();
  }

  /**
   * After a commit made here: the reports in memory are updated from the records written (added or replaced),
   * not read back; other tabs are told. Organs the commit did not touch keep their report objects.
   */
  committed(written: readonly Report[], offer = true): void {
    this.storeVersion++;
    announceChange();
    if (written.length === 0) return;
    const byId = new Map(written.map((r): [string, Report] => [reportId(r.agency, r.year), r]));
    const next: Report[] = [];
    for (const r of this.reports) {
      const id = reportId(r.agency, r.year);
      const w = byId.get(id);
      next.push(w ?? r);
      byId.delete(id);
    }
    for (const r of byId.values()) next.push(r);
    this.reports = next;
    if (offer) this.imported = [...new Set(written.map((r) => r.agency))];
  }

  /** Shows imported organs: one in the overview, several side by side in compare. */
  showImported(agencies: readonly string[]): void {
    this.imported = [];
    if (agencies.length === 1) {
      this.setView({ view: isSingleOrganView(this.view.view) ? this.view.view : 'overview', agency: agencies[0], from: undefined, to: undefined });
      void this.#readOrgan(agencies[0]);
    } else this.setView({ view: 'compare', organs: [...agencies], from: undefined, to: undefined });
  }

  async restoreSample(): Promise<void> {
    if (!this.#db) return;
    try {
      const sample = await loadSample();
      const n = await restoreSample(this.#db, sample);
      this.committed(sample, false);
      this.say('sample.restored', { n });
    } catch (e) {
      this.say(...this.storage.failure(e));
    }
  }

  closeSnapshot(): void {
    this.snapshot = null;
    this.say('store.loaded', { n: this.reports.length });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    saveLang(lang);
    document.documentElement.lang = lang;
  }

  setView(patch: Partial<ViewState>): void {
    this.view = { ...this.view, ...patch };
  }

  selectAgency(agency: string): void {
    // A new organ has other years: start from its full span.
    this.setView({ agency, from: undefined, to: undefined });
    void this.#readOrgan(agency);
  }

  /** The present-mode key of a figure shown in the current view. */
  presentKey(id: string): string {
    return `${id}#${this.hash}`;
  }

  togglePresent(id: string): void {
    const key = this.presentKey(id);
    this.presentList = this.presentList.some((s) => s.key === key)
      ? this.presentList.filter((s) => s.key !== key)
      : [...this.presentList, { key, id, view: { ...this.view, agency: this.agency } }];
  }
}

/**
 * The reports read, with the objects already in memory kept where they are equal by identity of organ + year and
 * the store did not change them meanwhile (same record read twice): charts of those organs need not redraw.
 * Reports are never mutated, so a record read twice can differ only if a write came between; those are replaced.
 */
function keepSame(read: Report[], before: readonly Report[]): Report[] {
  if (before.length === 0) return read;
  const old = new Map(before.map((r): [string, Report] => [reportId(r.agency, r.year), r]));
  return read.map((r) => {
    const o = old.get(reportId(r.agency, r.year));
    return o !== undefined && sameReport(o, r) ? o : r;
  });
}

