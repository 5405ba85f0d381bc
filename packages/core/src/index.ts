/** @assessment-dashboard/core: DOM-free schemas, import, indicators and engine connectors. */
export { WasmEngine } from './engine/wasm.ts';
export { ENGINE_SETUP_SQL, type Engine } from './engine/types.ts';
export * from './schema/types.ts';
export * as enums from './schema/enums.ts';
export { DATASETS, datasetDef } from './schema/datasets.ts';
export { enumLabel } from './schema/labels.ts';
export { decodeBytes, type DecodedText } from './import/encoding.ts';
export { detectDataset, matchHeaders, normaliseHeader } from './import/headers.ts';
export { importFile, type ImportOptions } from './import/import-csv.ts';
export { ImportError, type ImportSummary, type LedgerEntry, LEDGER_TABLE } from './import/ledger.ts';
export { INDICATORS, indicatorByKey } from './indicators/catalogue.ts';
export {
  computeIndicators,
  dataAsOf,
  loadedTables,
  runIndicator,
  type ComputedIndicator,
  type ComputeOptions,
} from './indicators/compute.ts';
export { wilson, rateStatus, MIN_DENOMINATOR } from './indicators/status.ts';
export type * from './indicators/types.ts';
export { ident, literal, type SqlQuery, type SqlValue } from './sql/quote.ts';
export type { Filters } from './sql/filters.ts';
export { summarise, type RunSummary } from './summary.ts';
