import type { Table, Vector } from 'apache-arrow';
import { CLICKHOUSE_SETTINGS, toClickHouse } from '../sql/dialect/clickhouse.ts';
import type { SqlValue } from '../sql/quote.ts';
import type { Engine } from './types.ts';

/** ClickHouse refused or failed a request; the message names the server and carries its reason. */
export class ClickHouseError extends Error {
  override name = 'ClickHouseError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ClickHouseEngineOptions {
  /** Aborts every request in flight (the dashboard passes its load's signal). */
  signal?: AbortSignal;
  /** Database to query (default: the user's default database). */
  database?: string;
  /** User and password, sent as ClickHouse's `X-ClickHouse-User` / `X-ClickHouse-Key` headers. */
  user?: string;
  password?: string;
  /** Extra request headers, e.g. an Authorization token a proxy in front of ClickHouse expects. */
  headers?: Record<string, string>;
  /**
   * Send `readonly = 2` with every query: ClickHouse then refuses anything but reads for this request,
   * whatever the user may do (settings can still be sent). `serve --clickhouse` sets it.
   */
  readOnly?: boolean;
  /** Per-query bound in milliseconds (default 60 s): enforced by the client and as `max_execution_time`. */
  timeoutMs?: number;
}

/** A query id unique enough to KILL exactly this query. */
function queryId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `ad-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The indicators on ClickHouse over its HTTP interface, from Node or a browser (fetch only). The library's
 * DuckDB SQL is rendered for ClickHouse (sql/dialect/clickhouse.ts), values are bound as `{pN:Type}`
 * parameters, and results come back as uncompressed Arrow (apache-arrow 17 cannot read ClickHouse's
 * compressed Arrow), converted to the shapes the DuckDB engines return: every number (UInt64 counts too)
 * a Float64, dates and timestamps epoch milliseconds. The tables, calendar and facts were loaded there
 * (`assessment-dashboard load --clickhouse`), so computations never issue DDL through it (`prepared`).
 * A read-only user needs `readonly = 2` (settings are sent with each query) and, for a page on another
 * origin, `add_http_cors_header = 1`.
 */
export class ClickHouseEngine implements Engine {
  readonly name = 'clickhouse';
  readonly dialect = 'clickhouse' as const;
  readonly prepared = true;
  readonly #running = new Map<string, AbortController>();

  constructor(
    readonly url: string,
    private readonly options: ClickHouseEngineOptions = {},
  ) {}

  async registerText(fileName: string): Promise<string> {
    throw new ClickHouseError(
      `Cannot load "${fileName}" through the dashboard into ClickHouse ${this.url}: use assessment-dashboard load --clickhouse.`,
    );
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Table> {
    const q = toClickHouse(sql, params);
    const bound = Object.entries(q.params).map(([k, v]) => [`param_${k}`, v]);
    const res = await this.#send(q.sql, { ...Object.fromEntries(bound), default_format: 'ArrowStream' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const { tableFromIPC } = await import('apache-arrow');
    return toDuckDbShapes(tableFromIPC(bytes), await import('apache-arrow'));
  }

  /** Runs ClickHouse SQL as it is (no translation): the loader's DDL and inserts. */
  async exec(sql: string): Promise<void> {
    await (await this.#send(sql, {})).arrayBuffer();
  }

  /** `INSERT INTO table FORMAT format` with the data as the request body. */
  async insert(
    table: string,
    format: string,
    body: Uint8Array,
    settings: Record<string, string> = {},
  ): Promise<void> {
    await (await this.#send(`INSERT INTO ${table} FORMAT ${format}`, settings, body)).arrayBuffer();
  }

  /** Cancels every query this engine has in flight (fetch aborted, and KILL QUERY on the server). */
  cancel(): void {
    const ids = [...this.#running.keys()];
    for (const c of this.#running.values()) c.abort(new DOMException('Cancelled', 'AbortError'));
    this.#running.clear();
    if (ids.length)
      void this.#send(
        `KILL QUERY WHERE query_id IN (${ids.map((id) => `'${id}'`).join(', ')}) ASYNC`,
        {},
      ).catch(() => {});
  }

  async close(): Promise<void> {
    this.cancel();
  }

  async #send(sql: string, urlParams: Record<string, string>, body?: Uint8Array): Promise<Response> {
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    const id = queryId();
    const search = new URLSearchParams({
      ...CLICKHOUSE_SETTINGS,
      max_execution_time: String(Math.max(1, Math.ceil(timeoutMs / 1000))),
      cancel_http_readonly_queries_on_client_close: '1',
      query_id: id,
      ...(this.options.database ? { database: this.options.database } : {}),
      ...(this.options.readOnly ? { readonly: '2' } : {}),
    });
    for (const [k, v] of Object.entries(urlParams)) search.set(k, v);
    if (body) search.set('query', sql);
    const own = new AbortController();
    this.#running.set(id, own);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [own.signal, timeout, ...(this.options.signal ? [this.options.signal] : [])];
    const headers: Record<string, string> = { ...this.options.headers };
    if (this.options.user) headers['X-ClickHouse-User'] = this.options.user;
    if (this.options.password) headers['X-ClickHouse-Key'] = this.options.password;
    const endpoint = `${this.url.replace(/\/?$/, '/')}?${search}`;
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers,
        body: body ? new Blob([body as Uint8Array<ArrayBuffer>]) : sql,
        signal: AbortSignal.any(signals),
      });
      if (!res.ok) {
        const reason = (await res.text().catch(() => '')).trim().slice(0, 1000);
        throw new ClickHouseError(`ClickHouse ${this.url} answered ${res.status}: ${reason}`, res.status);
      }
      return res;
    } catch (e) {
      if (e instanceof ClickHouseError) throw e;
      if (timeout.aborted) {
        void this.#kill(id);
        throw new ClickHouseError(`ClickHouse ${this.url} did not answer within ${timeoutMs} ms.`);
      }
      if (own.signal.aborted || this.options.signal?.aborted) throw e;
      throw new ClickHouseError(`Cannot reach ClickHouse ${this.url}: ${(e as Error).message}`);
    } finally {
      this.#running.delete(id);
    }
  }

  async #kill(id: string): Promise<void> {
    await this.#send(`KILL QUERY WHERE query_id = '${id}' ASYNC`, {}).catch(() => {});
  }
}

type Arrow = typeof import('apache-arrow');

const toNumber = (v: unknown): number | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.getTime() : Number(v);

const toText = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v);

/** Lists, maps and tuples as JSON text, as the native DuckDB engine returns them. */
const toJson = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const plain =
    typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON(): unknown }).toJSON() : v;
  return JSON.stringify(plain, (_, y) => (typeof y === 'bigint' ? Number(y) : y));
};

/** The same column shapes the DuckDB engines return: Float64 numbers and times, Bool, Utf8, else JSON text. */
function toDuckDbShapes(table: Table, arrow: Arrow): Table {
  const { DataType, Float64, Bool, Utf8, vectorFromArray } = arrow;
  const columns: Record<string, Vector> = {};
  for (const [c, field] of table.schema.fields.entries()) {
    const vector = table.getChildAt(c);
    const values = Array.from({ length: table.numRows }, (_, i) => vector?.get(i) as unknown);
    const type = field.type;
    if (DataType.isTimestamp(type)) {
      // apache-arrow 17 returns timestamps in their own unit (seconds for a ClickHouse DateTime).
      const perMs = [1 / 1000, 1, 1000, 1_000_000][type.unit] ?? 1;
      columns[field.name] = vectorFromArray(
        values.map((v) => (v === null || v === undefined ? null : Number(v) / perMs)),
        new Float64(),
      );
    } else if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDate(type)) {
      columns[field.name] = vectorFromArray(values.map(toNumber), new Float64());
    } else if (DataType.isBool(type)) {
      columns[field.name] = vectorFromArray(values as (boolean | null)[], new Bool());
    } else if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isBinary(type)) {
      columns[field.name] = vectorFromArray(values.map(toText), new Utf8());
    } else {
      columns[field.name] = vectorFromArray(values.map(toJson), new Utf8());
    }
  }
  return new arrow.Table(columns);
}
