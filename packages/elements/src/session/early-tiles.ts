import {
  type DashboardConfig,
  DEFAULT_INDICATORS,
  type Engine,
  type IndicatorResult,
  traced,
} from '@assessment-dashboard/core';

type Live = typeof import('../dashboard/live.ts');

export type EarlyTile = { result: IndicatorResult; pending?: true };

/**
 * The case tiles before everything else ("paint early, refine after"): right after the import, all of
 * them in one scan, the working-day facts of the overdue count computed inline (their table is built after
 * the paint; a separate scan for the three rates first cost a million-case export 0.2–0.3 s more before
 * every tile had its number). A tile that cannot be computed yet is shown as pending (never as 0).
 * `show` paints them; the full first paint (first-paint.ts) follows. Nothing without case data.
 */
export async function earlyTiles(
  live: Live,
  engine: Engine,
  o: {
    asOf: string | undefined;
    config: DashboardConfig | undefined;
    signal: AbortSignal;
    /** every relation of the database, when known (see loadedTables) */
    relations?: readonly string[] | undefined;
    show(tiles: EarlyTile[]): void;
  },
): Promise<void> {
  const keys = DEFAULT_INDICATORS;
  const computed = await traced('tiles', () =>
    live.computeIndicators(engine, {
      asOf: o.asOf,
      config: o.config,
      keys,
      facts: 'inline',
      relations: o.relations,
    }),
  );
  const asOf = computed[0]?.result.asOf;
  if (o.signal.aborted || asOf === undefined) return;
  const ready = computed.map((c) => c.result);
  const missing = keys.filter((k) => !ready.some((r) => r.key === k));
  o.show(inOrder(keys, ready, live.pendingResults(missing, asOf, o.config)));
}

/** The tiles in the catalogue's tile order, the pending ones marked. */
function inOrder(keys: readonly string[], ready: IndicatorResult[], pending: IndicatorResult[]): EarlyTile[] {
  return keys.flatMap((k): EarlyTile[] => {
    const r = ready.find((x) => x.key === k);
    if (r) return [{ result: r }];
    const p = pending.find((x) => x.key === k);
    return p ? [{ result: p, pending: true }] : [];
  });
}
