/** Indicators shown as KPI tiles by default, in this order (the full catalogue is in `results`). */
export const DEFAULT_TILES = [
  'case.online_apply_rate',
  'case.online_closed_rate',
  'case.closure_rate',
  'case.overdue_count',
] as const;
