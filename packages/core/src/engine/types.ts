import type { Table } from 'apache-arrow';
import type { Dialect } from '../sql/dialect/types.ts';
import type { SqlValue } from '../sql/quote.ts';

/**
 * The connector every engine implements (DuckDB-WASM in the browser, native DuckDB in Node, later a
 * remote server). Everything above it speaks SQL and receives Arrow tables, so the same indicator SQL
 * runs unchanged on each.
 */
export interface Engine {
  readonly name: string;
  /** SQL dialect of the database behind it (default 'duckdb'); the library's SQL is rendered for it. */
  readonly dialect?: Dialect;
  /**
   * The calendar and fact tables were built where the data lives (a query server): computations use
   * them as they are and never issue DDL here.
   */
  readonly prepared?: boolean;
  /** Makes UTF-8 text readable by `read_csv`; returns the path to use in SQL. */
  registerText(fileName: string, text: string): Promise<string>;
  /**
   * Makes bytes (UTF-8 CSV) readable by `fileName`; returns the path to use in SQL. The caller keeps its
   * bytes (an engine that hands them to a worker copies them first), unless it gives them away (`owned`:
   * a buffer no one else holds, which a worker may take as it is). Optional: engines without it get text.
   */
  registerBytes?(fileName: string, bytes: Uint8Array, owned?: boolean): Promise<string>;
  /**
   * Gives up a file `registerText`/`registerBytes` made, once it has been read into a table: a worker's
   * copy of it (a 3M-case CSV is 547 MB) or its temporary file.
   */
  unregister?(path: string): Promise<void>;
  /**
   * DuckDB's own `read_parquet` works on files from `registerBytes` (native DuckDB has it built in;
   * DuckDB-WASM offline has no parquet extension, so the importer converts in JS there).
   */
  readonly nativeReaders?: boolean;
  /** Runs one statement with positional `?` parameters and returns its result as Arrow. */
  query(sql: string, params?: SqlValue[]): Promise<Table>;
  /** Runs statements that return nothing useful. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Session settings every engine applies: extensions are never fetched from the network. */
export const ENGINE_SETUP_SQL =
  'SET autoload_known_extensions = false; SET autoinstall_known_extensions = false;';

/**
 * The engine itself stopped (its worker died, or WebAssembly trapped): nothing more can run on it, and
 * the data must be loaded again into a fresh one. Distinct from a query's own error.
 */
export class EngineCrashedError extends Error {
  override name = 'EngineCrashedError';
}

/** Messages of WebAssembly traps and aborts: after one, a DuckDB-WASM instance cannot be trusted again. */
const TRAP = /\b(RuntimeError|unreachable|memory access out of bounds|Aborted\(|Out of bounds)/i;

/** The error as an EngineCrashedError when it means the engine is gone, else unchanged. */
export function asCrash(e: unknown): unknown {
  if (e instanceof EngineCrashedError) return e;
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return TRAP.test(message) ? new EngineCrashedError(`DuckDB stopped: ${message}`) : e;
}
