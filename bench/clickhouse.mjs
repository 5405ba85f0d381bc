// npm run bench:clickhouse — the dashboard's queries on ClickHouse (chdb, embedded ClickHouse, behind the
// HTTP test server in a child process) beside native DuckDB (what `serve` runs), on the seeded synthetic
// 办件 exports of bench/generate.mjs. Node only: the page's own timings are in bench/run.mjs.
//
// Env: BENCH_CH_SIZES=1m (also 100k, 3m, 10m, 30m)  BENCH_XF_REPS=20
// Columns: import (CSV → native DuckDB, ledger, facts), load (→ ClickHouse over HTTP as Parquet), ClickHouse
// peak RSS (the chdb process), tiles (the four KPI tiles, cold), cubes (the tiles' cross-filter cubes), and
// a filtered recomputation of the tiles (a click the cubes cannot answer) p50 / p95.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ensureData } from './generate.mjs';

register();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import('../packages/core/src/index.ts');
const { NodeEngine, loadIntoClickHouse } = await import('../packages/core/src/node.ts');
const { loadFiles } = await import('../packages/cli/src/load-files.ts');
const { DEFAULT_TILES } = await import('../packages/elements/src/dashboard/default-tiles.ts');

const SIZES = (process.env.BENCH_CH_SIZES ?? '1m').split(',').map((s) => s.trim().toLowerCase());
const REPS = Math.max(1, Number(process.env.BENCH_XF_REPS ?? 20));
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
  const { child, url } = await startChild();
  const duck = await NodeEngine.create();
  try {
    log(`${size}: import ${data.rows.toLocaleString('en')} rows into native DuckDB …`);
    const [importMs] = await time(() => loadFiles(duck, [data.file]));
    const ch = new core.ClickHouseEngine(url, { timeoutMs: 3_600_000 });
    log(`${size}: load into ClickHouse …`);
    const [loadMs] = await time(() => loadIntoClickHouse(duck, ch));
    const asOf = '2025-12-31';
    const depts = (await duck.query('SELECT DISTINCT dept_name AS d FROM cases ORDER BY d'))
      .toArray()
      .map((r) => r.d);
    const [chTiles, a] = await time(() => core.computeIndicators(ch, { asOf, keys }));
    const [duckTiles, b] = await time(() => core.computeIndicators(duck, { asOf, keys }));
    const same =
      JSON.stringify(a.map((x) => x.result.value)) === JSON.stringify(b.map((x) => x.result.value));
    const [chCubes] = await time(() => core.buildCubes(ch, { asOf, keys }));
    const [duckCubes] = await time(() => core.buildCubes(duck, { asOf, keys }));
    const chXf = await filtered(ch, depts, asOf);
    const duckXf = await filtered(duck, depts, asOf);
    const row = {
      size,
      rows: data.rows,
      importS: +(importMs / 1000).toFixed(1),
      loadS: +(loadMs / 1000).toFixed(1),
      clickhousePeakRssGB: +(peakRss(child.pid) / 1e9).toFixed(2),
      loaderPeakRssGB: +((process.resourceUsage().maxRSS * 1024) / 1e9).toFixed(2),
      tilesMs: { clickhouse: Math.round(chTiles), duckdb: Math.round(duckTiles) },
      cubesS: { clickhouse: +(chCubes / 1000).toFixed(1), duckdb: +(duckCubes / 1000).toFixed(1) },
      filteredMs: {
        clickhouse: { p50: Math.round(pct(chXf, 0.5)), p95: Math.round(pct(chXf, 0.95)) },
        duckdb: { p50: Math.round(pct(duckXf, 0.5)), p95: Math.round(pct(duckXf, 0.95)) },
      },
      tilesEqual: same,
    };
    log(JSON.stringify(row));
    rows.push(row);
  } finally {
    await duck.close();
    child.kill();
  }
}
console.log(JSON.stringify(rows, null, 2));
