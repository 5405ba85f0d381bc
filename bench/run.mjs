// npm run bench: ours vs raw DuckDB-WASM vs peers (Arquero, Perspective) in headless Chromium, on seeded
// synthetic 办件 exports of 100k / 1M / 3M rows. See bench/README.md for the method and the columns.
//
// Env: BENCH_SIZES=100k,1m,3m  BENCH_RUNS=3  BENCH_ENGINES=ours,snapshot,raw,floor,arquero,perspective  BENCH_XF_REPS=10
//      BENCH_REMOTE_SIZE=10m (or none)
//      BENCH_SKIP_BUILD=1 (reuse dist/assessment-dashboard)
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { register as registerHooks } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';
import { allScripts, startUpModules } from '../scripts/start-up-size.mjs';
import { ensureData } from './generate.mjs';
import { browserCpuMs, loadavg, rendererRssBytes } from './proc.mjs';
import { buildReport } from './report.mjs';
import { startTaskTrace, tracedLongTasks } from './trace-tasks.mjs';

registerHooks('../scripts/source-condition.mjs', import.meta.url);
register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const { preview } = await import('../packages/cli/src/static-server.ts');
const { launchChromium } = await import('../test/helpers.ts');
const esbuild = await import('esbuild');

const SIZES = (process.env.BENCH_SIZES ?? '100k,1m,3m')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
// Medians of 3 interleaved cold runs per cell by default (issue 14): one run is too noisy on shared machines.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ENGINES = (process.env.BENCH_ENGINES ?? 'ours,snapshot,raw,floor,arquero,perspective')
  .split(',')
  .map((s) => s.trim());
const XF_REPS = Math.max(1, Number(process.env.BENCH_XF_REPS ?? 10));
const PEER_XF_REPS = Math.min(XF_REPS, 3);
/** Size served to the remote-engine row ('none' skips it); 10m is generated once (~1.8 GB) and cached. */
const REMOTE_SIZE = (process.env.BENCH_REMOTE_SIZE ?? '10m').trim().toLowerCase();
const RUN_TIMEOUT_MS = 8 * 60_000;
const log = (...a) => console.error(...a);
const started = Date.now();

// ---------------------------------------------------------------------------------------------------------
// 1. Build the product folder and the bench-only browser libraries.
if (
  !process.env.BENCH_SKIP_BUILD ||
  !existsSync(join(ROOT, 'dist/assessment-dashboard/assessment-dashboard.js'))
) {
  log('npm run build …');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
const BUILD = join(BENCH, '.build');
rmSync(BUILD, { recursive: true, force: true });
mkdirSync(join(BUILD, 'lib'), { recursive: true });
const libs = {
  'duckdb-lib': "export { AsyncDuckDB, VoidLogger, selectBundle } from '@duckdb/duckdb-wasm';",
  'arquero-lib': "export * from 'arquero';",
  // the floor page's holidays and 调休 (the product's own, from chinese-days)
  'calendar-lib': "export { chineseCalendar } from './packages/core/src/calendar/calendar.ts';",
};
for (const [name, contents] of Object.entries(libs)) {
  await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    outfile: join(BUILD, 'lib', `${name}.js`),
    logLevel: 'error',
  });
}

// Our own JS as pages get it (the built folder the embed snippet and the npm package both use): what loads
// before the dashboard runs (the entry and its static imports), and every script of the folder without the
// DuckDB-WASM API and Arrow (loaded when the engine starts).
const SITE_DIR = join(ROOT, 'dist/assessment-dashboard');
const startUp = startUpModules(SITE_DIR);
const sum = (sizes) => [...sizes.values()].reduce((n, b) => n + b, 0) / 1024;
const ownJs = {
  initialGzipKB: sum(startUp),
  allChunksGzipKB: sum(
    new Map([...allScripts(SITE_DIR)].filter(([f]) => !/^(duckdb-browser|Arrow\.dom)-/.test(f))),
  ),
  startUpFiles: [...startUp.keys()],
  how: 'dist/assessment-dashboard (npm run build): the entry and its static imports, gzip -9 (scripts/start-up-size.mjs)',
};

