import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { ident, type SqlValue } from '../sql/quote.ts';
import { traced } from '../trace.ts';
import { concatInSlices, encodeUtf8InSlices } from '../yield-to-host.ts';
import { inlineParams } from './inline-params.ts';
import { asCrash, ENGINE_SETUP_SQL, type Engine } from './types.ts';

/**
 * Engine over an already-instantiated DuckDB-WASM database. Creating the database (worker, wasm
 * assets) is the browser's job (see packages/elements); this file stays free of DOM APIs.
 */
export class WasmEngine implements Engine {
  readonly name = 'duckdb-wasm';
  #conn: Promise<AsyncDuckDBConnection>;

  #crashed: Promise<never> | undefined;

  /**
   * @param database When given, this engine works in its own attached in-memory database, so several
   *   dashboards can share one DuckDB-WASM instance (one worker per page) without seeing each other's tables.
   * @param crashed Rejects when the worker dies; every pending and later call then fails with it instead
   *   of waiting forever for a reply that cannot come.
   */
  constructor(
    readonly db: AsyncDuckDB,
    readonly database?: string,
    crashed?: Promise<never>,
  ) {
    this.#crashed = crashed;
    crashed?.catch(() => {});
    this.#conn = this.#guard(async () => {
      const conn = await db.connect();
      await conn.query(ENGINE_SETUP_SQL);
      if (database) await conn.query(`ATTACH ':memory:' AS ${ident(database)}; USE ${ident(database)};`);
      return conn;
    });
    this.#conn.catch(() => {});
  }

  /** Runs `work`, failing fast if the worker dies meanwhile and turning WebAssembly traps into crashes. */
  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await (this.#crashed ? Promise.race([work(), this.#crashed]) : work());
    } catch (e) {
      throw asCrash(e);
    }
  }

  async registerText(fileName: string, text: string): Promise<string> {
    // What registerFileText does (UTF-8 bytes handed to the worker), with the encoding done in slices.
    const bytes = await traced('encode text', () => encodeUtf8InSlices(text));
    await traced('registerFileBuffer', () => this.#guard(() => this.db.registerFileBuffer(fileName, bytes)));
    return fileName;
  }

  async registerBytes(fileName: string, bytes: Uint8Array, owned = false): Promise<string> {
    // The whole buffer is transferred to the worker (detached here; the view keeps its offset): hand
    // over a copy, the caller keeps its bytes, unless it gives them away.
    const copy = owned ? bytes : await traced('copy bytes', () => concatInSlices([bytes]));
    await traced('registerFileBuffer', () => this.#guard(() => this.db.registerFileBuffer(fileName, copy)));
    return fileName;
  }

  async unregister(path: string): Promise<void> {
    await this.#guard(() => this.db.dropFile(path));
  }

  query(sql: string, params: SqlValue[] = []): Promise<Table> {
    return traced(sqlStep(sql), () => this.#query(sql, params));
  }

  // Values go in as literals (inlineParams quotes them): a prepared statement costs DuckDB-WASM three
  // trips to the worker (prepare, run, close) and DuckDB a second binding once the values' types are known
  // (a tiles query planned in 13 ms instead of 20 natively). Nothing is reused: every query is new SQL.
  #query(sql: string, params: SqlValue[]): Promise<Table> {
    return this.#guard(async () => {
      const conn = await this.#conn;
      const text = params.length ? inlineParams(sql, params) : sql;
      return (await conn.query(text)) as unknown as Table;
    });
  }

  exec(sql: string): Promise<void> {
    return traced(sqlStep(sql), () =>
      this.#guard(async () => {
        await (await this.#conn).query(sql);
      }),
    );
  }

  async close(): Promise<void> {
    const conn = await this.#conn;
    if (this.database) await conn.query(`USE memory; DETACH ${ident(this.database)};`);
    await conn.close();
  }
}

/** A statement's trace name: its first words, whitespace folded. */
const sqlStep = (sql: string) => () => `sql ${sql.replaceAll(/\s+/g, ' ').trim().slice(0, 90)}`;
