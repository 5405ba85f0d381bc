/**
 * What a file costs in memory once the browser's engine holds it, against what the engine can have: checked
 * before a byte is read, so a file the tab cannot hold gets a clear message instead of an engine that runs
 * out of memory half-way (or a tab that dies). Part of the start-up code: as a chunk of its own, fetched
 * with the first file, it held the file's request back by 0.2 s.
 *
 * Measured (`npm run bench`, 3M cases, a 546,615,930-byte CSV, machine contended): the page's renderer peaked
 * at 2,991 MB RSS, page and worker included (raw DuckDB-WASM: 2,194 MB), 5.47 bytes per CSV byte; DuckDB-WASM's
 * own share is less. Since a dataset stores only the file's columns (import/dataset-view.ts) and its facts
 * beside them, native DuckDB holds 265 MiB for 1M cases (182 MB) after the first computation, 1.5 bytes per
 * CSV byte; the peak is the import, while the text table and the typed one both exist. Rounded up to 5.5:
 * 3M cases fit (3.0 GB of 3.1 GiB), about 3.3M do not. Re-measure when the import's tables change.
 */
export const ENGINE_BYTES_PER_FILE_BYTE = 5.5;

/**
 * The engine's ceiling: a wasm32 heap addresses at most 4 GiB, and DuckDB-WASM keeps its buffer pool under
 * about 3.1 GiB of it (the limit its out-of-memory error names).
 */
export const WASM_ENGINE_BYTES = 3.1 * 2 ** 30;

/** What the page can tell about the device (Chrome rounds `navigator.deviceMemory` down and caps it at 8). */
export interface BrowserMemory {
  deviceGiB?: number | undefined;
}

export interface MemoryShortfall {
  /** estimated engine memory for the file, bytes */
  need: number;
  /** what the engine can have in this browser, bytes */
  available: number;
}

export const browserMemory = (): BrowserMemory => ({
  deviceGiB: (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory,
});

/** Bytes the engine can use here: its wasm32 ceiling, or half the device's memory when that is less. */
export function engineMemory(m: BrowserMemory): number {
  const device = m.deviceGiB && m.deviceGiB > 0 ? (m.deviceGiB * 2 ** 30) / 2 : Number.POSITIVE_INFINITY;
  return Math.min(WASM_ENGINE_BYTES, device);
}

/** The largest file (bytes) the engine is expected to hold. */
export const largestFile = (m: BrowserMemory): number =>
  Math.floor(engineMemory(m) / ENGINE_BYTES_PER_FILE_BYTE);

/** Undefined when a file of `size` bytes is expected to fit, else its estimated need and what there is. */
export function memoryShortfall(
  size: number,
  m: BrowserMemory = browserMemory(),
): MemoryShortfall | undefined {
  const need = size * ENGINE_BYTES_PER_FILE_BYTE;
  const available = engineMemory(m);
  return need > available ? { need, available } : undefined;
}
