/**
 * What a file costs in memory once the browser's engine holds it, against what the engine can have: checked
 * before a byte is read, so a file the tab cannot hold gets a clear message instead of an engine that runs
 * out of memory half-way (or a tab that dies). No imports: it is its own chunk, fetched with the first file.
 *
 * Measured (machine contended): in the bench (`npm run bench`, 3M cases, a 546,615,930-byte CSV) DuckDB-WASM
 * ran out of its 3.1 GiB limit while computing, so it needs more than 6.09 bytes per CSV byte there; in native
 * DuckDB at 1M cases (182 MB) the `cases` and `case_facts` tables hold 1,029 MiB after the first computation
 * (`duckdb_memory()`), 5.9 bytes per CSV byte. Rounded up to 6.5, which still lets 1M cases in and keeps
 * 3M out. Re-measure when the import's tables change.
 */
export const ENGINE_BYTES_PER_FILE_BYTE = 6.5;

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