// ---------------------------------------------------------------------------------------------------------
// 2. Data and the served site (hard links to dist/, node_modules and bench/.data).
const data = {};
for (const s of SIZES) data[s] = await ensureData(ROOT, s, log);
// Snapshot mode: `assessment-dashboard snapshot` of each size (cached beside the CSV, like the data).
const snapshots = {};
if (ENGINES.includes('snapshot')) {
  for (const s of SIZES) {
    const file = data[s].file.replace(/\.csv$/, '.snapshot.arrow');
    let buildS;
    if (!existsSync(file)) {
      log(`assessment-dashboard snapshot ${s} …`);
      const t = Date.now();
      execFileSync(process.execPath, [join(ROOT, 'scripts/cli.mjs'), 'snapshot', data[s].file, '-o', file], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      buildS = (Date.now() - t) / 1000;
    }
    const bytes = readFileSync(file);
    snapshots[s] = { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, buildS };
  }
}

const SITE = join(BENCH, '.site');
rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
// Hard links (a copy across file systems): the preview server serves no symlink that leaves its folder.
const link = (target, name) => {
  const to = join(SITE, name);
  if (statSync(target).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(target)) link(join(target, entry), join(name, entry));
    return;
  }
  try {
    linkSync(target, to);
  } catch {
    copyFileSync(target, to);
  }
};
link(join(ROOT, 'dist/assessment-dashboard'), 'assessment-dashboard');
link(join(BUILD, 'lib'), 'lib');
link(join(BENCH, '.data'), 'data');
link(join(BENCH, 'pages'), 'pages');
if (existsSync(join(ROOT, 'node_modules/@finos/perspective/dist')))
  link(join(ROOT, 'node_modules/@finos/perspective/dist'), 'persp');
