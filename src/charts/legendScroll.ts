// The scrolling legend, for the views whose charts use it (seriesOption: many series, e.g. one per organ). Imported
// by those views for its effect, so the overview's first download goes without it.
import { use } from 'echarts/core';
import { install } from 'echarts/lib/component/legend/installLegendScroll.js';

use([install]);
