// App state as a rune class: the reports loaded once from IndexedDB, the view (mirrored in the URL hash),
// the language, messages, a shared snapshot when the page was opened from one, and the presentation list.
import { checkReports, type Finding } from '../checks';
import type { FigureSpec } from '../charts/figureSpec';
import { translator, type Lang, type MessageKey, type Translate } from '../i18n/messages';
import type { Report } from '../model/report';
import { defaultOrgan, organs } from '../query/organs';
import { decodeSnapshot, type Snapshot } from '../share/snapshot';
import { defaultView, formatHash, parseHash, type ViewState } from '../share/viewState';
import { allReports, openStore, restoreSample, seedSampleOnce, type Db } from '../store/db';
import { announceChange, onChange } from '../store/sync';
import { loadLang, saveLang } from './lang';

async function loadSample(): Promise<Report[]> {
  const { sampleReports } = await import('../ingest/sample');
  return sampleReports();
}

export class AppState {
  /** All stored reports; large, so kept raw (replaced, never mutated). */
  reports = $state.raw<Report[]>([]);
  ready = $state(false);
  lang = $state<Lang>(loadLang());
  message = $state('');
  view = $state<ViewState>(defaultView());
  /** A chart snapshot opened from a shared link: shown instead of the store until dismissed or imported. */
  snapshot = $state.raw<Snapshot | null>(null);
  /** Charts picked for present mode, in order (each as it was defined when picked). */
  presentList = $state.raw<FigureSpec[]>([]);
  presenting = $state(false);
  printing = $state(false);

  #db: Db | undefined;

  t: Translate = $derived(translator(this.lang));
  /** What the charts show: the snapshot's reports when viewing a shared link, else the store. */
  visible = $derived(this.snapshot ? this.snapshot.reports : this.reports);
  organs = $derived(organs(this.visible));
  /**
   * Consistency findings (issue 5) on every stored report, for the data-quality view. $derived is lazy: this runs
   * only while that view reads it — checking 10,000 reports takes seconds, so charts use findingsOf() instead.
   * A shared snapshot holds only the cells of one chart: checking it would report mostly "not checkable".
   */
  findings = $derived(this.snapshot ? [] : checkReports(this.reports));

  #findingsOf = new Map<string, Finding[]>();
  #findingsOfReports: readonly Report[] | null = null;

  /** Findings on one organ's reports (the ⚠ marks of its charts), cached until the store changes. */
  findingsOf(agency: string): Finding[] {
    const reports = this.reports; // read first: a $derived that calls this re-runs when the store changes
    if (this.snapshot) return [];
    if (this.#findingsOfReports !== reports) {
      this.#findingsOf.clear();
      this.#findingsOfReports = reports;
    }
    let found = this.#findingsOf.get(agency);
    if (!found) {
      found = checkReports(reports.filter((r) => r.agency === agency));
      this.#findingsOf.set(agency, found);
    }
    return found;
  }
  agency = $derived(
    this.view.agency !== undefined && this.organs.some((o) => o.agency === this.view.agency) ? this.view.agency : defaultOrgan(this.visible),
  );
  organ = $derived(this.organs.find((o) => o.agency === this.agency));
  range = $derived({ from: this.view.from, to: this.view.to });
  /** The hash names the organ actually shown, so the link shows it even where the default organ differs. */
  hash = $derived(formatHash(this.view.view === 'compare' || this.view.view === 'rollup' ? this.view : { ...this.view, agency: this.agency }));

  say(key: MessageKey, params?: Record<string, string | number>): void {
    this.message = this.t(key, params);
  }

  async start(): Promise<void> {
    const opened = await this.openFromHash(location.hash);
    try {
      this.#db = await openStore();
      const seeded = await seedSampleOnce(this.#db, loadSample);
      await this.reload();
      if (opened === 'snapshot') {
        // keep the snapshot message
      } else if (opened === 'broken') {
        // keep the broken-link message
      } else if (seeded > 0) this.say('sample.seeded', { n: seeded });
      else this.say('store.loaded', { n: this.reports.length });
      onChange(() => void this.reload());
    } catch (e) {
      this.say('store.error', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.ready = true;
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
      this.snapshot = await decodeSnapshot(parsed.snapshot);
      this.say('share.opened', { date: this.snapshot.made.slice(0, 10) });
      return 'snapshot';
    } catch {
      this.snapshot = null;
      this.say('share.tampered');
      return 'broken';
    }
  }

  async reload(): Promise<void> {
    if (!this.#db) return;
    this.reports = await allReports(this.#db);
  }

  /** The open database, for the import state (issue 3); undefined until start() has opened it. */
  database(): Db | undefined {
    return this.#db;
  }

  /** After a write made elsewhere (import, undo, delete, restore): reload, and tell other tabs. */
  async changed(): Promise<void> {
    await this.reload();
    announceChange();
  }

  async restoreSample(): Promise<void> {
    if (!this.#db) return;
    const n = await restoreSample(this.#db, await loadSample());
    await this.changed();
    this.say('sample.restored', { n });
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
  }

  togglePresent(spec: FigureSpec): void {
    this.presentList = this.presentList.some((s) => s.id === spec.id)
      ? this.presentList.filter((s) => s.id !== spec.id)
      : [...this.presentList, spec];
  }
}
