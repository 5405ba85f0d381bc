import {
  type AsyncDuckDB,
  AsyncDuckDB as AsyncDuckDBClass,
  type DuckDBBundles,
  selectBundle,
  VoidLogger,
} from '@duckdb/duckdb-wasm';

/** The DuckDB-WASM files the build copies next to the element bundle (see scripts/copy-duckdb-assets.mjs). */
export const DUCKDB_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js' },
} as const;

export class EngineStartError extends Error {
  override name = 'EngineStartError';
}

const instances = new Map<string, Promise<AsyncDuckDB>>();

/**
 * One DuckDB-WASM per page (per asset base): every element on the page shares its worker and wasm.
 * `instantiate()` hangs silently on a wrong MIME type, CSP or unreachable asset, so it races a timeout
 * that names what to check.
 */
export function sharedDuckDB(assetBase: string, timeoutMs = 60_000): Promise<AsyncDuckDB> {
  const base = new URL(assetBase, document.baseURI).href;
  let p = instances.get(base);
  if (!p) {
    p = startDuckDB(base, timeoutMs);
    p.catch(() => instances.delete(base));
    instances.set(base, p);
  }
  return p;
}

async function startDuckDB(base: string, timeoutMs: number): Promise<AsyncDuckDB> {
  const abs = (file: string) => new URL(file, base).href;
  const bundles: DuckDBBundles = {
    eh: { mainModule: abs(DUCKDB_FILES.eh.mainModule), mainWorker: abs(DUCKDB_FILES.eh.mainWorker) },
    mvp: { mainModule: abs(DUCKDB_FILES.mvp.mainModule), mainWorker: abs(DUCKDB_FILES.mvp.mainWorker) },
  };
  // Feature detection: the eh build where Wasm exceptions exist (all current browsers), else mvp.
  const bundle = await selectBundle(bundles);
  const workerUrl = bundle.mainWorker ?? abs(DUCKDB_FILES.eh.mainWorker);
  const sameOrigin = new URL(workerUrl).origin === location.origin;
  // A cross-origin worker script cannot be started directly; a same-origin blob that imports it can.
  const worker = new Worker(
    sameOrigin
      ? workerUrl
      : URL.createObjectURL(
          new Blob([`importScripts(${JSON.stringify(workerUrl)});`], { type: 'text/javascript' }),
        ),
  );
  const db = new AsyncDuckDBClass(new VoidLogger(), worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(
        new EngineStartError(
          `DuckDB worker failed to start from ${workerUrl}: ${e.message || 'script error'}`,
        ),
      ),
    );
    timer = setTimeout(
      () =>
        reject(
          new EngineStartError(
            `DuckDB did not start within ${Math.round(timeoutMs / 1000)} s. Check that ${bundle.mainModule} ` +
              "is reachable and served as application/wasm, and that the page's CSP allows 'wasm-unsafe-eval'.",
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), failed]);
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  return db;
}
