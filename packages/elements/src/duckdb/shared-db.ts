import { arrowModule, EngineCrashedError, traced } from '@assessment-dashboard/core';
// Types only: the DuckDB-WASM API (and the Apache Arrow code it brings) is fetched as its own chunk
// when an engine is first started, so a page painted from a snapshot never downloads it.
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { earlyWorker } from './duckdb-worker.ts';

interface Instance {
  db: Promise<AsyncDuckDB>;
  /** settles once the engine's JavaScript has arrived (its wasm may still be compiling) */
  code: Promise<unknown>;
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
  /** Settles once the engine's JavaScript has arrived: other code fetched before it delays its start. */
  code: Promise<unknown>;
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
    code: instance.code,
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
    // The start-up code is its own chunk, fetched with the engine: a snapshot page never needs it.
    // The DuckDB-WASM API and Arrow (which the API imports) are fetched beside it, not one after another:
    // each chunk asked for only once the one before was parsed delayed the wasm's compile by 0.1–0.6 s.
    // The worker is started first: its script loads while the API does.
    const early = earlyWorker(base);
    const api = traced('duckdb api', () =>
      Promise.all([import('./start-duckdb.ts'), import('@duckdb/duckdb-wasm'), arrowModule()]),
    );
    const db = traced('engine start', async () => {
      try {
        const [start, duckdb] = await api;
        return await start.startDuckDB(duckdb, base, timeoutMs, kill, early);
      } catch (e) {
        early?.worker.terminate();
        throw e;
      }
    });
    const code = api.then(
      () => {},
      () => {},
    );
    const created: Instance = { db, code, crashed, kill };
    db.catch(() => {
      if (instances.get(base) === created) instances.delete(base);
    });
    instances.set(base, created);
    instance = created;
  }
  return instance;
}
