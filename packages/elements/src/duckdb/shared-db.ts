import { EngineCrashedError, traced } from '@assessment-dashboard/core';
// Types only: the DuckDB-WASM API (and the Apache Arrow code it brings) is fetched as its own chunk
// when an engine is first started, so a page painted from a snapshot never downloads it.
import type { AsyncDuckDB, DuckDBBundles } from '@duckdb/duckdb-wasm';
import { checkWasm, EngineStartError, type EngineStartProblem } from './wasm-check.ts';

/** The DuckDB-WASM files the build copies next to the element bundle (see scripts/copy-duckdb-assets.mjs). */
export const DUCKDB_FILES = {
  eh: { mainModule: 'duckdb-eh.wasm', mainWorker: 'duckdb-browser-eh.worker.js' },
  mvp: { mainModule: 'duckdb-mvp.wasm', mainWorker: 'duckdb-browser-mvp.worker.js' },
} as const;

interface Instance {
  db: Promise<AsyncDuckDB>;
  /** rejects once the worker has died */
  crashed: Promise<never>;
  /** ends the worker and forgets the instance, so the next lease starts a fresh one */
  kill(reason: string): void;
}

const instances = new Map<string, Instance>();
const users = new Map<string, number>();
const idle = new Map<string, ReturnType<typeof setTimeout>>();

/** How long an unused engine is kept for an element that comes back (re-render, navigation) before its worker ends. */
export const IDLE_TERMINATE_MS = 2000;

/** A claim on the page's DuckDB: `release()` when done; the worker ends once nobody holds one. */
export interface DuckDBLease {
  db: Promise<AsyncDuckDB>;
  /** Rejects with EngineCrashedError when the worker dies (give it to WasmEngine). */
  crashed: Promise<never>;
  /** After a crash: end this instance so that the next lease (a retry) gets a fresh worker. */
  discard(reason: string): void;
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
  const instance = sharedInstance(base, timeoutMs);
  let released = false;
  return {
    db: instance.db,
    crashed: instance.crashed,
    discard: (reason) => instance.kill(reason),
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
          void p?.db.then((d) => d.terminate()).catch(() => {});
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
  return sharedInstance(new URL(assetBase, document.baseURI).href, timeoutMs).db;
}

function sharedInstance(base: string, timeoutMs = 60_000): Instance {
  let instance = instances.get(base);
  if (!instance) {
    let fail: (e: Error) => void = () => {};
    const crashed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    crashed.catch(() => {});
    let dead = false;
    const kill = (reason: string) => {
      if (dead) return;
      dead = true;
      if (instances.get(base) === created) instances.delete(base);
      fail(new EngineCrashedError(reason));
      void db.then((d) => d.terminate()).catch(() => {});
    };
    const db = traced('engine start', () => startDuckDB(base, timeoutMs, kill));
    const created: Instance = { db, crashed, kill };
    db.catch(() => {
      if (instances.get(base) === created) instances.delete(base);
    });
    instances.set(base, created);
    instance = created;
  }
  return instance;
}

async function startDuckDB(
  base: string,
  timeoutMs: number,
  onCrash: (reason: string) => void,
): Promise<AsyncDuckDB> {
  const abs = (file: string) => new URL(file, base).href;
  const bundles: DuckDBBundles = {
    eh: { mainModule: abs(DUCKDB_FILES.eh.mainModule), mainWorker: abs(DUCKDB_FILES.eh.mainWorker) },
    mvp: { mainModule: abs(DUCKDB_FILES.mvp.mainModule), mainWorker: abs(DUCKDB_FILES.mvp.mainWorker) },
  };
  const { AsyncDuckDB: AsyncDuckDBClass, selectBundle, VoidLogger } = await import('@duckdb/duckdb-wasm');
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
  const wasm = bundle.mainModule;
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      const message = e.message || 'script error';
      reject(
        new EngineStartError(`DuckDB worker failed to start from ${workerUrl}: ${message}`, {
          kind: 'worker',
          url: workerUrl,
          message,
        }),
      );
    });
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
    await Promise.race([db.instantiate(wasm, bundle.pthreadWorker), failed]);
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
