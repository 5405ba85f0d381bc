/** Node-only entry: native DuckDB connector and file helpers (never bundled for the browser). */

export { StatementType } from '@duckdb/node-api';
export {
  type ClickHouseLoadOptions,
  type ClickHouseLoadResult,
  loadIntoClickHouse,
} from './engine/clickhouse-load.ts';
export { NodeEngine, NodeReader, type PreparedRead, type StreamedResult } from './engine/node.ts';
export { importPath, PATH_MIN_BYTES } from './import/import-path.ts';
