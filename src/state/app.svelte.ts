// App state as a rune class: the reports loaded once from IndexedDB, the selection, the language, messages.
import { translator, type Lang, type MessageKey, type Translate } from '../i18n/messages';
import type { Report } from '../model/report';
import { requestOutcomes, procurement, publishedItems } from '../query/coreCharts';
import { defaultOrgan, organs } from '../query/organs';
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
  selectedAgency = $state<string | undefined>(undefined);
  yearFrom = $state<number | undefined>(undefined);
  yearTo = $state<number | undefined>(undefined);

  #db: Db | undefined;

  t: Translate = $derived(translator(this.lang));
  organs = $derived(organs(this.reports));
  agency = $derived(
    this.selectedAgency !== undefined && this.organs.some((o) => o.agency === this.selectedAgency)
      ? this.selectedAgency
      : defaultOrgan(this.reports),
  );
  organ = $derived(this.organs.find((o) => o.agency === this.agency));
  range = $derived({ from: this.yearFrom, to: this.yearTo });
  published = $derived(this.agency ? publishedItems(this.reports, this.agency, this.range) : undefined);
  procurement = $derived(this.agency ? procurement(this.reports, this.agency, this.range) : undefined);
  outcomes = $derived(this.agency ? requestOutcomes(this.reports, this.agency, this.range) : undefined);

  say(key: MessageKey, params?: Record<string, string | number>): void {
    this.message = this.t(key, params);
  }

  async start(): Promise<void> {
    try {
      this.#db = await openStore();
      const seeded = await seedSampleOnce(this.#db, loadSample);
      await this.reload();
      if (seeded > 0) this.say('sample.seeded', { n: seeded });
      else this.say('store.loaded', { n: this.reports.length });
      onChange(() => void this.reload());
    } catch (e) {
      this.say('store.error', { message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.ready = true;
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
    await this.reload();
    announceChange();
    this.say('sample.restored', { n });
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    saveLang(lang);
    document.documentElement.lang = lang;
  }

  selectAgency(agency: string): void {
    this.selectedAgency = agency;
    // A new organ has other years: start from its full span.
    this.yearFrom = undefined;
    this.yearTo = undefined;
  }
}
