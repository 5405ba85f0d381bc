import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { ident, type SqlValue } from '../sql/quote.ts';
import { ENGINE_SETUP_SQL, type Engine } from './types.ts';

/**
 * Engine over an already-instantiated DuckDB-WASM database. Creating the database (worker, wasm
 * assets) is the browser's job (see packages/elements); this file stays free of DOM APIs.
 */
export class WasmEngine implements Engine {
  readonly name = 'duckdb-wasm';
  #conn: Promise<AsyncDuckDBConnection>;

  /**
   * @param database When given, this engine works in its own attached in-memory database, so several
   *   dashboards can share one DuckDB-WASM instance (one worker per page) without seeing each other's tables.
   */
  constructor(
    readonly db: AsyncDuckDB,
    readonly database?: string,
  ) {
    this.#conn = (async () => {
      const conn = await db.connect();
      await conn.query(ENGINE_SETUP_SQL);
      if (database) await conn.query(`ATTACH ':memory:' AS ${ident(database)}; USE ${ident(database)};`);
      return conn;
    })();
  }

  async registerText(fileName: string, text: string): Promise<string> {
    await this.db.registerFileText(fileName, text);
    return fileName;
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Table> {
    const conn = await this.#conn;
    if (params.length === 0) return (await conn.query(sql)) as unknown as Table;
    const stmt = await conn.prepare(sql);
    try {
      return (await stmt.query(...params)) as unknown as Table;
    } finally {
      await stmt.close();
    }
  }

  async exec(sql: string): Promise<void> {
    await (await this.#conn).query(sql);
  }

  async close(): Promise<void> {
    const conn = await this.#conn;
    if (this.database) await conn.query(`USE memory; DETACH ${ident(this.database)};`);
    await conn.close();
  }
}
