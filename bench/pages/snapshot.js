// Snapshot mode: the built folder painting a snapshot precomputed by `assessment-dashboard snapshot`.
// Times tag insertion → `ad-ready` → the scorecard's rows rendered and painted. No DuckDB-WASM, no CSV.
import '/assessment-dashboard/assessment-dashboard.js';

const nextPaint = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
const scorecardRows = (el) =>
  el.shadowRoot?.querySelector('assessment-scorecard')?.shadowRoot?.querySelectorAll('tbody tr:not(.detail)')
    .length ?? 0;

window.bench = async (snapshotUrl) => {
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
  const t0 = performance.now();
  document.body.append(el);
  const { t: tReady, detail } = await ready;
  await el.updateComplete;
  while (scorecardRows(el) === 0) await new Promise((ok) => setTimeout(ok, 5));
  const tiles = [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])];
  await Promise.all(tiles.map((t) => t.updateComplete));
  await nextPaint();
  const tPaint = performance.now();
  return {
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
    crossFilterMs: [],
    crossFilterWhat: 'none: a filter loads the data into DuckDB-WASM (as ours) when `src` is given',
  };
};
window.benchReady = true;
