import {
  cubeGroupIndicators,
  cubeIndicators,
  cubeValues,
  type DashboardConfig,
  type Engine,
  type IndicatorCubes,
  type IndicatorResult,
  MONTH_COLUMN,
  ownClause,
  type Selection,
  selectionOptions,
  TREND_INDICATOR,
  yieldToHost,
} from '@assessment-dashboard/core';
import type { LoadState } from '../dashboard/load-state.ts';

export type Ready = Extract<LoadState, { phase: 'ready' }>;

/** A count per value of one column (a bar of the department or channel chart). */
export interface Count {
  key: string;
  value: number;
}

/**
 * Every panel under `selection`, from the cubes. A chart is not filtered by its own selection (as in
 * Mosaic's cross-filter): it keeps every bar and highlights the picked one, so the user can see the choice
 * in context and pick another. `missing`: the indicators the cubes cannot answer exactly (a query's job).
 */
export function cubePanels(
  cubes: IndicatorCubes,
  selection: readonly Selection[],
  trendMonths: readonly string[],
): { state: Partial<Ready>; missing: string[] } {
  const { results, missing } = cubeIndicators(cubes, selectionOptions(selection));
  // The cubes hold the indicators in catalogue order (user-defined ones last), as computeIndicators does.
  const computed = results.map((result) => ({ result }));
  // A chart's own clause is left out of its filters (see above).
  const without = (dataset: Parameters<typeof ownClause>[0], column: string) =>
    selectionOptions(selection, ownClause(dataset, column));
  const [domains] = cubeIndicators(cubes, without('disclosures', 'domain'), ['foi.volume_by_domain']).results;
  const i = computed.findIndex((c) => c.result.key === 'foi.volume_by_domain');
  if (domains && i >= 0) computed[i] = { result: domains };
  const state: Partial<Ready> = { computed };
  if (cubes.cubes.has(TREND_INDICATOR)) {
    // A selection the cubes cannot answer (a filter on another column) leaves these panels as they were.
    const trend = cubeGroupIndicators(
      cubes,
      TREND_INDICATOR,
      MONTH_COLUMN,
      trendMonths,
      without('all', MONTH_COLUMN),
    );
    if (trend.every((r) => r !== undefined && r.status !== 'unavailable')) {
      state.trend = trend.map((r, n) => ({ ...(r as IndicatorResult), group: { period: trendMonths[n] } }));
    }
    const count = (column: string): Count[] | undefined => {
      const values = cubeValues(cubes, TREND_INDICATOR, column);
      const groups = cubeGroupIndicators(cubes, TREND_INDICATOR, column, values, without('cases', column));
      // Not in this export: no panel rather than a bar of 0 for every group.
      if (!groups.every((r) => r !== undefined && r.status !== 'unavailable')) return undefined;
      return groups.map((r, n) => ({ key: values[n] ?? '', value: r?.denominator ?? 0 }));
    };
    const byDept = count('dept_name');
    const byChannel = count('apply_channel');
    if (byDept) state.byDept = byDept;
    if (byChannel) state.byChannel = byChannel;
  }
  return { state, missing };
}

/**
 * cubePanels, then a turn for the page before they render: the cubes' answer and the render of a click
 * were one 60–70 ms task (traced at 100k).
 */
export async function cubePanelsThenYield(...args: Parameters<typeof cubePanels>) {
  const panels = cubePanels(...args);
  await yieldToHost();
  return panels;
}

/**
 * The indicators the cubes could not answer under `selection`, by query; what it returns adds them to the
 * `computed` current when it is applied (the cubes left them out), in the cubes' (the catalogue's) order.
 */
export async function missingByQuery(
  engine: Engine,
  cubes: IndicatorCubes,
  keys: string[],
  o: { asOf: string | undefined; config: DashboardConfig | undefined; selection: readonly Selection[] },
): Promise<(computed: Ready['computed']) => Ready['computed']> {
  const live = await import('../dashboard/live.ts');
  const rest = await live.computeIndicators(engine, {
    asOf: o.asOf,
    config: o.config,
    ...selectionOptions(o.selection),
    keys,
  });
  const order = [...cubes.cubes.keys()];
  return (computed) =>
    [...computed, ...rest.map((r) => ({ result: r.result }))].sort(
      (a, b) => order.indexOf(a.result.key) - order.indexOf(b.result.key),
    );
}
