/**
 * The rate drawn month by month: the dashboard's trend panel, its month cube, snapshot mode and the
 * snapshot file's monthly section all read this one key.
 */
export const TREND_INDICATOR = 'case.online_apply_rate';

/** Indicators shown as KPI tiles by default, in this order (the full catalogue is computed too). */
export const DEFAULT_INDICATORS = [
  TREND_INDICATOR,
  'case.online_closed_rate',
  'case.closure_rate',
  'case.overdue_count',
] as const;
