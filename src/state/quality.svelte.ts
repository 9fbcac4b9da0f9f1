// The quality view's state: the checks worker checks every stored report and sends the page of findings the
// filter asks for, while the page stays free. A change of the store starts a new run.
import type { StoreProgress } from '../checks/protocol';
import { NO_FILTER, type FindingFilter, type FindingsPage } from '../checks/page';
import type { AppState } from './app.svelte';

/** Findings per page of the table: a page renders in a few milliseconds whatever the number of findings. */
export const PAGE_SIZE = 100;

export class QualityState {
  readonly #app: AppState;
  /** Folded by default: errors and warnings first, not-checkable rules one line per report. */
  filter = $state<FindingFilter>({ ...NO_FILTER, fold: true });
  offset = $state(0);
  /** The page the worker sent last; null until the first one. */
  page = $state.raw<FindingsPage | null>(null);
  progress = $state.raw<StoreProgress | null>(null);
  error = $state('');
  #checkedVersion = -1;

  constructor(app: AppState) {
    this.#app = app;
  }

  #view() {
    return { filter: { ...this.filter }, offset: this.offset, limit: PAGE_SIZE };
  }

  /** Checks the store as it is now, unless this state of it was checked already. */
  refresh(): void {
    const version = this.#app.storeVersion;
    if (version === this.#checkedVersion) return;
    this.#checkedVersion = version;
    this.progress = null;
    this.error = '';
    const fail = (message: string) => {
      this.error = message;
      this.#app.say('quality.failed', { message });
    };
    this.#app.checks().then(
      (client) =>
        client.checkStore(
          this.#app.databaseName,
          this.#view(),
          (u) => {
            this.page = u.page;
            this.progress = u.progress;
            // An offset past the end comes back as the last page: keep the pager in step.
            this.offset = u.page.offset;
          },
          fail,
        ),
      (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
    );
  }

  /** Asks the worker for the page the filter and offset name now. */
  #ask(): void {
    const view = this.#view();
    this.#app.checks().then(
      (client) => client.page(view),
      (e: unknown) => this.#app.say('quality.failed', { message: e instanceof Error ? e.message : String(e) }),
    );
  }

  setFilter(patch: Partial<FindingFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.offset = 0;
    this.#ask();
  }

  /** Another page: `offset` is the index of its first finding. */
  goTo(offset: number): void {
    this.offset = Math.max(0, offset);
    this.#ask();
  }

  /** The CSV of every finding the filter keeps, built by the worker. */
  async csv(): Promise<string> {
    const filter = { ...this.filter };
    return (await this.#app.checks()).csv(filter, this.#app.lang);
  }
}
