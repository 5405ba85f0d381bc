export {
  type BackfillFlag,
  type BackfillReason,
  type BackfillResult,
  type BackfillRules,
  DEFAULT_BACKFILL_RULES,
  findBackfilledSteps,
} from './backfill.ts';
export { FINDING_LABELS } from './labels.ts';
export {
  type ReconcileDeptTotals,
  type ReconcileFlag,
  type ReconcileReason,
  type ReconcileResult,
  reconcilePayments,
} from './reconcile.ts';
export { type WatchList, type WatchListOptions, type WatchListRow, watchList } from './watch-list.ts';
