// Ours: the built embeddable folder, exactly as a host page uses it. benchLoad times the library's own
// download and start (dynamic import inside the timed section), tag insertion → every KPI tile painted
// with its number (first paint; the tiles come before the rest of the indicators, see
// session/early-tiles.ts). benchAfterPaint waits for `ad-ready` (everything computed); benchClicks then
// waits for the indicator cubes ("interactive at") and times the cross-filter through the element's own
// select() (a chart click).

import { jsHeapMB, longTasks, nextPaint } from './probe.js';
import { DEPT } from './workload.js';

let el;
let t0;
let tPaint;
let indicatorCount;
let ready;
let afterPaint;

window.benchLoad = async (csvUrl, engineUrl) => {
  // Step timings (packages/core/src/trace.ts): engine start, fetch, import steps, every statement.
  window.__adTrace = [];
  t0 = performance.now();
  await import('/assessment-dashboard/assessment-dashboard.js');
  const tLib = performance.now();
  el = document.createElement('assessment-dashboard');
  // With a query server (the remote row) the data stays there: only results are fetched.
  if (engineUrl) el.setAttribute('engine', engineUrl);
  else el.setAttribute('src', csvUrl);
  el.setAttribute('max-mb', '4096');
  // Phases from the element's ad-state event (no polling: a timer or a frame loop here would be harness
  // work on ours' main thread that the other engines' pages do not do).
  const phases = {};
  let last;
  el.addEventListener('ad-state', (e) => {
    const p = e.detail.phase;
    if (p !== 'idle' && p !== last) phases[p] = performance.now();
    last = p;
  });
  let failed;
  ready = new Promise((ok, ko) => {
    el.addEventListener('ad-ready', (e) => ok({ t: performance.now(), detail: e.detail }), { once: true });
    el.addEventListener(
      'ad-error',
      (e) => {
        const rel = Object.fromEntries(Object.entries(phases).map(([p, t]) => [p, Math.round(t - t0)]));
        const msg = String(e.detail?.message ?? '').split('\n')[0];
        failed = new Error(
          `ad-error after ${Math.round(performance.now() - t0)} ms (phases ${JSON.stringify(rel)}): ${e.detail?.kind}: ${msg}`,
        );
        ko(failed);
      },
      { once: true },
    );
  });
  ready.catch(() => {});
  const tiles = tileTimes(() => failed);
  document.body.append(el);
  const { first, all, shown } = await tiles;
  tPaint = all;
  const heap = jsHeapMB();
  const at = (p) => (phases[p] === undefined ? undefined : phases[p] - t0);
  afterPaint = async () => {
    const { t: tReady, detail } = await ready;
    indicatorCount = detail.indicators.length;
    return {
      // the element's ad-ready: every indicator, the ledger excerpt and the trend computed (after the tiles)
      readyMs: tReady - t0,
      imports: detail.imports.map((i) => ({ read: i.read, loaded: i.loaded, rejected: i.rejected })),
      indicatorCount,
      indicators: Object.fromEntries(detail.indicators.map((i) => [i.key, i.value])),
    };
  };
  return {
    libMs: tLib - t0,
    // Ours overlaps the download with the engine start: "fetch" = until the bytes are in, "init" = the
    // further wait for DuckDB-WASM after that.
    fetchMs: at('starting-engine'),
    initMs: (at('importing') ?? 0) - (at('starting-engine') ?? at('importing') ?? 0),
    loadMs: (at('computing') ?? 0) - (at('importing') ?? 0),
    // from the end of the import to every KPI tile painted with its number
    indicatorsMs: tPaint - t0 - (at('computing') ?? 0),
    // the first tiles painted with their numbers (those that need no working-day facts), the rest pending
    firstTilesMs: first - t0,
    totalMs: tPaint - t0,
    phases: Object.fromEntries(Object.keys(phases).map((p) => [p, Math.round(at(p))])),
    tilesShown: shown,
    longTasks: longTasks(t0, tPaint),
    jsHeapMB: heap,
    trace: window.__adTrace
      .filter((e) => e.start < tPaint)
      .map((e) => ({ step: e.step, at: Math.round(e.start - t0), ms: Math.round(e.ms) })),
  };
};

