/// <reference lib="webworker" />
// The download of a source file, off the page's thread: the body's reads and copies, its UTF-8 check
// (ByteSink scans as the bytes arrive) and the loader's end-of-body work, which at 180 MB took the page's
// thread 0.5–1 s in tasks of up to 60–80 ms while DuckDB-WASM compiled on the same cores. The page asks
// with { url, maxBytes } and gets progress, then the bytes (transferred, not copied) with the scan's
// verdict, or the error; { abort: true } stops the download. Built by scripts/copy-duckdb-assets.mjs into
// `duckdb/fetch.worker.js` (a classic script: the same folder and rules as the DuckDB-WASM worker).
import { scannedAsArrived } from '@assessment-dashboard/core';
import { errorAnswer, type FetchAnswer, type FetchAsk } from './fetch-protocol.ts';
import { fetchWithProgress } from './fetch-with-progress.ts';

/** Progress sent at most this often (the page shows it at most every 100 ms). */
const PROGRESS_MS = 50;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const stop = new AbortController();
const answer = (a: FetchAnswer, transfer: Transferable[] = []) => scope.postMessage(a, transfer);

scope.addEventListener('message', async (e: MessageEvent<FetchAsk>) => {
  if ('abort' in e.data) return stop.abort();
  let sent = 0;
  try {
    const bytes = await fetchWithProgress(
      e.data.url,
      (p) => {
        const now = performance.now();
        if (now - sent < PROGRESS_MS && p.loaded !== p.total) return;
        sent = now;
        answer({ progress: p });
      },
      stop.signal,
      e.data.maxBytes,
    );
    answer({ bytes, scan: scannedAsArrived.get(bytes) }, [bytes.buffer]);
  } catch (err) {
    answer(errorAnswer(err));
  }
});
