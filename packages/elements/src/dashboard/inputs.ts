import { ByteSink, type DatasetKey } from '@assessment-dashboard/core';
import { fetchInWorker, fetchWorkerFrom } from '../load/fetch-in-worker.ts';
import { type FetchProgress, fetchWithProgress, TooLargeError } from '../load/fetch-with-progress.ts';
// Named imports: a namespace object would need the bundler's runtime helper, one more request at start-up.
import { type BrowserMemory, browserMemory, largestFile, memoryShortfall } from '../load/memory-budget.ts';
import type { Input } from './load-state.ts';

/** Attributes that name input files, and the dataset each implies (`src` is detected from headers). */
export const SOURCE_ATTRIBUTES = {
  src: undefined,
  disclosures: 'disclosures',
  requests: 'requests',
  hotline: 'hotline',
  items: 'items',
  steps: 'steps',
  receipts: 'receipts',
} as const satisfies Record<string, DatasetKey | undefined>;

export type SourceAttribute = keyof typeof SOURCE_ATTRIBUTES;

/** Last path segment of a URL, percent-decoded when that is valid. */
export function urlFileName(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() || url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Runs `read` with a byte limit that also keeps the file within the engine's memory; a file stopped by that
 * (before or while downloading) is reported as too large for this browser's memory, not for `max-mb`.
 */
export async function readWithinMemory<T>(
  maxBytes: number,
  read: (limit: number) => Promise<T>,
  memory?: BrowserMemory,
): Promise<T> {
  const m = memory ?? browserMemory();
  const fits = largestFile(m);
  if (fits >= maxBytes) return read(maxBytes);
  try {
    return await read(fits);
  } catch (e) {
    if (!(e instanceof TooLargeError) || e.limit !== fits) throw e;
    throw new TooLargeError(e.file, e.size, fits, memoryShortfall(e.size, m));
  }
}

/**
 * A file at a URL, downloaded in a worker from the asset folder (`assetBase`: fetch-in-worker.ts) when given,
 * else on the page's thread.
 */
export const urlInput = (
  url: string,
  dataset: DatasetKey | undefined,
  maxBytes: number,
  assetBase?: string,
): Input => ({
  name: url,
  label: urlFileName(url),
  dataset,
  read: (onProgress, signal) =>
    readWithinMemory(maxBytes, (limit) => {
      const progress = (p: FetchProgress) => onProgress(p.loaded, p.total);
      return assetBase === undefined
        ? fetchWithProgress(url, progress, signal, limit)
        : fetchInWorker(fetchWorkerFrom(assetBase), url, progress, signal, limit);
    }),
});

/** A local file: read in this browser, never uploaded; in chunks, so its bytes can be shown as they are read. */
export const fileInput = (file: File, maxBytes: number): Input => ({
  name: file.name,
  label: file.name,
  dataset: undefined,
  read: async (onProgress, signal) => {
    if (file.size > maxBytes) throw new TooLargeError(file.name, file.size, maxBytes);
    // Its size is known before reading: the progress line shows "0 / 48.0 MB", never "0 KB".
    onProgress(0, file.size);
    // Refused before reading when the engine could not hold it (memory-budget.ts).
    const short = memoryShortfall(file.size);
    if (short) throw new TooLargeError(file.name, file.size, largestFile(browserMemory()), short);
    const reader = file.stream().getReader();
    // Cancel ends a read waiting on the disk at once.
    const stop = () => void reader.cancel().catch(() => {});
    signal.addEventListener('abort', stop, { once: true });
    const sink = new ByteSink(file.size, { scan: true });
    try {
      for (;;) {
        signal.throwIfAborted();
        const { done, value } = await reader.read();
        if (done) break;
        const turn = sink.push(value);
        if (turn) await turn;
        onProgress(sink.length, file.size);
      }
    } finally {
      signal.removeEventListener('abort', stop);
    }
    signal.throwIfAborted();
    return sink.bytes();
  },
});

/**
 * The file-size limit in MB: `value` when it is a positive number, else `fallback`, with the attribute text
 * that was refused (`raw`, for a note), never "no limit".
 */
export function sizeLimit(
  value: number,
  raw: string | null,
  fallback: number,
): { mb: number; refused?: string } {
  if (Number.isFinite(value) && value > 0) return { mb: value };
  return { mb: fallback, refused: raw ?? String(value) };
}
