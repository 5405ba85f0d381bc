import { ByteSink } from '@assessment-dashboard/core';

export interface FetchProgress {
  loaded: number;
  /** From Content-Length; undefined when the server does not say. */
  total: number | undefined;
}

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A file larger than the browser can safely hold; `limit` and `size` are bytes. With `memory`, the limit is
 * the engine's memory (memory-budget.ts) rather than the `max-mb` attribute.
 */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  constructor(
    readonly file: string,
    readonly size: number,
    readonly limit: number,
    readonly memory?: { need: number; available: number },
  ) {
    super(`${file} is ${size} bytes, more than the ${limit}-byte limit of the browser`);
  }
}

/**
 * Fetches a file's bytes, reporting progress as chunks arrive; cancellable through `signal`. Stops as
 * soon as the size passes `maxBytes` (from Content-Length when given, else while streaming), so an
 * oversized file never fills the tab's memory.
 */
export async function fetchWithProgress(
  url: string,
  onProgress: (p: FetchProgress) => void,
  signal?: AbortSignal,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new FetchError(url, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) throw new FetchError(url, res.status, `HTTP ${res.status} ${res.statusText}`.trim());
  const header = Number(res.headers.get('content-length'));
  const total = Number.isFinite(header) && header > 0 ? header : undefined;
  if (total !== undefined && total > maxBytes) {
    await res.body?.cancel();
    throw new TooLargeError(url, total, maxBytes);
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const sink = new ByteSink(total, { scan: true });
  const reading = sink.drain(res.body);
  for (;;) {
    let step: IteratorResult<void>;
    try {
      step = await reading.next();
    } catch (e) {
      if (signal?.aborted) throw e;
      // The connection dropped mid-file: nothing of the part already read is used.
      const reason = e instanceof Error ? e.message : String(e);
      throw new FetchError(url, undefined, `download stopped after ${sink.length} bytes (${reason})`);
    }
    if (step.done) break;
    const loaded = sink.length;
    if (loaded > maxBytes) {
      await reading.return();
      await res.body.cancel();
      throw new TooLargeError(url, total ?? loaded, maxBytes);
    }
    onProgress({ loaded, total });
  }
  return sink.bytes();
}
