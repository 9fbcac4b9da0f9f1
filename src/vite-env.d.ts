/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  import type { EChartsExtensionInstaller } from 'echarts/types/dist/shared';
  export const install: EChartsExtensionInstaller;
}
