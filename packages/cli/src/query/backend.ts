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

/**
 * Milliseconds one statement spent in each stage (`queue`; `prepare`: parse, bind and plan; `check`: the
 * allow-list; `exec`; `encode`), filled in as it
 * goes; sent back as `Server-Timing` when the operator asks for it (serve --server-timing).
 */
export type Stages = Record<string, number>;

/** Adds the milliseconds since `from` to `stages[stage]` (a stage can be entered several times). */
export function addStage(stages: Stages | undefined, stage: string, from: number): void {
  if (stages) stages[stage] = (stages[stage] ?? 0) + (performance.now() - from);
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
   * (Refusal) what it will not run; cancels the statement when `signal` aborts. Records `prepare`, `check`
   * (the allow-list) and `exec` (until the result starts) in `stages`.
   */
  run<T>(
    sql: string,
    signal: AbortSignal,
    consume: (result: QueryResult) => Promise<T>,
    stages?: Stages,
  ): Promise<T>;
  close(): Promise<void>;
}
