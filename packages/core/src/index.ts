/**
 * @assessment-dashboard/core: DOM-free schemas, import, indicators and engine connectors. The annual-report
 * tables are a separate entry, `@assessment-dashboard/core/annual-report`, so that the elements can load
 * them (and the XLSX writer) only when a report is shown; so are snapshot files,
 * `@assessment-dashboard/core/snapshot` (`buildSnapshot`, `readSnapshot`).
 */

export { ByteSink } from './byte-sink.ts';
export {
  addWorkingDays,
  CALENDAR_MACROS_SQL,
  CalendarConfigError,
  type CalendarDays,
  type CalendarOverrides,
  type CalendarRange,
  calendarDays,
  calendarJoin,
  calendarTableSql,
  chineseCalendar,
  type DayKind,
  dayKind,
  dueDateExpr,
  dueDateJoin,
  installCalendar,
  isKnownYear,
  isWorkday,
  MAX_WORKING_DAYS,
  nationalDayName,
  type Pause,
  parseCalendarOverrides,
  pausedWorkingDays,
  type WeekendCalendarOptions,
  WORK_CALENDAR_TABLE,
  type WorkCalendar,
  weekendCalendar,
  withOverrides,
  workingDaysBetween,
  workingDaysBetweenExpr,
  type YearCoverage,
} from './calendar/index.ts';
export { addDays, addMonths, monthsOf } from './dates.ts';
export * from './drill/index.ts';
export { arrowModule } from './engine/arrow-module.ts';
export { ClickHouseEngine, type ClickHouseEngineOptions, ClickHouseError } from './engine/clickhouse.ts';
export { inlineParams, valueLiteral } from './engine/inline-params.ts';
export { RemoteEngine, RemoteEngineError, type RemoteEngineOptions } from './engine/remote.ts';
export { asCrash, ENGINE_SETUP_SQL, type Engine, EngineCrashedError } from './engine/types.ts';
export { WasmEngine } from './engine/wasm.ts';
export { csvCell, toCsv } from './export/csv.ts';
export { importedRelations } from './import/dataset-view.ts';
export { type DecodedText, decodeBytes } from './import/encoding.ts';
export {
  type DelimitedText,
  detectFormat,
  FormatError,
  type InputFormat,
  toDelimitedText,
} from './import/formats/index.ts';
export { type ScannedBytes, scannedAsArrived } from './import/formats/utf8-scan.ts';
export {
  type DatasetCandidate,
  type DatasetGuess,
  detectDataset,
  guessDataset,
  matchHeaders,
  normaliseHeader,
} from './import/headers.ts';
export {
  DEFAULT_TIMEZONE,
  type ImportOptions,
  type ImportProgress,
  importFile,
} from './import/import-file.ts';
export { ImportError, type ImportSummary, LEDGER_TABLE, type LedgerEntry } from './import/ledger.ts';
export { ledgerCsv, ledgerEntries } from './import/ledger-query.ts';
export { type ImportMapping, MappingError, parseMapping } from './import/mapping.ts';
export type { PiiAction, PiiColumn, PiiKind } from './import/pii.ts';
export {
  type FilePreview,
  guessForMapping,
  MAX_CODED_VALUES,
  previewFile,
  suggestColumns,
} from './import/preview.ts';
export { suggestCode, type UnknownValue, unknownValues, type ValueCount } from './import/recode-values.ts';
export { prepareCsv } from './import/register-file.ts';
export { INDICATORS, indicatorByKey } from './indicators/catalogue/index.ts';
export {
  type ComputedIndicator,
  type ComputeOptions,
  computeIndicators,
  dataAsOf,
  loadedTables,
  normaliseAsOf,
  pendingResults,
  prepareComputation,
  runIndicator,
} from './indicators/compute.ts';
export { type DashboardConfig, parseConfig, resolveTarget } from './indicators/config.ts';
export { ConfigError } from './indicators/config-error.ts';
export {
  buildCubes,
  CUBE_DIMENSIONS,
  type CubeCell,
  type CubeSelection,
  cubeGroupIndicators,
  cubeIndicators,
  cubeValues,
  type IndicatorCube,
  type IndicatorCubes,
} from './indicators/cube.ts';
export { dailyVolume } from './indicators/daily.ts';
export { DEFAULT_INDICATORS, TREND_INDICATOR } from './indicators/default-keys.ts';
export { DIMENSIONS, LIVE_PERIOD_COLUMN, monthColumn } from './indicators/dimensions.ts';
export { applyDisclosureControl, type DisclosureControl } from './indicators/disclosure-control.ts';
export {
  computeGrouped,
  type GroupedOptions,
  PERIOD_UNITS,
  type PeriodUnit,
} from './indicators/grouped.ts';
export { missingText, unavailableReason } from './indicators/missing-text.ts';
export { MIN_DENOMINATOR, rateStatus, wilson } from './indicators/status.ts';
export type * from './indicators/types.ts';
export { type Condition, parseUserIndicator } from './indicators/user-defined.ts';
export { dict, own } from './own-keys.ts';
export { DATASETS, datasetDef, isDatasetKey } from './schema/datasets.ts';
export * as enums from './schema/enums.ts';
export { enumLabel } from './schema/labels.ts';
export { isBlankLabel, normaliseLabel, normaliseLabelSql } from './schema/normalise-label.ts';
export { missingRoles, requiredRoles, roleText } from './schema/roles.ts';
export * from './schema/types.ts';
export {
  computeScorecard,
  DEFAULT_SCORECARD,
  DEFAULT_SCORECARD_JSON,
  type ItemScore,
  parseScorecardModel,
  type ScoreBand,
  type Scorecard,
  type ScorecardItem,
  type ScorecardModel,
  type ScorecardOptions,
  type ScorecardRow,
  type ScorecardRule,
  scorecardFromGrouped,
  scoreItem,
} from './scorecard/index.ts';
export * from './selection/index.ts';
export { CLICKHOUSE_SETTINGS, toClickHouse } from './sql/dialect/clickhouse.ts';
export { type Dialect, isDialect } from './sql/dialect/types.ts';
export type { Filters } from './sql/filters.ts';
export { ident, literal, type SqlQuery, type SqlValue } from './sql/quote.ts';
export { type RunSummary, summarise } from './summary.ts';
export * from './supervision/index.ts';
export { type TraceEntry, traced } from './trace.ts';
export { concatInSlices, yieldToHost } from './yield-to-host.ts';
