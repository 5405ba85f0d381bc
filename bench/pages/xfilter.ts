// Bundled by bench/run.mjs (esbuild) to /lib/xfilter.js. Opens a connection to the DuckDB-WASM instance the
// element shares (same module URL ⇒ same instance), switches to the element's attached database and runs the
// core's computeIndicators there, as AssessmentDashboard.select() does with its private engine.
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import {
  computeIndicators,
  ENGINE_SETUP_SQL,
  type Engine,
  type Filters,
} from '../../packages/core/src/index.ts';

export async function crossFilter(assetBase: string, filters: Filters, reps: number) {
  // @ts-expect-error served URL
  const mod = await import('/assessment-dashboard/assessment-dashboard.js');
  const db: AsyncDuckDB = await mod.sharedDuckDB(assetBase);
  const conn = await db.connect();
  await conn.query(ENGINE_SETUP_SQL);
  const names = (
    await conn.query(
      "SELECT database_name AS n FROM duckdb_databases() WHERE database_name LIKE 'ad_%' ORDER BY 1 DESC",
    )
  )
    .toArray()
    .map((r: { n: string }) => String(r.n));
  if (!names[0]) throw new Error('no element database found');
  await conn.query(`USE "${names[0]}"`);
  let queries = 0;
  const engine: Engine = {
    name: 'duckdb-wasm',
    async registerText(fileName, text) {
      await db.registerFileText(fileName, text);
      return fileName;
    },
    async query(sql, params = []) {
      queries++;
      if (!params.length) return (await conn.query(sql)) as never;
      const stmt = await conn.prepare(sql);
      try {
        return (await stmt.query(...params)) as never;
      } finally {
        await stmt.close();
      }
    },
    async exec(sql) {
      queries++;
      await conn.query(sql);
    },
    async close() {},
  };
  // First call on a new engine object rebuilds the calendar/fact tables (computeIndicators keys its cache by
  // engine object): timed separately, not part of the cross-filter figures.
  let s = performance.now();
  await computeIndicators(engine, {});
  const warmMs = performance.now() - s;
  s = performance.now();
  await computeIndicators(engine, {});
  const unfilteredMs = performance.now() - s;
  const filteredMs: number[] = [];
  let filtered: Record<string, unknown> = {};
  let perCall = 0;
  for (let i = 0; i < reps; i++) {
    const q0 = queries;
    s = performance.now();
    const out = await computeIndicators(engine, { filters });
    filteredMs.push(performance.now() - s);
    perCall = queries - q0;
    filtered = Object.fromEntries(out.map((c) => [c.result.key, c.result.value]));
  }
  return { warmMs, unfilteredMs, filteredMs, filtered, queries: perCall };
}
