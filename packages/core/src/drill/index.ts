export {
  type Breakdown,
  type BreakdownOptions,
  type BreakdownRow,
  CASE_SORT_COLUMNS,
  type CaseList,
  type CaseListOptions,
  type CaseListRow,
  type CaseSortColumn,
  caseList,
  type DrillLevel,
  type DrillOptions,
  drillBreakdown,
  itemBreakdown,
} from './drill.ts';
export type { IndicatorRows } from './indicator-rows.ts';
