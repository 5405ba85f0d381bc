import type { DashboardConfig, Engine, ImportSummary, Selection } from '@assessment-dashboard/core';
import type { Ready } from './cube-panels.ts';
import { DATASET_GROUPS, type DatasetGroupNeed, datasetGroups } from './dataset-groups.ts';
import type { SessionSettings } from './session-settings.ts';

/** Follow-up queries a panel may need; only the ones some shown panel needs are run. */
export type SessionNeed = 'scorecard' | 'watch' | 'supervision' | 'daily' | DatasetGroupNeed;

/** The needs redone at every selection: skipped for folded panels, redone when one is unfolded. */
export const PER_SELECTION_NEEDS: ReadonlySet<SessionNeed> = new Set<SessionNeed>([
  'daily',
  ...Object.values(DATASET_GROUPS).map((q) => q.need),
]);

export interface FollowUpOptions {
  imports: readonly ImportSummary[];
  hasCases: boolean;
  /** the keys of the indicators computed (those of the loaded tables) */
  loaded: ReadonlySet<string>;
  /** the as-of day of the results shown */
  shownAsOf: string;
  /** the chart selection now (the dataset groups follow it; a newer one's answer is not overwritten) */
  selection(): readonly Selection[];
  /** the as-of day, the ranking period and which panels are shown */
  settings: Pick<SessionSettings, 'asOf' | 'period' | 'wants' | 'wantsGroup'>;
  config: DashboardConfig | undefined;
  /** the load's signal: once aborted, no further query starts and no answer is kept */
  signal: AbortSignal;
  patch(part: Partial<Ready>): void;
}

/**
 * Panels that need queries of their own (supervision checks, watch list, scorecard), run after everything
 * else is painted, one after the other, and only for panels that are shown.
 */
export async function followUps(engine: Engine, o: FollowUpOptions): Promise<void> {
  const live = await import('../dashboard/live.ts');
  const { signal, config, settings } = o;
  const asOf = settings.asOf || undefined;
  const keep = (part: Partial<Ready>) => signal.aborted || o.patch(part);
  const datasets = new Set(o.imports.map((i) => i.dataset));
  const reconcile = datasets.has('receipts') && datasets.has('cases');
  if ((datasets.has('steps') || reconcile) && settings.wants('supervision')) {
    signal.throwIfAborted();
    const backfill = datasets.has('steps') ? await live.findBackfilledSteps(engine) : undefined;
    const reconciliation = reconcile ? await live.reconcilePayments(engine) : undefined;
    keep({ supervision: { backfill, reconciliation } });
  }
  if (o.hasCases && settings.wants('watch')) {
    signal.throwIfAborted();
    keep({ watch: await live.watchList(engine, { asOf, config }) });
  }
  if (o.hasCases && settings.wants('scorecard')) {
    signal.throwIfAborted();
    // One statement per indicator (and period): the departments come out of each as its groups.
    keep({ scorecard: await live.computeScorecard(engine, { asOf, config, period: settings.period }) });
  }
  // Hotline, on-request and proactive-disclosure panels: after the case ones, so a full load's ranking is not
  // delayed (without cases they are the only follow-ups).
  const chosen = o.selection();
  const groups = await datasetGroups(engine, {
    ...o,
    asOf,
    wants: (need) => settings.wants(need),
    wantsGroup: settings.wantsGroup?.bind(settings),
    selection: chosen,
  });
  if (groups && o.selection() === chosen) keep({ datasetGroups: groups });
}
