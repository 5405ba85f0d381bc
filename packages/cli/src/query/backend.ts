import type { Schema, Table } from 'apache-arrow';

/** A refusal with its HTTP status; its message goes back to the caller as `{"error": …}`. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A result as it is read: the schema at once, then the rows chunk by chunk. */
export interface QueryResult {
  schema: Schema;
  chunks: AsyncIterable<Table>;
}

/**
 * What the HTTP front (`query-server.ts`) needs from a database: everything engine-specific (which
 * statements are allowed, how to cancel, how many run at once) lives behind this, so another engine can be
 * served by the same front with the same limits, cache and queue.
 */
export interface QueryBackend {
  /** Names the data answered from; it is part of the result cache key, so a new version never meets old answers. */
  readonly dataVersion: string;
  /** Statements it can run at once (the front admits no more). */
  readonly slots: number;
  /**
   * Runs one read-only statement and hands its result to `consume` while holding the connection; refuses
   * (Refusal) what it will not run; cancels the statement when `signal` aborts.
   */
  run<T>(sql: string, signal: AbortSignal, consume: (result: QueryResult) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
