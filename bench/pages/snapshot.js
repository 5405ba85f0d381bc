// Snapshot mode: the built folder painting a snapshot precomputed by `assessment-dashboard snapshot`.
// Times library import (inside the timed section) + tag insertion → `ad-ready` → the scorecard's rows
// rendered and painted. No DuckDB-WASM, no CSV.
import { jsHeapMB, longTasks, nextPaint } from './probe.js';

const scorecardRows = (el) =>
  el.shadowRoot?.querySelector('assessment-scorecard')?.shadowRoot?.querySelectorAll('tbody tr:not(.detail)')
    .length ?? 0;

window.benchLoad = async (snapshotUrl) => {
  const t0 = performance.now();
  await import('/assessment-dashboard/assessment-dashboard.js');
  const tLib = performance.now();
  const el = document.createElement('assessment-dashboard');
  el.setAttribute('snapshot', snapshotUrl);
  const ready = new Promise((ok, ko) => {
    el.addEventListener('ad-ready', (e) => ok({ t: performance.now(), detail: e.detail }), { once: true });
    el.addEventListener(
      'ad-error',
      (e) => ko(new Error(`ad-error: ${e.detail?.kind}: ${e.detail?.message}`)),
      {
        once: true,
      },
    );
  });
  document.body.append(el);
  const { t: tReady, detail } = await ready;
  await el.updateComplete;
  while (scorecardRows(el) === 0) await new Promise((ok) => setTimeout(ok, 5));
  const tiles = [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])];
  await Promise.all(tiles.map((t) => t.updateComplete));
  await nextPaint();
  const tPaint = performance.now();
  const heap = jsHeapMB();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    libMs: tLib - t0,
    fetchMs: tReady - t0,
    readyMs: tReady - t0,
    indicatorsMs: 0,
    paintMs: tPaint - tReady,
    totalMs: tPaint - t0,
    tilesShown: tiles.length,
    scorecardRows: scorecardRows(el),
    imports: detail.imports.map((i) => ({ read: i.read, loaded: i.loaded, rejected: i.rejected })),
    indicatorCount: detail.indicators.length,
    indicators: Object.fromEntries(detail.indicators.map((i) => [i.key, i.value])),
    longTasks: longTasks(t0, tPaint),
    jsHeapMB: heap,
  };
};

window.benchClicks = async () => ({
  crossFilterMs: [],
  crossFilterWhat: 'none: a filter loads the data into DuckDB-WASM (as ours) when `src` is given',
});
window.benchReady = true;
