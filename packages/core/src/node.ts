/** Node-only entry: native DuckDB connector and file helpers (never bundled for the browser). */
export { NodeEngine } from './engine/node.ts';
