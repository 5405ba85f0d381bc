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
const users = new Map<string, number>();
const idle = new Map<string, ReturnType<typeof setTimeout>>();

/** How long an unused engine is kept for an element that comes back (re-render, navigation) before its worker ends. */
export const IDLE_TERMINATE_MS = 2000;

/** A claim on the page's DuckDB: `release()` when done; the worker ends once nobody holds one. */
export interface DuckDBLease {
  db: Promise<AsyncDuckDB>;
  release(): void;
}

/**
 * Shares one DuckDB-WASM per page between elements and ends its worker (returning its memory, which
 * WebAssembly never gives back otherwise) when the last element using it is gone.
 */
export function acquireDuckDB(assetBase: string, timeoutMs?: number): DuckDBLease {
  const base = new URL(assetBase, document.baseURI).href;
  clearTimeout(idle.get(base));
  idle.delete(base);
  users.set(base, (users.get(base) ?? 0) + 1);
  const db = sharedDuckDB(base, timeoutMs);
  let released = false;
  return {
    db,
    release() {
      if (released) return;
      released = true;
      const left = (users.get(base) ?? 1) - 1;
      users.set(base, left);
      if (left > 0) return;
      idle.set(
        base,
        setTimeout(() => {
          const p = instances.get(base);
          instances.delete(base);
          idle.delete(base);
          void p?.then((d) => d.terminate()).catch(() => {});
        }, IDLE_TERMINATE_MS),
      );
    },
  };
}

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
