/**
 * Apache Arrow's code, fetched on demand. The element starts this import beside the DuckDB-WASM API's
 * (which imports Arrow itself): asked for only once the API chunk has been parsed, it arrived 0.3–0.6 s
 * later and held the engine's start back by as much.
 */
export const arrowModule = (): Promise<typeof import('apache-arrow')> => import('apache-arrow');
