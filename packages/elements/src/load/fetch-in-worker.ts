import { scannedAsArrived } from '@assessment-dashboard/core';
import { scriptWorker } from '../duckdb/duckdb-worker.ts';
import { type FetchAnswer, type FetchAsk, reviveError } from './fetch-protocol.ts';
import { type FetchProgress, fetchWithProgress } from './fetch-with-progress.ts';

/** The download worker's file, built beside the DuckDB-WASM files (scripts/copy-duckdb-assets.mjs). */
export const FETCH_WORKER_FILE = 'fetch.worker.js';

/** The download worker from the asset folder (`assetBase`), or undefined where workers cannot run. */
export function fetchWorkerFrom(assetBase: string): () => Worker | undefined {
  return () => {
    if (typeof Worker !== 'function') return undefined;
    try {
      return scriptWorker(new URL(FETCH_WORKER_FILE, new URL(assetBase, location.href)).href);
    } catch {
      return undefined;
    }
  };
}

/**
 * fetchWithProgress with the download made in a worker (fetch.worker.ts): the page's thread only hears
 * progress and takes the finished bytes, transferred with their UTF-8 verdict. Where the worker cannot run
 * (none, blocked, its file missing), the page downloads the file itself, as before.
 */
export function fetchInWorker(
  startWorker: () => Worker | undefined,
  url: string,
  onProgress: (p: FetchProgress) => void,
  signal?: AbortSignal,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  signal?.throwIfAborted();
  const worker = startWorker();
  if (!worker) return fetchWithProgress(url, onProgress, signal, maxBytes);
  return new Promise<Uint8Array>((resolve, reject) => {
    let heard = false;
    const end = () => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    const abort = () => {
      worker.postMessage({ abort: true } satisfies FetchAsk);
      end();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (e: MessageEvent<FetchAnswer>) => {
      heard = true;
      const a = e.data;
      if ('progress' in a) return onProgress(a.progress);
      end();
      if ('error' in a) return reject(reviveError(a.error, url));
      if (a.scan) scannedAsArrived.set(a.bytes, a.scan);
      resolve(a.bytes);
    };
    // A worker that never ran (its file missing or refused): the page downloads the file itself.
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      if (heard) reject(new Error(`the download worker stopped: ${e.message || 'unknown error'}`));
      else fetchWithProgress(url, onProgress, signal, maxBytes).then(resolve, reject);
    };
    worker.postMessage({ url: new URL(url, location.href).href, maxBytes } satisfies FetchAsk);
  });
}
