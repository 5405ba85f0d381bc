import { type DashboardConfig, type Engine, inlineParams, type SqlValue } from '@assessment-dashboard/core';
import { tableFromIPC } from 'apache-arrow';
import type { QueryServer } from '../query-server.ts';
import { openPage } from './default-page.ts';

/** The warm-up's client name in admission (its own per-client share, never a visitor's). */
export const WARM_UP_CLIENT = 'warm-up';

/**
 * The query server seen as an Engine: each statement is sent exactly as `RemoteEngine` sends it (parameters
 * inlined) and answered through the server's own admission and cache, so what it computes is what a
 * dashboard's identical request then finds.
 */
class ServerEngine implements Engine {
  readonly name = 'remote';
  readonly prepared = true;
  /** Statements asked so far. */
  asked = 0;

  constructor(
    private readonly server: QueryServer,
    private readonly signal: AbortSignal,
  ) {}

  async registerText(): Promise<string> {
    throw new Error('the warm-up reads the data already loaded');
  }

  async query(sql: string, params: SqlValue[] = []) {
    this.signal.throwIfAborted();
    this.asked++;
    return tableFromIPC(await this.server.ask(inlineParams(sql, params), WARM_UP_CLIENT));
  }

  async exec(): Promise<void> {
    throw new Error('the warm-up only reads');
  }

  async close(): Promise<void> {}
}

/**
 * Opens the element's default page once against the server (one statement at a time), so the first
 * visitors find its answers cached instead of all waiting for the cubes: on 1M cases the cold page takes
 * tens of seconds, almost all of it the cross-filter cubes. Another as-of day, configuration or selection is
 * computed when first asked, as before. Stops before its next statement once `signal` aborts (shutdown).
 */
export async function warmUp(
  server: QueryServer,
  config: DashboardConfig | undefined,
  signal: AbortSignal,
): Promise<{ ms: number; statements: number }> {
  const started = performance.now();
  const engine = new ServerEngine(server, signal);
  await openPage(engine, { config });
  return { ms: performance.now() - started, statements: engine.asked };
}
