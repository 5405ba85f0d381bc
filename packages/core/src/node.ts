/** Node-only entry: native DuckDB connector and file helpers (never bundled for the browser). */

export { StatementType } from '@duckdb/node-api';
export { NodeEngine, NodeReader, type StreamedResult } from './engine/node.ts';
