// SVG export: the same option rendered by ECharts' SVG renderer, which is loaded only when someone exports
// (imported from its own module: through 'echarts/renderers' it would land in the main bundle).
import type { ChartOption } from './types';

export async function optionToSvg(option: ChartOption, width: number, height: number): Promise<string> {
  const [{ echarts }, { install }] = await Promise.all([import('./echarts'), import('echarts/lib/renderer/installSVGRenderer.js')]);
  echarts.use([install]);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#fff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