for (const e of ['ours', 'snapshot', 'raw', 'floor', 'arquero', 'perspective']) {
  writeFileSync(
    join(SITE, `${e}.html`),
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${e}</title><body><script type="module" src="/pages/${e}.js"></script></body></html>`,
  );
}
// The data as application/octet-stream: with DevTools' network agent on (Playwright enables it), Chromium
// decodes a text/csv body as text on the page's main thread when it finishes (70–120 ms at 100k in every
// engine, a long task of the harness, not of the page; a real visitor's browser does not).
const server = await preview(SITE, 0, '127.0.0.1', '/', { '.csv': 'application/octet-stream' });

// ---------------------------------------------------------------------------------------------------------
// 3. One cold run: a fresh browser and context; CPU time of the browser's process tree read before and after
//    the load (start of the timed section → first paint / workload done) and after the clicks; renderer RSS
//    and the main-thread JS heap sampled every 100 ms.
async function runOnce(engine, page, size, engineUrl) {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  let peakRss = 0;
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, rendererRssBytes());
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        peakHeap = Math.max(peakHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      } catch {}
      await new Promise((ok) => setTimeout(ok, 100));
    }
  })();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  // Snapshot mode: everything the page transfers until the scorecard is visible (page, scripts, snapshot),
  // gzip-compressed here as a server would send it (the preview server does not compress).
  const gzipped = [];
  context.on('requestfinished', async (r) => {
    if (page !== 'snapshot') return;
    try {
      const body = await (await r.response())?.body();
      if (body) gzipped.push(gzipSync(body).length);
    } catch {}
  });
  const loadavgAtStart = loadavg().one;
  let trace;
  const guard = (work) =>
    Promise.race([
      work,
      new Promise((_, ko) => setTimeout(() => ko(new Error('run timed out')), RUN_TIMEOUT_MS)),
      new Promise((_, ko) => tab.on('crash', () => ko(new Error('page crashed')))),
    ]);
  try {
    await tab.goto(`${server.url}${page}.html`);
    await tab.waitForFunction('window.benchReady === true', null, { timeout: 60_000 });
    const reps =
      engine === 'ours' || engine === 'remote'
        ? Math.max(50, XF_REPS)
        : engine === 'raw'
          ? XF_REPS
          : PEER_XF_REPS;
    // Response bytes (headers + bodies, page and worker requests) from the start of the timed section.
    let transferredBytes = 0;
    context.on('requestfinished', async (r) => {
      try {
        const s = await r.sizes();
        transferredBytes += s.responseBodySize + s.responseHeadersSize;
      } catch {}
    });
    const url =
      page === 'snapshot'
        ? `${server.url}data/cases-${size}.snapshot.arrow`
        : `${server.url}data/cases-${size}.csv`;
    // Every engine traced the same way, for its main thread's long tasks (trace-tasks.mjs).
    trace = await startTaskTrace(cdp, tab);
    const cpu0 = browserCpuMs();
    const painted = await guard(tab.evaluate(([u, remote]) => window.benchLoad(u, remote), [url, engineUrl]));
    const cpu1 = browserCpuMs();
    // Ours: what the element computes after the tiles are painted (its ad-ready), outside the timed section.
    const load = {
      ...painted,
      ...(await guard(tab.evaluate(() => window.benchAfterPaint?.() ?? {}))),
    };
    const heapAtPaint = peakHeap;
    const clicks = await guard(tab.evaluate((n) => window.benchClicks(n), reps));
    const cpu2 = browserCpuMs();
    const tasks = await trace.stop();
    trace = undefined;
    const longTasks = { load: load.longTasks, ...clicks.longTasks };
    return {
      ...load,
      ...clicks,
      longTasks: Object.fromEntries(
        Object.entries(longTasks).map(([k, v]) => [k, tracedLongTasks(v, tasks)]),
      ),
      cpuMs: cpu1 - cpu0,
      cpuClicksMs: cpu2 - cpu1,
      peakHeapAtPaint: heapAtPaint,
      transferredBytes,
      gzipBytes: gzipped.reduce((a, b) => a + b, 0),
      loadavgAtStart,
    };
  } catch (e) {
    return {
      error: `${e.message ?? e}${errors.length ? ` | pageerror: ${errors.join(' | ')}` : ''}`.slice(0, 600),
      loadavgAtStart,
    };
  } finally {
    await trace?.stop().catch(() => {});
    sampling = false;
    await sampler;
    runOnce.last = { peakRss, peakHeap };
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------------
// 4. Run: per size, RUNS rounds; each round runs every engine once, in an order rotated by one per round, so
//    machine noise (other jobs, thermal state) falls on every engine alike instead of on one engine's block.
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const p95 = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil(0.95 * v.length) - 1)] : undefined;
};

const loadavgStart = loadavg();
const results = [];

function summarise(size, engine, runs, extra = {}) {
  const ok = runs.filter((r) => !r.error);
  const pick = (k) => median(ok.map((r) => r[k]));
  const allXf = ok.flatMap((r) => r.crossFilterMs ?? []);
  const lt = (phase, k) => ok.map((r) => r.longTasks?.[phase]?.[k]).filter((x) => x !== undefined);
  return {
    size,
    engine,
    rows: data[size].rows,
    csvBytes: data[size].bytes,
    runs: ok.length,
    error: runs.find((r) => r.error)?.error,
    perRun: runs.map((r) => ({
      error: r.error,
      totalMs: r.totalMs,
      cpuMs: r.cpuMs,
      loadMs: r.loadMs,
      firstTilesMs: r.firstTilesMs,
      readyMs: r.readyMs,
      interactiveAtMs: r.interactiveAtMs,
      peakRendererRssMB: r.peakRss / 1e6,
      loadavgAtStart: r.loadavgAtStart,
      longTasksLoad: r.longTasks?.load,
      longTasksClicks: r.longTasks?.clicks,
      // in click order: a slow tail at the start shows clicks overlapping the panels still arriving
      ...(r.crossFilterMs?.length ? { crossFilterMs: r.crossFilterMs.map(Math.round) } : {}),
      ...(r.trace ? { trace: r.trace } : {}),
    })),
    libMs: pick('libMs'),
    initMs: pick('initMs'),
    fetchMs: pick('fetchMs'),
    loadMs: pick('loadMs'),
    indicatorsMs: pick('indicatorsMs'),
    totalMs: pick('totalMs'),
    cpuMs: pick('cpuMs'),
    cpuClicksMs: pick('cpuClicksMs'),
    readyMs: pick('readyMs'),
    firstTilesMs: pick('firstTilesMs'),
    interactiveAtMs: pick('interactiveAtMs'),
    cubeMs: pick('cubeMs'),
    crossFilterMedianMs: median(allXf),
    crossFilterP95Ms: p95(allXf),
    crossFilterSamples: allXf.length,
    crossFilterWhat: ok[0]?.crossFilterWhat,
    jsHeapMB: pick('jsHeapMB'),
    peakJsHeapMB: pick('peakHeap') / 1e6,
    peakRendererRssMB: pick('peakRss') / 1e6,
    transferredMB: pick('transferredBytes') / 1e6,
    gzipKB: pick('gzipBytes') / 1024,
    // Long tasks during load (start → first paint): median count and total over the runs, longest of all runs.
    longTasksLoad: ok.length
      ? {
          count: median(lt('load', 'count')),
          totalMs: median(lt('load', 'totalMs')),
          maxMs: Math.max(0, ...lt('load', 'maxMs')),
        }
      : undefined,
    longTasksClicks: ok.length
      ? { count: median(lt('clicks', 'count')), maxMs: Math.max(0, ...lt('clicks', 'maxMs')) }
      : undefined,
    extra: ok[0] && {
      ...extra,
      phases: ok[0].phases,
      tilesShown: ok[0].tilesShown,
      scorecardRows: ok[0].scorecardRows,
      imports: ok[0].imports,
      indicatorCount: ok[0].indicatorCount,
      longTasks: ok[0].longTasks,
      signature: ok[0].signature,
      xfSignature: ok[0].xfSignature,
      indicators: ok[0].indicators,
      tiles: ok[0].tiles,
      xfIndicators: ok[0].xfIndicators,
      partial: ok[0].partial,
    },
  };
}

const fmtRun = (size, engine, i, r, t) =>
  `${size} ${engine} run ${i + 1}/${RUNS}: ${r.error ? `ERROR ${r.error}` : `first paint ${Math.round(r.totalMs)} ms, CPU ${Math.round(r.cpuMs)} ms, x-filter median ${r.crossFilterMs?.length ? `${Math.round(median(r.crossFilterMs))} ms` : '–'}`} (load avg ${r.loadavgAtStart}; ${((Date.now() - t) / 1000).toFixed(1)} s wall)`;

for (const size of SIZES) {
  const engines = ENGINES.filter((e) => e !== 'perspective' || existsSync(join(SITE, 'persp')));
  const runs = new Map(engines.map((e) => [e, []]));
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < engines.length; j++) {
      const engine = engines[(j + i) % engines.length];
      // An engine that failed fails the same way again: save the time.
      if (runs.get(engine).some((r) => r.error)) continue;
      const t = Date.now();
      const r = await runOnce(engine, engine, size);
      Object.assign(r, runOnce.last);
      runs.get(engine).push(r);
      log(fmtRun(size, engine, i, r, t));
    }
  }
  for (const e of engines) results.push(summarise(size, e, runs.get(e)));
}

// The remote engine: the same page with engine="…" against `assessment-dashboard serve` (native DuckDB in
// this process) at a size no browser tab holds. Only results cross the wire; clicks are answered by the cubes.
if (REMOTE_SIZE !== 'none') {
  const remoteData = await ensureData(ROOT, REMOTE_SIZE, log);
  data[REMOTE_SIZE] = remoteData;
  const { serveFiles } = await import('../packages/cli/src/serve.ts');
  log(`remote: serve ${remoteData.rows.toLocaleString('en')} rows …`);
  const t = performance.now();
  const served = await serveFiles([remoteData.file], { cors: [new URL(server.url).origin] });
  const serverLoadMs = performance.now() - t;
  log(`remote: loaded in ${(serverLoadMs / 1000).toFixed(1)} s`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t1 = Date.now();
    const r = await runOnce('remote', 'ours', REMOTE_SIZE, served.server.url);
    Object.assign(r, runOnce.last);
    runs.push(r);
    log(fmtRun(REMOTE_SIZE, 'remote', i, r, t1));
    if (r.error) break;
  }
  results.push(
    summarise(REMOTE_SIZE, 'remote', runs, { serverLoadMs, serverRssMB: process.memoryUsage().rss / 1e6 }),
  );
  await served.close();
}
await server.close();
const loadavgEnd = loadavg();

// ---------------------------------------------------------------------------------------------------------
// 5. Report.
const report = buildReport({
  results,
  sizes: SIZES,
  engines: ENGINES,
  runs: RUNS,
  xfReps: XF_REPS,
  peerXfReps: PEER_XF_REPS,
  data,
  snapshots,
  ownJs,
  remoteSize: REMOTE_SIZE,
  loadavgStart,
  loadavgEnd,
  cores: availableParallelism(),
});
console.log(`${report.text}\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s`);

mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(
  join(BENCH, 'results/latest.json'),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      xfReps: XF_REPS,
      sizes: SIZES,
      engines: ENGINES,
      loadavg: { start: loadavgStart, end: loadavgEnd, cores: availableParallelism() },
      ownJs,
      results,
      ratios: report.ratios,
      checks: report.checks,
      targets: report.targets,
      table: report.table,
    },
    null,
    2,
  )}\n`,
);
log('wrote bench/results/latest.json');
process.exit(0);
