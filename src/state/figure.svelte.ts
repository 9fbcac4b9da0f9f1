// One figure's numbers as a rune class: the reports its query reads, its data, the ⚠ marks of its years, the
// ECharts option, its notes and caption. Components only render these; the figure itself comes from the catalogue.
import { markedYearsText, type YearMark } from '../charts/marks';
import type { Display } from '../charts/option';
import { chartTable, type TableView } from '../charts/table';
import { caption, rowHeader, trimYears } from '../figures/display';
import type { Figure } from '../figures/types';
import type { ChartData } from '../query/series';
import type { AppState } from './app.svelte';

export class FigureView {
  readonly #app: () => AppState;
  readonly #get: () => Figure;
  readonly mode: Display['mode'];
  /** The chart's width in CSS pixels, as its element reports it (0 until drawn). */
  width = $state(0);

  /** `app` and `figure` are read through functions: a component passes its props, which may change. */
  constructor(app: () => AppState, figure: () => Figure, mode: Display['mode'] = 'page') {
    this.#app = app;
    this.#get = figure;
    this.mode = mode;
  }

  figure: Figure = $derived.by(() => this.#get());
  /** The reports of the figure's organs only (the same array until they change). */
  input = $derived.by(() => this.#app().reportsOfMany(this.figure.agencies));
  /** On a slide, the leading and trailing years without any value are left out. */
  data: ChartData = $derived.by(() => {
    const data = this.figure.query(this.input);
    return this.mode === 'present' ? trimYears(data) : data;
  });
  marks: ReadonlyMap<number, YearMark> = $derived.by(() => this.#app().marksOf(this.figure));
  /** The width in steps of 80 px: the axis labels that fit change in steps, not on every pixel of a resize. */
  #width = $derived.by(() => Math.round(this.width / 80) * 80);
  option = $derived.by(() => this.figure.option(this.data, this.#app().lang, { mode: this.mode, width: this.#width }, this.marks));
  notes: string[] = $derived.by(() => this.figure.notes(this.data, this.#app().t));
  caption: string = $derived.by(() => caption(this.figure, this.data));
  /** The marked years among those shown, as text for the note under the chart ("2020、2023"). */
  markedText: string = $derived.by(() => markedYearsText(this.data.years, this.marks, this.#app().lang));
  rowHeader: string = $derived.by(() => rowHeader(this.figure, this.#app().t));

  /** The same numbers as a table (built when the table is shown, exported or copied). */
  table(): TableView {
    return chartTable(this.data, this.#app().lang);
  }

  /** Per table row, the marks of its year (a ranking's rows are organs: none). */
  rowMarks(): (YearMark | undefined)[] | undefined {
    if (this.figure.byOrgan) return undefined;
    return this.data.years.map((y) => this.marks.get(y));
  }
}
