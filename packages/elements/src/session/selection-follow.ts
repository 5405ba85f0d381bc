import {
  type DashboardConfig,
  type Engine,
  type IndicatorCubes,
  type Selection,
  selectionOptions,
} from '@assessment-dashboard/core';
import type { Ready } from './cube-panels.ts';
import { type DatasetGroups, datasetGroups } from './dataset-groups.ts';
import type { SessionSettings } from './session-settings.ts';

/**
 * What a selection changes that the cubes do not hold: the indicators they cannot answer exactly, the
 * calendar's days and the dataset panels' groups.
 */

type Patch = (part: Partial<Ready>) => void;

/**
 * The indicators the cubes cannot answer exactly for `o.selection` (`missing`: medians of wider selections),
 * by query, added to the panels' list as it is then (`computed`). False when the selection went `stale`
 * meanwhile (nothing patched).
 */
async function addMissing(
  engine: Engine,
  cubes: IndicatorCubes,
  missing: string[],
  o: {
    asOf: string | undefined;
    config: DashboardConfig | undefined;
    selection: readonly Selection[];
    stale: () => boolean;
    computed: () => Ready['computed'] | undefined;
    patch: Patch;
  },
): Promise<boolean> {
  // Loaded already (the cubes were built and painted with it).
  const { missingByQuery } = await import('./cube-panels.ts');
  const add = await missingByQuery(engine, cubes, missing, o);
  const computed = o.computed();
  if (o.stale() || !computed) return false;
  o.patch({ computed: add(computed) });
  return true;
}

/** Cases per day under the selection (its months aside: the heatmap is itself a time view). */
async function dailyUnder(engine: Engine, selection: readonly Selection[], tables: Map<string, string[]>) {
  const filters = selectionOptions(selection).datasetFilters?.cases;
  return (await import('../dashboard/live.ts')).dailyVolume(engine, { filters, tables });
}

/** The calendar's days under `selection`, patched in unless `signal` is aborted by then. */
export async function patchDaily(
  engine: Engine,
  selection: readonly Selection[],
  tables: Map<string, string[]>,
  signal: AbortSignal,
  patch: Patch,
): Promise<void> {
  const daily = await dailyUnder(engine, selection, tables);
  if (!signal.aborted) patch({ daily });
}

/**
 * After a selection's panels are painted from the cubes: its days (when the calendar is shown) and its dataset
 * groups, by query, in the background. Each answer is patched in only while `chosen` is still the selection
 * (`current`): a newer selection, or the load's own follow-up, may have answered meanwhile. Then the
 * indicators the cubes could not answer (`missing`, awaited): false when the selection went stale first.
 */
export async function followSelection(
  engine: Engine,
  cubes: IndicatorCubes,
  ready: Ready,
  missing: string[],
  context: {
    settings: SessionSettings;
    config: DashboardConfig | undefined;
    chosen: readonly Selection[];
    signal: AbortSignal;
    stale: () => boolean;
    current: () => readonly Selection[];
    computed: () => Ready['computed'] | undefined;
    patch: Patch;
  },
): Promise<boolean> {
  const { settings, config, chosen, signal, current, patch } = context;
  const { tables } = cubes;
  if (settings.wants('daily')) void patchDaily(engine, chosen, tables, signal, patch).catch(() => {});
  void groupsUnder(engine, ready, settings, config, chosen, signal)
    .then((groups) => groups && current() === chosen && !signal.aborted && patch({ datasetGroups: groups }))
    .catch(() => {});
  if (!missing.length) return true;
  const asOf = settings.asOf || undefined;
  return addMissing(engine, cubes, missing, { ...context, asOf, selection: chosen });
}

/** The hotline, on-request and proactive-disclosure groups of the panels shown, under the selection. */
function groupsUnder(
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
