import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId, type StatementType } from '@duckdb/node-api';
import { Bool, Float64, Table, Utf8, type Vector, vectorFromArray } from 'apache-arrow';
import type { SqlValue } from '../sql/quote.ts';
import { ENGINE_SETUP_SQL, type Engine } from './types.ts';

const NUMERIC = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);
const TEMPORAL = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

const toNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.getTime() : Number(v);

/** node-api binds a JS integer as a 32-bit INTEGER (wrapping larger ones); pass those as BIGINT. */
const widenInteger = (v: SqlValue): SqlValue | bigint =>
  typeof v === 'number' && Number.isSafeInteger(v) && (v > 2 ** 31 - 1 || v < -(2 ** 31)) ? BigInt(v) : v;

/**
 * Native DuckDB (`@duckdb/node-api`, pinned to the engine version inside DuckDB-WASM) for the CLI and
 * Node tests. Results are converted to the same Arrow shapes DuckDB-WASM returns with
 * `castBigIntToDouble`: numbers become Float64, dates and timestamps epoch milliseconds.
 */
export class NodeEngine implements Engine {
  readonly name = 'duckdb-node';
  readonly nativeReaders = true;
  #dir: Promise<string> | undefined;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async create(): Promise<NodeEngine> {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(ENGINE_SETUP_SQL);
    return new NodeEngine(instance, conn);
  }

  async registerText(fileName: string, text: string): Promise<string> {
    this.#dir ??= mkdtemp(join(tmpdir(), 'assessment-dashboard-'));
    const path = join(await this.#dir, fileName.replaceAll(/[^\w.-]/g, '_'));
    await writeFile(path, text, 'utf8');
    return path;
  }

  async registerBytes(fileName: string, bytes: Uint8Array): Promise<string> {
    this.#dir ??= mkdtemp(join(tmpdir(), 'assessment-dashboard-'));
    const path = join(await this.#dir, fileName.replaceAll(/[^\w.-]/g, '_'));
    await writeFile(path, bytes);
    return path;
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Table> {
    const reader = await this.conn.runAndReadAll(sql, params.length ? params.map(widenInteger) : undefined);
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const columns = reader.getColumnsJS();
    const arrays: Record<string, Vector> = {};
    names.forEach((name, i) => {
      const id = types[i]?.typeId;
      const values = columns[i] ?? [];
      if (id !== undefined && (NUMERIC.has(id) || TEMPORAL.has(id))) {
        arrays[name] = vectorFromArray(values.map(toNumber), new Float64());
      } else if (id === DuckDBTypeId.BOOLEAN) {
        arrays[name] = vectorFromArray(values as (boolean | null)[], new Bool());
      } else {
        const strings = values.map((v) =>
          v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v),
        );
        arrays[name] = vectorFromArray(strings, new Utf8());
      }
    });
    return new Table(arrays);
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  /** The DuckDB statement type of each statement in `sql` (parsed and bound, not run); throws on bad SQL. */
  async statementTypes(sql: string): Promise<StatementType[]> {
    const extracted = await this.conn.extractStatements(sql);
    const out: StatementType[] = [];
    for (let i = 0; i < extracted.count; i++) {
      const prepared = await extracted.prepare(i);
      out.push(prepared.statementType);
      prepared.destroySync();
    }
    return out;
  }

  /** Cancels the statement running now (it fails with an interrupt error). */
  interrupt(): void {
    this.conn.interrupt();
  }

  /**
   * No more file access and no more setting changes for the rest of this session: what a server that
   * answers other people's SQL needs once its data is loaded.
   */
  async lockDown(): Promise<void> {
    await this.conn.run('SET enable_external_access = false; SET lock_configuration = true;');
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    if (this.#dir) await rm(await this.#dir, { recursive: true, force: true });
  }
}
