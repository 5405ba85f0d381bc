import type { DashboardConfig, Engine } from '@assessment-dashboard/core';
import { TREND_INDICATOR, traced } from '@assessment-dashboard/core';
import type { Ready } from './cube-panels.ts';

/** How many ledger entries the on-screen report shows; the CSV download has all of them. */
const REPORT_ENTRIES = 50;

type Live = typeof import('../dashboard/live.ts');

/**
 * What the first paint shows: every indicator, the ledger's first entries (local imports only: a query
 * server's ledger belongs to its operator, and `serve` prints it), the trend when cases are loaded, the
 * as-of day shown and the data's own latest day; undefined when the run was superseded.
 */
export async function firstPaint(
  live: Live,
  engine: Engine,
  o: {
    asOf: string | undefined;
    config: DashboardConfig | undefined;
    remote: string | undefined;
    signal: AbortSignal;
  },
) {
  const { asOf, config } = o;
  const computed = await traced('indicators', () => live.computeIndicators(engine, { asOf, config }));
  o.signal.throwIfAborted();
  const entries = o.remote
    ? []
    : await traced('ledger excerpt', () => live.ledgerEntries(engine, REPORT_ENTRIES));
  const hasCases = computed.some((c) => c.result.key === TREND_INDICATOR);
  const trend = hasCases
    ? await traced('trend', () =>
        live.computeGrouped(engine, { asOf, config, period: 'month', keys: [TREND_INDICATOR] }),
      )
    : [];
  // Superseded meanwhile: nothing to paint (the caller returns quietly, as for any stale run).
  if (o.signal.aborted) return undefined;
  const shownAsOf = computed[0]?.result.asOf ?? '';
  // The data's own latest day, shown beside a chosen as-of day (the same when none is chosen).
  const dataEnd = asOf ? await live.dataAsOf(engine) : shownAsOf;
  const state = {
    remote: o.remote,
    computed: computed.map((c) => ({ result: c.result })),
    asOf: shownAsOf,
    dataEnd,
    entries,
    trend,
    trendMonths: trend.map((r) => r.group?.period ?? ''),
    scorecard: hasCases ? ('computing' as const) : undefined,
  } satisfies Partial<Ready>;
  return { computed, hasCases, shownAsOf, state };
}
