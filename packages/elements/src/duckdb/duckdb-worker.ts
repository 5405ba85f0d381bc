// In the element bundle (small, no DuckDB-WASM code): shared-db.ts starts the worker with it before the
// DuckDB-WASM API chunk has arrived; start-duckdb.ts (in that chunk's company) uses the same names.

import type { DuckDBBundles } from '@duckdb/duckdb-wasm';

/** The DuckDB-WASM files the build copies next to the element bundle (see scripts/copy-duckdb-assets.mjs). */
export const DUCKDB_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js' },
} as const;

/** The file URLs under `base`. */
export function duckdbBundles(base: string): DuckDBBundles {
  const abs = (file: string) => new URL(file, base).href;
  return {
    eh: { mainModule: abs(DUCKDB_FILES.eh.mainModule), mainWorker: abs(DUCKDB_FILES.eh.mainWorker) },
    mvp: { mainModule: abs(DUCKDB_FILES.mvp.mainModule), mainWorker: abs(DUCKDB_FILES.mvp.mainWorker) },
  };
}

/** A worker running the script at `url` (the DuckDB-WASM worker, the font warm-up); a cross-origin script through a same-origin blob that imports it. */
export function scriptWorker(url: string): Worker {
  if (new URL(url).origin === location.origin) return new Worker(url);
  return new Worker(
    URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' })),
  );
}

/** The smallest module using a Wasm exception instruction: valid where the eh build runs (all current browsers). */
const EH_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

/**
 * The eh build's worker, started before the DuckDB-WASM API has arrived: its 0.8 MB script loads while
 * the API chunk does (startDuckDB takes it when the API picks the same build). Undefined where the eh
 * build cannot run.
 */
export function earlyWorker(base: string): EarlyWorker | undefined {
  const url = duckdbBundles(base).eh?.mainWorker;
  if (!url || typeof WebAssembly !== 'object' || !WebAssembly.validate(EH_PROBE)) return undefined;
  const early: EarlyWorker = { url, worker: scriptWorker(url) };
  // A script that fails to load does so before startDuckDB listens: its error is kept for it.
  early.worker.addEventListener('error', (e) => (early.failed ??= e.message || 'script error'), {
    once: true,
  });
  return early;
}

export interface EarlyWorker {
  url: string;
  worker: Worker;
  /** the worker's first error, met before startDuckDB took it */
  failed?: string;
}
