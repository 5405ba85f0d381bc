// Types only: the DuckDB-WASM API (and the Apache Arrow code it brings) is its own chunk, fetched beside
// this one and passed in (shared-db.ts).

import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { duckdbBundles, type EarlyWorker, scriptWorker } from './duckdb-worker.ts';
import { EngineStartError, type EngineStartProblem } from './engine-start-error.ts';
import { checkWasm } from './wasm-check.ts';

/** Starts DuckDB-WASM from the files at `base` (worker, wasm), failing with a clear EngineStartError. */
export async function startDuckDB(
  api: typeof import('@duckdb/duckdb-wasm'),
  base: string,
  timeoutMs: number,
  onCrash: (reason: string) => void,
  early?: EarlyWorker,
): Promise<AsyncDuckDB> {
  const bundles = duckdbBundles(base);
  const { AsyncDuckDB: AsyncDuckDBClass, selectBundle, VoidLogger } = api;
  // Feature detection: the eh build where Wasm exceptions exist (all current browsers), else mvp.
  const bundle = await selectBundle(bundles);
  const workerUrl = bundle.mainWorker ?? bundles.eh?.mainWorker ?? '';
  if (early && early.url !== workerUrl) early.worker.terminate();
  const taken = early?.url === workerUrl ? early : undefined;
  const worker = taken?.worker ?? scriptWorker(workerUrl);
  // An early worker is attached once its own INSTANTIATE is answered: attached before, AsyncDuckDB would
  // warn of an answer it did not ask for. (`attach` is protected: a subclass opens it.)
  class TakingOver extends AsyncDuckDBClass {
    takeOver(w: Worker): void {
      this.attach(w);
    }
  }
  const db = new TakingOver(new VoidLogger(), taken ? null : worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wasm = bundle.mainModule;
  const failed = new Promise<never>((_, reject) => {
    const fail = (message: string) =>
      reject(
        new EngineStartError(`DuckDB worker failed to start from ${workerUrl}: ${message}`, {
          kind: 'worker',
          url: workerUrl,
          message,
        }),
      );
    worker.addEventListener('error', (e) => fail(e.message || 'script error'));
    if (taken?.failed) fail(taken.failed);
    // The worker hides a failed compile; this check finds the common causes at once.
    void checkWasm(wasm).then((problem) => {
      if (problem) reject(new EngineStartError(englishProblem(problem), problem));
    });
    const seconds = Math.round(timeoutMs / 1000);
    timer = setTimeout(
      () =>
        reject(
          new EngineStartError(
            `DuckDB did not start within ${seconds} s. Check that ${wasm} is reachable and served as ` +
              "application/wasm, and that the page's CSP allows 'wasm-unsafe-eval'.",
            { kind: 'timeout', url: wasm, seconds },
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([taken ? taken.instantiated : db.instantiate(wasm, bundle.pthreadWorker), failed]);
    if (taken) db.takeOver(worker);
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  // From now on an uncaught error in the worker means it is gone: fail everything waiting on it.
  worker.addEventListener('error', (e) => onCrash(`DuckDB worker stopped: ${e.message || 'unknown error'}`));
  return db;
}

/** The problem in English, for the console and for hosts that catch the error themselves. */
function englishProblem(p: EngineStartProblem): string {
  switch (p.kind) {
    case 'status':
      return `${p.url} could not be downloaded (HTTP ${p.status}).`;
    case 'mime':
      return `${p.url} is served as "${p.type || 'no type'}"; browsers compile WebAssembly only when it is served as application/wasm.`;
    case 'not-wasm':
      return `${p.url} is not a WebAssembly file (perhaps an HTML page served in its place).`;
    default:
      return `DuckDB did not start from ${p.url}.`;
  }
}
