// What the benchmark installs in the page before any of the app's scripts run. Each probe only observes:
//  - the first chart drawn: the first frame in which a chart's canvas has painted pixels;
//  - long tasks (PerformanceObserver 'longtask': every main-thread task over 50 ms, with its duration);
//  - the longest gap between 10 ms timer ticks (what a person feels as a frozen page);
//  - the import: the moment a file is chosen, an automatic click on the import button as soon as the review
//    shows the expected number of new reports (no automation round trip in the figure), and the moment the
//    status says the import is done.
// Written as one function so Playwright can serialise it into an init script.

export function installProbes({ expectNew }) {
  const w = window;
  const bench = (w.__bench = {
    firstChart: undefined,
    longTasks: [],
    maxGap: 0,
    gapSince: performance.now(),
    fileChosen: undefined,
    commitClicked: undefined,
    imported: undefined,
  });

  // First chart drawn: polled once a frame, after the frame's own rendering (ECharts paints in its rAF callback).
  const probeChart = () => {
    const c = document.querySelector('figure canvas');
    if (c && c.width > 0 && c.height > 0) {
      const ctx = c.getContext('2d');
      if (ctx) {
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 64) {
          if (d[i] > 0) {
            bench.firstChart = performance.now();
            return;
          }
        }
      }
    }
    requestAnimationFrame(() => setTimeout(probeChart, 0));
  };
  requestAnimationFrame(() => setTimeout(probeChart, 0));

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the timer gap below still says how long the page froze.
  }

  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    bench.maxGap = Math.max(bench.maxGap, now - last);
    last = now;
  }, 10);

  document.addEventListener(
    'change',
    (e) => {
      const t = e.target;
      if (t instanceof HTMLInputElement && t.type === 'file') bench.fileChosen = performance.now();
    },
    true,
  );

  if (expectNew > 0) {
    const watch = () => {
      if (bench.imported !== undefined) return;
      if (bench.commitClicked === undefined) {
        const summary = document.querySelector(`.review > .summary[data-new="${expectNew}"]`);
        const button = document.getElementById('import-commit');
        if (summary && button && !button.disabled) {
          bench.commitClicked = performance.now();
          button.click();
        }
      }
      const status = document.querySelector('[role="status"]');
      if (status && status.textContent && status.textContent.includes(`新增 ${expectNew} 份`)) bench.imported = performance.now();
    };
    new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }
}