/**
 * When KPI tiles are painted with numbers: `first` = the first frame showing some (others may still say
 * pending), `all` = every tile with its number. Checked at each ad-state once the element and its tiles have
 * rendered it; the time is taken after the next frame (the one that paints them).
 */
function tileTimes(failed) {
  return new Promise((ok, ko) => {
    let first;
    let done = false;
    const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const check = async () => {
      if (done) return;
      if (failed()) return ko(failed());
      await el.updateComplete;
      const tiles = [...(el.shadowRoot?.querySelectorAll('assessment-kpi-tile') ?? [])];
      await Promise.all(tiles.map((t) => t.updateComplete));
      const values = tiles.map((t) => t.shadowRoot?.querySelector('[data-key]'));
      const numbers = values.filter((v) => v && v.dataset.status !== 'pending').length;
      if (done || !numbers) return;
      if (first === undefined) afterFrame().then(() => (first ??= performance.now()));
      if (values.length > 0 && numbers === values.length) {
        done = true;
        await afterFrame();
        ok({ first: first ?? performance.now(), all: performance.now(), shown: numbers });
      }
    };
    el.addEventListener('ad-state', check);
    el.addEventListener('ad-error', () => ko(failed() ?? new Error('ad-error')), { once: true });
  });
}

window.benchAfterPaint = () => afterPaint();

window.benchClicks = async (reps) => {
  // The first select waits for the indicator cubes built after the first paint: "interactive at".
  await el.select([]);
  const tInteractive = performance.now();
  const state = el._state;
  const depts = (state.byDept ?? []).map((r) => r.key).filter(Boolean);
  const months = state.trendMonths ?? [];
  const picks = [];
  for (let i = 0; picks.length < reps; i++) {
    const d = depts[i % Math.max(1, depts.length)];
    const m = months[(i * 7) % Math.max(1, months.length)];
    if (i % 2 === 0 && d) picks.push([{ dataset: 'cases', column: 'dept_name', value: d, label: d }]);
    else if (m) picks.push([{ dataset: 'all', column: 'month', value: m, label: m }]);
    else if (d) picks.push([{ dataset: 'cases', column: 'dept_name', value: d, label: d }]);
    if (i > reps * 4) break;
  }
  const crossFilterMs = [];
  const panels = () => [
    el,
    ...el.shadowRoot.querySelectorAll('assessment-kpi-tile, assessment-bar-chart, assessment-line-chart'),
  ];
  // Each pick: select() a department or a month, then wait until every panel has rendered and the frame is painted.
  for (const pick of picks) {
    const s0 = performance.now();
    await el.select(pick);
    await el.updateComplete;
    await Promise.all(panels().map((p) => p.updateComplete));
    await nextPaint();
    crossFilterMs.push(performance.now() - s0);
  }
  await el.select([{ dataset: 'cases', column: 'dept_name', value: DEPT, label: DEPT }]);
  await nextPaint();
  const tEnd = performance.now();
  await new Promise((ok) => setTimeout(ok, 0));
  return {
    interactiveAtMs: tInteractive - t0,
    cubeMs: tInteractive - tPaint,
    crossFilterMs,
    crossFilterWhat: `element.select() of ${picks.length} different departments/months → every panel (${indicatorCount} indicators, tiles, department, channel, domain and trend charts) rendered and painted; answered from the indicator cubes`,
    longTasks: {
      cubes: longTasks(tPaint, tInteractive),
      clicks: longTasks(tInteractive, tEnd),
    },
    xfIndicators: Object.fromEntries(el.results.map((r) => [r.key, r.value])),
  };
};
window.benchReady = true;
