import type { Table } from 'apache-arrow';
import type { SqlValue } from '../sql/quote.ts';
import { inlineParams } from './inline-params.ts';
import type { Engine } from './types.ts';

/** A query server refused or failed a request; the message names the server and says why. */
export class RemoteEngineError extends Error {
  override name = 'RemoteEngineError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface RemoteEngineOptions {
  /** Aborts every request in flight (the dashboard passes its load's signal). */
  signal?: AbortSignal;
  /** Extra request headers, e.g. an Authorization token the host's server expects. */
  headers?: Record<string, string>;
  /** Per-request bound in milliseconds (default 60 s): a server that never answers must not freeze the panel. */
  timeoutMs?: number;
}

/**
 * Runs the same indicator SQL on a query server over HTTP, speaking the REST protocol of Mosaic's
 * data server: POST `{"type": "arrow" | "json" | "exec", "sql": "…"}`, Arrow IPC back. The data stays on
 * the server, which has already built the calendar and fact tables (`assessment-dashboard serve`), so
 * computations never try to rebuild them here (`prepared`).
 */
export class RemoteEngine implements Engine {
  readonly name = 'remote';
  readonly prepared = true;

  constructor(
    readonly url: string,
    private readonly options: RemoteEngineOptions = {},
  ) {}

  async registerText(fileName: string): Promise<string> {
    throw new RemoteEngineError(
      `Cannot load "${fileName}" into the query server ${this.url}: its data is loaded on the server.`,
    );
  }

  async query(sql: string, params: SqlValue[] = []): Promise<Table> {
    const res = await this.#post('arrow', inlineParams(sql, params));
    // Loaded on first use: a page that never queries (a snapshot) does not download the Arrow library.
    const { tableFromIPC } = await import('apache-arrow');
    return tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  }

  async exec(sql: string): Promise<void> {
    await this.#post('exec', sql);
  }

  async close(): Promise<void> {}

  async #post(type: 'arrow' | 'exec', sql: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...this.options.headers },
        body: JSON.stringify({ type, sql }),
        signal,
      });
    } catch (e) {
      if (timeout.aborted)
        throw new RemoteEngineError(`The query server ${this.url} did not answer in time.`);
      if (this.options.signal?.aborted) throw e;
      throw new RemoteEngineError(`Cannot reach the query server ${this.url}: ${(e as Error).message}`);
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      let reason = body.slice(0, 500);
      try {
        reason = String((JSON.parse(body) as { error?: unknown }).error ?? reason);
      } catch {
        // Not JSON (a plain Mosaic server answers with text): keep the text.
      }
      throw new RemoteEngineError(
        `The query server ${this.url} answered ${res.status}: ${reason}`,
        res.status,
      );
    }
    return res;
  }
}
