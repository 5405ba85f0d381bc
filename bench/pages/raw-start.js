// Raw DuckDB-WASM's start for the raw and floor pages: the product's eh worker and wasm, started while the
// CSV downloads (as ours does), then the file registered as `cases.csv`. Times are from `t0`.
const BASE = new URL('/assessment-dashboard/duckdb/', location.href).href;

export async function startWithCsv(csvUrl, t0) {
  const init = (async () => {
    const { AsyncDuckDB, selectBundle, VoidLogger } = await import('/lib/duckdb-lib.js');
    const bundle = await selectBundle({
      eh: { mainModule: `${BASE}duckdb-eh.wasm`, mainWorker: `${BASE}duckdb-browser-eh.worker.js` },
      mvp: { mainModule: `${BASE}duckdb-mvp.wasm`, mainWorker: `${BASE}duckdb-browser-mvp.worker.js` },
    });
    const db = new AsyncDuckDB(new VoidLogger(), new Worker(bundle.mainWorker));
    await db.instantiate(bundle.mainModule);
    await db.open({ query: { castBigIntToDouble: true } });
    return { db, t: performance.now() };
  })();
  const fetched = (async () => {
    const buf = new Uint8Array(await (await fetch(csvUrl)).arrayBuffer());
    return { buf, t: performance.now() };
  })();
  const [{ db, t: tInit }, { buf, t: tFetch }] = await Promise.all([init, fetched]);
  const tStart = performance.now();
  const conn = await db.connect();
  await db.registerFileBuffer('cases.csv', buf);
  return { db, conn, initMs: tInit - t0, fetchMs: tFetch - t0, tStart };
}
