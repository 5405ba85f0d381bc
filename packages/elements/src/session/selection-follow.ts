import {
  type DashboardConfig,
  type Engine,
  type Selection,
  selectionOptions,
} from '@assessment-dashboard/core';
import type { Ready } from './cube-panels.ts';
import { type DatasetGroups, datasetGroups } from './dataset-groups.ts';
import type { SessionSettings } from './session-settings.ts';

/** What a selection changes that the cubes do not hold: the calendar's days and the dataset panels' groups. */

/** Cases per day under the selection (its months aside: the heatmap is itself a time view). */
export async function dailyUnder(
  engine: Engine,
  selection: readonly Selection[],
  tables: Map<string, string[]>,
) {
  const filters = selectionOptions(selection).datasetFilters?.cases;
  return (await import('../dashboard/live.ts')).dailyVolume(engine, { filters, tables });
}

/** The hotline, on-request and proactive-disclosure groups of the panels shown, under the selection. */
export function groupsUnder(
  engine: Engine,
  ready: Ready,
  settings: SessionSettings,
  config: DashboardConfig | undefined,
  selection: readonly Selection[],
  signal: AbortSignal,
): Promise<DatasetGroups | undefined> {
  return datasetGroups(engine, {
    asOf: settings.asOf || undefined,
    shownAsOf: ready.asOf,
    config,
    loaded: new Set(ready.computed.map((c) => c.result.key)),
    wants: (need) => settings.wants(need),
    wantsGroup: settings.wantsGroup?.bind(settings),
    signal,
    selection,
    previous: ready.datasetGroups,
  });
}
