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
 * The case tiles before everything else ("paint early, refine after"): right after the import, those that
 * need no working-day facts, the others shown as pending (never as 0); then those tiles, over the facts
 * computed inline.
 * `show` paints each step; the full first paint (first-paint.ts) follows. Nothing without case data.
 */
export async function earlyTiles(
  live: Live,
  engine: Engine,
  o: {
    asOf: string | undefined;
    config: DashboardConfig | undefined;
    signal: AbortSignal;
    show(tiles: EarlyTile[]): void;
  },
): Promise<void> {
  const keys = DEFAULT_INDICATORS;
  const options = { asOf: o.asOf, config: o.config, keys };
  const first = await traced('tiles before the facts', () =>
    live.computeIndicators(engine, { ...options, facts: false }),
  );
  const asOf = first[0]?.result.asOf;
  if (o.signal.aborted || asOf === undefined) return;
  const ready = first.map((c) => c.result);
  const missing = keys.filter((k) => !ready.some((r) => r.key === k));
  const pending = live.pendingResults(missing, asOf, o.config);
  o.show(inOrder(keys, ready, pending));
  if (!missing.length) return;
  // The facts read inline: one count over them costs less than writing their table, built after the paint.
  // The as-of time is the first call's (no second look-up of the data's latest date).
  const rest = await traced('tiles after the facts', () =>
    live.computeIndicators(engine, { ...options, asOf, keys: missing, facts: 'inline' }),
  );
  if (o.signal.aborted) return;
  o.show(
    inOrder(
      keys,
      [...ready, ...rest.map((c) => c.result)],
      pending.filter((p) => !rest.some((c) => c.result.key === p.key)),
    ),
  );
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
