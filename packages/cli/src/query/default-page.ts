import {
  buildCubes,
  computeGrouped,
  computeIndicators,
  computeScorecard,
  type DashboardConfig,
  dailyVolume,
  type Engine,
  type IndicatorCubes,
  type PeriodUnit,
  watchList,
} from '@assessment-dashboard/core';

/** The indicator of the month trend under the tiles (the element's TREND_KEY). */
const TREND_KEY = 'case.online_apply_rate';

export interface PageOptions {
  /** The as-of day; unset, the data's own latest day (the element's default). */
  asOf?: string;
  /** The element's configuration (serve's `--config` for the warm-up). */
  config?: DashboardConfig;
  /** The scorecard's period (the element's `period` attribute; unset by default). */
  scorePeriod?: PeriodUnit;
}

/**
 * The statements `<assessment-dashboard engine="…">` sends when its page opens on a query server, in its
 * order (assessment-dashboard.ts, remote mode): the indicators, the month trend, the cross-filter cubes,
 * the daily heatmap, the watch list and the scorecard. `serve` runs it once at start (the warm-up), and
 * the simulated dashboards of the load test open their page with it.
 */
export async function openPage(engine: Engine, options: PageOptions = {}): Promise<IndicatorCubes> {
  const { asOf, config } = options;
  const computed = await computeIndicators(engine, { asOf, config });
  const hasCases = computed.some((c) => c.result.key === TREND_KEY);
  if (hasCases) await computeGrouped(engine, { asOf, config, period: 'month', keys: [TREND_KEY] });
  const cubes = await buildCubes(engine, { asOf, config });
  if (hasCases) {
    await dailyVolume(engine, { tables: cubes.tables });
    await watchList(engine, { asOf, config });
    await computeScorecard(engine, { asOf, config, period: options.scorePeriod });
  }
  return cubes;
}
