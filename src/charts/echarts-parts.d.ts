// ECharts parts loaded on their own, after the first view: their install functions, typed like the ones
// 'echarts/components' exports.
declare module 'echarts/lib/component/tooltip/install.js' {
  import type { EChartsExtensionInstaller } from 'echarts/types/dist/shared';
  export const install: EChartsExtensionInstaller;
}
declare module 'echarts/lib/component/legend/installLegendPlain.js' {
  import type { EChartsExtensionInstaller } from 'echarts/types/dist/shared';
  export const install: EChartsExtensionInstaller;
}
declare module 'echarts/lib/component/legend/installLegendScroll.js' {
  import type { EChartsExtensionInstaller } from 'echarts/types/dist/shared';
  export const install: EChartsExtensionInstaller;
}
