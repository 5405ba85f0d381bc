/**
 * Where the DuckDB files live by default: a `duckdb/` folder beside the bundle that holds this module,
 * so the built folder works from any sub-path. The URL is built from a variable on purpose: a literal
 * `new URL('…', import.meta.url)` would make Vite inline the 33 MB wasm into the bundle.
 */
const DUCKDB_DIR = 'duckdb/';
export const defaultAssetBase = (): string => new URL(DUCKDB_DIR, import.meta.url).href;
