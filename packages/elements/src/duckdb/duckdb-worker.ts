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

/** The message id the early INSTANTIATE goes out under: below AsyncDuckDB's own ids, which start at 0. */
const EARLY_INSTANTIATE_ID = -1;

/**
 * The eh build's worker, started before the DuckDB-WASM API has arrived: its 0.8 MB script loads while
 * the API chunk does, and it is told at once to fetch and compile the wasm (DuckDB-WASM's own INSTANTIATE
 * message, answered with OK or ERROR): the compile no longer waits for the API chunk (75–150 ms at start-up
 * on 2 cores). startDuckDB takes the worker when the API picks the same build. Undefined where the eh build
 * cannot run.
 */
export function earlyWorker(base: string): EarlyWorker | undefined {
  const files = duckdbBundles(base).eh;
  if (!files?.mainWorker || typeof WebAssembly !== 'object' || !WebAssembly.validate(EH_PROBE)) {
    return undefined;
  }
  const worker = scriptWorker(files.mainWorker);
  const early: EarlyWorker = {
    url: files.mainWorker,
    worker,
    instantiated: new Promise<void>((resolve, reject) => {
      const answer = (
        e: MessageEvent<{ requestId?: number; type?: string; data?: { message?: string } }>,
      ) => {
        if (e.data?.requestId !== EARLY_INSTANTIATE_ID || e.data.type === 'INSTANTIATE_PROGRESS') return;
        worker.removeEventListener('message', answer);
        if (e.data.type === 'OK') resolve();
        else reject(new Error(e.data.data?.message ?? `unexpected answer ${e.data.type}`));
      };
      worker.addEventListener('message', answer);
    }),
  };
  early.instantiated.catch(() => {});
  // A script that fails to load does so before startDuckDB listens: its error is kept for it.
  worker.addEventListener('error', (e) => (early.failed ??= e.message || 'script error'), { once: true });
  worker.postMessage({
    messageId: EARLY_INSTANTIATE_ID,
    type: 'INSTANTIATE',
    data: [files.mainModule, null],
  });
  return early;
}

export interface EarlyWorker {
  url: string;
  worker: Worker;
  /** settles when the worker has compiled the eh wasm (AsyncDuckDB attaches only then) */
  instantiated: Promise<void>;
  /** the worker's first error, met before startDuckDB took it */
  failed?: string;
}
