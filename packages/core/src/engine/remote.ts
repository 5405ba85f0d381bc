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
  /** Times a "busy" answer (503) is retried after the server's Retry-After, within `timeoutMs` (default 4). */
  busyRetries?: number;
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      ok();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      fail(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });

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
    let bytes: ArrayBuffer;
    try {
      bytes = await res.arrayBuffer();
    } catch (e) {
      if (this.options.signal?.aborted) throw e;
      // The connection dropped mid-answer (server stopped, network cut): nothing half-read is used.
      throw new RemoteEngineError(
        `The answer of the query server ${this.url} was cut off: ${(e as Error).message}`,
      );
    }
    return tableFromIPC(new Uint8Array(bytes));
  }

  async exec(sql: string): Promise<void> {
    await this.#post('exec', sql);
  }

  async close(): Promise<void> {}

  async #post(type: 'arrow' | 'exec', sql: string): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    let res: Response;
    let dropped = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...this.options.headers },
          body: JSON.stringify({ type, sql }),
          signal,
        });
        // A busy server (503) says when to come back: a crowd is spread out instead of failing.
        if (res.status !== 503 || attempt >= (this.options.busyRetries ?? 4)) break;
        await res.body?.cancel();
        const after = Number(res.headers.get('Retry-After'));
        const seconds = Number.isFinite(after) && after > 0 ? Math.min(after, 10) : 1;
        await pause(seconds * 1000 * (0.5 + Math.random()), signal);
      } catch (e) {
        if (timeout.aborted)
          throw new RemoteEngineError(`The query server ${this.url} did not answer in time.`);
        if (this.options.signal?.aborted) throw e;
        // A reused connection the server had just closed (keep-alive race) fails before any answer; a
        // query is read-only, so it is sent again (twice at most: a busy client can meet the race twice).
        if (++dropped <= 2) continue;
        throw new RemoteEngineError(`Cannot reach the query server ${this.url}: ${(e as Error).message}`);
      }
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
