import { DEFAULT_INDICATORS, type IndicatorResult } from '@assessment-dashboard/core';

/** Indicators shown as KPI tiles by default for case data, in this order (the full catalogue is in `results`). */
export const DEFAULT_TILES = DEFAULT_INDICATORS;

/** The overview tiles of each other dataset, shown when no case data is loaded. */
const OTHER_TILES = [
  // 12345 hotline: closure, on time, callback, satisfaction.
  ['hot.closure_rate', 'hot.on_time_rate', 'hot.callback_rate', 'hot.satisfaction'],
  // On-request disclosure (依申请公开): replies on time, overdue backlog.
  ['foi.request_on_time', 'foi.backlog'],
  // Proactive disclosure (主动公开): volume (the breakdown's total), published on time.
  ['foi.volume_by_month', 'foi.proactive_timely'],
] as const;

/**
 * The tiles for what was loaded: the case tiles whenever case data is (as before, whatever else came with
 * it); otherwise the overview tiles of each dataset that has data, so a hotline-, request- or
 * disclosure-only load leads with its own numbers instead of four "no data" tiles. A dataset has data when
 * any of its tiles is computable (status other than unavailable), which holds in local, remote and snapshot
 * mode alike.
 */
export function defaultTiles<T extends { result: IndicatorResult }>(computed: readonly T[]): T[] {
  const pick = (keys: readonly string[]) =>
    keys.flatMap((key) => computed.filter((c) => c.result.key === key));
  const has = (tiles: T[]) => tiles.some((c) => c.result.status !== 'unavailable');
  const cases = pick(DEFAULT_TILES);
  if (has(cases)) return cases;
  const others = OTHER_TILES.map(pick).filter(has);
  // Nothing loaded has tiles: the case tiles say which columns they lack.
  return others.length ? others.flat() : cases;
}
