import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResult,
  type DuckDBType,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type StatementType,
} from '@duckdb/node-api';
import { Bool, Float64, type Schema, Table, Utf8, type Vector, vectorFromArray } from 'apache-arrow';
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

  /**
   * `memoryLimit` (DuckDB syntax, e.g. "4GB") and `threads` bound the whole database; unset, DuckDB's own
   * defaults (80 % of RAM, every core) apply. `path`: a database file instead of memory (the caller owns it).
   */
  static async create(
    options: { memoryLimit?: string; threads?: number; path?: string } = {},
  ): Promise<NodeEngine> {
    const settings: Record<string, string> = {};
    if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
    if (options.threads) settings.threads = String(options.threads);
    // A database file (`path`) keeps loaded tables on disk, so memory holds only what queries touch.
    const instance = await DuckDBInstance.create(options.path ?? ':memory:', settings);
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

  async unregister(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Table> {
    const reader = await this.conn.runAndReadAll(sql, params.length ? params.map(widenInteger) : undefined);
    return toArrow(reader.columnNames(), reader.columnTypes(), reader.getColumnsJS());
  }

  async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  /** The DuckDB statement type of each statement in `sql` (parsed and bound, not run); throws on bad SQL. */
  statementTypes(sql: string): Promise<StatementType[]> {
    return statementTypes(this.conn, sql);
  }

  /**
   * Another connection on the same database: it sees the same tables and runs its statements in parallel
   * with this one's (DuckDB allows concurrent readers on one instance), e.g. for a query server's pool.
   */
  async reader(): Promise<NodeReader> {
    return new NodeReader(await this.instance.connect());
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

/** DuckDB's column types to the Arrow shapes DuckDB-WASM returns (see NodeEngine). */
function toArrow(names: readonly string[], types: readonly DuckDBType[], columns: unknown[][]): Table {
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

async function statementTypes(conn: DuckDBConnection, sql: string): Promise<StatementType[]> {
  const extracted = await conn.extractStatements(sql);
  const out: StatementType[] = [];
  for (let i = 0; i < extracted.count; i++) {
    const prepared = await extracted.prepare(i);
    out.push(prepared.statementType);
    prepared.destroySync();
  }
  return out;
}

/** A streamed result: its schema at once, then its rows chunk by chunk (about 2,048 rows each). */
export interface StreamedResult {
  schema: Schema;
  chunks: AsyncGenerator<Table>;
}

/**
 * One more connection on a NodeEngine's database, for reading: results come chunk by chunk, so whoever
 * reads them can stop early (a byte budget) without DuckDB materialising the rest.
 */
export class NodeReader {
  constructor(private readonly conn: DuckDBConnection) {}

  statementTypes(sql: string): Promise<StatementType[]> {
    return statementTypes(this.conn, sql);
  }

  /** The rows of one statement, without conversion (for small internal look-ups such as a parse tree). */
  async rows(sql: string, params: SqlValue[] = []): Promise<Record<string, unknown>[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS();
  }

  async stream(sql: string): Promise<StreamedResult> {
    return streamed(await this.conn.stream(sql));
  }

  /**
   * Parses and binds `sql` once: how many statements it holds, the type of the first, and that statement
   * to run streamed. A server that checks a statement before running it then pays for one parse and bind,
   * not two. `close` frees it (whether it ran or not).
   */
  async prepare(sql: string): Promise<PreparedRead> {
    const extracted = await this.conn.extractStatements(sql);
    const prepared = extracted.count > 0 ? await extracted.prepare(0) : undefined;
    return {
      count: extracted.count,
      type: prepared?.statementType,
      stream: async () => {
        if (!prepared) throw new Error('no statement to run');
        return streamed(await prepared.stream());
      },
      close: () => prepared?.destroySync(),
    };
  }

  /** Cancels the statement running on this connection (it fails with an interrupt error). */
  interrupt(): void {
    this.conn.interrupt();
  }

  close(): void {
    this.conn.closeSync();
  }
}

/** A statement parsed and bound on a NodeReader, not yet run (see NodeReader.prepare). */
export interface PreparedRead {
  /** Statements in the text (only the first is prepared). */
  count: number;
  type: StatementType | undefined;
  stream(): Promise<StreamedResult>;
  close(): void;
}

/** DuckDB's streamed result as Arrow chunks with the shapes NodeEngine returns. */
function streamed(result: DuckDBResult): StreamedResult {
  const names = result.columnNames();
  const types = result.columnTypes();
  const schema = toArrow(
    names,
    types,
    names.map(() => []),
  ).schema;
  async function* chunks(): AsyncGenerator<Table> {
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      yield toArrow(names, types, chunk.convertColumns(JSDuckDBValueConverter));
    }
  }
  return { schema, chunks: chunks() };
}
