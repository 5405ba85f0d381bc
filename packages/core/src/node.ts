/** Node-only entry: native DuckDB connector and file helpers (never bundled for the browser). */

export { StatementType } from '@duckdb/node-api';
export { NodeEngine } from './engine/node.ts';
