// npm run bench:clickhouse — the dashboard's queries on ClickHouse (chdb, embedded ClickHouse, behind the
// HTTP test server in a child process) beside native DuckDB (what `serve` runs), on the seeded synthetic
// 办件 exports of bench/generate.mjs. Node only: the page's own timings are in bench/run.mjs.
//
// Env: BENCH_CH_SIZES=1m (also 100k, 3m, 10m, 30m)  BENCH_XF_REPS=20  BENCH_CH_DUCK_MB=2048
// Columns: import (CSV → native DuckDB as `serve` holds it: a database file on disk under a memory limit,
// ledger, facts, rows clustered by department), load (→ ClickHouse over HTTP as Parquet, in batches),
// ClickHouse peak RSS (the chdb process), the loader's peak RSS (this process after the load: the DuckDB
// import and the batches), tiles (the four KPI tiles, cold), cubes (the tiles' cross-filter cubes), and a
// filtered recomputation of the tiles (a click the cubes cannot answer) p50 / p95; loadavg at start and end.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { register as registerHook } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureData } from './generate.mjs';

// Workspace packages from their TypeScript source (as scripts/cli.mjs), so no build step is needed.
registerHook('../scripts/source-condition.mjs', import.meta.url);
register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import('../packages/core/src/index.ts');
const { NodeEngine, loadIntoClickHouse } = await import('../packages/core/src/node.ts');
const { loadFiles } = await import('../packages/cli/src/load-files.ts');
const { clusterByDepartment } = await import('../packages/cli/src/query/cluster.ts');
const { DEFAULT_TILES } = await import('../packages/elements/src/dashboard/default-tiles.ts');

const SIZES = (process.env.BENCH_CH_SIZES ?? '1m').split(',').map((s) => s.trim().toLowerCase());
const REPS = Math.max(1, Number(process.env.BENCH_XF_REPS ?? 20));
const DUCK_MB = Number(process.env.BENCH_CH_DUCK_MB ?? 2048);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const log = (...a) => console.error(...a);
const keys = [...DEFAULT_TILES];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const time = async (f) => {
  const t = performance.now();
  const value = await f();
  return [performance.now() - t, value];
};
const peakRss = (pid) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
};

async function startChild() {
  const child = spawn(process.execPath, [join(ROOT, 'bench/chdb-serve.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, ko) => {
    child.stdout.once('data', (b) => ok(String(b).trim()));
    child.once('exit', (code) => ko(new Error(`chdb server exited ${code}`)));
  });
  return { child, url };
}

/** The tiles under one department filter after another: what a click costs when the cubes cannot answer. */
async function filtered(engine, depts, asOf) {
  const ms = [];
  for (let i = 0; i < REPS; i++) {
    const dept = depts[i % depts.length];
    const [t] = await time(() =>
      core.computeIndicators(engine, { asOf, keys, filters: { dept_name: [dept] } }),
    );
    ms.push(t);
  }
  return ms;
}

const rows = [];
for (const size of SIZES) {
  const data = await ensureData(ROOT, size, log);
  const loadStart = loadavg();
  const { child, url } = await startChild();
  const dir = await mkdtemp(join(tmpdir(), 'ad-bench-ch-'));
  const duck = await NodeEngine.create({ path: join(dir, 'serve.duckdb'), memoryLimit: `${DUCK_MB}MiB` });
  try {
    log(`${size}: import ${data.rows.toLocaleString('en')} rows into native DuckDB … (loadavg ${loadStart})`);
    const [importMs] = await time(async () => {
      await loadFiles(duck, [data.file]);
      await core.prepareComputation(duck);
      await clusterByDepartment(duck);
    });
    log(
      `${size}: imported in ${(importMs / 1000).toFixed(1)} s; load into ClickHouse … (loadavg ${loadavg()})`,
    );
    const ch = new core.ClickHouseEngine(url, { timeoutMs: 3_600_000 });
    const [loadMs] = await time(() =>
      loadIntoClickHouse(duck, ch, { onProgress: (t, n) => log(`  ${t}: ${n.toLocaleString('en')} rows`) }),
    );
    const loaderPeak = process.resourceUsage().maxRSS * 1024;
    log(
      `${size}: loaded in ${(loadMs / 1000).toFixed(1)} s, loader peak ${(loaderPeak / 1e9).toFixed(2)} GB`,
    );
    const asOf = '2025-12-31';
    const depts = (await duck.query('SELECT DISTINCT dept_name AS d FROM cases ORDER BY d'))
      .toArray()
      .map((r) => r.d);
    const [chTiles, a] = await time(() => core.computeIndicators(ch, { asOf, keys }));
    const [duckTiles, b] = await time(() => core.computeIndicators(duck, { asOf, keys }));
    const same =
      JSON.stringify(a.map((x) => x.result.value)) === JSON.stringify(b.map((x) => x.result.value));
    log(`${size}: tiles ${Math.round(chTiles)} / ${Math.round(duckTiles)} ms, equal ${same}`);
    const [chCubes] = await time(() => core.buildCubes(ch, { asOf, keys }));
    const [duckCubes] = await time(() => core.buildCubes(duck, { asOf, keys }));
    log(`${size}: cubes ${(chCubes / 1000).toFixed(1)} / ${(duckCubes / 1000).toFixed(1)} s`);
    const chXf = await filtered(ch, depts, asOf);
    const duckXf = await filtered(duck, depts, asOf);
    const row = {
      size,
      rows: data.rows,
      importS: +(importMs / 1000).toFixed(1),
      loadS: +(loadMs / 1000).toFixed(1),
      clickhousePeakRssGB: +(peakRss(child.pid) / 1e9).toFixed(2),
      loaderPeakRssGB: +(loaderPeak / 1e9).toFixed(2),
      duckdbMemoryLimitMiB: DUCK_MB,
      tilesMs: { clickhouse: Math.round(chTiles), duckdb: Math.round(duckTiles) },
      cubesS: { clickhouse: +(chCubes / 1000).toFixed(1), duckdb: +(duckCubes / 1000).toFixed(1) },
      filteredMs: {
        clickhouse: { p50: Math.round(pct(chXf, 0.5)), p95: Math.round(pct(chXf, 0.95)) },
        duckdb: { p50: Math.round(pct(duckXf, 0.5)), p95: Math.round(pct(duckXf, 0.95)) },
      },
      tilesEqual: same,
      loadavg: { start: loadStart, end: loadavg() },
    };
    log(JSON.stringify(row));
    rows.push(row);
  } finally {
    await duck.close();
    child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(rows, null, 2));
