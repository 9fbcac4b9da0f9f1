// The one place that registers ECharts parts: only what the charts use, so the bundle stays small. Tooltips
// (shown on hover only) are registered after the first charts are drawn: the first view does not wait for them.
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
// The grid without its axis pointer: the pointer belongs to the tooltip, which brings it along when it loads.
import { GridSimpleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// The plain legend only: legends here wrap onto more lines rather than scroll.
import { install as LegendPlain } from 'echarts/lib/component/legend/installLegendPlain.js';

use([BarChart, LineChart, GridSimpleComponent, LegendPlain, CanvasRenderer]);

export const echarts = { init, use };

let tooltip: Promise<void> | undefined;
let tooltipLoaded = false;
let announce: () => void = () => {};
const tooltipRegistered = new Promise<void>((resolve) => (announce = resolve));

/** Registers the tooltip component (once). */
export function loadTooltip(): Promise<void> {
  tooltip ??= import('echarts/lib/component/tooltip/install.js').then(({ install }) => {
    use([install]);
    tooltipLoaded = true;
    announce();
  });
  return tooltip;
}

/** Resolves once the tooltip component is registered (without loading it): charts then set their option again. */
export function whenTooltip(): Promise<void> {
  return tooltipRegistered;
}

/** The tooltip component is registered: a chart made now gets tooltips from its first option. */
export function hasTooltip(): boolean {
  return tooltipLoaded;
}
